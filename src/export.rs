//! Saving a handout to a file: under a sensible default name, in the file
//! the save dialog gave or in the export folder, and atomically.
//!
//! The bytes go to a hidden temporary file in the target folder, are flushed
//! to the disk, then the file is renamed into place: a full disk, a folder
//! that refuses writing or a name clash leaves no partial file behind.
//!
//! An existing file is handled by an explicit [`Existing`] policy: the save
//! dialog has already asked before replacing a file, so its choice replaces;
//! the command line refuses unless `--overwrite` is given; saving in the
//! export folder never replaces anything and picks a free name
//! (`fiche-fr-2.pdf`).

use std::fs::{self, File};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::Lang;
use crate::content::fold_char;
use crate::i18n::Text;

/// What kind of file to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// A PDF ready to print.
    #[default]
    Pdf,
    /// The same words as plain UTF-8 text, for screen readers.
    Txt,
}

impl Format {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Txt => "txt",
        }
    }
}

/// What to do when the target file already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Fail with [`ExportError::Exists`].
    Refuse,
    /// Replace it (the user has confirmed).
    Replace,
    /// Keep it, and save under the first free name: `name-2.pdf`, `name-3.pdf`…
    FreeName,
}

/// Why a handout could not be saved. Nothing is left on the disk.
///
/// `Display` is the English [`ExportError::message`]: the sentences are
/// written once.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", self.message(Lang::En))]
pub enum ExportError {
    NoFolder(PathBuf),
    NotWritable(PathBuf),
    DiskFull(PathBuf),
    Exists(PathBuf),
    IsFolder(PathBuf),
    /// Something that is not an ordinary file stands at the target (a link,
    /// a pipe, a device): it is never replaced.
    NotAFile(PathBuf),
    /// No documents folder nor home folder is known (a locked-down account).
    NoExportFolder,
    Io {
        path: PathBuf,
        reason: String,
    },
}

impl ExportError {
    /// The message for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        use ExportError::*;
        match (self, lang) {
            (NoFolder(dir), Lang::Fr) => format!("Le dossier {} n’existe pas.", dir.display()),
            (NoFolder(dir), Lang::En) => format!("The folder {} does not exist.", dir.display()),
            (NotWritable(dir), Lang::Fr) => format!(
                "Impossible d’enregistrer dans le dossier {}\u{a0}: il est protégé en écriture. Choisissez un autre dossier.",
                dir.display()
            ),
            (NotWritable(dir), Lang::En) => format!(
                "Cannot save in the folder {}: it is write-protected. Choose another folder.",
                dir.display()
            ),
            (DiskFull(dir), Lang::Fr) => format!(
                "Le disque est plein\u{a0}: le fichier n’a pas été enregistré dans {}. Libérez de la place ou choisissez un autre dossier.",
                dir.display()
            ),
            (DiskFull(dir), Lang::En) => format!(
                "The disk is full: the file was not saved in {}. Free some space or choose another folder.",
                dir.display()
            ),
            (Exists(path), Lang::Fr) => format!(
                "Le fichier {} existe déjà. Choisissez un autre nom.",
                path.display()
            ),
            (Exists(path), Lang::En) => format!(
                "The file {} already exists. Choose another name.",
                path.display()
            ),
            (IsFolder(path), Lang::Fr) => {
                format!("{} est un dossier, pas un fichier.", path.display())
            }
            (IsFolder(path), Lang::En) => format!("{} is a folder, not a file.", path.display()),
            (NotAFile(path), Lang::Fr) => format!(
                "{} n’est pas un fichier ordinaire (un lien, un tube ou un périphérique)\u{a0}: il n’a pas été remplacé. Choisissez un autre nom.",
                path.display()
            ),
            (NotAFile(path), Lang::En) => format!(
                "{} is not an ordinary file (a link, a pipe or a device): it was left as it is. Choose another name.",
                path.display()
            ),
            (NoExportFolder, Lang::Fr) => {
                "Aucun dossier d’export n’est connu sur cet ordinateur.".to_string()
            }
            (NoExportFolder, Lang::En) => "No export folder is known on this computer.".to_string(),
            (Io { path, reason }, Lang::Fr) => format!(
                "Le fichier {} n’a pas pu être enregistré\u{a0}: {reason}",
                path.display()
            ),
            (Io { path, reason }, Lang::En) => {
                format!("The file {} could not be saved: {reason}", path.display())
            }
        }
    }
}

