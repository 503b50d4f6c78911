//! Watching a content folder for saves: `check --watch` re-runs the check on
//! each one, and the window can reload its content the same way. Plain
//! threads and callbacks (no async, no window): the events of one save, often
//! several (a temporary file, a rename, a second write), are gathered over a
//! short quiet time into one [`Change`].

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use notify_debouncer_full::notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::Lang;

/// How long the folder must stay quiet before a change is reported: long
/// enough for an editor's save (write, rename, metadata) to count once,
/// short enough to feel immediate.
pub const QUIET: Duration = Duration::from_millis(400);

/// What happened in the watched folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// These content files (`.ron`) were written, created, renamed or
    /// removed, each named once.
    Saved(Vec<PathBuf>),
    /// The system stopped reporting changes reliably (for example too many
    /// events at once); reload anyway, to be safe.
    Failed(WatchError),
}

/// Why a folder cannot be watched, or stopped being watched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WatchError {
    /// The path is not a folder (or does not exist).
    #[error("not a folder: {0}")]
    NotAFolder(PathBuf),
    /// The system refused to watch it; the reason is the system's.
    #[error("cannot watch the folder: {0}")]
    System(String),
}

impl WatchError {
    /// The message for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (WatchError::NotAFolder(path), Lang::Fr) => {
                format!(
                    "{} n'est pas un dossier : il ne peut pas être surveillé.",
                    path.display()
                )
            }
            (WatchError::NotAFolder(path), Lang::En) => {
                format!("{} is not a folder: it cannot be watched.", path.display())
            }
            (WatchError::System(reason), Lang::Fr) => {
                format!("Le système ne peut pas surveiller le dossier ({reason}).")
            }
            (WatchError::System(reason), Lang::En) => {
                format!("The system cannot watch the folder ({reason}).")
            }
        }
    }
}

/// A folder being watched. Dropping it stops the watching (and the thread
/// that calls back).
pub struct Watcher {
    // Held for its Drop: it owns the system watch and the debouncing thread.
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    dir: PathBuf,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher").field("dir", &self.dir).finish()
    }
}

impl Watcher {
    /// Watches `dir` and its subfolders (`fr/`, `en/`); `on_change` is
    /// called from another thread, once per save of a content file.
    pub fn start(
        dir: &Path,
        mut on_change: impl FnMut(Change) + Send + 'static,
    ) -> Result<Watcher, WatchError> {
        if !dir.is_dir() {
            return Err(WatchError::NotAFolder(dir.to_path_buf()));
        }
        let mut debouncer = new_debouncer(QUIET, None, move |events: DebounceEventResult| {
            match events {
                Ok(events) => {
                    let mut saved: Vec<PathBuf> = events
                        .into_iter()
                        .filter(|e| is_save(&e.kind))
                        .flat_map(|e| e.event.paths)
                        .filter(|p| is_content_file(p))
                        .collect();
                    saved.sort();
                    saved.dedup();
                    // An editor's swap or backup file is not a save.
                    if !saved.is_empty() {
                        on_change(Change::Saved(saved));
                    }
                }
                Err(errors) => {
                    let reasons: Vec<String> = errors.iter().map(ToString::to_string).collect();
                    on_change(Change::Failed(WatchError::System(reasons.join("; "))));
                }
            }
        })
        .map_err(|e| WatchError::System(e.to_string()))?;
        debouncer
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| WatchError::System(e.to_string()))?;
        Ok(Watcher {
            _debouncer: debouncer,
            dir: dir.to_path_buf(),
        })
    }

    /// Watches `dir`, each change arriving on the returned channel; the
    /// channel closes when the watcher is dropped.
    pub fn channel(dir: &Path) -> Result<(Watcher, Receiver<Change>), WatchError> {
        let (tx, rx) = mpsc::channel();
        let watcher = Watcher::start(dir, move |change| {
            // Nobody listening any more: nothing to do.
            let _ = tx.send(change);
        })?;
        Ok((watcher, rx))
    }

    /// The folder watched.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Whether an event may have changed a file's text. Opening or reading a
/// file (as the check itself does) is not a change; neither is a new access
/// time.
fn is_save(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Other => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
    }
}

/// A content file: a `.ron` file (not an editor's `.ron.swp` or `.ron~`).
fn is_content_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ron_files_count_as_saves() {
        assert!(is_content_file(Path::new("/c/fr/basics.ron")));
        assert!(is_content_file(Path::new("/c/fr/BASICS.RON")));
        assert!(!is_content_file(Path::new("/c/fr/.basics.ron.swp")));
        assert!(!is_content_file(Path::new("/c/fr/basics.ron~")));
        assert!(!is_content_file(Path::new("/c/fr/4913")));
    }

    #[test]
    fn reading_a_file_is_not_a_save_but_writing_one_is() {
        use notify_debouncer_full::notify::event::{CreateKind, DataChange};
        assert!(!is_save(&EventKind::Access(AccessKind::Open(
            AccessMode::Read
        ))));
        assert!(!is_save(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(!is_save(&EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::AccessTime
        ))));
        assert!(is_save(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_save(&EventKind::Modify(ModifyKind::Data(
            DataChange::Any
        ))));
        assert!(is_save(&EventKind::Create(CreateKind::File)));
    }

    #[test]
    fn a_file_is_not_a_folder_to_watch() {
        let file = tempfile::NamedTempFile::new().map_err(|e| e.to_string());
        let Ok(file) = file else {
            panic!("a temporary file: {file:?}");
        };
        let watched = Watcher::start(file.path(), |_| {});
        assert!(matches!(watched, Err(WatchError::NotAFolder(_))));
        let message = watched.map(|_| ()).err().map(|e| e.message(Lang::Fr));
        assert!(message.is_some_and(|m| m.contains("n'est pas un dossier")));
    }
}
