//! What kiosk mode draws: « Êtes-vous toujours là ? » with its countdown,
//! the staff keypad, the notice when no staff code is set, the staff band,
//! and the discreet line a patient sees when part of the content failed to
//! load. Cards sit on a dimmed, opaque layer that takes every tap, so
//! nothing behind them can be pressed.

use iced::alignment::Horizontal;
use iced::widget::text::Wrapping;
use iced::widget::{
    Column, Id, Row, button, center, column, container, mouse_area, opaque, row, text,
};
use iced::{Alignment, Background, Color, Element, Length, Theme};

use super::{Message, Mode, Panel, Refusal, State};
use crate::Lang;
use crate::i18n::{Label, Text};
use crate::ui::focus::Control;
use crate::ui::theme::{self, LINE_HEIGHT, Paint, Sizes};
use crate::ui::{BOLD, FONT, Look};

/// The mask of a typed digit.
pub const DOT: char = '•';

/// Widget ids of the kiosk's buttons, for tests that measure them.
const BUTTON_CONTINUE: &str = "kiosk-continue";
const BUTTON_ERASE: &str = "keypad-erase";
const BUTTON_SUBMIT: &str = "keypad-submit";
const BUTTON_CANCEL: &str = "keypad-cancel";
const BUTTON_CLOSE_NOTICE: &str = "kiosk-close-notice";
const BUTTON_RESUME: &str = "staff-resume";
const BUTTON_QUIT: &str = "staff-quit";
const DIGIT_LABELS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
const DIGITS: [&str; 10] = [
    "keypad-0", "keypad-1", "keypad-2", "keypad-3", "keypad-4", "keypad-5", "keypad-6", "keypad-7",
    "keypad-8", "keypad-9",
];

impl State {
    /// The ids of the kiosk buttons on screen now.
    pub fn buttons(&self) -> Vec<&'static str> {
        let mut ids = Vec::new();
        if self.mode == Mode::Staff {
            ids.extend([BUTTON_RESUME, BUTTON_QUIT]);
        }
        if self.warning.is_some() {
            ids.push(BUTTON_CONTINUE);
            return ids;
        }
        match &self.panel {
            Some(Panel::Keypad(_)) => {
                ids.push(BUTTON_CANCEL);
                ids.extend(DIGITS);
                ids.extend([BUTTON_ERASE, BUTTON_SUBMIT]);
            }
            Some(Panel::NoCode) => ids.push(BUTTON_CLOSE_NOTICE),
            None => {}
        }
        ids
    }
}

/// The discreet line a patient sees under the page when part of the
/// content failed to load.
pub fn content_missing<'a, M: 'a>(look: Look) -> Element<'a, M> {
    let s = look.sizes;
    container(
        text(look.text(Text::ContentMissing))
            .size(s.small)
            .line_height(LINE_HEIGHT)
            .color(look.colors.muted),
    )
    .padding([0.5 * s.unit, 2.0 * s.unit])
    .width(Length::Fill)
    .into()
}

/// The card over the window, if one shows: the idle warning first, then
/// the keypad or the notice, then the welcome (in the languages the
/// content has).
pub fn layer<'a>(kiosk: &'a State, languages: &[Lang], look: Look) -> Option<Element<'a, Message>> {
    let card = if let Some(left) = kiosk.warning {
        still_there(look, left)
    } else {
        match &kiosk.panel {
            Some(Panel::Keypad(keypad)) => {
                keypad_card(look, &keypad.entry, keypad.refused, kiosk.locked())
            }
            Some(Panel::NoCode) => no_code(look),
            None if kiosk.welcome && kiosk.patient() => return Some(welcome(languages, look)),
            None => return None,
        }
    };
    let dim = Color {
        a: 0.6,
        ..Color::BLACK
    };
    let backdrop = center(card)
        .padding(2.0 * look.sizes.unit)
        .style(move |_theme: &Theme| container::Style {
            background: Some(Background::Color(dim)),
            ..container::Style::default()
        });
    Some(opaque(backdrop))
}

/// « Touchez l'écran pour commencer », with a button for each language: a
/// tap anywhere starts in the language shown.
fn welcome<'a>(languages: &[Lang], look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let mut buttons = Row::new().spacing(2.0 * s.unit);
    for &lang in languages {
        let control = Control::Welcome(lang);
        let widget = button(
            text(lang.name())
                .size(s.h2)
                .line_height(LINE_HEIGHT)
                .font(BOLD)
                .align_x(Horizontal::Center),
        )
        .padding([s.pad_for(s.h2), 3.0 * s.unit])
        .on_press(Message::Welcome(lang))
        .style(theme::chosen(c).button(c, look.focused(control)));
        buttons = buttons.push(crate::ui::focus::target(control, widget));
    }
    let content = column![
        words(look.label(Label::Welcome), 1.3 * s.h1, c.heading, true),
        words(look.label(Label::WelcomeHint), s.body, c.text, false),
        buttons.wrap().vertical_spacing(s.unit),
    ]
    .spacing(3.0 * s.unit)
    .align_x(Alignment::Center);
    let backdrop = center(card(look, content, 40.0 * s.body))
        .padding(2.0 * s.unit)
        .style(move |_theme: &Theme| container::Style {
            background: Some(Background::Color(c.background)),
            ..container::Style::default()
        });
    opaque(mouse_area(backdrop).on_press(Message::Start))
}

