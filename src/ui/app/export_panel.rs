//! The app's side of the « Imprimer / PDF » panel: what it knows of the
//! window, opening it on what is being read, passing it its messages, and
//! running the jobs it asks for.

use iced::Task;
use iced::widget::operation::{self, RelativeOffset};

use super::{App, Message, Screen};
use crate::ui::export::{self, Action, Button, Context, Scope, Stage};
use crate::ui::focus::Control;
use crate::ui::theme::TextSize;

impl App {
    /// What the panel knows of the window: the open tab and section, the
    /// ticked questions, the settings.
    pub fn export_context(&self) -> Context<'_> {
        let library = self.library();
        Context {
            library,
            tab: self.reader.tab(library),
            section: self.reader.section(library),
            ticked: self
                .questions
                .ticked_in(library)
                .into_iter()
                .map(|q| q.id.clone())
                .collect(),
            settings: &self.config.settings,
            kiosk: self.config.kiosk,
            saving: self.saving.clone(),
        }
    }

    /// « Imprimer / PDF »: opens the panel on what is being read (the open
    /// section, or the questions sheet from « Mes questions »), in large
    /// print when the window's text is at 150 % or more.
    pub(super) fn open_export(&mut self) -> Task<Message> {
        if self.export.is_some() {
            return Task::none();
        }
        self.menu = None;
        let scope = match self.screen {
            Screen::Reader => Scope::Section,
            Screen::Questions => Scope::Questions,
            Screen::Glossary | Screen::Problems | Screen::Search => Scope::Booklet,
        };
        let large_print = self.text_size >= TextSize::from_percent(150);
        let panel = export::State::new(scope, large_print, &self.export_context());
        // Opened from the keyboard: the ring goes on in the panel, on the
        // choice already made.
        if self.focus.is_some() {
            self.focus = Some(Control::Panel(Button::Scope(panel.scope)));
        }
        self.export = Some(panel);
        operation::snap_to(export::PANEL, RelativeOffset::START)
    }

    /// Closes the panel: its job's Task is aborted, a result that still
    /// arrives finds no panel. Closed from the keyboard, the ring goes back
    /// to « Imprimer / PDF ».
    pub(super) fn close_export(&mut self) {
        self.export = None;
        if matches!(self.focus, Some(Control::Panel(_))) {
            self.focus = Some(Control::Export);
        }
    }

    /// A message of the panel: updates it, then runs what it asks for. A
    /// message for a panel that is closed (a late job result) is dropped.
    pub(super) fn export_update(&mut self, message: export::Message) -> Task<Message> {
        let Some(mut panel) = self.export.take() else {
            return Task::none();
        };
        let before = std::mem::discriminant(&panel.stage);
        let action = panel.update(message, &self.export_context());
        // A new progress or outcome is shown at the end of the panel: bring
        // it into view when the panel scrolls (large text).
        let reveal =
            if before != std::mem::discriminant(&panel.stage) && panel.stage != Stage::Ready {
                operation::snap_to(export::PANEL, RelativeOffset::END)
            } else {
                Task::none()
            };
        self.export = Some(panel);
        match action {
            Action::None => reveal,
            Action::Close => {
                self.close_export();
                Task::none()
            }
            job => Task::batch([self.run_export(job), reveal]),
        }
    }

    /// Asks for the layouts the open panel still lacks (its choices in the
    /// current print size and language): after every message, so that
    /// opening the panel, large print and another language all get their
    /// page counts and preview.
    pub(super) fn measure_export(&mut self) -> Option<Task<Message>> {
        let mut panel = self.export.take()?;
        let action = panel.measure(&self.export_context());
        self.export = Some(panel);
        match action {
            Action::None => None,
            lay => Some(self.run_export(lay)),
        }
    }

    /// Runs a job of the panel as a Task whose handle the panel keeps:
    /// closing the panel aborts it.
    fn run_export(&mut self, action: Action) -> Task<Message> {
        let laying = matches!(action, Action::Lay(..));
        let (task, handle) = export::run(action).abortable();
        if let Some(panel) = &mut self.export {
            if laying {
                panel.laying(handle);
            } else {
                panel.running(handle);
            }
        }
        task.map(Message::Export)
    }
}
