//! The reading pane's parts below the summary: the blocks (with what a
//! search found highlighted, and its block named [`FOUND`] for the window
//! to scroll to), the section's glossary words, and the footer.

use iced::widget::{Column, Row, column, container, space};
use iced::{Element, Length};

use super::{FOUND, Message, message};
use crate::content::{Block, CalloutKind, Library, Tab};
use crate::i18n::{Label, Text};
use crate::ui::Look;
use crate::ui::controls;
use crate::ui::focus::Control;
use crate::ui::rich::{self, Ink};
use crate::ui::theme;

/// What a search found in a block: the words to highlight, and which of
/// its texts (list item, or 0) holds the sentence that matched, if any.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mark<'w> {
    pub words: &'w [String],
    pub item: Option<usize>,
}

/// `element` with the id [`FOUND`] when `here`.
fn found_at<'a>(element: Element<'a, Message>, here: bool) -> Element<'a, Message> {
    if here {
        container(element).id(FOUND).width(Length::Fill).into()
    } else {
        element
    }
}

pub(super) fn block_view<'a>(
    block: &'a Block,
    nth: usize,
    body: Ink,
    look: Look,
    open: Option<usize>,
    found: Mark<'_>,
) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let words = found.words;
    match block {
        Block::Paragraph(text) => found_at(
            rich::found(text, body, look, open, words, Message::ShowDefinition),
            found.item.is_some(),
        ),
        Block::List(items) => Column::with_children(items.iter().enumerate().map(|(i, item)| {
            found_at(
                rich::bullet(
                    rich::found(item, body, look, open, words, Message::ShowDefinition),
                    body,
                ),
                found.item == Some(i),
            )
        }))
        .spacing(0.4 * s.body)
        .into(),
        Block::Callout { kind, text } => {
            let colors = c.callout(*kind);
            let title = match kind {
                CalloutKind::Remember => Text::Remember,
                CalloutKind::Important => Text::Important,
                CalloutKind::ToDo => Text::ToDo,
                CalloutKind::Urgent => Text::Urgent,
            };
            let inner = column![
                rich::bold(look.text(title), s.body, colors.title),
                rich::found(
                    text,
                    Ink {
                        color: c.callout_text,
                        ..body
                    },
                    look,
                    open,
                    words,
                    Message::ShowDefinition
                ),
            ]
            .spacing(0.4 * s.body);
            let boxed = container(inner)
                .padding(2.5 * s.unit)
                .width(Length::Fill)
                .style(theme::boxed(colors.bg, colors.border, 3.0, c.callout_text));
            if found.item.is_some() {
                boxed.id(FOUND).into()
            } else {
                boxed.into()
            }
        }
        Block::Figure(f) => found_at(
            super::figure::view(f, nth, look, open, words),
            found.item.is_some(),
        ),
    }
}

/// The glossary words of the section as large buttons.
pub(super) fn words<'a>(
    terms: &[usize],
    library: &'a Library,
    look: Look,
    open: Option<usize>,
) -> Element<'a, Message> {
    let c = look.colors;
    let buttons = terms.iter().filter_map(|&i| {
        let term = library.glossary.terms.get(i)?;
        let paint = if open == Some(i) {
            theme::chosen(c)
        } else {
            theme::mark(c, false)
        };
        Some(controls::button(
            look,
            Control::Term(i),
            &term.term,
            paint,
            message(Control::Term(i), None),
        ))
    });
    column![
        rich::bold(look.text(Text::WordsOnThisPage), look.sizes.h2, c.heading),
        rich::plain(look.text(Text::WordsHint), look.sizes.body, c.text),
        Row::with_children(buttons)
            .spacing(look.sizes.unit)
            .width(Length::Fill)
            .wrap()
            .vertical_spacing(look.sizes.unit),
    ]
    .spacing(look.sizes.unit)
    .into()
}

/// Sources, dates and the reminder that the care team has the last word.
pub(super) fn footer<'a>(tab: &'a Tab, look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let mut notes = Column::new().spacing(0.3 * s.small);
    notes = notes.push(rich::bold(look.text(Text::Sources), s.small, c.muted));
    for source in &tab.meta.sources {
        notes = notes.push(rich::bullet(
            rich::plain(source, s.small, c.muted),
            Ink {
                size: s.small,
                color: c.muted,
            },
        ));
    }
    let date = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let mut dates = format!(
        "{} {}",
        look.text(Text::WrittenOn),
        date(tab.meta.written_on)
    );
    match (&tab.meta.review.reviewed_on, &tab.meta.review.reviewed_by) {
        (Some(on), Some(by)) => dates.push_str(&format!(
            " · {} {by} {} {}",
            look.label(Label::ReviewedBy),
            look.label(Label::On),
            date(*on)
        )),
        (Some(on), None) => {
            dates.push_str(&format!(" · {} {}", look.text(Text::ReviewedOn), date(*on)))
        }
        _ => dates.push_str(&format!(" · {}", look.text(Text::ReviewPending))),
    }
    notes = notes.push(
        iced::widget::text(dates)
            .size(s.small)
            .line_height(theme::LINE_HEIGHT)
            .color(c.muted)
            .width(Length::Fill),
    );
    column![
        container(space().height(0))
            .height(2)
            .width(Length::Fill)
            .style(theme::rule(c)),
        container(rich::bold(look.text(Text::Disclaimer), s.body, c.text))
            .padding(2.5 * s.unit)
            .width(Length::Fill)
            .style(theme::boxed(c.panel_bg, c.panel_border, 2.0, c.text)),
        notes,
    ]
    .spacing(1.0 * s.body)
    .into()
}
