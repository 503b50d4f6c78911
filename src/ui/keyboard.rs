//! The on-screen keyboard of « Rechercher », for a touch screen without a
//! keyboard: AZERTY with « é è à ç ù ê » and the apostrophe in French,
//! QWERTY in English, then « Corriger » (backspace), « Espace »,
//! « Tout effacer » and « Masquer ». Its keys are at least the
//! target size (48 px at 100 %) and grow with the text size, narrowing
//! only when the window is too narrow for a row. It edits a text and
//! returns its own [`Message`]; [`edit`] says what a key does to the text.

use iced::alignment::Horizontal;
use iced::widget::text::Wrapping;
use iced::widget::{Column, Row, button, container, text};
use iced::{Element, Length};

use super::theme::{self, LINE_HEIGHT};
use super::{FONT, Look};
use crate::Lang;
use crate::i18n::Label;

/// A key of the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// A letter (or the apostrophe).
    Type(char),
    Backspace,
    Space,
    /// « Tout effacer ».
    Clear,
    /// « Masquer ».
    Hide,
}

/// What a key does to the text being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// The text becomes this.
    Text(String),
    /// The keyboard goes away; the text stays.
    Hide,
}

/// The letter rows in `lang`: French AZERTY with its accented letters at
/// the ends of the rows and the apostrophe (’, as the content writes it),
/// English QWERTY.
pub fn rows(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Fr => ["azertyuiopé", "qsdfghjklmè", "wxcvbn’àçùê"],
        Lang::En => ["qwertyuiop", "asdfghjkl’", "zxcvbnm"],
    }
}

/// The letters of a row.
pub fn keys(row: &str) -> impl Iterator<Item = char> + '_ {
    row.chars()
}

/// What `key` does to `typed`.
pub fn edit(key: Message, typed: &str) -> Edit {
    let mut text = typed.to_string();
    match key {
        Message::Type(c) => text.push(c),
        Message::Space => text.push(' '),
        Message::Backspace => {
            text.pop();
        }
        Message::Clear => text.clear(),
        Message::Hide => return Edit::Hide,
    }
    Edit::Text(text)
}

/// The widget id of a key: `key-a`, `key-é`, `key-backspace`…
pub fn key_id(key: Message) -> String {
    match key {
        Message::Type(c) => format!("key-{c}"),
        Message::Backspace => "key-backspace".into(),
        Message::Space => "key-space".into(),
        Message::Clear => "key-clear".into(),
        Message::Hide => "key-hide".into(),
    }
}

/// Most keys in a row (the French letter rows have eleven).
const ROW: f32 = 11.0;

/// Rows of keys: three of letters and the row of Space.
const ROWS: f32 = 4.0;

/// The width and height of a letter key for `look`: at least the target
/// size, growing with the text (2.6 times the controls' text); narrower
/// only when a row does not fit the window's width, and lower only when
/// the keyboard would take more than 38 % of the window's height (the
/// results need the rest), never under 44 px.
pub fn key_size(look: Look) -> iced::Size {
    let s = look.sizes;
    let wanted = s.target.max(2.6 * s.control);
    let wide = (look.window.width - 4.0 * s.unit - (ROW - 1.0) * gap(look)) / ROW;
    let high = (0.38 * look.window.height - 2.0 * s.unit - (ROWS - 1.0) * gap(look)) / ROWS;
    iced::Size::new(wanted.min(wide).max(44.0), wanted.min(high).max(44.0))
}

fn gap(look: Look) -> f32 {
    0.75 * look.sizes.unit
}

