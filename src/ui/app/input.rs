//! The keyboard: the focus ring over every control, what each control
//! sends, the shortcuts, and the events the window listens to.

use iced::widget::operation::{self, AbsoluteOffset, RelativeOffset};
use iced::{Event, Subscription, Task, event, keyboard, mouse, touch, window};

use super::{App, Message, Screen, top};
use crate::ui::focus::{self, Control};
use crate::ui::keys::{self, Shortcut};
use crate::ui::theme::{Sizes, TextSize};
use crate::ui::{export, glossary, problems, questions, reader, search};

impl App {
    /// Every control of the window in reading order: the focus ring.
    pub fn controls(&self) -> Vec<Control> {
        let mut ring: Vec<Control> = self.languages.iter().map(|&l| Control::Lang(l)).collect();
        if self.text_size > TextSize::MIN {
            ring.push(Control::TextSmaller);
        }
        if self.text_size < TextSize::MAX {
            ring.push(Control::TextLarger);
        }
        ring.extend([Control::Contrast, Control::Search, Control::Export]);
        ring.extend(self.tabs().into_iter().map(|(key, _)| Control::Tab(key)));
        if self.export.is_open() {
            let panel = self.export.controls(&self.export_context());
            ring.extend(panel.into_iter().map(Control::Panel));
            return ring;
        }
        let library = self.library();
        ring.extend(match self.screen {
            Screen::Reader => self.reader.controls(library, self.look()),
            Screen::Glossary => self.glossary.controls(&library.glossary),
            Screen::Questions => self.questions.controls(library),
            Screen::Problems => self.problems.controls(),
            Screen::Search => std::iter::once(Control::SearchField)
                .chain(self.search.controls())
                .collect(),
        });
        ring
    }

    /// The message pressing a control sends.
    pub fn message_for(&self, control: Control) -> Option<Message> {
        let library = self.library();
        match control {
            Control::Lang(lang) => Some(Message::SetLang(lang)),
            Control::TextSmaller => Some(Message::TextSmaller),
            Control::TextLarger => Some(Message::TextLarger),
            Control::Contrast => Some(Message::ToggleContrast),
            Control::Search | Control::SearchField => Some(Message::OpenSearch),
            Control::Export => Some(Message::OpenExport),
            Control::Tab(key) => Some(Message::Open(key)),
            Control::Section(_) | Control::Term(_) | Control::CloseDefinition => {
                self.reader.activate(control, library).map(Message::Reader)
            }
            Control::Letter(_) => self.glossary.activate(control).map(Message::Glossary),
            Control::Question(_) | Control::ClearQuestions => self
                .questions
                .activate(control, library)
                .map(Message::Questions),
            Control::Reload => self.problems.activate(control).map(Message::Problems),
            Control::Panel(button) => self.export.activate(button).map(Message::Export),
            Control::ClearSearch | Control::Hit(_) => {
                self.search.activate(control).map(Message::Search)
            }
        }
    }

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
            Shortcut::Search => self.apply(Message::OpenSearch),
            Shortcut::Activate => {
                let Some(message) = self.focus.and_then(|c| self.message_for(c)) else {
                    return Task::none();
                };
                self.apply(message)
            }
            Shortcut::OpenTab(n) => match self.tabs().get(n).map(|(key, _)| *key) {
                Some(key) => self.open(key),
                None => Task::none(),
            },
            Shortcut::TextLarger => self.apply(Message::TextLarger),
            Shortcut::TextSmaller => self.apply(Message::TextSmaller),
            Shortcut::TextReset => self.apply(Message::TextReset),
            Shortcut::PageDown => self.scroll_by(page),
            Shortcut::PageUp => self.scroll_by(-page),
            Shortcut::LineDown => self.scroll_by(line),
            Shortcut::LineUp => self.scroll_by(-line),
            Shortcut::Top => top(self.scroll_area()),
            Shortcut::Bottom => operation::snap_to(self.scroll_area(), RelativeOffset::END),
            Shortcut::Escape => {
                if self.export.is_open() {
                    return self.apply(Message::Export(export::Message::Close));
                }
                if self.reader.definition.is_some() {
                    self.reader.definition = None;
                } else {
                    self.focus = None;
                }
                Task::none()
            }
        }
    }

    /// The main scroll area of the screen shown.
    pub fn scroll_area(&self) -> &'static str {
        if self.export.is_open() {
            return export::PANEL;
        }
        match self.screen {
            Screen::Reader => reader::PANE,
            Screen::Glossary => glossary::LIST,
            Screen::Questions => questions::LIST,
            Screen::Problems => problems::LIST,
            Screen::Search => search::LIST,
        }
    }

    /// The search field types what is typed while the focus ring is on it,
    /// and lets go of the keyboard when the ring moves on.
    fn search_field_focus(&self) -> Task<Message> {
        if self.screen != Screen::Search || self.export.is_open() {
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

    /// Keys, window size, and clicks (which hide the focus ring).
    pub fn subscription(&self) -> Subscription<Message> {
        if self.kiosk.is_kiosk() {
            return self.kiosk_subscription();
        }
        event::listen_with(on_event)
    }
}

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
        }) if status == event::Status::Ignored => {
            keys::shortcut(&key, physical_key, modifiers).map(Message::Key)
        }
        Event::Window(window::Event::Resized(size)) => Some(Message::Resized(size)),
        Event::Mouse(mouse::Event::ButtonPressed(_))
        | Event::Touch(touch::Event::FingerPressed { .. }) => Some(Message::Pointer),
        _ => None,
    }
}
