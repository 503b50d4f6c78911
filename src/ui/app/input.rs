//! The keyboard: the focus ring over every control, what pressing a control
//! sends (each screen's own `message`, the one its view sends on a click),
//! the shortcuts, and scrolling.

use iced::Task;
use iced::widget::operation::{self, AbsoluteOffset, RelativeOffset};

use super::{App, Message, Screen, Shown, top};
use crate::ui::focus::{self, Control};
use crate::ui::keys::Shortcut;
use crate::ui::theme::Sizes;
use crate::ui::{export, glossary, header, problems, questions, reader, search};

impl App {
    /// Every control of the window in reading order: the focus ring.
    pub fn controls(&self) -> Vec<Control> {
        let mut ring = header::controls(&self.header());
        ring.extend(self.tabs().into_iter().map(|(key, _)| Control::Tab(key)));
        let library = self.library();
        ring.extend(match self.shown() {
            Shown::Panel(panel) => panel
                .controls(&self.export_context())
                .into_iter()
                .map(Control::Panel)
                .collect(),
            Shown::Screen(Screen::Reader) => self.reader.controls(library, self.look()),
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
            | Control::Export => header::message(control).map(Message::from),
            Control::SearchField => Some(Message::OpenSearch),
            Control::Tab(key) => Some(Message::Open(key)),
            Control::Section(_) | Control::Term(_) | Control::CloseDefinition => {
                self.reader.message(control, library).map(Message::Reader)
            }
            Control::Letter(_) => glossary::message(control).map(Message::Glossary),
            Control::Question(_) | Control::ClearQuestions => self
                .questions
                .message(control, library)
                .map(Message::Questions),
            Control::Reload => self.problems.message(control).map(Message::Problems),
            Control::Panel(button) => Some(Message::Export(button.message())),
            Control::ClearSearch | Control::Hit(_) => {
                self.search.message(control).map(Message::Search)
            }
        }
    }

    /// Carries out a shortcut. Enter or Space on a control is a click on
    /// it; every other shortcut calls the method its button calls.
    pub(super) fn shortcut(&mut self, shortcut: Shortcut) -> Task<Message> {
        let page = (self.window.height * 0.6).max(120.0);
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
                if self.export.is_some() {
                    self.close_export();
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

    /// Scrolls the focused control's list so that it can be seen (roughly:
    /// in proportion to its place in the list).
    fn reveal(&self) -> Task<Message> {
        let share = |i: usize, n: usize| {
            if n > 1 {
                i as f32 / (n - 1) as f32
            } else {
                0.0
            }
        };
        let library = self.library();
        match self.focus {
            Some(Control::Section(i)) => {
                let n = self.reader.tab(library).map_or(0, |t| t.sections.len());
                operation::snap_to(
                    reader::SECTIONS,
                    RelativeOffset {
                        x: 0.0,
                        y: share(i, n),
                    },
                )
            }
            Some(Control::Term(_)) => operation::snap_to(reader::PANE, RelativeOffset::END),
            Some(Control::Hit(i)) => operation::snap_to(
                search::LIST,
                RelativeOffset {
                    x: 0.0,
                    y: share(i, self.search.hits.len()),
                },
            ),
            Some(Control::Question(i)) => {
                let order: Vec<usize> = questions::groups(library)
                    .into_iter()
                    .flat_map(|g| g.questions)
                    .collect();
                let at = order.iter().position(|&q| q == i).unwrap_or(0);
                operation::snap_to(
                    questions::LIST,
                    RelativeOffset {
                        x: 0.0,
                        y: share(at, order.len()),
                    },
                )
            }
            _ => Task::none(),
        }
    }
}
