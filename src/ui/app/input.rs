//! The keyboard: the focus ring over every control, what pressing a control
//! sends (each screen's own `message`, the one its view sends on a click),
//! the shortcuts, and scrolling.

use iced::Task;
use iced::widget::operation::{self, AbsoluteOffset, RelativeOffset};

use super::{App, Message, Screen, Shown, top};
use crate::ui::focus::{self, Control};
use crate::ui::keys::Shortcut;
use crate::ui::theme::Sizes;
use crate::ui::{export, glossary, header, kiosk, problems, questions, reader, search};

impl App {
    /// Every control of the window in reading order: the focus ring.
    pub fn controls(&self) -> Vec<Control> {
        let header = self.header();
        let mut ring = header::controls(&header, &self.tab_buttons());
        if header.compact && header.menu.is_some() {
            // A sheet covers the window: its controls only.
            return ring;
        }
        let library = self.library();
        ring.extend(match self.shown() {
            Shown::Panel(panel) => panel
                .controls(&self.export_context())
                .into_iter()
                .map(Control::Panel)
                .collect(),
            Shown::Screen(Screen::Reader) => {
                self.reader
                    .controls(library, self.look(), self.kiosk.is_kiosk())
            }
            Shown::Screen(Screen::Glossary) => self.glossary.controls(&library.glossary),
            Shown::Screen(Screen::Questions) => self.questions.controls(library),
            Shown::Screen(Screen::Problems) => self.problems.controls(),
            Shown::Screen(Screen::Search) => std::iter::once(Control::SearchField)
                .chain(self.search.controls())
                .collect(),
        });
        ring
    }

    /// The message pressing a control sends: the same as a click on it.
    pub fn message_for(&self, control: Control) -> Option<Message> {
        let library = self.library();
        match control {
            Control::Lang(_)
            | Control::TextSmaller
            | Control::TextLarger
            | Control::Contrast
            | Control::Search
            | Control::Export
            | Control::Tab(_)
            | Control::Settings
            | Control::TabsMenu
            | Control::CloseMenu => header::message(control).map(Message::from),
            Control::SearchField => Some(Message::OpenSearch),
            Control::Section(_)
            | Control::Term(_)
            | Control::CloseDefinition
            | Control::Figure(_)
            | Control::CloseFigure
            | Control::PreviousSection
            | Control::NextSection
            | Control::PageUp
            | Control::PageDown => self.reader.message(control, library).map(Message::Reader),
            Control::Welcome(lang) => Some(Message::Kiosk(kiosk::Message::Welcome(lang))),
            Control::Letter(_) => glossary::message(control).map(Message::Glossary),
            Control::Question(_) | Control::ClearQuestions | Control::PrintQuestions => self
                .questions
                .message(control, library)
                .map(Message::Questions),
            Control::Reload => self.problems.message(control).map(Message::Problems),
            Control::Panel(button) => Some(Message::Export(button.message())),
            Control::ClearSearch
            | Control::Hit(_)
            | Control::Suggestion
            | Control::ShowKeyboard => self.search.message(control).map(Message::Search),
            Control::BackToResults => match self.screen {
                Screen::Glossary => glossary::message(control).map(Message::Glossary),
                _ => self.reader.message(control, library).map(Message::Reader),
            },
        }
    }

    /// Carries out a shortcut. Enter or Space on a control is a click on
    /// it; every other shortcut calls the method its button calls.
    pub(super) fn shortcut(&mut self, shortcut: Shortcut) -> Task<Message> {
        let page = self.page_height();
        let line = 3.0 * Sizes::new(self.text_size).body;
        match shortcut {
            Shortcut::FocusNext => {
                self.focus = focus::next(&self.controls(), self.focus);
                Task::batch([self.reveal(), self.search_field_focus()])
            }
            Shortcut::FocusPrevious => {
                self.focus = focus::previous(&self.controls(), self.focus);
                Task::batch([self.reveal(), self.search_field_focus()])
            }
            Shortcut::Search => self.open_search(),
            Shortcut::Activate => match self.focus.and_then(|c| self.message_for(c)) {
                Some(message) => self.update(message),
                None => Task::none(),
            },
            Shortcut::OpenTab(n) => match self.tabs().get(n).map(|(key, _)| *key) {
                Some(key) => self.open(key),
                None => Task::none(),
            },
            Shortcut::TextLarger => {
                self.text_size = self.text_size.larger();
                Task::none()
            }
            Shortcut::TextSmaller => {
                self.text_size = self.text_size.smaller();
                Task::none()
            }
            Shortcut::TextReset => {
                self.text_size = crate::ui::TextSize::MIN;
                Task::none()
            }
            Shortcut::PageDown => self.scroll_by(page),
            Shortcut::PageUp => self.scroll_by(-page),
            Shortcut::LineDown => self.scroll_by(line),
            Shortcut::LineUp => self.scroll_by(-line),
            Shortcut::Top => top(self.scroll_area()),
            Shortcut::Bottom => operation::snap_to(self.scroll_area(), RelativeOffset::END),
            Shortcut::Escape => {
                if self.menu.is_some() {
                    self.menu = None;
                } else if self.export.is_some() {
                    self.close_export();
                } else if self.reader.figure.is_some() {
                    self.reader.figure = None;
                } else if self.reader.definition.is_some() {
                    self.reader.definition = None;
                } else {
                    self.focus = None;
                }
                Task::none()
            }
        }
    }

    /// The main scroll area of what is shown.
    pub fn scroll_area(&self) -> &'static str {
        match self.shown() {
            Shown::Panel(_) => export::PANEL,
            Shown::Screen(Screen::Reader) => reader::PANE,
            Shown::Screen(Screen::Glossary) => glossary::LIST,
            Shown::Screen(Screen::Questions) => questions::LIST,
            Shown::Screen(Screen::Problems) => problems::LIST,
            Shown::Screen(Screen::Search) => search::LIST,
        }
    }

    /// The search field types what is typed while the focus ring is on it,
    /// and lets go of the keyboard when the ring moves on.
    fn search_field_focus(&self) -> Task<Message> {
        if !matches!(self.shown(), Shown::Screen(Screen::Search)) {
            Task::none()
        } else if self.focus == Some(Control::SearchField) {
            operation::focus(search::FIELD)
        } else {
            iced::advanced::widget::operate(iced::advanced::widget::operation::focusable::unfocus())
        }
    }

    fn scroll_by(&self, y: f32) -> Task<Message> {
        operation::scroll_by(self.scroll_area(), AbsoluteOffset { x: 0.0, y })
    }

    /// Scrolls the focused control into view, wherever its scroll area.
    fn reveal(&self) -> Task<Message> {
        match self.focus {
            Some(control) => crate::ui::reveal::reveal(control),
            None => Task::none(),
        }
    }
}
