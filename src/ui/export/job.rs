//! A job of the panel: its ticket, the PDF it made, where saving goes on
//! this computer, where the job stands, and its steps (make the PDF, save
//! it, print it).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Action, Ask, Context, KIOSK_ASK_ABOVE, handout_of};
use crate::export::{self, Choice, ExportError, Format};
use crate::handout::{Handout, HandoutError};
use crate::print::{PrintError, PrintJob, Queued};
use crate::settings::Settings;

/// The number of a job. Results come back with it; only the job under way
/// is listened to. Numbers are never reused in a run of the program, so a
/// result of a closed panel never matches a job of a panel opened later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ticket(pub(in crate::ui::export) u64);

impl Ticket {
    /// A number no job of this run had before.
    pub(in crate::ui::export) fn next() -> Ticket {
        static ISSUED: AtomicU64 = AtomicU64::new(0);
        Ticket(ISSUED.fetch_add(1, Ordering::Relaxed) + 1)
    }
}

/// A PDF made from the reader's choice, ready to save or print. Kept until
/// it has gone somewhere, so a failed print never loses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    pub bytes: Arc<[u8]>,
    pub pages: usize,
    /// The handout's title: the print job's name.
    pub title: String,
    /// The name offered for the file (`Handout::file_name`).
    pub file_name: String,
    /// The language it is written in.
    pub lang: crate::Lang,
    /// The pages the PDF was written from (what Windows prints).
    pub layout: crate::print::Layout,
}

/// What the PDF is being made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Save,
    Print,
}

/// Where « Enregistrer en PDF » puts the file on this computer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saving {
    /// A save dialog starting in this folder; the same folder is offered
    /// when the dialog gives no file (cancelled, or no dialog could open).
    Dialog { folder: Option<PathBuf> },
    /// No dialog (kiosk mode, or `allow_save_dialog: false`): straight into
    /// the export folder of the settings.
    Folder(PathBuf),
    /// No dialog and no export folder: printing only.
    Off,
}

impl Saving {
    /// What the settings allow. A file dialog would let a stranger browse
    /// the disk, so kiosk mode never opens one.
    pub fn new(kiosk: bool, settings: &Settings) -> Saving {
        if !kiosk && !settings.kiosk && settings.allow_save_dialog {
            Saving::Dialog {
                folder: export::export_folder(settings.export_dir.as_deref()),
            }
        } else if let Some(dir) = &settings.export_dir {
            Saving::Folder(dir.clone())
        } else {
            Saving::Off
        }
    }

    /// The export folder, when saving can go there.
    pub fn folder(&self) -> Option<&Path> {
        match self {
            Saving::Dialog { folder } => folder.as_deref(),
            Saving::Folder(dir) => Some(dir),
            Saving::Off => None,
        }
    }
}

/// Where the panel is with its job.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Stage {
    /// Waiting for a choice.
    #[default]
    Ready,
    /// The PDF is being made.
    Making(Purpose),
    /// The save dialog is open.
    Choosing(Made),
    /// The file is being written.
    Writing(Made),
    /// The PDF is on its way to the printer.
    Printing(Made),
    /// Kiosk mode, a long document: « Ce document fait 23 pages.
    /// L'imprimer ? » waits for Oui or Non.
    Confirming(Made),
    /// The dialog gave no file: offer the export folder.
    NoFileChosen(Made),
    Saved {
        path: PathBuf,
        in_export_folder: bool,
        pages: usize,
    },
    Printed {
        queued: Queued,
        pages: usize,
    },
    SaveFailed {
        error: ExportError,
        made: Made,
    },
    PrintFailed {
        error: PrintError,
        made: Made,
    },
    MakeFailed(HandoutError),
}

impl Stage {
    /// Whether a job is under way (the choices and buttons wait).
    pub fn busy(&self) -> bool {
        matches!(
            self,
            Stage::Making(_) | Stage::Choosing(_) | Stage::Writing(_) | Stage::Printing(_)
        )
    }

