//! The top of the window: the title, the language switch, the text size and
//! contrast controls, « Imprimer / PDF », then the row of large tabs.

use iced::widget::{Row, button, column, container, row, text};
use iced::{Alignment, Element, Length};

use super::app::{App, Message, Screen};
use super::controls;
use super::focus::{self, Control};
use super::theme::{self, LINE_HEIGHT};
use super::{BOLD, FONT, Look};
use crate::Lang;
use crate::i18n::Text;

/// The header band.
pub fn view<'a>(app: &'a App, look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let u = s.unit;
    let title = text(look.text(Text::AppTitle))
        .size(s.title)
        .line_height(LINE_HEIGHT)
        .font(BOLD)
        .color(c.header_text);

    let languages = Row::with_children(app.languages().iter().map(|&lang| {
        let label = match lang {
            Lang::Fr => "FR",
            Lang::En => "EN",
        };
        let paint = if lang == app.lang {
            theme::chosen(c)
        } else {
            theme::plain(c)
        };
        controls::square(
            look,
            Control::Lang(lang),
            label,
            paint,
            Some(Message::SetLang(lang)),
        )
    }))
    .spacing(0.5 * u);

    let size = app.text_size;
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
            (size > theme::TextSize::MIN).then_some(Message::TextSmaller),
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
            (size < theme::TextSize::MAX).then_some(Message::TextLarger),
        ),
    ]
    .spacing(0.75 * u)
    .align_y(Alignment::Center);

    let high = app.contrast == theme::Contrast::High;
    let contrast = toggle(
        look,
        Control::Contrast,
        look.text(Text::HighContrast),
        high,
        Message::ToggleContrast,
    );
    // « Rechercher » and « Imprimer / PDF » are lit while their screen or
    // panel is shown, like a chosen tab.
    let lit = |control, label, on: bool, message| {
        let paint = if on {
            theme::chosen(c)
        } else {
            theme::plain(c)
        };
        controls::button(look, control, look.text(label), paint, Some(message))
    };
    let exporting = app.export.is_open();
    let search = lit(
        Control::Search,
        Text::Search,
        app.screen == Screen::Search && !exporting,
        Message::OpenSearch,
    );
    let export = lit(
        Control::Export,
        Text::PrintPdf,
        exporting,
        Message::OpenExport,
    );

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
fn toggle<'a>(
    look: Look,
    control: Control,
    label: &'a str,
    on: bool,
    message: Message,
) -> Element<'a, Message> {
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
        .on_press(message)
        .style(paint.button(look.colors, look.focused(control)));
    focus::target(control, widget)
}

/// The row of tabs: content tabs, « Glossaire », « Mes questions », and
/// « Problèmes de contenu » when there are some.
pub fn tabs<'a>(app: &'a App, look: Look) -> Element<'a, Message> {
    let c = look.colors;
    let u = look.sizes.unit;
    let buttons = app.tabs().into_iter().map(|(key, label)| {
        let selected = app.is_open(key);
        controls::button(
            look,
            Control::Tab(key),
            label,
            theme::tab(c, selected),
            Some(Message::Open(key)),
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
