//! A figure in the reading column: the drawing as vectors (iced's `svg`,
//! drawn by resvg), as wide as the column (which grows with the text
//! size), its colours swapped for their high-contrast ones in high
//! contrast; its caption below it. Tapping it shows it over the whole
//! window, with « Fermer » always on screen above it.

use iced::widget::{column, container, opaque, row, space, svg};
use iced::{Element, Length};

use super::{Message, State};
use crate::content::{Block, Library, Section};
use crate::figure::Figure;
use crate::i18n::Text;
use crate::ui::controls;
use crate::ui::focus::Control;
use crate::ui::rich::{self, Ink};
use crate::ui::{Look, theme};

/// The widget id of the large figure's caption, which scrolls.
pub const LARGE: &str = "reader-figure";

/// The `n`-th figure of a section.
pub fn nth(section: &Section, n: usize) -> Option<&Figure> {
    section
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        })
        .nth(n)
}

/// How many figures a section holds.
pub fn count(section: &Section) -> usize {
    section
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Figure(_)))
        .count()
}

/// Whether the window is in high contrast.
pub fn high_contrast(look: Look) -> bool {
    *look.colors == theme::HIGH
}

/// The drawing's widget, in the colours of the look, as wide as it may be.
pub fn picture<'a>(figure: &Figure, look: Look) -> svg::Svg<'a> {
    let text = figure.drawing.svg_text(high_contrast(look));
    svg(svg::Handle::from_memory(text.into_bytes())).width(Length::Fill)
}

/// How wide the reading column is, near enough: the text's measure, or
/// what the window leaves beside the section list. The drawing is given
/// the height this width asks for; were the column narrower, it shrinks
/// whole (the SVG keeps its proportions).
fn column_width(look: Look) -> f32 {
    let s = look.sizes;
    let side = if look.compact() {
        0.0
    } else {
        super::side_width(look)
    };
    let room = look.window.width - side - 8.0 * s.unit;
    (super::MEASURE * s.body).min(room).max(10.0 * s.unit)
}

/// The figure as it sits in the text: the drawing, a button that opens it
/// large, then its caption.
pub fn view<'a>(
    figure: &'a Figure,
    nth: usize,
    look: Look,
    open: Option<usize>,
    found: &[String],
) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let caption = Ink {
        size: s.body,
        color: c.muted,
    };
    let drawing = controls::wide(
        look,
        Control::Figure(nth),
        container(
            picture(figure, look)
                .height((column_width(look) - 4.0 * s.unit) * figure.drawing.aspect()),
        )
        .padding(s.unit),
        theme::plain(c),
        Some(Message::OpenFigure(nth)),
    );
    column![
        drawing,
        rich::found(
            &figure.caption,
            caption,
            look,
            open,
            found,
            Message::ShowDefinition
        ),
    ]
    .spacing(0.5 * s.body)
    .into()
}

/// The open figure over the whole window: « Fermer » at the top, the
/// drawing as large as the window allows, its caption below.
pub fn large<'a>(
    state: &'a State,
    library: &'a Library,
    look: Look,
) -> Option<Element<'a, Message>> {
    let figure = nth(state.section(library)?, state.figure?)?;
    let (c, s) = (look.colors, look.sizes);
    let close = controls::button(
        look,
        Control::CloseFigure,
        look.text(Text::Close),
        theme::plain(c),
        Some(Message::CloseFigure),
    );
    let top = row![space().width(Length::Fill), close];
    let drawing = picture(figure, look).height(Length::Fill);
    let caption = controls::scroll(
        look,
        LARGE,
        rich::plain(figure.caption.plain(), s.body, c.text),
    );
    let caption = container(caption).max_height(0.3 * look.window.height);
    let card = container(column![top, drawing, caption].spacing(s.unit))
        .padding(2.0 * s.unit)
        .width(Length::Fill)
        .height(Length::Fill)
        .style(theme::boxed(c.panel_bg, c.summary_border, 3.0, c.text));
    Some(opaque(card))
}