    /// The PDF already made for the current choice, if it is in `lang`.
    pub(super) fn made(&self, lang: crate::Lang) -> Option<&Made> {
        match self {
            Stage::NoFileChosen(made)
            | Stage::Confirming(made)
            | Stage::SaveFailed { made, .. }
            | Stage::PrintFailed { made, .. } => Some(made),
            _ => None,
        }
        .filter(|made| made.lang == lang)
    }
}

impl Made {
    /// The PDF of a handout, with the name to offer for its file. This is
    /// the 20–100 ms of work the window does off its UI thread.
    pub fn from_handout(handout: &Handout) -> Result<Made, HandoutError> {
        let (pdf, layout) = handout.to_pdf_and_layout()?;
        Ok(Made {
            layout: crate::print::Layout::new(layout),
            bytes: pdf.bytes.into(),
            pages: pdf.pages,
            title: handout.title.clone(),
            file_name: handout.file_name(Format::Pdf),
            lang: handout.lang,
        })
    }
}

impl super::State {
    /// Builds the handout of the current choice and asks for its PDF.
    pub(super) fn make(&mut self, purpose: Purpose, ctx: &Context<'_>) -> Action {
        match self.handout(ctx) {
            Ok(handout) => {
                let ticket = self.issue();
                self.stage = Stage::Making(purpose);
                Action::Make(ticket, Box::new(handout))
            }
            Err(error) => {
                self.done();
                self.stage = Stage::MakeFailed(error);
                Action::None
            }
        }
    }

    /// The handout of the current choice, in the library's language, with
    /// the clinic's name in the footer.
    pub fn handout(&self, ctx: &Context<'_>) -> Result<Handout, HandoutError> {
        handout_of(self.scope, self.large_print, ctx)
    }

    /// Sends a made PDF where saving goes: the dialog, or the export folder.
    pub(super) fn save(&mut self, ticket: Ticket, made: Made, ctx: &Context<'_>) -> Action {
        match &ctx.saving {
            Saving::Dialog { folder } => {
                self.stage = Stage::Choosing(made.clone());
                Action::AskWhere(
                    ticket,
                    Ask {
                        file_name: made.file_name,
                        folder: folder.clone(),
                        lang: ctx.library.lang,
                    },
                )
            }
            Saving::Folder(dir) => {
                self.stage = Stage::Writing(made.clone());
                Action::Write {
                    ticket,
                    made,
                    choice: Choice::ExportFolder,
                    folder: Some(dir.clone()),
                }
            }
            Saving::Off => {
                self.done();
                self.stage = Stage::Ready;
                Action::None
            }
        }
    }

    /// Sends a made PDF to the printer of the settings; in kiosk mode a
    /// long one asks first.
    pub(super) fn print(&mut self, ticket: Ticket, made: Made, ctx: &Context<'_>) -> Action {
        if ctx.kiosk && made.pages > KIOSK_ASK_ABOVE {
            self.done();
            self.stage = Stage::Confirming(made);
            return Action::None;
        }
        self.send(ticket, made, ctx)
    }

    pub(super) fn send(&mut self, ticket: Ticket, made: Made, ctx: &Context<'_>) -> Action {
        // In kiosk mode the print queue's history must not tell what the
        // previous reader printed: the job gets the program's name.
        let title = if ctx.kiosk {
            "patient-info".to_string()
        } else {
            made.title.clone()
        };
        let job = PrintJob {
            pdf: made.bytes.to_vec(),
            layout: made.layout.clone(),
            title,
            printer: ctx.settings.printer.clone(),
            copies: if ctx.kiosk {
                ctx.settings.copies
            } else {
                self.copies
            },
            duplex: ctx.settings.duplex,
        };
        self.stage = Stage::Printing(made);
        Action::Print(ticket, job)
    }
}