/// Where the handout goes, once the save dialog has answered.
///
/// rfd answers nothing both when the user cancels and when no dialog could
/// open (no desktop portal): the window then offers the export folder, and
/// [`Choice::ExportFolder`] is the user's yes to that offer (a no writes
/// nothing, so it never comes here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// The file the dialog gave (it has asked before replacing a file).
    File(PathBuf),
    /// No dialog: save in the export folder under the default name.
    ExportFolder,
}

/// Where the handout was saved; `in_export_folder` when it went to the
/// export folder, so the window says where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub path: PathBuf,
    pub in_export_folder: bool,
}

/// Carries out the user's choice: writes `bytes` to the chosen file, or to
/// `default_name` in `export_folder` (created if needed, never replacing a
/// file).
pub fn deliver(
    bytes: &[u8],
    choice: Choice,
    default_name: &str,
    export_folder: Option<&Path>,
) -> Result<Outcome, ExportError> {
    match choice {
        Choice::File(path) => {
            // A name typed without its extension gets one; the dialog did
            // not ask about that other file, so it is never replaced.
            let wanted = Path::new(default_name).extension();
            let (path, existing) = match (path.extension(), wanted) {
                (None, Some(ext)) => (path.with_extension(ext), Existing::Refuse),
                _ => (path, Existing::Replace),
            };
            save(bytes, &path, existing).map(|path| Outcome {
                path,
                in_export_folder: false,
            })
        }
        Choice::ExportFolder => {
            let folder = export_folder.ok_or(ExportError::NoExportFolder)?;
            fs::create_dir_all(folder).map_err(|e| classify(&e, folder, folder))?;
            save(bytes, &folder.join(default_name), Existing::FreeName).map(|path| Outcome {
                path,
                in_export_folder: true,
            })
        }
    }
}

/// Writes `bytes` to `path` atomically; returns the path written (another
/// one with [`Existing::FreeName`]).
pub fn save(bytes: &[u8], path: &Path, existing: Existing) -> Result<PathBuf, ExportError> {
    write_atomically(path, existing, |file| file.write_all(bytes))
}

