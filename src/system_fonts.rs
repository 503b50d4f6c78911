//! The window draws every letter with the fonts it carries (`resources/fonts`,
//! built in): its content is checked to need no other. Yet the text library
//! under iced (cosmic-text, through fontdb) lists all the system's fonts when
//! the window first draws text: on Linux it reads fontconfig's configuration
//! (about fifty XML files on Debian) and opens every font file it names.
//! On the 2-core test machine (57 font faces) that was about 5 ms of
//! processor time at each start, and on the start's critical path; it grows
//! with every font package a computer has, for fonts the window never uses.
//!
//! So, on Linux and the BSDs, before the window starts, the program points
//! fontconfig's `FONTCONFIG_FILE` at a configuration of its own that names
//! one folder holding no font: the folder of that file, in the user's private
//! runtime folder (`$XDG_RUNTIME_DIR/patient-info`). The effects:
//! - a character none of the built-in fonts has is drawn as an empty box
//!   instead of in some system font (the content check reports such
//!   characters in the content; the interface's own texts are covered);
//! - a `FONTCONFIG_FILE` the user set is kept, and then the system's fonts
//!   are listed as before;
//! - without a runtime folder, or when the file cannot be written, nothing
//!   changes either;
//! - programs the window starts (the print commands) get the environment
//!   they would have had: see [`restore_for_child`].
//!
//! Windows and macOS: nothing (fontdb reads the system's font folders there
//! without fontconfig).

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// The variable fontconfig (and fontdb) read their configuration file from.
pub const VARIABLE: &str = "FONTCONFIG_FILE";

/// The configuration written, once set for this process.
static WRITTEN: OnceLock<PathBuf> = OnceLock::new();

/// Points fontconfig at a configuration that lists no system font, for the
/// window; returns that file, or `None` when nothing was changed (another
/// platform, a `FONTCONFIG_FILE` already set, no runtime folder, a file
/// that could not be written, or a process that already runs threads).
///
/// Call it from the main thread before anything starts a thread: setting an
/// environment variable is only sound while no other thread may read the
/// environment, so it checks that the process has a single thread first.
pub fn use_only_built_in() -> Option<PathBuf> {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        if std::env::var_os(VARIABLE).is_some() || !single_threaded() {
            return None;
        }
        let folder = PathBuf::from(std::env::var_os("XDG_RUNTIME_DIR")?).join("patient-info");
        let file = write_config(&folder).ok()?;
        // SAFETY: `single_threaded` has just read the kernel's count of this
        // process's threads: it is 1, so no other thread can be reading or
        // writing the environment while it changes.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var(VARIABLE, &file);
        }
        let _ = WRITTEN.set(file.clone());
        Some(file)
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        None
    }
}

/// A program the window starts gets the environment it would have had:
/// without the variable [`use_only_built_in`] set.
pub fn restore_for_child(command: &mut Command) {
    if WRITTEN.get().is_some() {
        command.env_remove(VARIABLE);
    }
}

/// The configuration: one folder to look in, the one holding this file,
/// where fontdb finds no font file.
pub fn config(folder: &std::path::Path) -> String {
    let path = folder.to_string_lossy();
    let mut escaped = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            _ => escaped.push(c),
        }
    }
    format!(
        "<?xml version=\"1.0\"?>\n\
         <!-- Written by patient-info for its window, which draws only with the\n     \
         fonts built into it: no system font folder to list at start. -->\n\
         <fontconfig>\n  <dir>{escaped}</dir>\n</fontconfig>\n"
    )
}

/// Writes the configuration into `folder` (made private to the user if it
/// does not exist), unless the same text is there already; the file is
/// replaced whole, so a window starting meanwhile never reads half of it.
pub fn write_config(folder: &std::path::Path) -> std::io::Result<PathBuf> {
    let file = folder.join("fonts.conf");
    let text = config(folder);
    if std::fs::read_to_string(&file).is_ok_and(|old| old == text) {
        return Ok(file);
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)?;
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    std::io::Write::write_all(&mut temp, text.as_bytes())?;
    temp.persist(&file).map_err(|e| e.error)?;
    Ok(file)
}

/// Whether this process runs a single thread, as the kernel counts them
/// (`Threads:` in /proc/self/status); `false` when that cannot be read.
pub fn single_threaded() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find_map(|line| line.strip_prefix("Threads:"))
            .is_some_and(|n| n.trim() == "1")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configuration_names_only_its_own_folder_escaped() {
        let text = config(std::path::Path::new("/run/user/1000/a&b<c>"));
        let doc = usvg::roxmltree::Document::parse(&text).expect("valid XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "fontconfig");
        let dirs: Vec<_> = root.children().filter(|n| n.is_element()).collect();
        assert_eq!(dirs.len(), 1, "one element: {text}");
        assert_eq!(dirs[0].tag_name().name(), "dir");
        assert_eq!(dirs[0].text(), Some("/run/user/1000/a&b<c>"));
    }

    #[test]
    fn the_file_is_written_in_a_private_folder_and_rewritten_only_when_it_changed() {
        let root = tempfile::tempdir().expect("temp dir");
        let folder = root.path().join("patient-info");
        let file = write_config(&folder).expect("written");
        assert_eq!(file, folder.join("fonts.conf"));
        assert_eq!(std::fs::read_to_string(&file).ok(), Some(config(&folder)));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&folder).map(|m| m.permissions().mode() & 0o777);
            assert_eq!(mode.ok(), Some(0o700));
        }
        // The same text: left as it is (its modification time stays).
        let before = std::fs::metadata(&file).and_then(|m| m.modified()).ok();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(write_config(&folder).ok(), Some(file.clone()));
        assert_eq!(
            std::fs::metadata(&file).and_then(|m| m.modified()).ok(),
            before
        );
        // Another text (an older version's): replaced.
        std::fs::write(&file, "<fontconfig/>").expect("overwrite");
        write_config(&folder).expect("rewritten");
        assert_eq!(std::fs::read_to_string(&file).ok(), Some(config(&folder)));
        // Only the configuration is left in the folder.
        let names: Vec<_> = std::fs::read_dir(&folder)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.file_name())).collect())
            .unwrap_or_default();
        assert_eq!(names, vec![std::ffi::OsString::from("fonts.conf")]);
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_an_error_not_a_panic() {
        let root = tempfile::tempdir().expect("temp dir");
        let blocker = root.path().join("file");
        std::fs::write(&blocker, "x").expect("write");
        assert!(write_config(&blocker.join("patient-info")).is_err());
    }

    #[test]
    fn the_test_harness_runs_threads_so_nothing_is_changed_here() {
        // Tests run on threads of their own: the variable must not be set
        // from here, whatever the environment.
        #[cfg(target_os = "linux")]
        assert!(!single_threaded());
        assert_eq!(use_only_built_in(), None);
        assert_eq!(WRITTEN.get(), None);
        let mut command = Command::new("true");
        restore_for_child(&mut command);
        assert_eq!(command.get_envs().count(), 0);
    }
}
