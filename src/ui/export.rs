//! « Imprimer / PDF »: the panel that puts part of the booklet on paper or in
//! a PDF file. The reader chooses what (this section, this tab, the ticked
//! questions, the whole booklet) and whether in large print, then
//! « Enregistrer en PDF… » or « Imprimer ».
//!
//! The panel exists only while it is open: the app holds an
//! `Option<State>`. [`State::update`] is pure: it returns an [`Action`]
//! (make the PDF, ask where to save it, write it, print it, close), and the
//! app runs that action as a Task off the UI thread (`export/work.rs`). Each
//! job carries a [`Ticket`]; a result whose ticket is not the job under way
//! (the panel was closed, or the kiosk's idle reset came in between) is
//! ignored.
//!
//! Each choice is also laid out, off the UI thread, as soon as the panel
//! opens (and again in the other print size): the same `layout::Document`
//! the PDF is written from gives the page count beside the choice and the
//! preview of its first pages.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::content::{Library, Section, Tab};
use crate::export::{Choice, ExportError, Outcome};
use crate::handout::layout::Document;
use crate::handout::{self, Handout, HandoutError, Options, Selection};
use crate::print::{PrintError, PrintJob, Queued};
use crate::settings::Settings;

mod job;
mod layouts;
mod view;
mod work;

pub use layouts::Measure;

pub use job::{Made, Purpose, Saving, Stage, Ticket};
pub use view::{Sheet, view};
pub use work::{lay, make, print, run};

/// The id of the panel's scroll area.
pub const PANEL: &str = "export-panel";

/// The most copies the panel offers (the settings' `copies` allow as many).
pub const MAX_COPIES: u32 = 20;

/// In kiosk mode a document longer than this asks before it is printed.
pub const KIOSK_ASK_ABOVE: usize = 4;

/// How many pages the preview shows.
pub const PREVIEW_PAGES: usize = 2;

/// What part of the booklet goes on paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scope {
    /// The section open in the reader.
    #[default]
    Section,
    /// The tab open in the reader.
    Tab,
    /// The « Mes questions » sheet with the ticked questions.
    Questions,
    /// Cover, contents, every tab and the glossary.
    Booklet,
}

impl Scope {
    /// Every choice, in the order shown.
    pub const ALL: [Scope; 4] = [Scope::Section, Scope::Tab, Scope::Questions, Scope::Booklet];
}

/// A clickable part of the panel (its name in the focus ring).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Button {
    Back,
    Scope(Scope),
    LargePrint,
    /// « Enregistrer en PDF… »
    Save,
    /// « Imprimer »
    Print,
    /// After the dialog gave no file: save in the export folder.
    SaveInFolder,
    /// After the dialog gave no file: save nothing.
    DontSave,
    /// After a failed print: save the same PDF instead.
    SaveInstead,
    /// « − » and « + » of the number of copies (not in kiosk mode).
    FewerCopies,
    MoreCopies,
    /// The kiosk's answers to « Ce document fait 23 pages. L'imprimer ? ».
    PrintYes,
    PrintNo,
}

impl Button {
    /// What pressing it sends.
    pub fn message(self) -> Message {
        match self {
            Button::Back => Message::Close,
            Button::Scope(scope) => Message::Choose(scope),
            Button::LargePrint => Message::ToggleLargePrint,
            Button::Save | Button::SaveInstead => Message::Save,
            Button::Print => Message::Print,
            Button::SaveInFolder => Message::SaveInFolder,
            Button::DontSave => Message::DontSave,
            Button::FewerCopies => Message::FewerCopies,
            Button::MoreCopies => Message::MoreCopies,
            Button::PrintYes => Message::PrintYes,
            Button::PrintNo => Message::PrintNo,
        }
    }

