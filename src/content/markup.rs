//! The two inline marks an editor can write in a text:
//! `[[term]]` or `[[shown text|term]]` for a glossary term, and `*words*`
//! for emphasis (shown in bold). A run of stars (`**`) counts as one, so
//! Markdown habits do no harm.

/// A piece of marked-up text before glossary terms are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Emphasis(String),
    /// `text` is shown; `key` is looked up in the glossary; `at` is the
    /// character offset of the opening `[[`.
    Term {
        text: String,
        key: String,
        at: usize,
    },
}

/// A mistake in the marks, with the character offset where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkError {
    UnclosedTerm(usize),
    StrayTermEnd(usize),
    EmptyTerm(usize),
    UnclosedEmphasis(usize),
}

/// Whether the text holds anything that looks like a mark.
pub fn has_marks(text: &str) -> bool {
    text.contains("[[") || text.contains("]]") || text.contains('*')
}

/// Splits a text into pieces, or lists every mistake in its marks.
pub fn parse(text: &str) -> Result<Vec<Piece>, Vec<MarkError>> {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    let mut errors = Vec::new();
    let mut run = String::new();
    let mut emphasis: Option<usize> = None;
    let mut i = 0;

    let flush = |run: &mut String, pieces: &mut Vec<Piece>, emphasis: bool| {
        if !run.is_empty() {
            let text = std::mem::take(run);
            pieces.push(if emphasis {
                Piece::Emphasis(text)
            } else {
                Piece::Text(text)
            });
        }
    };

    while i < chars.len() {
        let pair = |c: char| chars.get(i) == Some(&c) && chars.get(i + 1) == Some(&c);
        if pair('[') {
            let open = i;
            let close = (i + 2..chars.len().saturating_sub(1))
                .find(|&j| chars[j] == ']' && chars[j + 1] == ']');
            let Some(close) = close else {
                errors.push(MarkError::UnclosedTerm(open));
                break;
            };
            let inner: String = chars[i + 2..close].iter().collect();
            let (shown, key) = match inner.split_once('|') {
                Some((shown, key)) => (shown.trim(), key.trim()),
                None => (inner.trim(), inner.trim()),
            };
            if shown.is_empty() || key.is_empty() {
                errors.push(MarkError::EmptyTerm(open));
            } else {
                flush(&mut run, &mut pieces, emphasis.is_some());
                pieces.push(Piece::Term {
                    text: shown.to_string(),
                    key: key.to_string(),
                    at: open,
                });
            }
            i = close + 2;
        } else if pair(']') {
            errors.push(MarkError::StrayTermEnd(i));
            i += 2;
        } else if chars[i] == '*' {
            flush(&mut run, &mut pieces, emphasis.is_some());
            emphasis = match emphasis {
                Some(_) => None,
                None => Some(i),
            };
            while chars.get(i) == Some(&'*') {
                i += 1;
            }
        } else {
            run.push(chars[i]);
            i += 1;
        }
    }
    if let Some(open) = emphasis {
        errors.push(MarkError::UnclosedEmphasis(open));
    }
    flush(&mut run, &mut pieces, emphasis.is_some());
    if errors.is_empty() {
        Ok(pieces)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Piece {
        Piece::Text(s.into())
    }

    #[test]
    fn plain_text_is_one_piece() {
        assert_eq!(parse("Bonjour."), Ok(vec![text("Bonjour.")]));
    }

    #[test]
    fn a_term_and_an_emphasis_are_split_out() {
        let pieces = parse("La [[cirrhose]] est *fréquente*.").expect("valid marks");
        assert_eq!(
            pieces,
            vec![
                text("La "),
                Piece::Term {
                    text: "cirrhose".into(),
                    key: "cirrhose".into(),
                    at: 3
                },
                text(" est "),
                Piece::Emphasis("fréquente".into()),
                text("."),
            ]
        );
    }

    #[test]
    fn a_term_can_show_other_words_than_its_key() {
        let pieces = parse("[[les cirrhoses|cirrhose]]").expect("valid marks");
        assert_eq!(
            pieces,
            vec![Piece::Term {
                text: "les cirrhoses".into(),
                key: "cirrhose".into(),
                at: 0
            }]
        );
    }

    #[test]
    fn double_stars_work_like_single_stars() {
        assert_eq!(parse("**gras**"), Ok(vec![Piece::Emphasis("gras".into())]));
    }

    #[test]
    fn every_mistake_is_reported_with_its_offset() {
        assert_eq!(
            parse("a ]] b [["),
            Err(vec![MarkError::StrayTermEnd(2), MarkError::UnclosedTerm(7)])
        );
        assert_eq!(parse("x [[ | y]]"), Err(vec![MarkError::EmptyTerm(2)]));
        assert_eq!(parse("un *mot"), Err(vec![MarkError::UnclosedEmphasis(3)]));
    }

    #[test]
    fn single_brackets_are_ordinary_text() {
        assert_eq!(parse("[note] a]"), Ok(vec![text("[note] a]")]));
    }
}
