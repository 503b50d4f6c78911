//! The keys a kiosk knows, and the window it asks for: Ctrl+Alt+Q, keys
//! typed on the keypad, and a full-screen window without a title bar. Key
//! mapping is a pure function of the key, so it is tested without a window;
//! which events the window listens to is the app's (`app/events.rs`).

use iced::keyboard::key::{Code, Named, Physical};
use iced::keyboard::{Key, Modifiers};
use iced::window;

use super::Message;

/// Ctrl+Alt+Q, by the character typed (the Q of AZERTY is elsewhere), or
/// by position when the key types no character.
pub fn staff_gesture(key: &Key, physical: Physical, modifiers: Modifiers) -> bool {
    if !(modifiers.control() && modifiers.alt()) {
        return false;
    }
    match key.as_ref() {
        Key::Character(c) => c.eq_ignore_ascii_case("q"),
        _ => physical == Physical::Code(Code::KeyQ),
    }
}

/// What a key does on the keypad: digits (typed, or by position on the
/// digit row and the number pad), Backspace, Enter, Escape.
pub fn keypad_key(key: &Key, physical: Physical) -> Option<Message> {
    match key.as_ref() {
        Key::Named(Named::Backspace | Named::Delete) => return Some(Message::Erase),
        Key::Named(Named::Enter) => return Some(Message::Submit),
        Key::Named(Named::Escape) => return Some(Message::Cancel),
        Key::Character(c) => {
            if let Some(d) = c.chars().next().and_then(|ch| ch.to_digit(10))
                && c.chars().count() == 1
            {
                return u8::try_from(d).ok().map(Message::Digit);
            }
        }
        _ => {}
    }
    let Physical::Code(code) = physical else {
        return None;
    };
    let digit = match code {
        Code::Digit0 | Code::Numpad0 => 0,
        Code::Digit1 | Code::Numpad1 => 1,
        Code::Digit2 | Code::Numpad2 => 2,
        Code::Digit3 | Code::Numpad3 => 3,
        Code::Digit4 | Code::Numpad4 => 4,
        Code::Digit5 | Code::Numpad5 => 5,
        Code::Digit6 | Code::Numpad6 => 6,
        Code::Digit7 | Code::Numpad7 => 7,
        Code::Digit8 | Code::Numpad8 => 8,
        Code::Digit9 | Code::Numpad9 => 9,
        _ => return None,
    };
    Some(Message::Digit(digit))
}

/// The window's settings in kiosk mode: the whole screen, no title bar,
/// no resizing, and a close request that the app may refuse.
pub fn window_settings(settings: window::Settings, kiosk: bool) -> window::Settings {
    if !kiosk {
        return settings;
    }
    window::Settings {
        fullscreen: true,
        decorations: false,
        resizable: false,
        minimizable: false,
        closeable: false,
        exit_on_close_request: false,
        ..settings
    }
}
