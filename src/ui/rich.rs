//! Rich text: each paragraph shaped as one piece of text by [`Prose`], with
//! its glossary terms as marks inside the sentences, visibly boxed,
//! tappable on a touch screen, and findable by tests (see `prose`).

pub(super) mod prose;

pub use prose::FOUND_WORD;

use std::borrow::Cow;

use iced::advanced::text::Span;
use iced::widget::text::{IntoFragment, Wrapping};
use iced::widget::{Id, row, text};
use iced::{Border, Color, Element, Length};

use super::theme::{self, Colors, LINE_HEIGHT};
use super::{BOLD, FONT, Look};
use crate::content::{Inline, RichText};
use prose::Prose;

/// How a piece of text is painted.
#[derive(Debug, Clone, Copy)]
pub struct Ink {
    pub size: f32,
    pub color: Color,
}

/// The no-break space that pads a mark on each side inside its box (as
/// wide as a space, 0.28 em in Atkinson Hyperlegible; the mark buttons had
/// 0.2 em of padding) and joins the words of a term, so that a term never
/// breaks across lines.
const PAD: char = '\u{a0}';

/// A run of text in one style, as the paragraph shows it.
#[derive(Debug, Clone, PartialEq)]
enum Piece<'a> {
    Plain(Cow<'a, str>),
    Bold(Cow<'a, str>),
    Term(String, usize),
}

/// The runs of `text` with its white space as a paragraph shows it: runs of
/// spaces, tabs and line breaks become one space, none at either end; no-
/// break spaces stay, so French punctuation never starts a line. A term
/// becomes one unbreakable run padded with no-break spaces.
fn pieces(text: &RichText) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    // Whether what comes before ends with a space (or is the start).
    let mut spaced = true;
    for inline in &text.0 {
        match inline {
            Inline::Term { text, term } => {
                let words: Vec<&str> = text.split_whitespace().collect();
                if words.is_empty() {
                    continue;
                }
                let joined = words.join(&PAD.to_string());
                pieces.push(Piece::Term(format!("{PAD}{joined}{PAD}"), *term));
                spaced = false;
            }
            Inline::Text(s) | Inline::Emphasis(s) => {
                let collapsed = collapse(s, spaced);
                if collapsed.is_empty() {
                    continue;
                }
                spaced = collapsed.ends_with(' ');
                pieces.push(if matches!(inline, Inline::Emphasis(_)) {
                    Piece::Bold(collapsed)
                } else {
                    Piece::Plain(collapsed)
                });
            }
        }
    }
    // No space at the end of the paragraph.
    while let Some(Piece::Plain(last) | Piece::Bold(last)) = pieces.last_mut() {
        let trimmed = last.trim_end_matches(' ').len();
        if trimmed > 0 {
            if trimmed < last.len() {
                last.to_mut().truncate(trimmed);
            }
            break;
        }
        pieces.pop();
    }
    pieces
}

/// `s` with each run of white space as one space, and none at its start if
/// `spaced` (what comes before already ends with one). Borrowed when
/// nothing changes.
fn collapse(s: &str, spaced: bool) -> Cow<'_, str> {
    let space = |c: char| matches!(c, ' ' | '\n' | '\t' | '\r');
    let mut after_space = spaced;
    let clean = s.chars().all(|c| {
        let ok = !(space(c) && (after_space || c != ' '));
        after_space = space(c);
        ok
    });
    if clean {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut after_space = spaced;
    for c in s.chars() {
        if space(c) {
            if !after_space {
                out.push(' ');
            }
            after_space = true;
        } else {
            out.push(c);
            after_space = false;
        }
    }
    Cow::Owned(out)
}

/// The widget id of the marks of glossary entry `term` in the text.
pub fn mark_id(term: usize) -> Id {
    Id::from(format!("mark-{term}"))
}

/// Lays out `text` as one wrapping paragraph; glossary terms become marks
/// that send `on_term(index)`. `open` is the entry whose definition is
/// shown: its marks have a thicker border. The words a search found are
/// highlighted: `words` are folded content words (as in
/// [`crate::search::Hit::words`], none outside a search result); each of
/// their places in the text is painted and underlined, a mark that holds
/// one too.
pub fn found<'a, M: Clone + 'a>(
    text: &'a RichText,
    ink: Ink,
    look: Look,
    open: Option<usize>,
    words: &[String],
    on_term: impl Fn(usize) -> M + 'a,
) -> Element<'a, M> {
    let c = look.colors;
    let mut spans: Vec<Span<'a, usize, iced::Font>> = Vec::new();
    let mut highlighted = Vec::new();
    for piece in pieces(text) {
        let font = matches!(piece, Piece::Bold(_)).then_some(BOLD);
        match piece {
            Piece::Plain(s) | Piece::Bold(s) if words.is_empty() => {
                spans.push(Span::new(s).font_maybe(font));
            }
            Piece::Plain(s) | Piece::Bold(s) => {
                lit_words(s, font, words, c, &mut spans, &mut highlighted);
            }
            Piece::Term(s, term) => {
                let hit = !words.is_empty() && !crate::search::spans(&s, words).is_empty();
                let paint = theme::mark(c, open == Some(term));
                let span = Span::new(s)
                    .color(paint.text)
                    .link(term)
                    .background(paint.bg);
                let span = if hit {
                    highlighted.push(spans.len());
                    lit(span, c)
                } else {
                    span
                };
                spans.push(span.border(Border {
                    color: paint.border,
                    width: paint.border_width,
                    radius: paint.radius.into(),
                }));
            }
        }
    }
    Prose::new(spans, ink.size, FONT, ink.color, on_term)
        .found(highlighted)
        .into()
}

