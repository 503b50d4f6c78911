//! The panel's jobs, run as iced Tasks off the UI thread: making the PDF,
//! the save dialog (rfd through the desktop portal), writing the file and
//! printing. The app's side of the panel (opening it, passing it its
//! messages) is in `app/export.rs`.

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;
use iced::futures::channel::oneshot;

use super::{Action, Ask, Made, Message};
use crate::export::{self, ExportError};
use crate::handout::layout::Document;
use crate::handout::{Handout, HandoutError};
use crate::i18n::Text;
use crate::print::{self as printing, PrintError, PrintJob, Queued};

/// Why a job gave no result: its thread stopped or could not start.
const STOPPED: &str = "the export thread stopped";

/// Makes the PDF of a handout: what the « make » Task runs.
pub fn make(handout: &Handout) -> Result<Made, HandoutError> {
    Made::from_handout(handout)
}

/// Lays a handout out on its pages: what the « lay » Task runs, for a
/// choice's page count and preview (the PDF is written from the same
/// layout).
pub fn lay(handout: &Handout) -> Arc<Document> {
    Arc::new(handout.layout())
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

/// The Task that carries out a panel's job (closing is the app's).
pub fn run(action: Action) -> Task<Message> {
    match action {
        Action::None | Action::Close => Task::none(),
        Action::Make(ticket, handout) => {
            Task::perform(off_thread(move || make(&handout)), move |made| {
                Message::Made(
                    ticket,
                    made.unwrap_or_else(|| Err(HandoutError::Pdf(STOPPED.into()))),
                )
            })
        }
        // A layout that does not come back leaves « … » beside its choice.
        Action::Lay(ticket, handouts) => Task::batch(handouts.into_iter().map(|(key, handout)| {
            Task::perform(off_thread(move || lay(&handout)), move |document| document)
                .and_then(move |document| Task::done(Message::Laid(ticket, key, document)))
        })),
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