    /// Its widget id, without the `export-` prefix.
    pub fn name(self) -> &'static str {
        match self {
            Button::Back => "back",
            Button::Scope(Scope::Section) => "scope-section",
            Button::Scope(Scope::Tab) => "scope-tab",
            Button::Scope(Scope::Questions) => "scope-questions",
            Button::Scope(Scope::Booklet) => "scope-booklet",
            Button::LargePrint => "large-print",
            Button::Save => "save",
            Button::Print => "print",
            Button::SaveInFolder => "save-in-folder",
            Button::DontSave => "dont-save",
            Button::SaveInstead => "save-instead",
            Button::FewerCopies => "fewer-copies",
            Button::MoreCopies => "more-copies",
            Button::PrintYes => "print-yes",
            Button::PrintNo => "print-no",
        }
    }
}

/// What the panel needs to know of the rest of the window.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub library: &'a Library,
    /// The tab and section open in the reader.
    pub tab: Option<&'a Tab>,
    pub section: Option<&'a Section>,
    /// The ticked questions, by id.
    pub ticked: Vec<String>,
    pub settings: &'a Settings,
    pub kiosk: bool,
    pub saving: Saving,
}

impl Context<'_> {
    /// Whether this choice can be made (a section needs a loaded tab).
    pub fn offers(&self, scope: Scope) -> bool {
        match scope {
            Scope::Section => self.section.is_some(),
            Scope::Tab => self.tab.is_some(),
            Scope::Questions => true,
            Scope::Booklet => !self.library.tabs.is_empty(),
        }
    }

    /// Whether a failed print may be saved instead: not in kiosk mode, and
    /// only where saving is possible at all.
    pub fn offers_save_instead(&self) -> bool {
        !self.kiosk && self.saving != Saving::Off
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Choose(Scope),
    ToggleLargePrint,
    Save,
    Print,
    SaveInFolder,
    DontSave,
    FewerCopies,
    MoreCopies,
    /// The kiosk's question before a long print: print it, or not.
    PrintYes,
    PrintNo,
    /// A choice is laid out: its pages (the ticket is the panel's own).
    Laid(Ticket, Measure, Arc<Document>),
    /// Close the panel; a job under way is forgotten.
    Close,
    /// The PDF is made (or could not be).
    Made(Ticket, Result<Made, HandoutError>),
    /// The save dialog answered: a file, or nothing (cancelled, or no
    /// dialog could open).
    Answered(Ticket, Option<PathBuf>),
    /// The file is written (or not).
    Saved(Ticket, Result<Outcome, ExportError>),
    /// The print service took the job (or not).
    Printed(Ticket, Result<Queued, PrintError>),
}

/// What the app must run for the panel.
#[derive(Debug, Clone)]
pub enum Action {
    None,
    /// Make the PDF of this handout, off the UI thread.
    Make(Ticket, Box<Handout>),
    /// Lay these handouts out, off the UI thread, for their page counts
    /// and the preview.
    Lay(Ticket, Vec<(Measure, Box<Handout>)>),
    /// Open the save dialog.
    AskWhere(Ticket, Ask),
    /// Write the PDF as chosen; `folder` is the export folder.
    Write {
        ticket: Ticket,
        made: Made,
        choice: Choice,
        folder: Option<PathBuf>,
    },
    /// Send the job to the printer.
    Print(Ticket, PrintJob),
    /// Close the panel; a job under way is forgotten.
    Close,
}

/// What the save dialog opens with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    pub file_name: String,
    /// The folder it starts in, when it exists.
    pub folder: Option<PathBuf>,
    pub lang: crate::Lang,
}

/// The open panel: the choice made and the job under way. Dropping it (the
/// panel closes) aborts the job's Task.
#[derive(Debug, Clone)]
pub struct State {
    pub scope: Scope,
    pub large_print: bool,
    pub stage: Stage,
    /// Copies to print (from the settings; changed only outside kiosk
    /// mode).
    pub copies: u32,
    /// The job under way.
    pending: Option<Ticket>,
    /// Aborts the Task of the job under way when dropped.
    task: Option<iced::task::Handle>,
    /// This panel's number: its layouts come back with it, so that a
    /// layout asked by an earlier panel (the previous patient's questions)
    /// never shows in this one.
    id: Ticket,
    /// The choices laid out, and those asked for.
    laid: HashMap<Measure, Arc<Document>>,
    asked: HashSet<Measure>,
    /// Abort the layout Tasks when dropped.
    laying: Vec<iced::task::Handle>,
}

