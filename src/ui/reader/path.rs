//! The reading path and what sits over or beside the text: « ‹ Précédente »
//! and « Suivante › » at the end of a section, the kiosk's page buttons,
//! and the definition sheet over the bottom of the window.

use iced::widget::{Row, column, container, row, space};
use iced::{Element, Length};

use super::{DEFINITION, MEASURE, Message, State, message, sheet_height};
use crate::content::Library;
use crate::i18n::{Label, Text};
use crate::ui::focus::{self, Control};
use crate::ui::{BOLD, Look, controls, rich, theme};

/// The kiosk's large page buttons beside the text.
pub(super) fn page_buttons<'a>(look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let button = |control: Control, icon: char, label: Label| {
        let content = column![
            iced::widget::text(icon.to_string())
                .font(iced::Font::with_name("Iced-Icons"))
                .size(1.4 * s.control),
            iced::widget::text(look.label(label))
                .size(0.8 * s.control)
                .line_height(theme::LINE_HEIGHT)
        ]
        .width(Length::Shrink)
        .align_x(iced::Alignment::Center);
        let widget = iced::widget::button(content)
            .padding([s.unit, s.unit])
            .on_press_maybe(message(control, None))
            .style(theme::plain(c).button(c, look.focused(control)));
        focus::target(control, widget)
    };
    column![
        button(Control::PageUp, SCROLL_UP, Label::PageUp),
        space().height(Length::Fill),
        button(Control::PageDown, SCROLL_DOWN, Label::PageDown),
    ]
    .height(Length::Fill)
    .into()
}

/// Iced's own arrow glyphs (the reading font has no arrows).
const SCROLL_UP: char = <iced::Renderer as iced::advanced::text::Renderer>::SCROLL_UP_ICON;
const SCROLL_DOWN: char = <iced::Renderer as iced::advanced::text::Renderer>::SCROLL_DOWN_ICON;

/// The definition open, as a sheet over the bottom of the window: the text
/// does not reflow under it, and its « Fermer » is always on screen.
pub fn definition<'a>(
    state: &'a State,
    library: &'a Library,
    look: Look,
) -> Option<Element<'a, Message>> {
    let term = library.glossary.terms.get(state.definition?)?;
    let (c, s) = (look.colors, look.sizes);
    let close = controls::button(
        look,
        Control::CloseDefinition,
        look.text(Text::Close),
        theme::plain(c),
        message(Control::CloseDefinition, None),
    );
    let title = row![
        column![
            rich::plain(look.text(Text::Definition), s.control, c.muted),
            iced::widget::text(&term.term)
                .size(s.h2)
                .line_height(theme::LINE_HEIGHT)
                .font(BOLD)
                .color(c.heading)
                .width(Length::Fill),
        ]
        .width(Length::Fill),
        close,
    ]
    .spacing(s.unit)
    .align_y(iced::Alignment::Start);
    let text = controls::scroll(
        look,
        DEFINITION,
        container(rich::plain(&term.definition, s.body, c.text)).max_width(MEASURE * s.body),
    );
    let card = container(column![title, text].spacing(s.unit))
        .padding(2.0 * s.unit)
        .width(Length::Fill)
        .height(sheet_height(look))
        .style(theme::boxed(c.panel_bg, c.summary_border, 3.0, c.text));
    let sheet = column![
        space().height(Length::Fill),
        iced::widget::opaque(container(card).id(SHEET))
    ]
    .width(Length::Fill)
    .height(Length::Fill);
    Some(sheet.into())
}

/// The widget id of the definition sheet.
pub const SHEET: &str = "reader-definition-sheet";

/// « ‹ Précédente » and « Suivante › » at the end of a section; at the
/// ends of a tab they lead into the tab before or after.
pub(super) fn path<'a>(state: &State, library: &Library, look: Look) -> Element<'a, Message> {
    let c = look.colors;
    let mut row = Row::new().spacing(look.sizes.unit).width(Length::Fill);
    if let Some(other_tab) = state.way(library, -1) {
        let label = if other_tab {
            Label::PreviousTab
        } else {
            Label::Previous
        };
        row = row.push(controls::button(
            look,
            Control::PreviousSection,
            look.label(label),
            theme::plain(c),
            message(Control::PreviousSection, None),
        ));
    }
    row = row.push(space().width(Length::Fill));
    if let Some(other_tab) = state.way(library, 1) {
        let label = if other_tab {
            Label::NextTab
        } else {
            Label::Next
        };
        row = row.push(controls::button(
            look,
            Control::NextSection,
            look.label(label),
            theme::chosen(c),
            message(Control::NextSection, None),
        ));
    }
    row.align_y(iced::Alignment::Center).into()
}