/// The folder part of a path (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes through `write` into a temporary file beside `path`, flushes it
/// to the disk, then renames it to `path` following `existing`. On any
/// failure the temporary file is removed.
pub fn write_atomically(
    path: &Path,
    existing: Existing,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<PathBuf, ExportError> {
    let folder = folder_of(path);
    match fs::metadata(&folder) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(ExportError::NoFolder(folder)),
        Err(e) => return Err(classify(&e, &folder, path)),
    }
    if path.is_dir() {
        return Err(ExportError::IsFolder(path.to_path_buf()));
    }
    // What stands at the target itself, links not followed.
    let old = fs::symlink_metadata(path).ok();
    if existing == Existing::Refuse && old.is_some() {
        return Err(ExportError::Exists(path.to_path_buf()));
    }
    // A rename replaces whatever has the name: a link (`/dev/stdout`), a
    // pipe, a device (`/dev/null` when run as root). Only an ordinary file
    // is ever replaced; a link is refused, not followed, so the file it
    // points to is left alone too.
    if existing == Existing::Replace && old.as_ref().is_some_and(|m| !m.file_type().is_file()) {
        return Err(ExportError::NotAFile(path.to_path_buf()));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".patient-info-").suffix(".part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    let mut temp = builder
        .tempfile_in(&folder)
        .map_err(|e| classify(&e, &folder, path))?;
    // A replaced file keeps its permissions (a 0600 file stays private);
    // set on the open file, so the umask does not change them.
    #[cfg(unix)]
    if let Some(old) = old.as_ref().filter(|m| m.file_type().is_file()) {
        use std::os::unix::fs::PermissionsExt;
        let mode = old.permissions().mode() & 0o777;
        temp.as_file()
            .set_permissions(fs::Permissions::from_mode(mode))
            .map_err(|e| classify(&e, &folder, path))?;
    }
    write(temp.as_file_mut()).map_err(|e| classify(&e, &folder, path))?;
    temp.as_file()
        .sync_all()
        .map_err(|e| classify(&e, &folder, path))?;

    let written = match existing {
        Existing::Replace => temp
            .persist(path)
            .map(|_| path.to_path_buf())
            .map_err(|e| classify(&e.error, &folder, path))?,
        Existing::Refuse => temp
            .persist_noclobber(path)
            .map(|_| path.to_path_buf())
            .map_err(|e| classify(&e.error, &folder, path))?,
        Existing::FreeName => {
            let mut n = 1;
            loop {
                let candidate = numbered(path, n);
                match temp.persist_noclobber(&candidate) {
                    Ok(_) => break candidate,
                    Err(e) if e.error.kind() == ErrorKind::AlreadyExists && n < 999 => {
                        temp = e.file;
                        n += 1;
                    }
                    Err(e) => return Err(classify(&e.error, &folder, &candidate)),
                }
            }
        }
    };
    // Make the rename itself durable; a folder that cannot be opened for
    // that does not undo the save.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(written)
}

/// `name.pdf` for 1, then `name-2.pdf`, `name-3.pdf`…
fn numbered(path: &Path, n: usize) -> PathBuf {
    if n <= 1 {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
}

/// The user's view of a system error.
fn classify(error: &io::Error, folder: &Path, path: &Path) -> ExportError {
    const ENOSPC: i32 = 28;
    const EDQUOT: i32 = 122;
    match error.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            ExportError::NotWritable(folder.to_path_buf())
        }
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            ExportError::DiskFull(folder.to_path_buf())
        }
        ErrorKind::NotFound | ErrorKind::NotADirectory => {
            ExportError::NoFolder(folder.to_path_buf())
        }
        ErrorKind::AlreadyExists => ExportError::Exists(path.to_path_buf()),
        ErrorKind::IsADirectory => ExportError::IsFolder(path.to_path_buf()),
        _ if matches!(error.raw_os_error(), Some(ENOSPC | EDQUOT)) => {
            ExportError::DiskFull(folder.to_path_buf())
        }
        _ => ExportError::Io {
            path: path.to_path_buf(),
            reason: error.to_string(),
        },
    }
}

/// The default file name: the title without accents or spaces, the
/// language, « gros caractères » when so: `comprendre-la-resistance-fr.pdf`.
pub fn default_file_name(title: &str, lang: Lang, large_print: bool, format: Format) -> String {
    let mut stem = slug(title, 48);
    if stem.is_empty() {
        stem = "document".to_string();
    }
    stem.push('-');
    stem.push_str(lang.code());
    if large_print {
        stem.push('-');
        stem.push_str(&slug(Text::HandoutLargePrint.get(lang), 24));
    }
    format!("{stem}.{}", format.extension())
}

/// Lowercase ASCII letters and digits joined by single hyphens, cut at a
/// hyphen to at most `max` characters.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text
        .chars()
        .flat_map(|c| fold_char(c).chars().collect::<Vec<_>>())
    {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_string();
    if out.len() > max {
        let cut = out[..max].rfind('-').unwrap_or(max);
        out.truncate(cut);
    }
    out
}

/// The folder handouts go to when no dialog can open: the one set in the
/// settings, else the documents folder (XDG_DOCUMENTS_DIR), else
/// `~/Documents` if it exists, else the home folder.
pub fn export_folder(configured: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = configured {
        return Some(dir.to_path_buf());
    }
    let user = directories::UserDirs::new()?;
    if let Some(documents) = user.document_dir() {
        return Some(documents.to_path_buf());
    }
    let documents = user.home_dir().join("Documents");
    Some(if documents.is_dir() {
        documents
    } else {
        user.home_dir().to_path_buf()
    })
}

#[cfg(test)]
mod tests;
