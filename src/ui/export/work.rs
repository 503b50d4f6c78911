//! The panel's jobs, run as iced Tasks off the UI thread: making the PDF,
//! the save dialog (rfd through the desktop portal), writing the file and
//! printing. And the app's side of the panel: opening it on what is being
//! read, passing it its messages, and running what it asks for.

use std::future::Future;
use std::path::PathBuf;

use iced::Task;
use iced::futures::channel::oneshot;
use iced::widget::operation::{self, RelativeOffset};

use super::{Action, Ask, Button, Context, Made, Message, Scope};
use crate::export::{self, ExportError};
use crate::handout::{Handout, HandoutError};
use crate::i18n::Text;
use crate::print::{self as printing, PrintError, PrintJob, Queued};
use crate::ui::app::{App, Message as AppMessage, Screen};
use crate::ui::focus::Control;
use crate::ui::theme::TextSize;

/// Why a job gave no result: its thread stopped or could not start.
const STOPPED: &str = "the export thread stopped";

/// Makes the PDF of a handout: what the « make » Task runs.
pub fn make(handout: &Handout) -> Result<Made, HandoutError> {
    Made::from_handout(handout)
}

/// Sends a job to the printer: what the « print » Task runs.
pub fn print(job: &PrintJob) -> Result<Queued, PrintError> {
    printing::print(job)
}

/// Runs `work` on a thread of its own, so that the window keeps drawing;
/// `None` if the thread could not start or stopped without a result.
fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> impl Future<Output = Option<T>> + Send + 'static {
    let (sender, receiver) = oneshot::channel();
    // If the thread cannot start, the closure and its sender are dropped
    // and the receiver answers `Canceled`.
    let _ = std::thread::Builder::new()
        .name("patient-info-export".into())
        .spawn(move || {
            let _ = sender.send(work());
        });
    async move { receiver.await.ok() }
}

/// The save dialog. rfd answers `None` both when the user cancels and when
/// no dialog could open (no desktop portal nor zenity).
async fn ask_where(ask: Ask) -> Option<PathBuf> {
    let mut dialog = rfd::AsyncFileDialog::new()
        .set_title(Text::ExportDialogTitle.get(ask.lang))
        .set_file_name(ask.file_name)
        .add_filter(Text::ExportPdfDocument.get(ask.lang), &["pdf"]);
    // The portal refuses a folder that does not exist.
    if let Some(folder) = ask.folder.filter(|f| f.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    let file = dialog.save_file().await?;
    Some(file.path().to_path_buf())
}

/// The Task that carries out a panel's action.
pub fn run(action: Action) -> Task<Message> {
    match action {
        Action::None => Task::none(),
        Action::Make(ticket, handout) => {
            Task::perform(off_thread(move || make(&handout)), move |made| {
                Message::Made(
                    ticket,
                    made.unwrap_or_else(|| Err(HandoutError::Pdf(STOPPED.into()))),
                )
            })
        }
        Action::AskWhere(ticket, ask) => {
            Task::perform(ask_where(ask), move |path| Message::Answered(ticket, path))
        }
        Action::Write {
            ticket,
            made,
            choice,
            folder,
        } => {
            let name = PathBuf::from(&made.file_name);
            let write =
                move || export::deliver(&made.bytes, choice, &made.file_name, folder.as_deref());
            Task::perform(off_thread(write), move |saved| {
                Message::Saved(
                    ticket,
                    saved.unwrap_or_else(|| {
                        Err(ExportError::Io {
                            path: name.clone(),
                            reason: STOPPED.into(),
                        })
                    }),
                )
            })
        }
        Action::Print(ticket, job) => {
            Task::perform(off_thread(move || print(&job)), move |queued| {
                Message::Printed(
                    ticket,
                    queued.unwrap_or_else(|| Err(PrintError::Refused(STOPPED.into()))),
                )
            })
        }
    }
}

impl App {
    /// What the panel knows of the window: the open tab and section, the
    /// ticked questions, the settings.
    pub fn export_context(&self) -> Context<'_> {
        let library = self.library();
        let config = self.config();
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
            settings: &config.settings,
            kiosk: config.kiosk,
            saving: self.saving.clone(),
        }
    }

    /// « Imprimer / PDF »: opens the panel on what is being read (the open
    /// section, or the questions sheet from « Mes questions »), in large
    /// print when the window's text is at 150 % or more.
    pub(crate) fn open_export(&mut self) -> Task<AppMessage> {
        if self.export.is_open() {
            return Task::none();
        }
        let scope = match self.screen {
            Screen::Reader => Scope::Section,
            Screen::Questions => Scope::Questions,
            Screen::Glossary | Screen::Problems | Screen::Search => Scope::Booklet,
        };
        let large_print = self.text_size >= TextSize::from_percent(150);
        let mut export = std::mem::take(&mut self.export);
        export.open(scope, large_print, &self.export_context());
        // Opened from the keyboard: the ring goes on in the panel, on the
        // choice already made.
        if self.focus.is_some() {
            self.focus = Some(Control::Panel(Button::Scope(export.scope)));
        }
        self.export = export;
        iced::widget::operation::snap_to(
            super::PANEL,
            iced::widget::operation::RelativeOffset::START,
        )
    }

    /// A message of the panel: updates it, then runs what it asks for.
    pub(crate) fn export_update(&mut self, message: Message) -> Task<AppMessage> {
        let mut export = std::mem::take(&mut self.export);
        let before = std::mem::discriminant(&export.stage);
        let action = export.update(message, &self.export_context());
        self.export = export;
        // Closed from the keyboard: the ring goes back to « Imprimer / PDF ».
        if !self.export.is_open() && matches!(self.focus, Some(Control::Panel(_))) {
            self.focus = Some(Control::Export);
        }
        // A new progress or outcome is shown at the end of the panel: bring
        // it into view when the panel scrolls (large text).
        let reveal = if before != std::mem::discriminant(&self.export.stage)
            && self.export.stage != super::Stage::Ready
        {
            operation::snap_to(super::PANEL, RelativeOffset::END)
        } else {
            Task::none()
        };
        if matches!(action, Action::None) {
            return reveal;
        }
        let (task, handle) = run(action).abortable();
        self.export.running(handle);
        Task::batch([task.map(AppMessage::Export), reveal])
    }
}
