//! What kiosk mode does to the app: which messages count as the reader doing
//! something, which are held back while a card covers the window, what a
//! kiosk message asks for, and whether the problems tab shows.

use iced::{Task, window};

use super::{App, Message, Screen};
use crate::ui::focus::TabKey;
use crate::ui::kiosk::{self, Action};
use crate::ui::reader;

impl App {
    /// Kiosk mode's look at a message before the app acts on it: input
    /// stops the countdown; `true` when the message must go no further (a
    /// key while something covers the window only uncovers it; the
    /// problems tab is not for patients).
    pub(super) fn kiosk_holds(&mut self, message: &Message) -> bool {
        if !self.kiosk.is_kiosk() || matches!(message, Message::Kiosk(_)) {
            return false;
        }
        if matches!(message, Message::Open(TabKey::Problems)) && self.kiosk.patient() {
            return true;
        }
        if !is_input(message) {
            return false;
        }
        let covered = self.kiosk.covered();
        let key = matches!(message, Message::Key(_));
        self.kiosk.input(key || matches!(message, Message::Pointer));
        if key {
            self.kiosk.key_pressed();
        }
        key && covered
    }

    /// Carries out a kiosk message.
    pub(super) fn kiosk_update(&mut self, message: kiosk::Message) -> Task<Message> {
        match self.kiosk.update(message) {
            Action::None => Task::none(),
            Action::Reset => self.reset(),
            Action::Exit => {
                self.closing = true;
                iced::exit()
            }
            Action::Close(id) => {
                self.closing = true;
                window::close(id)
            }
            // Destroyed by another program: end with an error, so that the
            // service manager starts a fresh kiosk.
            Action::Lost => {
                if !self.closing {
                    crate::ui::window_lost();
                }
                iced::exit()
            }
            Action::CoverScreen(id) => {
                window::monitor_size(id).and_then(move |size| window::resize(id, size))
            }
            Action::SetLang(lang) => {
                self.set_language(lang);
                Task::none()
            }
        }
    }

    /// Whether the « Problèmes de contenu » tab shows: when there are
    /// problems (content errors, ignored settings, a review that is
    /// overdue), never for a patient at a kiosk.
    pub fn problems_tab_shown(&self) -> bool {
        let overdue = self
            .report()
            .diagnostics
            .iter()
            .any(|d| matches!(d.kind, crate::Problem::ReviewOverdue { .. }));
        !self.kiosk.patient()
            && (self.report().has_errors()
                || overdue
                || !self.config().settings_warnings.is_empty()
                || self.screen == Screen::Problems)
    }
}

/// Whether a message is the reader doing something (as opposed to the
/// clock, the window manager, the window's size or a finished job). Every
/// message is decided here: a new one must be placed on one side.
fn is_input(message: &Message) -> bool {
    match message {
        Message::Kiosk(m) => match m {
            kiosk::Message::Tick(_)
            | kiosk::Message::CloseRequested(_)
            | kiosk::Message::Opened(_)
            | kiosk::Message::Closed(_) => false,
            kiosk::Message::Input
            | kiosk::Message::Motion
            | kiosk::Message::Start
            | kiosk::Message::Welcome(_)
            | kiosk::Message::Continue
            | kiosk::Message::StaffGesture
            | kiosk::Message::Digit(_)
            | kiosk::Message::Erase
            | kiosk::Message::Submit
            | kiosk::Message::Cancel
            | kiosk::Message::Resume
            | kiosk::Message::Quit => true,
        },
        Message::Key(_)
        | Message::Pointer
        | Message::SetLang(_)
        | Message::TextSmaller
        | Message::TextLarger
        | Message::TextReset
        | Message::ToggleContrast
        | Message::OpenExport
        | Message::Open(_)
        | Message::Glossary(_)
        | Message::Questions(_)
        | Message::Problems(_) => true,
        // Scrolling by hand already comes as motion; a scroll the window
        // made itself (a snap after the reset) is nobody's doing.
        Message::Reader(m) => match m {
            reader::Message::Scrolled(_) => false,
            reader::Message::OpenTab(_)
            | reader::Message::OpenSection(_)
            | reader::Message::ShowDefinition(_)
            | reader::Message::CloseDefinition
            | reader::Message::OpenFigure(_)
            | reader::Message::CloseFigure
            | reader::Message::PreviousSection
            | reader::Message::NextSection
            | reader::Message::PageUp
            | reader::Message::PageDown
            | reader::Message::BackToResults => true,
        },
        Message::Search(crate::ui::search::Message::Scrolled(_)) => false,
        // Searching is the reader typing and tapping: it keeps the clock
        // from running out under them.
        Message::OpenSearch | Message::Search(_) | Message::Keyboard(_) | Message::Menu(_) => true,
        // The window's size changes, the content and the panel's job
        // results come by themselves; a press on the panel already came as
        // `Pointer` or `Key`.
        Message::Resized(_)
        | Message::Export(_)
        | Message::Modifiers(_)
        | Message::ContentChanged
        | Message::Loaded(_) => false,
    }
}
