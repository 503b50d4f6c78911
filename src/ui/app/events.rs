//! The events the window listens to: keys (shortcuts, or the staff keypad
//! in kiosk mode), the window's size, clicks and taps (which hide the focus
//! ring), and in kiosk mode close requests, pointer moves as a sign of
//! presence, and the idle clock.

use iced::{Event, Subscription, event, keyboard, mouse, touch, window};

use std::path::PathBuf;

use iced::futures::channel::mpsc;
use iced::futures::{SinkExt, Stream, StreamExt};

use super::{App, Message};
use crate::content::ContentSource;
use crate::ui::keys::{self, Shortcut};
use crate::ui::kiosk::{self, TICK, keypad_key, staff_gesture};
use crate::watch::Watcher;

impl App {
    /// What the window listens to now.
    pub fn subscription(&self) -> Subscription<Message> {
        if !self.kiosk.is_kiosk() {
            // Outside kiosk mode, a window on a content folder follows its
            // files: each save reloads (a kiosk never changes by itself).
            let follow = match &self.config.source {
                ContentSource::Dir(dir) => Subscription::run_with(dir.clone(), content_changes),
                ContentSource::Embedded | ContentSource::Memory(_) => Subscription::none(),
            };
            return Subscription::batch([event::listen_with(on_event), follow]);
        }
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
            all.push(iced::time::every(TICK).map(|now| Message::Kiosk(kiosk::Message::Tick(now))));
        }
        Subscription::batch(all)
    }
}

/// Each save of a content file in `dir`, as a message (debounced by the
/// watcher: one per save). A folder that cannot be watched sends nothing:
/// « Recharger » still works.
// `Subscription::run_with` hands its data back as `&PathBuf`.
#[allow(clippy::ptr_arg)]
pub(in crate::ui) fn content_changes(dir: &PathBuf) -> impl Stream<Item = Message> + use<> {
    let dir = dir.clone();
    iced::stream::channel(8, async move |mut out: mpsc::Sender<Message>| {
        let (tx, mut changes) = mpsc::unbounded();
        let Ok(_watcher) = Watcher::start(&dir, move |_change| {
            let _ = tx.unbounded_send(());
        }) else {
            return;
        };
        while changes.next().await.is_some() {
            if out.send(Message::ContentChanged).await.is_err() {
                return;
            }
        }
    })
}

/// An ordinary window's events: shortcuts the focused widget did not take,
/// size changes, and presses.
/// A text field takes the keys it types, but the window's own shortcuts
/// (Ctrl+1…6, Ctrl+F, Ctrl+plus, minus and 0) work in every screen.
pub(in crate::ui) fn on_event(
    event: Event,
    status: event::Status,
    _window: window::Id,
) -> Option<Message> {
    match event {
        Event::Keyboard(keyboard::Event::KeyPressed {
            key,
            physical_key,
            modifiers,
            ..
        }) => {
            let shortcut = keys::shortcut(&key, physical_key, modifiers)?;
            let everywhere = matches!(
                shortcut,
                Shortcut::OpenTab(_)
                    | Shortcut::Search
                    | Shortcut::TextLarger
                    | Shortcut::TextSmaller
                    | Shortcut::TextReset
            );
            (status == event::Status::Ignored || everywhere).then_some(Message::Key(shortcut))
        }
        Event::Keyboard(keyboard::Event::ModifiersChanged(modifiers)) => {
            Some(Message::Modifiers(modifiers))
        }
        Event::Window(window::Event::Resized(size)) => Some(Message::Resized(size)),
        Event::Mouse(mouse::Event::ButtonPressed(_))
        | Event::Touch(touch::Event::FingerPressed { .. }) => Some(Message::Pointer),
        _ => None,
    }
}

/// The window's own events in a kiosk: close requests and opening.
fn on_window_event(event: &Event, id: window::Id) -> Option<Message> {
    match event {
        Event::Window(window::Event::CloseRequested) => {
            Some(Message::Kiosk(kiosk::Message::CloseRequested(id)))
        }
        Event::Window(window::Event::Opened { .. }) => {
            Some(Message::Kiosk(kiosk::Message::Opened(id)))
        }
        Event::Window(window::Event::Closed) => Some(Message::Kiosk(kiosk::Message::Closed(id))),
        _ => None,
    }
}

/// Events while no keypad is open: Ctrl+Alt+Q, the app's shortcuts, and
/// every other key as input.
fn on_kiosk_event(event: Event, status: event::Status, id: window::Id) -> Option<Message> {
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
        return Some(Message::Kiosk(kiosk::Message::StaffGesture));
    }
    let pressed = matches!(event, Event::Keyboard(keyboard::Event::KeyPressed { .. }));
    on_event(event, status, id).or(pressed.then_some(Message::Kiosk(kiosk::Message::Input)))
}

/// Events while the keypad is open: digits, Backspace, Enter and Escape
/// work it; shortcuts do not reach the window behind.
fn on_keypad_event(event: Event, status: event::Status, id: window::Id) -> Option<Message> {
    if let Some(message) = on_window_event(&event, id) {
        return Some(message);
    }
    match &event {
        Event::Keyboard(keyboard::Event::KeyPressed {
            key, physical_key, ..
        }) => Some(Message::Kiosk(
            keypad_key(key, *physical_key).unwrap_or(kiosk::Message::Input),
        )),
        Event::Keyboard(_) => None,
        _ => on_event(event, status, id),
    }
}

/// Pointer moves, scrolls and finger moves: someone is there.
fn on_motion(event: Event, _status: event::Status, _id: window::Id) -> Option<Message> {
    match event {
        Event::Mouse(mouse::Event::CursorMoved { .. } | mouse::Event::WheelScrolled { .. })
        | Event::Touch(touch::Event::FingerMoved { .. }) => {
            Some(Message::Kiosk(kiosk::Message::Motion))
        }
        _ => None,
    }
}
