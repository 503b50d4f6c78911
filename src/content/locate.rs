//! Finds where a value sits in a RON file, so that a problem found after
//! parsing (a duplicate id, an unknown glossary term) can still name its line
//! and column. serde gives no positions; this scanner reads every string
//! literal of the source with the position of each of its characters.

use std::collections::HashMap;

/// A string literal of the source: its decoded value, the field name just
/// before it (`title` in `title: "…"`), and where each character came from.
#[derive(Debug)]
struct Literal {
    key: Option<String>,
    value: String,
    /// (line, column) of the opening quote.
    start: (usize, usize),
    /// (line, column) in the source of each character of `value`.
    chars: Vec<(usize, usize)>,
}

/// Points into the source's string literals, handing each one out once so
/// that repeated values (a duplicate id) map to successive places.
#[derive(Debug)]
pub struct Locator {
    literals: Vec<Literal>,
    used: Vec<bool>,
    /// Indices of the literals holding each value, in source order.
    by_value: HashMap<String, Vec<usize>>,
    /// How many literals, from the first, [`Locator::skip_before`] set aside.
    skipped: usize,
}

/// A literal handed out by [`Locator::find`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot(Option<usize>);

impl Locator {
    pub fn new(source: &str) -> Self {
        let literals = scan(source);
        let used = vec![false; literals.len()];
        let mut by_value: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, lit) in literals.iter().enumerate() {
            by_value.entry(lit.value.clone()).or_default().push(i);
        }
        Locator {
            literals,
            used,
            by_value,
            skipped: 0,
        }
    }

    /// The first literal not yet handed out whose value is `value`, preferring
    /// one written after the field `key`.
    pub fn find(&mut self, key: Option<&str>, value: &str) -> Spot {
        let candidates = self
            .by_value
            .get(value)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let free = |i: &&usize| !self.used[**i];
        let by_key = key.and_then(|k| {
            candidates
                .iter()
                .filter(free)
                .find(|i| self.literals[**i].key.as_deref() == Some(k))
        });
        let found = by_key.or_else(|| candidates.iter().find(free)).copied();
        if let Some(i) = found {
            self.used[i] = true;
        }
        Spot(found)
    }

    /// Hands out no literal that starts before `at` any more: they belong to
    /// the part of the file already checked.
    pub fn skip_before(&mut self, at: (usize, usize)) {
        // Literals are in source order; those before `skipped` are done.
        while let Some(lit) = self.literals.get(self.skipped) {
            if lit.start >= at {
                break;
            }
            self.used[self.skipped] = true;
            self.skipped += 1;
        }
    }

    /// Where a literal starts (its opening quote); (1, 1) if it was not found.
    pub fn start(&self, spot: Spot) -> (usize, usize) {
        spot.0.map_or((1, 1), |i| self.literals[i].start)
    }

    /// Where the `n`-th character (0-based) of a literal's value sits.
    pub fn char_at(&self, spot: Spot, n: usize) -> (usize, usize) {
        match spot.0 {
            Some(i) => {
                let lit = &self.literals[i];
                lit.chars.get(n).copied().unwrap_or(lit.start)
            }
            None => (1, 1),
        }
    }
}

/// Reads every string literal, skipping comments and character literals.
fn scan(source: &str) -> Vec<Literal> {
    let chars: Vec<char> = source.chars().collect();
    let mut positions = Vec::with_capacity(chars.len());
    let (mut line, mut col) = (1, 1);
    for &c in &chars {
        positions.push((line, col));
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }

    let mut literals = Vec::new();
    let mut last_ident: Option<String> = None;
    let mut pending_key: Option<String> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                let mut depth = 1;
                i += 2;
                while i < chars.len() && depth > 0 {
                    if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
            }
            '"' => {
                let (lit, next) = string(&chars, &positions, i, pending_key.take());
                literals.push(lit);
                i = next;
                last_ident = None;
            }
            'r' if matches!(chars.get(i + 1), Some('"') | Some('#'))
                && !matches!(i.checked_sub(1).map(|p| chars[p]), Some(p) if p.is_alphanumeric() || p == '_') =>
            {
                let (lit, next) = raw_string(&chars, &positions, i, pending_key.take());
                literals.push(lit);
                i = next;
                last_ident = None;
            }
            '\'' => {
                // A character literal: skip it, escapes included.
                i += 1;
                while i < chars.len() && chars[i] != '\'' {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
            }
            ':' => {
                pending_key = last_ident.take();
                i += 1;
            }
            c if c.is_alphanumeric() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                last_ident = Some(chars[start..i].iter().collect());
            }
            c if c.is_whitespace() => i += 1,
            _ => {
                // Brackets and commas end a `key:` pairing.
                if c != '(' && c != '[' {
                    pending_key = None;
                }
                last_ident = None;
                i += 1;
            }
        }
    }
    literals
}

