//! Reading a file's units (sections, glossary entries, questions) one at a
//! time, so that a mistake in one of them hides that one only. Each unit is
//! a slice of the file's text ([`RawValue`]); its RON errors come back
//! relative to the slice, and are moved here to their place in the file.

use ron::value::RawValue;
use serde::de::{DeserializeOwned, IgnoredAny};

use super::schema::UnitNames;
use crate::diagnostic::Problem;

/// Walks forward through a file's text, turning the start of each unit
/// (which come in file order) into a line and column without counting the
/// file again from its start each time.
#[derive(Debug, Clone, Copy)]
pub struct Cursor {
    /// Byte offset reached so far, and its (line, column).
    offset: usize,
    at: (usize, usize),
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor {
            offset: 0,
            at: (1, 1),
        }
    }
}

impl Cursor {
    /// The (line, column) in `source` where `slice` starts, if `slice` is
    /// a part of `source` at or after the cursor (units are read in order).
    pub fn start_of(&mut self, source: &str, slice: &str) -> Option<(usize, usize)> {
        // A unit borrowed from the file: its address says where it sits.
        let offset = slice.as_ptr().addr().checked_sub(source.as_ptr().addr())?;
        if offset < self.offset || offset > source.len() {
            return None;
        }
        let walked = source.get(self.offset..offset)?;
        for c in walked.chars() {
            if c == '\n' {
                self.at = (self.at.0 + 1, 1);
            } else {
                self.at.1 += 1;
            }
        }
        self.offset = offset;
        Some(self.at)
    }
}

/// Moves a (line, column) counted from a unit's start to the file, the unit
/// starting at `start`.
pub fn shift(start: (usize, usize), (line, column): (usize, usize)) -> (usize, usize) {
    let (line, column) = (line.max(1), column.max(1));
    if line == 1 {
        (start.0, start.1 + column - 1)
    } else {
        (start.0 + line - 1, column)
    }
}

/// A unit read on its own, strictly: its value, or the RON error with its
/// (line, column) counted from the unit's start.
pub fn parse<T: DeserializeOwned>(raw: &RawValue) -> Result<T, ((usize, usize), Problem)> {
    ron::Options::default()
        .from_str::<T>(raw.get_ron())
        .map_err(|e| ((e.span.start.line, e.span.start.col), problem_of(&e.code)))
}

/// What can still be named in a unit that did not read: its id, and for a
/// glossary entry its words (so that the marks pointing at a hidden entry
/// are not reported again, once per use).
pub fn names(raw: &RawValue) -> UnitNames {
    ron::Options::default()
        .from_str::<UnitNames>(raw.get_ron())
        .unwrap_or_default()
}

/// Whether a text is RON at all (whatever its shape): a file that is not
/// cannot be read, while one that is may still have wrong fields.
pub fn is_ron(text: &str) -> bool {
    ron::Options::default().from_str::<IgnoredAny>(text).is_ok()
}

fn names_of(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_string()).collect()
}

/// The content editor's view of a RON error.
pub fn problem_of(error: &ron::Error) -> Problem {
    use ron::Error as E;
    match error {
        E::NoSuchStructField {
            expected, found, ..
        } => Problem::UnknownField {
            found: found.clone(),
            expected: names_of(expected),
        },
        E::MissingStructField { field, .. } => Problem::MissingField {
            field: (*field).to_string(),
        },
        E::DuplicateStructField { field, .. } => Problem::DuplicateField {
            field: (*field).to_string(),
        },
        E::NoSuchEnumVariant {
            expected, found, ..
        } => Problem::UnknownVariant {
            found: found.clone(),
            expected: names_of(expected),
        },
        E::ExpectedDifferentStructName { expected, found } => Problem::WrongFileKind {
            expected: (*expected).to_string(),
            found: found.clone(),
        },
        E::ExpectedStringEnd => Problem::UnclosedString,
        E::Eof => Problem::UnexpectedEnd,
        E::ExpectedComma => Problem::MissingComma,
        E::ExpectedString => Problem::ExpectedText,
        other => Problem::Syntax {
            detail: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_inside_a_unit_moves_to_the_file() {
        // A unit starting at line 10, column 9.
        assert_eq!(shift((10, 9), (1, 1)), (10, 9));
        assert_eq!(shift((10, 9), (1, 4)), (10, 12));
        assert_eq!(shift((10, 9), (3, 5)), (12, 5));
    }

    #[test]
    fn the_cursor_finds_where_each_slice_starts() {
        let source = "ab\ncdé\nfg";
        let mut cursor = Cursor::default();
        assert_eq!(cursor.start_of(source, &source[1..]), Some((1, 2)));
        // `f` is after `é` (two bytes), on line 3.
        let f = source.find('f').unwrap_or_default();
        assert_eq!(cursor.start_of(source, &source[f..]), Some((3, 1)));
        // Going back, or a text from elsewhere, has no place here.
        assert_eq!(cursor.start_of(source, &source[1..]), None);
        assert_eq!(cursor.start_of(source, "elsewhere"), None);
    }

    #[test]
    fn a_broken_unit_still_names_its_id() {
        let raw = RawValue::from_ron("(id: \"s1\", titel: \"x\")");
        let raw = raw.map_err(|e| e.to_string());
        assert_eq!(raw.map(|r| names(r).id()), Ok(Some("s1".to_string())));
    }
}