impl State {
    /// The panel opened on `scope` (or the first choice offered), in large
    /// print when asked.
    pub fn new(scope: Scope, large_print: bool, ctx: &Context<'_>) -> State {
        let scope = if ctx.offers(scope) {
            scope
        } else {
            Scope::ALL
                .into_iter()
                .find(|s| ctx.offers(*s))
                .unwrap_or(Scope::Questions)
        };
        State {
            scope,
            large_print,
            stage: Stage::Ready,
            copies: ctx.settings.copies.clamp(1, MAX_COPIES),
            pending: None,
            task: None,
            id: Ticket::next(),
            laid: HashMap::new(),
            asked: HashSet::new(),
            laying: Vec::new(),
        }
    }

    /// Keeps the handle of the job's Task: dropping the panel aborts it.
    pub fn running(&mut self, task: iced::task::Handle) {
        self.task = Some(task.abort_on_drop());
    }

    /// Whether a result with `ticket` belongs to the job under way.
    fn current(&self, ticket: Ticket) -> bool {
        self.pending == Some(ticket)
    }

    fn issue(&mut self) -> Ticket {
        let ticket = Ticket::next();
        self.pending = Some(ticket);
        ticket
    }

    /// The job is over: nothing more is listened to.
    fn done(&mut self) {
        self.pending = None;
        self.task = None;
    }

    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Action {
        match message {
            Message::Laid(id, key, document) => {
                if id == self.id && self.asked.contains(&key) {
                    self.laid.insert(key, document);
                }
                Action::None
            }
            Message::FewerCopies | Message::MoreCopies => {
                if !ctx.kiosk && !self.stage.busy() {
                    self.copies = match message {
                        Message::FewerCopies => self.copies.saturating_sub(1).max(1),
                        _ => (self.copies + 1).min(MAX_COPIES),
                    };
                }
                Action::None
            }
            Message::PrintYes => {
                let Stage::Confirming(made) = &self.stage else {
                    return Action::None;
                };
                let made = made.clone();
                let ticket = self.issue();
                self.send(ticket, made, ctx)
            }
            Message::PrintNo => {
                if matches!(self.stage, Stage::Confirming(_)) {
                    self.stage = Stage::Ready;
                }
                Action::None
            }
            Message::Choose(scope) => {
                if !self.stage.busy() && ctx.offers(scope) {
                    self.scope = scope;
                    self.stage = Stage::Ready;
                }
                Action::None
            }
            Message::ToggleLargePrint => {
                if !self.stage.busy() {
                    self.large_print = !self.large_print;
                    self.stage = Stage::Ready;
                }
                Action::None
            }
            Message::Save => {
                if self.stage.busy() || ctx.saving == Saving::Off {
                    return Action::None;
                }
                match self.stage.made(ctx.library.lang).cloned() {
                    Some(made) => {
                        let ticket = self.issue();
                        self.save(ticket, made, ctx)
                    }
                    None => self.make(Purpose::Save, ctx),
                }
            }
            Message::Print => {
                if self.stage.busy() {
                    return Action::None;
                }
                match self.stage.made(ctx.library.lang).cloned() {
                    Some(made) => {
                        let ticket = self.issue();
                        self.print(ticket, made, ctx)
                    }
                    None => self.make(Purpose::Print, ctx),
                }
            }
            Message::SaveInFolder => {
                let Stage::NoFileChosen(made) = &self.stage else {
                    return Action::None;
                };
                let made = made.clone();
                let ticket = self.issue();
                self.stage = Stage::Writing(made.clone());
                Action::Write {
                    ticket,
                    made,
                    choice: Choice::ExportFolder,
                    folder: ctx.saving.folder().map(Path::to_path_buf),
                }
            }
            Message::DontSave => {
                if matches!(self.stage, Stage::NoFileChosen(_)) {
                    self.stage = Stage::Ready;
                }
                Action::None
            }
            // A job under way is aborted with the panel, and a result that
            // still arrives finds no panel, or another job's ticket.
            Message::Close => Action::Close,
            Message::Made(ticket, result) => {
                let (true, Stage::Making(purpose)) = (self.current(ticket), &self.stage) else {
                    return Action::None;
                };
                match (result, *purpose) {
                    (Ok(made), Purpose::Save) => self.save(ticket, made, ctx),
                    (Ok(made), Purpose::Print) => self.print(ticket, made, ctx),
                    (Err(error), _) => {
                        self.done();
                        self.stage = Stage::MakeFailed(error);
                        Action::None
                    }
                }
            }
            Message::Answered(ticket, answer) => {
                let (true, Stage::Choosing(made)) = (self.current(ticket), &self.stage) else {
                    return Action::None;
                };
                let made = made.clone();
                match answer {
                    Some(path) => {
                        self.stage = Stage::Writing(made.clone());
                        Action::Write {
                            ticket,
                            made,
                            choice: Choice::File(path),
                            folder: None,
                        }
                    }
                    None => {
                        self.done();
                        self.stage = Stage::NoFileChosen(made);
                        Action::None
                    }
                }
            }
            Message::Saved(ticket, result) => {
                let (true, Stage::Writing(made)) = (self.current(ticket), &self.stage) else {
                    return Action::None;
                };
                let made = made.clone();
                self.done();
                self.stage = match result {
                    Ok(Outcome {
                        path,
                        in_export_folder,
                    }) => Stage::Saved {
                        path,
                        in_export_folder,
                        pages: made.pages,
                    },
                    Err(error) => Stage::SaveFailed { error, made },
                };
                Action::None
            }
            Message::Printed(ticket, result) => {
                let (true, Stage::Printing(made)) = (self.current(ticket), &self.stage) else {
                    return Action::None;
                };
                let made = made.clone();
                self.done();
                self.stage = match result {
                    Ok(queued) => Stage::Printed {
                        queued,
                        pages: made.pages,
                    },
                    Err(error) => Stage::PrintFailed { error, made },
                };
                Action::None
            }
        }
    }