/// An escaped string starting at the quote `chars[open]`; returns the
/// literal and the index after its closing quote.
fn string(
    chars: &[char],
    pos: &[(usize, usize)],
    open: usize,
    key: Option<String>,
) -> (Literal, usize) {
    let mut value = String::new();
    let mut at = Vec::new();
    let mut i = open + 1;
    while i < chars.len() && chars[i] != '"' {
        let here = pos[i];
        if chars[i] == '\\' {
            let (decoded, len) = escape(&chars[i + 1..]);
            if let Some(d) = decoded {
                value.push(d);
                at.push(here);
            }
            i += 1 + len;
        } else {
            value.push(chars[i]);
            at.push(here);
            i += 1;
        }
    }
    let lit = Literal {
        key,
        value,
        start: pos[open],
        chars: at,
    };
    (lit, i + 1)
}

/// Decodes the escape after a backslash: the character (None for a line
/// continuation) and how many characters it used.
fn escape(rest: &[char]) -> (Option<char>, usize) {
    match rest.first() {
        Some('n') => (Some('\n'), 1),
        Some('t') => (Some('\t'), 1),
        Some('r') => (Some('\r'), 1),
        Some('0') => (Some('\0'), 1),
        Some('u') if rest.get(1) == Some(&'{') => {
            let end = rest
                .iter()
                .position(|&c| c == '}')
                .unwrap_or(rest.len().saturating_sub(1));
            let hex: String = rest[2..end.max(2)].iter().collect();
            let c = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
            (c.or(Some('\u{FFFD}')), end + 1)
        }
        Some('x') => {
            let hex: String = rest.iter().skip(1).take(2).collect();
            let c = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
            (c.or(Some('\u{FFFD}')), 1 + hex.len())
        }
        Some('\n') => {
            let skipped = rest
                .iter()
                .skip(1)
                .take_while(|c| c.is_whitespace())
                .count();
            (None, 1 + skipped)
        }
        Some(&c) => (Some(c), 1),
        None => (None, 0),
    }
}

/// A raw string `r"…"` or `r#"…"#` starting at the `r`.
fn raw_string(
    chars: &[char],
    pos: &[(usize, usize)],
    r: usize,
    key: Option<String>,
) -> (Literal, usize) {
    let hashes = chars[r + 1..].iter().take_while(|&&c| c == '#').count();
    let open = r + 1 + hashes;
    let mut value = String::new();
    let mut at = Vec::new();
    let mut i = open + 1;
    while i < chars.len() {
        if chars[i] == '"'
            && chars[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == '#')
                .count()
                == hashes
        {
            i += 1 + hashes;
            break;
        }
        value.push(chars[i]);
        at.push(pos[i]);
        i += 1;
    }
    let lit = Literal {
        key,
        value,
        start: pos[r],
        chars: at,
    };
    (lit, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_value_after_its_key_with_line_and_column() {
        let src = "Tab(\n    id: \"basics\",\n    title: \"Un titre\",\n)";
        let mut loc = Locator::new(src);
        let spot = loc.find(Some("title"), "Un titre");
        assert_eq!(loc.start(spot), (3, 12));
        assert_eq!(loc.char_at(spot, 3), (3, 16));
    }

    #[test]
    fn repeated_values_are_handed_out_in_order() {
        let src = "[(id: \"a\"), (id: \"a\")]";
        let mut loc = Locator::new(src);
        let first = loc.find(Some("id"), "a");
        let second = loc.find(Some("id"), "a");
        assert_eq!(loc.start(first), (1, 7));
        assert_eq!(loc.start(second), (1, 18));
    }

    #[test]
    fn escapes_comments_and_raw_strings_keep_columns_right() {
        let src = "// \"not a string\"\n(a: \"x\\\"y z\", b: r#\"q\"#)";
        let mut loc = Locator::new(src);
        let a = loc.find(Some("a"), "x\"y z");
        assert_eq!(loc.start(a), (2, 5));
        // `z` is the 5th character of the value, the 7th after the quote.
        assert_eq!(loc.char_at(a, 4), (2, 11));
        let b = loc.find(Some("b"), "q");
        assert_eq!(loc.start(b), (2, 18));
    }

    #[test]
    fn literals_before_a_point_are_not_handed_out_again() {
        let src = "[(id: \"a\"),\n (id: \"a\")]";
        let mut loc = Locator::new(src);
        loc.skip_before((2, 1));
        let spot = loc.find(Some("id"), "a");
        assert_eq!(loc.start(spot), (2, 7));
    }

    #[test]
    fn a_value_that_is_not_there_falls_back_to_the_file_start() {
        let mut loc = Locator::new("(a: \"x\")");
        let spot = loc.find(None, "nope");
        assert_eq!(loc.start(spot), (1, 1));
    }
}