/// What a patient kiosk shows instead of the reading pane when no tab
/// loaded at all: no word of a problems screen they cannot open.
pub fn nothing_to_read<'a, M: 'a>(look: Look) -> Element<'a, M> {
    container(
        text(look.text(Text::ContentMissing))
            .size(look.sizes.body)
            .line_height(LINE_HEIGHT)
            .color(look.colors.text),
    )
    .padding(3.0 * look.sizes.unit)
    .into()
}

/// « Êtes-vous toujours là ? », the seconds left, and « Continuer ».
fn still_there<'a>(look: Look, left: u32) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let unit = if left == 1 {
        Text::Second
    } else {
        Text::Seconds
    };
    let seconds = format!("{left}\u{a0}{}", look.text(unit));
    // A short window (800×600 at 200 %) keeps the seconds, not their label.
    let short = look.window.height < 14.0 * s.body + 16.0 * s.unit;
    let mut countdown = Column::new().align_x(Alignment::Center).width(Length::Fill);
    if !short {
        countdown = countdown.push(words(look.text(Text::IdleCountdown), s.body, c.text, false));
    }
    let countdown = countdown.push(words(
        seconds,
        if short { s.h1 } else { 1.4 * s.h1 },
        c.heading,
        true,
    ));
    let content = column![
        words(look.text(Text::StillThere), s.h1, c.heading, true),
        words(look.text(Text::IdleExplain), s.body, c.text, false),
        countdown,
        keypad_button(
            look,
            BUTTON_CONTINUE,
            look.text(Text::Continue),
            s.h2,
            theme::chosen(c),
            Some(Message::Continue),
        ),
    ]
    .spacing(2.0 * s.unit)
    .align_x(Alignment::Center);
    card(look, content, 34.0 * s.body)
}

/// The staff keypad: the masked entry, a message after a wrong code, the
/// digits, « Effacer », « Valider » and « Annuler ».
fn keypad_card<'a>(
    look: Look,
    entry: &str,
    refused: Option<Refusal>,
    locked: bool,
) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let gap = s.unit;
    let key = key_size(s);
    let width = 3.0 * (5.0 * s.control).max(110.0) + 2.0 * gap;
    let title = row![
        container(words(
            look.text(Text::StaffCode),
            1.2 * s.control,
            c.heading,
            true
        ))
        .width(Length::Fill),
        big_button(
            look,
            BUTTON_CANCEL,
            look.text(Text::Cancel),
            s.control,
            theme::plain(c),
            Some(Message::Cancel),
        ),
    ]
    .spacing(gap)
    .align_y(Alignment::Center);
    let masked: String = entry
        .chars()
        .map(|_| DOT.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let shown = container(
        text(masked)
            .size(key)
            .line_height(LINE_HEIGHT)
            .font(BOLD)
            .color(c.text),
    )
    .center_x(Length::Fill)
    .height(key * LINE_HEIGHT + 2.0 * gap)
    .center_y(key * LINE_HEIGHT + 2.0 * gap)
    .style(theme::boxed(c.background, c.text, 2.0, c.text));

    let digit = |d: u8| {
        let i = usize::from(d);
        keypad_button(
            look,
            DIGITS[i],
            DIGIT_LABELS[i],
            key,
            theme::plain(c),
            (!locked).then_some(Message::Digit(d)),
        )
    };
    let mut grid = Column::new().spacing(gap);
    for first in [1, 4, 7] {
        grid = grid.push(row![digit(first), digit(first + 1), digit(first + 2)].spacing(gap));
    }
    grid = grid.push(
        row![
            keypad_button(
                look,
                BUTTON_ERASE,
                look.text(Text::Erase),
                s.control,
                theme::plain(c),
                Some(Message::Erase)
            ),
            digit(0),
            keypad_button(
                look,
                BUTTON_SUBMIT,
                look.text(Text::Confirm),
                s.control,
                theme::chosen(c),
                (!locked).then_some(Message::Submit),
            ),
        ]
        .spacing(gap),
    );

    let entry = column![
        title,
        words(look.text(Text::StaffCodeHint), s.control, c.text, false),
        shown
    ]
    .spacing(gap);
    // The line is kept when empty, so the keys do not move under a finger.
    let why = match refused {
        Some(Refusal::WrongCode) => look.text(Text::WrongCode),
        Some(Refusal::TooManyTries) => look.text(Text::TooManyTries),
        None => "\u{a0}",
    };
    let entry = entry.push(words(why, s.control, c.error_text, true));
    // On a short screen (800×600 at 200 %) the keys go beside the entry.
    let line = s.control * LINE_HEIGHT;
    let keys = 4.0 * (1.25 * s.target).max(key * LINE_HEIGHT + s.unit) + 3.0 * gap;
    let stacked = s.target.max(line) + 4.0 * line + key * LINE_HEIGHT + 7.0 * gap + keys;
    if stacked + 8.0 * s.unit <= look.window.height {
        card(look, entry.push(grid), width)
    } else {
        let side = row![entry.width(Length::Fill), grid.width(width - 4.0 * s.unit)]
            .spacing(2.0 * gap)
            .align_y(Alignment::Center);
        card(look, side, 2.0 * width)
    }
}

