//! The top of the window: the title, the language switch, the text size and
//! contrast controls, « Rechercher », « Imprimer / PDF », then the row of
//! large tabs. From 150 % text, or in a narrow or short window, it folds so
//! the text gets the screen: one row (a short title, « Réglages »,
//! « Rechercher », « Imprimer / PDF ») and one tab button that opens the
//! list of tabs; language, size and contrast move into the « Réglages »
//! sheet. It shows what it is given and sends its own [`Message`].

use iced::widget::{Column, Row, button, column, container, mouse_area, opaque, row, text};
use iced::{Alignment, Background, Color, Element, Length, Theme};

use super::controls;
use super::focus::{self, Control, TabKey};
use super::theme::{self, Contrast, LINE_HEIGHT, TextSize};
use super::{BOLD, FONT, Look};
use crate::Lang;
use crate::i18n::{Label, Text};

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
    /// The sheet opened from the folded header, if any.
    pub menu: Option<Menu>,
    /// Folded (see [`Look::compact`]).
    pub compact: bool,
}

/// A sheet opened from the folded header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    /// Language, text size, contrast.
    Settings,
    /// The list of tabs.
    Tabs,
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
    /// A tab of the tab row or of the tabs sheet.
    Open(TabKey),
    /// Open a sheet, or close the one open (`None`).
    Menu(Option<Menu>),
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
        Control::Tab(key) => Some(Message::Open(key)),
        Control::Settings => Some(Message::Menu(Some(Menu::Settings))),
        Control::TabsMenu => Some(Message::Menu(Some(Menu::Tabs))),
        Control::CloseMenu => Some(Message::Menu(None)),
        _ => None,
    }
}

/// The header's controls in reading order (A− and A+ only while they can
/// change the size). With a sheet open, only the sheet's.
pub fn controls(header: &Header<'_>, tabs: &[TabButton<'_>]) -> Vec<Control> {
    let sizes = |ring: &mut Vec<Control>| {
        ring.extend(header.languages.iter().map(|&l| Control::Lang(l)));
        if header.text_size > TextSize::MIN {
            ring.push(Control::TextSmaller);
        }
        if header.text_size < TextSize::MAX {
            ring.push(Control::TextLarger);
        }
        ring.push(Control::Contrast);
    };
    let mut ring = Vec::new();
    match (header.compact, header.menu) {
        (true, Some(Menu::Settings)) => {
            sizes(&mut ring);
            ring.push(Control::CloseMenu);
        }
        (true, Some(Menu::Tabs)) => {
            ring.extend(tabs.iter().map(|t| Control::Tab(t.key)));
            ring.push(Control::CloseMenu);
        }
        (true, None) => {
            ring.extend([Control::Settings, Control::Search, Control::Export]);
            ring.push(Control::TabsMenu);
        }
        (false, _) => {
            sizes(&mut ring);
            ring.extend([Control::Search, Control::Export]);
            ring.extend(tabs.iter().map(|t| Control::Tab(t.key)));
        }
    }
    ring
}

/// The header band.
pub fn view<'a>(header: Header<'a>, look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let u = s.unit;
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

    if header.compact {
        let title = text(look.label(Label::ShortTitle))
            .size(s.control)
            .line_height(LINE_HEIGHT)
            .font(BOLD)
            .color(c.header_text)
            .width(Length::Fill);
        let settings = controls::button(
            look,
            Control::Settings,
            look.label(Label::Settings),
            if header.menu == Some(Menu::Settings) {
                theme::chosen(c)
            } else {
                theme::plain(c)
            },
            message(Control::Settings),
        );
        let band = row![title, settings, search, export]
            .spacing(u)
            .align_y(Alignment::Center);
        return container(band)
            .padding([0.5 * u, 1.5 * u])
            .width(Length::Fill)
            .style(theme::header(c))
            .into();
    }

    let title = text(look.text(Text::AppTitle))
        .size(s.title)
        .line_height(LINE_HEIGHT)
        .font(BOLD)
        .color(c.header_text);
    let tools = row![
        languages(&header, look),
        sizes(&header, look),
        contrast(&header, look),
        search,
        export
    ]
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

/// The language buttons, each named in its own language.
fn languages<'a>(header: &Header<'a>, look: Look) -> Element<'a, Message> {
    let c = look.colors;
    Row::with_children(header.languages.iter().map(|&lang| {
        let paint = if lang == header.lang {
            theme::chosen(c)
        } else {
            theme::plain(c)
        };
        controls::button(
            look,
            Control::Lang(lang),
            lang.name(),
            paint,
            message(Control::Lang(lang)),
        )
    }))
    .spacing(0.5 * look.sizes.unit)
    .wrap()
    .vertical_spacing(0.5 * look.sizes.unit)
    .into()
}

