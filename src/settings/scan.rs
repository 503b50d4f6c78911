//! Reads the settings file key by key, so that a syntax error costs only the
//! key it sits in. `ron` stops at the first error and gives nothing, which
//! turned one missing comma into « every setting at its default », kiosk mode
//! off included.
//!
//! The file's shape is fixed: `( key: value, … )`. At the top level an
//! identifier followed by `:` can only start a key (a value never holds one
//! outside brackets), so a missing comma, a stray comma or an unreadable
//! stretch is skipped up to the next `,`, `)` or key, and reading goes on.
//! A text (`"…"`) must close on its own line: no setting needs a line break,
//! and it keeps an unclosed quote from swallowing the rest of the file.
//! Each value found is then parsed alone by `ron`.

/// A `key: value` found in the file. `value` is its source text, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    pub key: &'a str,
    /// Byte offset of the key.
    pub key_at: usize,
    pub value: &'a str,
    /// Byte offset of the value (or where it should have been).
    pub value_at: usize,
    /// An unclosed text or comment in the value: it is not read.
    pub broken: bool,
}

/// A stretch of the file that could not be read as `key: value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flaw<'a> {
    pub at: usize,
    pub kind: FlawKind,
    /// What was skipped, to tell whether it mentioned kiosk mode.
    pub text: &'a str,
}

/// What is wrong with the file's syntax at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlawKind {
    /// The file does not start with `(`.
    NoOpening,
    /// The closing `)` is missing at the end.
    NotClosed,
    /// Text after the closing `)` (read anyway).
    AfterClosing,
    /// A comma with no setting before it.
    StrayComma,
    /// Two settings not separated by a comma.
    MissingComma,
    /// Text that is not `key: value`.
    NotAKey,
    /// A `"` with no closing `"` on its line.
    UnclosedText,
    /// A `/*` never closed.
    UnclosedComment,
    /// `key:` with nothing after it.
    NoValue,
    /// The value is not valid RON: `ron`'s own words (English).
    Value(String),
}

/// What the file holds, in order.
#[derive(Debug, Default)]
pub struct Scan<'a> {
    pub entries: Vec<Entry<'a>>,
    pub flaws: Vec<Flaw<'a>>,
}

/// Where a value ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Comma,
    Close,
    NextKey,
    End,
}

pub fn scan(src: &str) -> Scan<'_> {
    Scanner {
        src,
        b: src.as_bytes(),
        i: 0,
        out: Scan::default(),
    }
    .run()
}

