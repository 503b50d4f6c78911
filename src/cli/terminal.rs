//! What the command line writes to the terminal, and how writing it can
//! fail.
//!
//! Text goes through [`Terminal`], which escapes control characters: a
//! content file holding `ESC[2J` (clear the screen) or a bidirectional
//! override must not drive the terminal of whoever runs `list` or `check`.
//! Bytes that are not text (`export -o -`) go through [`Terminal::raw`].
//!
//! A write that fails is never a success: a full disk or any other error
//! exits with 1 and a sentence on the standard error; a reader that went
//! away (`patient-info list | head -1`, EPIPE) exits with 1 quietly, since
//! nobody reads the output any more and the shell's own tools behave so.

use std::borrow::Cow;
use std::io::{self, ErrorKind, Write};
use std::process::ExitCode;

use crate::Lang;

/// The standard output or error, escaping control characters.
pub struct Terminal<W: Write> {
    inner: W,
}

impl<W: Write> Terminal<W> {
    pub fn new(inner: W) -> Self {
        Terminal { inner }
    }

    /// The stream itself, for bytes that are not text (a PDF on `-o -`).
    pub fn raw(&mut self) -> &mut W {
        &mut self.inner
    }
}

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(text) => self.inner.write_all(escape_controls(text).as_bytes())?,
            // Not text: only the ASCII controls can be told apart.
            Err(_) => {
                let mut out = Vec::with_capacity(buf.len());
                for &b in buf {
                    if b.is_ascii() && is_escaped(char::from(b)) {
                        out.extend(format!("\\u{{{b:x}}}").bytes());
                    } else {
                        out.push(b);
                    }
                }
                self.inner.write_all(&out)?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Control characters written as `\u{1b}`; line breaks and tabs kept.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_escaped(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// C0 and C1 controls (ESC, CR, backspace…) but the line break and the
/// tab, and the bidirectional controls that reorder what a terminal shows.
fn is_escaped(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The exit code of a command, once its output is flushed: 0 when it did
/// its work, 1 when it did not or its output could not be written (then
/// `err` says why, unless the reader has gone).
pub fn exit_code(
    result: io::Result<bool>,
    out: &mut impl Write,
    err: &mut impl Write,
    lang: Lang,
) -> ExitCode {
    match result.and_then(|ok| out.flush().map(|()| ok)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::from(1),
        Err(e) => {
            // If the standard error is gone too, there is no one to tell.
            let _ = writeln!(err, "{}", OutputError::of(&e).message(lang));
            ExitCode::from(1)
        }
    }
}

/// Why the output could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputError {
    DiskFull,
    Other(String),
}

impl OutputError {
    pub fn of(error: &io::Error) -> Self {
        const ENOSPC: i32 = 28;
        match error.kind() {
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => OutputError::DiskFull,
            _ if error.raw_os_error() == Some(ENOSPC) => OutputError::DiskFull,
            _ => OutputError::Other(error.to_string()),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (OutputError::DiskFull, Lang::Fr) => {
                "Impossible d'écrire la sortie : le disque est plein. Rien n'a été écrit en entier."
                    .into()
            }
            (OutputError::DiskFull, Lang::En) => {
                "Cannot write the output: the disk is full. Nothing was written whole.".into()
            }
            (OutputError::Other(reason), Lang::Fr) => {
                format!("Impossible d'écrire la sortie : {reason}.")
            }
            (OutputError::Other(reason), Lang::En) => {
                format!("Cannot write the output: {reason}.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_text_is_kept() {
        assert_eq!(
            escape_controls("Titre\u{1b}[2J\r\u{7}\n\tsuite"),
            "Titre\\u{1b}[2J\\u{d}\\u{7}\n\tsuite"
        );
        assert_eq!(escape_controls("a\u{202e}b\u{9b}c"), "a\\u{202e}b\\u{9b}c");
        let plain = "Qu’est-ce que la résistance\u{a0}?";
        assert!(matches!(escape_controls(plain), Cow::Borrowed(p) if p == plain));
    }

    #[test]
    fn the_terminal_writer_escapes_text_and_raw_passes_bytes() {
        let mut t = Terminal::new(Vec::new());
        let hostile = "x\u{1b}]0;pwned\u{7}";
        let _ = writeln!(t, "{hostile}");
        let _ = t.raw().write_all(b"\x1b%PDF");
        assert_eq!(t.inner, b"x\\u{1b}]0;pwned\\u{7}\n\x1b%PDF".to_vec());
    }

    #[test]
    fn a_full_disk_is_a_failure_with_a_sentence_and_a_gone_reader_a_quiet_one() {
        let mut err = Vec::new();
        let full = Err(io::Error::from_raw_os_error(28));
        assert_eq!(
            exit_code(full, &mut Vec::new(), &mut err, Lang::Fr),
            ExitCode::from(1)
        );
        assert!(String::from_utf8_lossy(&err).contains("le disque est plein"));
        let mut err = Vec::new();
        let gone = Err(io::Error::from(ErrorKind::BrokenPipe));
        assert_eq!(
            exit_code(gone, &mut Vec::new(), &mut err, Lang::En),
            ExitCode::from(1)
        );
        assert!(err.is_empty());
    }
}
