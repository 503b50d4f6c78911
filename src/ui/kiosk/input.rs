//! The events a kiosk listens to, and the window it asks for: Ctrl+Alt+Q,
//! keys typed on the keypad, pointer moves as a sign of presence, close
//! requests, and a full-screen window without a title bar. Key mapping is
//! a pure function of the key, so it is tested without a window.

use iced::keyboard::key::{Code, Named, Physical};
use iced::keyboard::{self, Key, Modifiers};
use iced::{Event, Subscription, event, mouse, touch, window};

use super::{Message, TICK};
use crate::ui::app::{App, Message as AppMessage, on_event};

impl App {
    /// The events a kiosk listens to: keys (to the keypad when it is
    /// open), taps, close requests, pointer moves once a tick, and the
    /// clock while someone uses the window.
    pub(in crate::ui) fn kiosk_subscription(&self) -> Subscription<AppMessage> {
        let keys = if self.kiosk.keypad().is_some() {
            event::listen_with(on_keypad_event)
        } else {
            event::listen_with(on_kiosk_event)
        };
        let mut all = vec![keys];
        if self.kiosk.watching_motion() {
            all.push(event::listen_with(on_motion));
        }
        if self.kiosk.clock_running() {
            all.push(iced::time::every(TICK).map(|now| AppMessage::Kiosk(Message::Tick(now))));
        }
        Subscription::batch(all)
    }
}

/// The window's own events in a kiosk: close requests and opening.
fn on_window_event(event: &Event, id: window::Id) -> Option<AppMessage> {
    match event {
        Event::Window(window::Event::CloseRequested) => {
            Some(AppMessage::Kiosk(Message::CloseRequested(id)))
        }
        Event::Window(window::Event::Opened { .. }) => Some(AppMessage::Kiosk(Message::Opened(id))),
        _ => None,
    }
}

/// Events while no keypad is open: Ctrl+Alt+Q, the app's shortcuts, and
/// every other key as input.
fn on_kiosk_event(event: Event, status: event::Status, id: window::Id) -> Option<AppMessage> {
    if let Some(message) = on_window_event(&event, id) {
        return Some(message);
    }
    if let Event::Keyboard(keyboard::Event::KeyPressed {
        key,
        physical_key,
        modifiers,
        ..
    }) = &event
        && staff_gesture(key, *physical_key, *modifiers)
    {
        return Some(AppMessage::Kiosk(Message::StaffGesture));
    }
    let pressed = matches!(event, Event::Keyboard(keyboard::Event::KeyPressed { .. }));
    on_event(event, status, id).or(pressed.then_some(AppMessage::Kiosk(Message::Input)))
}

/// Events while the keypad is open: digits, Backspace, Enter and Escape
/// work it; shortcuts do not reach the window behind.
fn on_keypad_event(event: Event, status: event::Status, id: window::Id) -> Option<AppMessage> {
    if let Some(message) = on_window_event(&event, id) {
        return Some(message);
    }
    match &event {
        Event::Keyboard(keyboard::Event::KeyPressed {
            key, physical_key, ..
        }) => Some(AppMessage::Kiosk(
            keypad_key(key, *physical_key).unwrap_or(Message::Input),
        )),
        Event::Keyboard(_) => None,
        _ => on_event(event, status, id),
    }
}

/// Pointer moves, scrolls and finger moves: someone is there.
fn on_motion(event: Event, _status: event::Status, _id: window::Id) -> Option<AppMessage> {
    match event {
        Event::Mouse(mouse::Event::CursorMoved { .. } | mouse::Event::WheelScrolled { .. })
        | Event::Touch(touch::Event::FingerMoved { .. }) => Some(AppMessage::Kiosk(Message::Input)),
        _ => None,
    }
}

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
