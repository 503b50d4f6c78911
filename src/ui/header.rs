//! The top of the window: the title, the language switch, the text size and
//! contrast controls, « Rechercher », « Imprimer / PDF », then the row of
//! large tabs. It shows what it is given and sends its own [`Message`].

use iced::widget::{Row, button, column, container, row, text};
use iced::{Alignment, Element, Length};

use super::controls;
use super::focus::{self, Control, TabKey};
use super::theme::{self, Contrast, LINE_HEIGHT, TextSize};
use super::{BOLD, FONT, Look};
use crate::Lang;
use crate::i18n::Text;

/// What the header shows.
#[derive(Debug, Clone, Copy)]
pub struct Header<'a> {
    /// The languages of the switch.
    pub languages: &'a [Lang],
    /// The language shown.
    pub lang: Lang,
    pub text_size: TextSize,
    pub contrast: Contrast,
    /// « Rechercher » is lit: its screen is shown.
    pub searching: bool,
    /// « Imprimer / PDF » is lit: its panel is shown.
    pub exporting: bool,
}

/// What the header's controls ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    SetLang(Lang),
    TextSmaller,
    TextLarger,
    ToggleContrast,
    /// « Rechercher ».
    Search,
    /// « Imprimer / PDF ».
    Export,
}

/// What a control of the header sends, clicked or pressed with the
/// keyboard; `None` for a control that is not the header's.
pub fn message(control: Control) -> Option<Message> {
    match control {
        Control::Lang(lang) => Some(Message::SetLang(lang)),
        Control::TextSmaller => Some(Message::TextSmaller),
        Control::TextLarger => Some(Message::TextLarger),
        Control::Contrast => Some(Message::ToggleContrast),
        Control::Search => Some(Message::Search),
        Control::Export => Some(Message::Export),
        _ => None,
    }
}

/// The header's controls in reading order (A− and A+ only while they can
/// change the size).
pub fn controls(header: &Header<'_>) -> Vec<Control> {
    let mut ring: Vec<Control> = header.languages.iter().map(|&l| Control::Lang(l)).collect();
    if header.text_size > TextSize::MIN {
        ring.push(Control::TextSmaller);
    }
    if header.text_size < TextSize::MAX {
        ring.push(Control::TextLarger);
    }
    ring.extend([Control::Contrast, Control::Search, Control::Export]);
    ring
}

/// The header band.
pub fn view<'a>(header: Header<'a>, look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let u = s.unit;
    let title = text(look.text(Text::AppTitle))
        .size(s.title)
        .line_height(LINE_HEIGHT)
        .font(BOLD)
        .color(c.header_text);

    let languages = Row::with_children(header.languages.iter().map(|&lang| {
        let label = match lang {
            Lang::Fr => "FR",
            Lang::En => "EN",
        };
        let paint = if lang == header.lang {
            theme::chosen(c)
        } else {
            theme::plain(c)
        };
        controls::square(
            look,
            Control::Lang(lang),
            label,
            paint,
            message(Control::Lang(lang)),
        )
    }))
    .spacing(0.5 * u);

    let size = header.text_size;
    let percent = match look.lang {
        Lang::Fr => format!("{}\u{a0}%", size.percent()),
        Lang::En => format!("{}%", size.percent()),
    };
    let sizes = row![
        controls::square(
            look,
            Control::TextSmaller,
            "A\u{2212}",
            theme::plain(c),
            message(Control::TextSmaller).filter(|_| size > TextSize::MIN),
        ),
        column![
            text(look.text(Text::TextSize))
                .size(theme::Sizes::new(theme::TextSize::MIN).small)
                .color(c.header_text),
            text(percent)
                .size(s.control)
                .font(BOLD)
                .color(c.header_text),
        ]
        .align_x(Alignment::Center),
        controls::square(
            look,
            Control::TextLarger,
            "A+",
            theme::plain(c),
            message(Control::TextLarger).filter(|_| size < TextSize::MAX),
        ),
    ]
    .spacing(0.75 * u)
    .align_y(Alignment::Center);

    let high = header.contrast == Contrast::High;
    let contrast = toggle(look, Control::Contrast, look.text(Text::HighContrast), high);
    // « Rechercher » and « Imprimer / PDF » are lit while their screen or
    // panel is shown, like a chosen tab.
    let lit = |control, label, on: bool| {
        let paint = if on {
            theme::chosen(c)
        } else {
            theme::plain(c)
        };
        controls::button(look, control, look.text(label), paint, message(control))
    };
    let search = lit(Control::Search, Text::Search, header.searching);
    let export = lit(Control::Export, Text::PrintPdf, header.exporting);

    let tools = row![languages, sizes, contrast, search, export]
        .spacing(1.5 * u)
        .align_y(Alignment::Center)
        .wrap()
        .vertical_spacing(u);
    let band = row![container(title).padding([0.5 * u, 0.0]), tools]
        .spacing(3.0 * u)
        .align_y(Alignment::Center)
        .wrap()
        .vertical_spacing(u);
    container(band)
        .padding([u, 2.0 * u])
        .width(Length::Fill)
        .style(theme::header(c))
        .into()
}

/// A button with a tick box that shows whether a setting is on.
fn toggle<'a>(look: Look, control: Control, label: &'a str, on: bool) -> Element<'a, Message> {
    let s = look.sizes;
    let paint = theme::plain(look.colors);
    let content = row![
        controls::tick_box(look, on),
        text(label)
            .size(s.control)
            .line_height(LINE_HEIGHT)
            .font(FONT)
    ]
    .spacing(s.unit)
    .align_y(Alignment::Center);
    let widget = button(content)
        .padding([
            ((s.target - 1.6 * s.control.max(20.0)) / 2.0).max(0.5 * s.unit),
            1.5 * s.unit,
        ])
        .on_press_maybe(message(control))
        .style(paint.button(look.colors, look.focused(control)));
    focus::target(control, widget)
}

/// A tab of the tab row: its key, its label, and whether it is the one
/// shown.
#[derive(Debug, Clone, Copy)]
pub struct TabButton<'a> {
    pub key: TabKey,
    pub label: &'a str,
    pub open: bool,
}

/// The row of tabs: content tabs, « Glossaire », « Mes questions », and
/// « Problèmes de contenu » when there are some. A tab sends its key.
pub fn tabs<'a>(tabs: Vec<TabButton<'a>>, look: Look) -> Element<'a, TabKey> {
    let c = look.colors;
    let u = look.sizes.unit;
    let buttons = tabs.into_iter().map(|tab| {
        controls::button(
            look,
            Control::Tab(tab.key),
            tab.label,
            theme::tab(c, tab.open),
            Some(tab.key),
        )
    });
    container(
        Row::with_children(buttons)
            .spacing(u)
            .width(Length::Fill)
            .wrap()
            .vertical_spacing(u),
    )
    .padding([u, 2.0 * u])
    .width(Length::Fill)
    .into()
}