/// Ctrl+Alt+Q with no staff code set: say so, and nothing else.
fn no_code<'a>(look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let content = column![
        words(look.text(Text::NoStaffCode), s.body, c.text, false),
        big_button(
            look,
            BUTTON_CLOSE_NOTICE,
            look.text(Text::Close),
            s.control,
            theme::plain(c),
            Some(Message::Cancel),
        ),
    ]
    .spacing(2.0 * s.unit)
    .align_x(Alignment::Center);
    card(look, content, 30.0 * s.body)
}

/// The band across the top while staff have paused the kiosk.
pub fn staff_band<'a>(look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let buttons = row![
        big_button(
            look,
            BUTTON_RESUME,
            look.text(Text::ResumeKiosk),
            s.control,
            theme::chosen(c),
            Some(Message::Resume),
        ),
        big_button(
            look,
            BUTTON_QUIT,
            look.text(Text::QuitProgram),
            s.control,
            theme::plain(c),
            Some(Message::Quit),
        ),
    ]
    .spacing(s.unit);
    container(
        Row::new()
            .push(
                container(words(look.text(Text::StaffMode), s.control, c.text, true))
                    .width(Length::Fill),
            )
            .push(buttons)
            .spacing(2.0 * s.unit)
            .align_y(Alignment::Center),
    )
    .padding([s.unit, 2.0 * s.unit])
    .width(Length::Fill)
    .style(theme::boxed(c.summary_bg, c.summary_border, 2.0, c.text))
    .into()
}

/// A card of at most `width`, on the dimmed layer.
fn card<'a>(
    look: Look,
    content: impl Into<Element<'a, Message>>,
    width: f32,
) -> Element<'a, Message> {
    let c = look.colors;
    container(content)
        .padding(2.0 * look.sizes.unit)
        .max_width(width)
        .style(theme::boxed(c.panel_bg, c.heading, 3.0, c.text))
        .into()
}

/// A wrapped line of text, centred in its column.
fn words<'a>(
    s: impl text::IntoFragment<'a>,
    size: f32,
    color: Color,
    bold: bool,
) -> Element<'a, Message> {
    text(s)
        .size(size)
        .line_height(LINE_HEIGHT)
        .font(if bold { BOLD } else { FONT })
        .color(color)
        .wrapping(Wrapping::WordOrGlyph)
        .into()
}

/// A button at least the target size, that fills its row when asked.
fn big_button<'a>(
    look: Look,
    id: &'static str,
    label: &'a str,
    size: f32,
    paint: Paint,
    message: Option<Message>,
) -> Element<'a, Message> {
    let s = look.sizes;
    let label = text(label)
        .size(size)
        .line_height(LINE_HEIGHT)
        .font(FONT)
        .wrapping(Wrapping::WordOrGlyph)
        .align_x(Horizontal::Center);
    let widget = button(label)
        .padding([s.pad_for(size), 2.0 * s.unit])
        .on_press_maybe(message)
        .style(paint.button(look.colors, false));
    container(widget).id(Id::new(id)).into()
}

/// The size of a digit on the keypad.
fn key_size(s: Sizes) -> f32 {
    1.4 * s.control
}

/// A key of the keypad: a third of the row, tall enough for a finger.
fn keypad_button<'a>(
    look: Look,
    id: &'static str,
    label: &'a str,
    size: f32,
    paint: Paint,
    message: Option<Message>,
) -> Element<'a, Message> {
    let s = look.sizes;
    // Every key of a row is as tall as a digit key, whatever its label.
    let height = (1.25 * s.target).max(size.max(key_size(s)) * LINE_HEIGHT + s.unit);
    let label = text(label)
        .size(size)
        .line_height(LINE_HEIGHT)
        .font(if size > s.control { BOLD } else { FONT })
        .wrapping(Wrapping::WordOrGlyph)
        .width(Length::Fill)
        .align_x(Horizontal::Center);
    let widget = button(center(label))
        .width(Length::Fill)
        .height(height)
        .padding([0.0, 0.5 * s.unit])
        .on_press_maybe(message)
        .style(paint.button(look.colors, false));
    container(widget)
        .id(Id::new(id))
        .width(Length::FillPortion(1))
        .into()
}
