//! Opening and reading a file someone named (the settings file, a content
//! file) without trusting it: only an ordinary file is read, never a named
//! pipe, a device or a folder, and never more than a limit.
//!
//! A named pipe (FIFO) blocks a plain `open` until someone writes to it, and
//! `/dev/zero` never ends while reporting a size of 0, so neither the path's
//! kind nor its reported size is enough: the file is opened without
//! blocking, its kind is read from the open file (no race with a rename),
//! and the limit is enforced while reading.

use std::fs::{File, OpenOptions};
use std::io::{self, ErrorKind, Read};
use std::path::Path;

use crate::Lang;

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing at that path.
    Missing,
    /// Something that is not an ordinary file: a folder, a pipe, a device.
    NotAFile(Kind),
    /// Longer than the limit, in bytes (found while reading).
    TooLarge { limit: u64 },
    /// The system refused (permissions, a disk error): its own words.
    System(String),
}

/// What stands at a path instead of an ordinary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Folder,
    Pipe,
    Device,
    Other,
}

impl ReadError {
    pub fn message(&self, lang: Lang) -> String {
        use ReadError::*;
        match (self, lang) {
            (Missing, Lang::Fr) => "le fichier n'existe pas".into(),
            (Missing, Lang::En) => "the file does not exist".into(),
            (NotAFile(kind), Lang::Fr) => format!("{}, pas un fichier ordinaire", kind.name(lang)),
            (NotAFile(kind), Lang::En) => format!("{}, not an ordinary file", kind.name(lang)),
            (TooLarge { limit }, Lang::Fr) => {
                format!("plus de {} Kio", limit.div_ceil(1024))
            }
            (TooLarge { limit }, Lang::En) => format!("over {} KiB", limit.div_ceil(1024)),
            (System(reason), Lang::Fr) => format!("le système refuse : {reason}"),
            (System(reason), Lang::En) => format!("the system refuses: {reason}"),
        }
    }
}

impl Kind {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Folder, Lang::Fr) => "c'est un dossier",
            (Kind::Folder, Lang::En) => "it is a folder",
            (Kind::Pipe, Lang::Fr) => "c'est un tube nommé (FIFO)",
            (Kind::Pipe, Lang::En) => "it is a named pipe (FIFO)",
            (Kind::Device, Lang::Fr) => "c'est un périphérique",
            (Kind::Device, Lang::En) => "it is a device",
            (Kind::Other, Lang::Fr) => "c'est un objet spécial du système",
            (Kind::Other, Lang::En) => "it is a special system object",
        }
    }

    /// What a file type is, when it is not an ordinary file.
    pub fn of(file_type: std::fs::FileType) -> Option<Kind> {
        if file_type.is_file() {
            return None;
        }
        if file_type.is_dir() {
            return Some(Kind::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Some(Kind::Pipe);
            }
            if file_type.is_char_device() || file_type.is_block_device() {
                return Some(Kind::Device);
            }
        }
        Some(Kind::Other)
    }
}

/// Opens an ordinary file for reading; anything else is refused before a
/// byte is read, and opening never waits (a pipe with no writer included).
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Without it, opening a FIFO waits for a writer, forever.
        options.custom_flags(libc::O_NONBLOCK);
    }
    // Windows refuses to open a folder as a file (« access denied »):
    // name what is there instead.
    let file = options
        .open(path)
        .map_err(|error| match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => ReadError::NotAFile(Kind::Folder),
            _ => system(error),
        })?;
    let meta = file.metadata().map_err(system)?;
    match Kind::of(meta.file_type()) {
        None => Ok(file),
        Some(kind) => Err(ReadError::NotAFile(kind)),
    }
}

/// Reads an ordinary file of at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    read_at_most(file, limit)
}

/// Reads at most `limit` bytes, and says so when there is more: one byte past
/// the limit is the most ever read, whatever the source claims its size is.
pub fn read_at_most(source: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(system)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

fn system(error: io::Error) -> ReadError {
    match error.kind() {
        ErrorKind::NotFound => ReadError::Missing,
        ErrorKind::IsADirectory => ReadError::NotAFile(Kind::Folder),
        _ => ReadError::System(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_that_never_ends_is_cut_one_byte_past_the_limit() {
        assert_eq!(
            read_at_most(io::repeat(b'a'), 64 * 1024),
            Err(ReadError::TooLarge { limit: 64 * 1024 })
        );
        assert_eq!(read_at_most(&b"abc"[..], 3), Ok(b"abc".to_vec()));
    }

    #[test]
    fn a_folder_and_a_missing_file_are_named() {
        let dir = tempfile::tempdir().map_err(|e| e.to_string());
        let Ok(dir) = dir else {
            panic!("no temporary folder")
        };
        assert_eq!(
            read_regular(dir.path(), 10),
            Err(ReadError::NotAFile(Kind::Folder))
        );
        assert_eq!(
            read_regular(&dir.path().join("nothing"), 10),
            Err(ReadError::Missing)
        );
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_refused_as_a_device_before_reading() {
        assert_eq!(
            read_regular(Path::new("/dev/zero"), 64 * 1024),
            Err(ReadError::NotAFile(Kind::Device))
        );
        assert!(
            ReadError::NotAFile(Kind::Device)
                .message(Lang::Fr)
                .contains("périphérique")
        );
    }
}
