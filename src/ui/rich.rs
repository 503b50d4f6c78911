//! Rich text laid out word by word. Each word is its own text widget in a
//! wrapping row, so a glossary term can be a real button inside a sentence:
//! visibly marked, tappable on a touch screen, and findable by tests.

use std::sync::OnceLock;

use iced::widget::text::{IntoFragment, Wrapping};
use iced::widget::{Id, Row, button, container, row, text};
use iced::{Color, Element, Length};

use super::theme::{self, LINE_HEIGHT};
use super::{BOLD, FONT, Look};
use crate::content::{Inline, RichText};

/// How a piece of text is painted.
#[derive(Debug, Clone, Copy)]
pub struct Ink {
    pub size: f32,
    pub color: Color,
}

/// A run of characters without a breaking space inside, in one style.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece<'a> {
    Plain(&'a str),
    Bold(&'a str),
    Term(&'a str, usize),
}

/// Splits rich text into words at ordinary spaces; a word may hold several
/// pieces (a term followed by its punctuation). No-break spaces stay inside
/// words, so French punctuation never starts a line.
fn words(text: &RichText) -> Vec<Vec<Piece<'_>>> {
    let mut words: Vec<Vec<Piece<'_>>> = vec![Vec::new()];
    for inline in &text.0 {
        match inline {
            Inline::Term { text, term } => push(&mut words, Piece::Term(text, *term)),
            Inline::Text(s) | Inline::Emphasis(s) => {
                let bold = matches!(inline, Inline::Emphasis(_));
                for (k, part) in s.split([' ', '\n', '\t']).enumerate() {
                    if k > 0 {
                        words.push(Vec::new());
                    }
                    if !part.is_empty() {
                        push(
                            &mut words,
                            if bold {
                                Piece::Bold(part)
                            } else {
                                Piece::Plain(part)
                            },
                        );
                    }
                }
            }
        }
    }
    words.retain(|w| !w.is_empty());
    words
}

fn push<'a>(words: &mut Vec<Vec<Piece<'a>>>, piece: Piece<'a>) {
    match words.last_mut() {
        Some(word) => word.push(piece),
        None => words.push(vec![piece]),
    }
}

/// The advance of a space in the bundled font, as a fraction of the size.
fn space_width() -> f32 {
    static SPACE: OnceLock<f32> = OnceLock::new();
    *SPACE.get_or_init(|| {
        crate::fonts::Style::Regular
            .face()
            .and_then(|face| {
                let glyph = face.glyph_index(' ')?;
                let advance = face.glyph_hor_advance(glyph)?;
                Some(f32::from(advance) / f32::from(face.units_per_em()))
            })
            .unwrap_or(0.25)
    })
}

/// The widget id of the marks of glossary entry `term` in the text.
pub fn mark_id(term: usize) -> Id {
    Id::from(format!("mark-{term}"))
}

/// Lays out `text` as wrapping words; glossary terms become marked buttons
/// that send `on_term(index)`. `open` is the entry whose definition is shown.
pub fn view<'a, M: Clone + 'a>(
    text: &'a RichText,
    ink: Ink,
    look: Look,
    open: Option<usize>,
    on_term: impl Fn(usize) -> M,
) -> Element<'a, M> {
    let words = words(text).into_iter().map(|word| {
        let mut pieces: Vec<Element<'a, M>> = word
            .into_iter()
            .map(|piece| match piece {
                Piece::Plain(s) => word_text(s, ink, false),
                Piece::Bold(s) => word_text(s, ink, true),
                Piece::Term(s, term) => mark(s, term, ink, look, open == Some(term), on_term(term)),
            })
            .collect();
        if pieces.len() == 1 {
            pieces.remove(0)
        } else {
            Row::from_vec(pieces).into()
        }
    });
    Row::with_children(words)
        .spacing(space_width() * ink.size)
        .width(Length::Fill)
        .wrap()
        .vertical_spacing(0)
        .into()
}

fn word_text<'a, M: 'a>(s: &'a str, ink: Ink, bold: bool) -> Element<'a, M> {
    text(s)
        .size(ink.size)
        .line_height(LINE_HEIGHT)
        .font(if bold { BOLD } else { FONT })
        .color(ink.color)
        .wrapping(Wrapping::WordOrGlyph)
        .into()
}

fn mark<'a, M: Clone + 'a>(
    s: &'a str,
    term: usize,
    ink: Ink,
    look: Look,
    open: bool,
    message: M,
) -> Element<'a, M> {
    let label = text(s)
        .size(ink.size)
        .line_height(LINE_HEIGHT)
        .font(FONT)
        .wrapping(Wrapping::WordOrGlyph);
    let paint = theme::mark(look.colors, open);
    container(
        button(label)
            .padding([0.0, 0.2 * ink.size])
            .on_press(message)
            .style(paint.button(look.colors, false)),
    )
    .id(mark_id(term))
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

    #[test]
    fn words_split_at_spaces_and_keep_a_term_with_its_punctuation() {
        let text = rich(vec![
            Inline::Text("On parle de ".into()),
            Inline::Term {
                text: "résistance".into(),
                term: 3,
            },
            Inline::Text(". Ce n'est".into()),
        ]);
        let words = words(&text);
        assert_eq!(words.len(), 6);
        assert_eq!(
            words[3],
            vec![Piece::Term("résistance", 3), Piece::Plain(".")]
        );
        assert_eq!(words[5], vec![Piece::Plain("n'est")]);
    }

    #[test]
    fn no_break_spaces_stay_inside_a_word() {
        let text = rich(vec![Inline::Text("la cirrhose\u{a0}: un mot".into())]);
        let words = words(&text);
        assert_eq!(words[1], vec![Piece::Plain("cirrhose\u{a0}:")]);
    }

    #[test]
    fn emphasis_is_bold_and_empty_runs_vanish() {
        let text = rich(vec![
            Inline::Emphasis("très  important".into()),
            Inline::Text(" ".into()),
        ]);
        assert_eq!(
            words(&text),
            vec![vec![Piece::Bold("très")], vec![Piece::Bold("important")]]
        );
    }

    #[test]
    fn the_space_of_the_bundled_font_is_a_quarter_em_or_so() {
        let w = space_width();
        assert!((0.15..0.4).contains(&w), "{w}");
    }
}