/// A−, the size in percent under its label, A+.
fn sizes<'a>(header: &Header<'a>, look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let size = header.text_size;
    let percent = match look.lang {
        Lang::Fr => format!("{}\u{a0}%", size.percent()),
        Lang::En => format!("{}%", size.percent()),
    };
    row![
        controls::square(
            look,
            Control::TextSmaller,
            "A\u{2212}",
            theme::plain(c),
            message(Control::TextSmaller).filter(|_| size > TextSize::MIN),
        ),
        column![
            text(look.text(Text::TextSize))
                .size(0.85 * s.control)
                .line_height(LINE_HEIGHT)
                .color(c.header_text),
            text(percent)
                .size(s.control)
                .line_height(LINE_HEIGHT)
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
    .spacing(0.75 * s.unit)
    .align_y(Alignment::Center)
    .into()
}

/// « Contraste élevé » with a tick box that shows whether it is on.
fn contrast<'a>(header: &Header<'a>, look: Look) -> Element<'a, Message> {
    let s = look.sizes;
    let control = Control::Contrast;
    let paint = theme::plain(look.colors);
    let content = row![
        controls::tick_box(look, header.contrast == Contrast::High),
        text(look.text(Text::HighContrast))
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
/// « Problèmes de contenu » when there are some. Folded, one button that
/// names the open tab and opens the list of tabs.
pub fn tabs<'a>(header: &Header<'a>, tabs: Vec<TabButton<'a>>, look: Look) -> Element<'a, Message> {
    let c = look.colors;
    let u = look.sizes.unit;
    if header.compact {
        let open = tabs.iter().find(|t| t.open).map_or("", |t| t.label);
        let label = if open.is_empty() {
            look.label(Label::Tabs).to_string()
        } else {
            format!("{}\u{a0}: {open}", look.label(Label::Tabs))
        };
        let label = match look.lang {
            Lang::Fr => label,
            Lang::En => label.replace("\u{a0}:", ":"),
        };
        return container(controls::wide(
            look,
            Control::TabsMenu,
            text(label)
                .size(look.sizes.control)
                .line_height(LINE_HEIGHT)
                .font(FONT)
                .color(c.tab_selected_text)
                .width(Length::Fill),
            theme::tab(c, true),
            message(Control::TabsMenu),
        ))
        .padding([0.5 * u, 1.5 * u])
        .width(Length::Fill)
        .into();
    }
    let buttons = tabs.into_iter().map(|tab| {
        controls::button(
            look,
            Control::Tab(tab.key),
            tab.label,
            theme::tab(c, tab.open),
            message(Control::Tab(tab.key)),
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

/// The sheet open over the window, if any: « Réglages » (language, size,
/// contrast) or the list of tabs. A tap beside it closes it.
pub fn sheet<'a>(
    header: &Header<'a>,
    tabs: Vec<TabButton<'a>>,
    look: Look,
) -> Option<Element<'a, Message>> {
    let (c, s) = (look.colors, look.sizes);
    let u = s.unit;
    let menu = header.menu.filter(|_| header.compact)?;
    let heading = |label: &'a str| {
        text(label)
            .size(s.h2)
            .line_height(LINE_HEIGHT)
            .font(BOLD)
            .color(c.heading)
    };
    let mut content = Column::new().spacing(1.5 * u).width(Length::Fill);
    match menu {
        Menu::Settings => {
            content = content
                .push(heading(look.label(Label::Settings)))
                .push(
                    text(look.label(Label::Language))
                        .size(s.control)
                        .color(c.text),
                )
                .push(languages(header, look))
                .push(sizes(header, look))
                .push(contrast(header, look));
        }
        Menu::Tabs => {
            content = content.push(heading(look.label(Label::Tabs)));
            for tab in tabs {
                let text_color = if tab.open {
                    c.tab_selected_text
                } else {
                    c.tab_text
                };
                content = content.push(controls::wide(
                    look,
                    Control::Tab(tab.key),
                    controls::label(look, tab.label, text_color),
                    theme::tab(c, tab.open),
                    message(Control::Tab(tab.key)),
                ));
            }
        }
    }
    content = content.push(controls::button(
        look,
        Control::CloseMenu,
        look.text(Text::Close),
        theme::plain(c),
        message(Control::CloseMenu),
    ));
    let card = container(controls::scroll(look, SHEET, content))
        .padding(2.0 * u)
        .max_width(36.0 * s.control)
        .style(theme::boxed(c.panel_bg, c.heading, 3.0, c.text));
    let dim = Color {
        a: 0.5,
        ..Color::BLACK
    };
    let backdrop = container(opaque(card))
        .padding(1.5 * u)
        .width(Length::Fill)
        .height(Length::Fill)
        .align_x(Alignment::Center)
        .style(move |_theme: &Theme| container::Style {
            background: Some(Background::Color(dim)),
            ..container::Style::default()
        });
    Some(opaque(mouse_area(backdrop).on_press(Message::Menu(None))))
}

/// The id of a sheet's scroll area.
pub const SHEET: &str = "header-sheet";