/// The keyboard, under the results. Once something is `found`, its hide
/// key says « Voir les résultats »: at 200 % on a small screen the keyboard
/// can cover every result.
pub fn view<'a>(look: Look, found: bool) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let side = key_size(look);
    let key = |label: String, message: Message, width: Length| -> Element<'a, Message> {
        let fixed = matches!(width, Length::Fixed(_));
        let label = text(label)
            .size(s.control)
            .line_height(LINE_HEIGHT)
            .font(FONT)
            .wrapping(Wrapping::None)
            .align_x(Horizontal::Center);
        // A letter fills its fixed key; a word sizes its own key.
        let (label, pad) = if fixed {
            (label.width(Length::Fill), 0.0)
        } else {
            (label, 1.5 * s.unit)
        };
        let widget = button(container(label).center_y(Length::Fill))
            .width(width)
            .height(side.height)
            .padding([0.0, pad])
            .on_press(message)
            .style(theme::plain(c).button(c, false));
        container(widget).id(key_id(message)).into()
    };
    let mut board = Column::new().spacing(gap(look)).align_x(Horizontal::Center);
    let letter = Length::Fixed(side.width);
    for letters in rows(look.lang) {
        let row =
            Row::with_children(keys(letters).map(|l| key(l.to_string(), Message::Type(l), letter)))
                .spacing(gap(look));
        board = board.push(row);
    }
    let label = |l: Label| look.label(l).to_string();
    let space = Length::Fixed(3.0 * side.width + 2.0 * gap(look));
    let last = Row::new()
        .spacing(gap(look))
        .push(key(label(Label::KeySpace), Message::Space, space))
        .push(key(
            label(Label::KeyBackspace),
            Message::Backspace,
            Length::Shrink,
        ))
        .push(key(label(Label::KeyClear), Message::Clear, Length::Shrink))
        .push(key(
            label(if found {
                Label::KeyShowResults
            } else {
                Label::KeyHide
            }),
            Message::Hide,
            Length::Shrink,
        ))
        .wrap()
        .vertical_spacing(gap(look));
    board = board.push(last);
    container(board)
        .padding(s.unit)
        .width(Length::Fill)
        .center_x(Length::Fill)
        .style(theme::boxed(c.panel_bg, c.panel_border, 1.0, c.text))
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::{Colors, NORMAL, Sizes, TextSize};

    fn look(percent: u16, width: f32) -> Look {
        Look {
            colors: &NORMAL as &'static Colors,
            sizes: Sizes::new(TextSize::from_percent(percent)),
            lang: Lang::Fr,
            focus: None,
            window: iced::Size::new(width, 800.0),
        }
    }

    #[test]
    fn french_is_azerty_with_its_accents_and_the_apostrophe() {
        let all: String = rows(Lang::Fr).concat();
        assert!(all.starts_with("azerty"));
        for c in "éèàçùê’".chars() {
            assert!(all.contains(c), "{c}");
        }
        assert_eq!(all.chars().filter(char::is_ascii_lowercase).count(), 26);
        let english: String = rows(Lang::En).concat();
        assert!(english.starts_with("qwerty"));
        assert_eq!(english.chars().filter(char::is_ascii_lowercase).count(), 26);
    }

    #[test]
    fn every_key_is_drawn_by_the_bundled_font() {
        for lang in Lang::ALL {
            for c in rows(lang).concat().chars() {
                assert!(crate::fonts::can_draw(c), "{c:?}");
            }
        }
    }

    #[test]
    fn keys_edit_the_text() {
        assert_eq!(
            edit(Message::Type('é'), "cirrhos"),
            Edit::Text("cirrhosé".into())
        );
        assert_eq!(edit(Message::Space, "foie"), Edit::Text("foie ".into()));
        assert_eq!(edit(Message::Backspace, "foié"), Edit::Text("foi".into()));
        assert_eq!(edit(Message::Backspace, ""), Edit::Text(String::new()));
        assert_eq!(edit(Message::Clear, "foie"), Edit::Text(String::new()));
        assert_eq!(edit(Message::Hide, "foie"), Edit::Hide);
    }

    #[test]
    fn keys_are_at_least_44_px_and_grow_with_the_text() {
        let at_100 = key_size(look(100, 1280.0));
        let at_200 = key_size(look(200, 1280.0));
        assert!(at_100.width >= 44.0 && at_100.height >= 44.0, "{at_100:?}");
        assert!(at_200.width > at_100.width, "{at_200:?} ≤ {at_100:?}");
        assert!(at_200.height > at_100.height, "{at_200:?} ≤ {at_100:?}");
        // A narrow window narrows them, never under 44 px.
        for width in [800.0, 400.0] {
            let narrow = key_size(look(200, width));
            assert!(narrow.width >= 44.0 && narrow.height >= 44.0, "{narrow:?}");
        }
    }
}