/// A found word's look: the highlight's colours, underlined (not by
/// colour alone).
fn lit<'a>(span: Span<'a, usize, iced::Font>, c: &Colors) -> Span<'a, usize, iced::Font> {
    span.color(c.found_text)
        .background(c.found_bg)
        .underline(true)
}

/// Pushes `s` as spans, each of the `words` in it a highlighted span of its
/// own (its index added to `highlighted`).
fn lit_words<'a>(
    s: Cow<'a, str>,
    font: Option<iced::Font>,
    words: &[String],
    c: &Colors,
    spans: &mut Vec<Span<'a, usize, iced::Font>>,
    highlighted: &mut Vec<usize>,
) {
    let mut at = 0;
    for range in crate::search::spans(&s, words) {
        if range.start > at {
            spans.push(Span::new(s[at..range.start].to_string()).font_maybe(font));
        }
        highlighted.push(spans.len());
        spans.push(lit(
            Span::new(s[range.clone()].to_string()).font_maybe(font),
            c,
        ));
        at = range.end;
    }
    if at == 0 {
        spans.push(Span::new(s).font_maybe(font));
    } else if at < s.len() {
        spans.push(Span::new(s[at..].to_string()).font_maybe(font));
    }
}

/// A paragraph of plain text with the words a search found highlighted
/// (see [`found`]).
pub fn found_plain<'a, M: 'a>(
    s: &'a str,
    ink: Ink,
    look: Look,
    words: &[String],
) -> Element<'a, M> {
    let mut spans = Vec::new();
    let mut highlighted = Vec::new();
    lit_words(
        Cow::Borrowed(s),
        None,
        words,
        look.colors,
        &mut spans,
        &mut highlighted,
    );
    Prose::plain(spans, ink.size, FONT, ink.color)
        .found(highlighted)
        .into()
}

/// A single line or paragraph of plain text that wraps inside its column.
pub fn plain<'a, M: 'a>(s: impl IntoFragment<'a>, size: f32, color: Color) -> Element<'a, M> {
    text(s)
        .size(size)
        .line_height(LINE_HEIGHT)
        .color(color)
        .wrapping(Wrapping::WordOrGlyph)
        .width(Length::Fill)
        .into()
}

/// Like [`plain`], in bold.
pub fn bold<'a, M: 'a>(s: impl IntoFragment<'a>, size: f32, color: Color) -> Element<'a, M> {
    text(s)
        .size(size)
        .line_height(LINE_HEIGHT)
        .font(BOLD)
        .color(color)
        .wrapping(Wrapping::WordOrGlyph)
        .width(Length::Fill)
        .into()
}

/// A bullet and its text.
pub fn bullet<'a, M: 'a>(item: Element<'a, M>, ink: Ink) -> Element<'a, M> {
    row![
        text("•")
            .size(ink.size)
            .line_height(LINE_HEIGHT)
            .color(ink.color)
            .width(ink.size),
        item
    ]
    .spacing(ink.size * 0.4)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rich(inlines: Vec<Inline>) -> RichText {
        RichText(inlines)
    }

    fn plain(s: &str) -> Piece<'_> {
        Piece::Plain(Cow::Borrowed(s))
    }

    #[test]
    fn a_term_is_one_padded_run_between_the_text_and_its_punctuation() {
        let text = rich(vec![
            Inline::Text("On parle de ".into()),
            Inline::Term {
                text: "résistance".into(),
                term: 3,
            },
            Inline::Text(". Ce n'est".into()),
        ]);
        assert_eq!(
            pieces(&text),
            vec![
                plain("On parle de "),
                Piece::Term("\u{a0}résistance\u{a0}".into(), 3),
                plain(". Ce n'est"),
            ]
        );
    }

    #[test]
    fn the_words_of_a_term_never_part() {
        let text = rich(vec![Inline::Term {
            text: "carcinome  hépatocellulaire".into(),
            term: 0,
        }]);
        assert_eq!(
            pieces(&text),
            vec![Piece::Term(
                "\u{a0}carcinome\u{a0}hépatocellulaire\u{a0}".into(),
                0
            )]
        );
    }

    #[test]
    fn no_break_spaces_stay() {
        let text = rich(vec![Inline::Text("la cirrhose\u{a0}: un mot".into())]);
        assert_eq!(pieces(&text), vec![plain("la cirrhose\u{a0}: un mot")]);
    }

    #[test]
    fn white_space_collapses_to_single_spaces_and_none_at_the_ends() {
        let text = rich(vec![
            Inline::Text("\n  Une ligne\n   puis  ".into()),
            Inline::Emphasis("  très  important".into()),
            Inline::Text(" \t".into()),
        ]);
        assert_eq!(
            pieces(&text),
            vec![
                Piece::Plain("Une ligne puis ".into()),
                Piece::Bold("très important".into()),
            ]
        );
    }

    #[test]
    fn empty_runs_vanish() {
        let text = rich(vec![
            Inline::Text("Voir ".into()),
            Inline::Emphasis(" ".into()),
            Inline::Term {
                text: " ".into(),
                term: 1,
            },
            Inline::Text("ici".into()),
        ]);
        assert_eq!(pieces(&text), vec![plain("Voir "), plain("ici")]);
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(collapse("un mot", false), Cow::Borrowed(_)));
        assert!(matches!(collapse(" un mot", false), Cow::Borrowed(_)));
        assert_eq!(collapse(" un mot", true), "un mot");
        assert_eq!(collapse("un\nmot", false), "un mot");
    }
}