    /// The panel's controls in reading order: those that can be pressed now.
    pub fn controls(&self, ctx: &Context<'_>) -> Vec<Button> {
        let mut ring = vec![Button::Back];
        if self.stage.busy() {
            return ring;
        }
        ring.extend(
            Scope::ALL
                .into_iter()
                .filter(|s| ctx.offers(*s))
                .map(Button::Scope),
        );
        ring.push(Button::LargePrint);
        if !ctx.kiosk {
            ring.extend([Button::FewerCopies, Button::MoreCopies]);
        }
        if ctx.saving != Saving::Off {
            ring.push(Button::Save);
        }
        ring.push(Button::Print);
        match &self.stage {
            Stage::NoFileChosen(_) => {
                if ctx.saving.folder().is_some() {
                    ring.push(Button::SaveInFolder);
                }
                ring.push(Button::DontSave);
            }
            Stage::PrintFailed { .. } if ctx.offers_save_instead() => {
                ring.push(Button::SaveInstead);
            }
            Stage::Confirming(_) => ring.extend([Button::PrintYes, Button::PrintNo]),
            _ => {}
        }
        ring
    }
}

/// The handout of a choice, in the library's language, with the clinic's
/// name in the footer.
fn handout_of(scope: Scope, large_print: bool, ctx: &Context<'_>) -> Result<Handout, HandoutError> {
    let selection = match scope {
        Scope::Section => Selection::Section(
            ctx.section
                .map(|s| s.id.clone())
                .ok_or(HandoutError::NoSectionOpen)?,
        ),
        Scope::Tab => Selection::Tab(
            ctx.tab
                .map(|t| t.id.clone())
                .ok_or(HandoutError::NoTabOpen)?,
        ),
        Scope::Questions => Selection::Questions(ctx.ticked.clone()),
        Scope::Booklet => Selection::All,
    };
    let options = Options {
        large_print,
        clinic: ctx.settings.clinic_name.clone(),
        clinic_phone: ctx.settings.clinic_phone.clone(),
        ..Options::now()
    };
    handout::build(ctx.library, &selection, &options)
}

#[cfg(test)]
mod tests;