/// Line and column (both from 1, columns in characters) of a byte offset.
pub fn line_col(src: &str, at: usize) -> (usize, usize) {
    let before = &src[..floor_boundary(src, at)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_boundary(src: &str, mut at: usize) -> usize {
    at = at.min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    at
}

struct Scanner<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    out: Scan<'a>,
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

impl<'a> Scanner<'a> {
    fn run(mut self) -> Scan<'a> {
        if self.src.starts_with('\u{feff}') {
            self.i = 3;
        }
        self.skip_blank();
        // `Settings( … )` is valid RON too.
        if let Some(end) = self.ident_end(self.i) {
            let after = self.skip_spaces(end);
            if self.b.get(after) == Some(&b'(') {
                self.i = after;
            }
        }
        let opened = self.b.get(self.i) == Some(&b'(');
        if opened {
            self.i += 1;
        } else {
            self.flaw(self.i, FlawKind::NoOpening, self.i);
        }
        let mut closed = false;
        loop {
            self.skip_blank();
            let Some(&c) = self.b.get(self.i) else {
                if opened && !closed {
                    self.flaw(self.b.len(), FlawKind::NotClosed, self.b.len());
                }
                break;
            };
            match c {
                b')' => {
                    self.i += 1;
                    self.skip_blank();
                    if self.i < self.b.len() {
                        self.flaw(self.i, FlawKind::AfterClosing, self.i);
                    }
                    closed = true;
                }
                b',' => {
                    self.flaw(self.i, FlawKind::StrayComma, self.i + 1);
                    self.i += 1;
                }
                _ => match self.key_at(self.i) {
                    Some((key_end, after)) => self.entry(key_end, after),
                    None => self.junk(),
                },
            }
        }
        self.out
    }

    fn entry(&mut self, key_end: usize, after_colon: usize) {
        let key_at = self.i;
        self.i = after_colon;
        self.skip_blank();
        let value_at = self.i;
        let flaws_before = self.out.flaws.len();
        let (end, stop) = self.value_end(value_at);
        let value = self.src[value_at..end].trim_end();
        let broken = self.out.flaws.len() > flaws_before;
        self.out.entries.push(Entry {
            key: &self.src[key_at..key_end],
            key_at,
            value,
            value_at,
            broken,
        });
        if stop == Stop::NextKey {
            self.flaw(value_at + value.len(), FlawKind::MissingComma, end);
        }
        self.i = if stop == Stop::Comma { end + 1 } else { end };
    }

    /// Skips what is not `key: value`, up to the next comma, `)` or key.
    fn junk(&mut self) {
        let start = self.i;
        let (end, stop) = self.value_end(start);
        let end = end.max(start + 1).min(self.b.len());
        self.out.flaws.push(Flaw {
            at: start,
            kind: FlawKind::NotAKey,
            text: &self.src[start..floor_boundary(self.src, end)],
        });
        self.i = floor_boundary(self.src, if stop == Stop::Comma { end + 1 } else { end });
        if self.i <= start {
            self.i = start + 1;
            while !self.src.is_char_boundary(self.i) {
                self.i += 1;
            }
        }
    }

    fn flaw(&mut self, at: usize, kind: FlawKind, end: usize) {
        let end = floor_boundary(self.src, end.max(at));
        let at = floor_boundary(self.src, at);
        self.out.flaws.push(Flaw {
            at,
            kind,
            text: &self.src[at..end],
        });
    }

    /// The end of an identifier starting at `i`.
    fn ident_end(&self, i: usize) -> Option<usize> {
        let first = *self.b.get(i)?;
        if !is_ident_start(first) || (i > 0 && is_ident(self.b[i - 1])) {
            return None;
        }
        let mut j = i;
        while j < self.b.len() && is_ident(self.b[j]) {
            j += 1;
        }
        Some(j)
    }

    /// `ident :` at `i`: the identifier's end and the offset after the colon.
    fn key_at(&self, i: usize) -> Option<(usize, usize)> {
        let end = self.ident_end(i)?;
        let colon = self.skip_spaces(end);
        let is_colon = self.b.get(colon) == Some(&b':') && self.b.get(colon + 1) != Some(&b':');
        is_colon.then_some((end, colon + 1))
    }

    fn skip_spaces(&self, mut j: usize) -> usize {
        while j < self.b.len() && self.b[j].is_ascii_whitespace() {
            j += 1;
        }
        j
    }

    /// Skips white space and comments; an unclosed `/*` is a flaw, skipped
    /// to the end of its line so that the keys after it are still read.
    fn skip_blank(&mut self) {
        loop {
            self.i = self.skip_spaces(self.i);
            match self.comment_end(self.i) {
                Some(end) => self.i = end,
                None => break,
            }
        }
    }

    /// The end of a comment starting at `j`, if one does.
    fn comment_end(&mut self, j: usize) -> Option<usize> {
        if self.b.get(j) != Some(&b'/') {
            return None;
        }
        match self.b.get(j + 1) {
            Some(b'/') => Some(self.line_end(j)),
            Some(b'*') => {
                let mut depth = 1;
                let mut k = j + 2;
                while k < self.b.len() && depth > 0 {
                    if self.b[k..].starts_with(b"/*") {
                        depth += 1;
                        k += 2;
                    } else if self.b[k..].starts_with(b"*/") {
                        depth -= 1;
                        k += 2;
                    } else {
                        k += 1;
                    }
                }
                if depth > 0 {
                    let end = self.line_end(j);
                    self.flaw(j, FlawKind::UnclosedComment, end);
                    return Some(end);
                }
                Some(k)
            }
            _ => None,
        }
    }

    fn line_end(&self, j: usize) -> usize {
        self.b[j..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(self.b.len(), |n| j + n)
    }

    /// Where the value starting at `start` ends: a comma or `)` at the top
    /// level, the next key, or the end of the file.
    fn value_end(&mut self, start: usize) -> (usize, Stop) {
        let mut depth = 0usize;
        let mut j = start;
        while j < self.b.len() {
            let c = self.b[j];
            if let Some(end) = self.comment_end(j) {
                j = end;
                continue;
            }
            match c {
                b'"' => j = self.text_end(j, j + 1, 0),
                b'r' if matches!(self.b.get(j + 1), Some(b'"' | b'#'))
                    && self.ident_end(j).is_some() =>
                {
                    let hashes = self.b[j + 1..].iter().take_while(|&&h| h == b'#').count();
                    if self.b.get(j + 1 + hashes) == Some(&b'"') {
                        j = self.text_end(j, j + 2 + hashes, hashes);
                    } else {
                        j += 1;
                    }
                }
                b'\'' => {
                    let close = self.b[j + 1..self.line_end(j)]
                        .iter()
                        .position(|&q| q == b'\'');
                    j = close.map_or(self.line_end(j), |n| j + n + 2);
                }
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    j += 1;
                }
                b')' | b']' | b'}' => {
                    if depth == 0 && c == b')' {
                        return (j, Stop::Close);
                    }
                    depth = depth.saturating_sub(1);
                    j += 1;
                }
                b',' if depth == 0 => return (j, Stop::Comma),
                c if is_ident(c) => {
                    if depth == 0 && self.key_at(j).is_some() {
                        return (j, Stop::NextKey);
                    }
                    while j < self.b.len() && is_ident(self.b[j]) {
                        j += 1;
                    }
                }
                _ => j += 1,
            }
        }
        (self.b.len(), Stop::End)
    }

    /// The end of a text whose quote (or `r`) is at `open` and whose
    /// characters start at `from`; an unclosed one is a flaw that ends at
    /// its line's end.
    fn text_end(&mut self, open: usize, from: usize, hashes: usize) -> usize {
        let mut k = from;
        while k < self.b.len() {
            match self.b[k] {
                b'\n' => break,
                b'\\' if hashes == 0 => k += 2,
                b'"' if self.b[k + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&h| h == b'#')
                    .count()
                    == hashes =>
                {
                    return k + 1 + hashes;
                }
                _ => k += 1,
            }
        }
        let end = self.line_end(open);
        self.flaw(open, FlawKind::UnclosedText, end);
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys<'a>(scan: &Scan<'a>) -> Vec<(&'a str, &'a str)> {
        scan.entries.iter().map(|e| (e.key, e.value)).collect()
    }

    fn kinds(scan: &Scan<'_>) -> Vec<FlawKind> {
        scan.flaws.iter().map(|f| f.kind.clone()).collect()
    }

    #[test]
    fn a_valid_file_gives_every_key_and_no_flaw() {
        let s = scan("// c\n(\n  a: true, // x\n  b: Some(\"x, y\"),\n  c: [1, 2],\n)\n");
        assert_eq!(
            keys(&s),
            [("a", "true"), ("b", "Some(\"x, y\")"), ("c", "[1, 2]")]
        );
        assert!(s.flaws.is_empty(), "{:?}", s.flaws);
    }

    #[test]
    fn a_missing_comma_ends_the_value_at_the_next_key() {
        let s = scan("(a: true\n b: 2)");
        assert_eq!(keys(&s), [("a", "true"), ("b", "2")]);
        assert_eq!(kinds(&s), [FlawKind::MissingComma]);
        assert_eq!(line_col("(a: true\n b: 2)", s.flaws[0].at), (1, 9));
    }

    #[test]
    fn an_unclosed_quote_costs_its_line_only() {
        let src = "(a: \"x,\n b: true,\n)";
        let s = scan(src);
        assert_eq!(keys(&s), [("a", "\"x,"), ("b", "true")]);
        assert!(s.entries[0].broken && !s.entries[1].broken);
        assert_eq!(kinds(&s), [FlawKind::UnclosedText, FlawKind::MissingComma]);
    }

    #[test]
    fn junk_is_skipped_to_the_next_comma_and_kept_for_inspection() {
        let s = scan("(kiosk true, b: 1,, c: 2");
        assert_eq!(keys(&s), [("b", "1"), ("c", "2")]);
        assert_eq!(
            kinds(&s),
            [FlawKind::NotAKey, FlawKind::StrayComma, FlawKind::NotClosed]
        );
        assert_eq!(s.flaws[0].text, "kiosk true");
    }

    #[test]
    fn no_parentheses_and_text_after_them_are_flaws_not_losses() {
        let s = scan("a: 1, b: 2");
        assert_eq!(keys(&s), [("a", "1"), ("b", "2")]);
        assert_eq!(kinds(&s), [FlawKind::NoOpening]);
        let s = scan("(a: 1) b: 2");
        assert_eq!(keys(&s), [("a", "1"), ("b", "2")]);
        assert_eq!(kinds(&s), [FlawKind::AfterClosing]);
    }

    #[test]
    fn an_unclosed_comment_is_skipped_to_its_line_end() {
        let s = scan("(/* a: 1\n b: 2)");
        assert_eq!(keys(&s), [("b", "2")]);
        assert_eq!(kinds(&s), [FlawKind::UnclosedComment]);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_col("é: x", 4), (1, 4));
        assert_eq!(line_col("a\nbc", 3), (2, 2));
    }

    #[test]
    fn garbage_never_loops_and_never_cuts_a_character() {
        for src in [
            "))))", "é,é:é", "(\"", "(r#\"x", "('", "(a:(", "(a: /*", "(:::)",
        ] {
            let s = scan(src);
            assert!(s.entries.len() + s.flaws.len() < 10, "{src}: {s:?}");
        }
    }
}
