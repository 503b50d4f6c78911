//! What goes on paper: a [`Handout`] built from a [`Selection`] of the
//! library, laid out on A4 pages by [`layout`], then written as PDF (only
//! `handout/pdf.rs` talks to printpdf) or as plain text in reading order.
//!
//! The window and the command line call the same three functions:
//! [`build`], [`render_pdf`] and [`render_text`].

mod build;
pub mod layout;
mod pdf;
mod text;
mod wording;

use chrono::{DateTime, FixedOffset, NaiveDate};
use thiserror::Error;

use crate::Lang;
use crate::content::{CalloutKind, Library, RichText};
use crate::i18n::Text;

pub use build::build;
pub use wording::word_fits_everywhere as word_fits;
pub use wording::{OverlongWord, overlong_words};

/// What part of the library to put on paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// One section, by id.
    Section(String),
    /// One content tab, by id.
    Tab(String),
    /// The « Mes questions » sheet with these questions ticked (ids, any
    /// order; they are printed in the library's order, each once).
    Questions(Vec<String>),
    /// The whole booklet: cover, contents, the four tabs, the glossary.
    All,
}

/// How to print it. The language is the library's.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// 16 pt body text instead of 12 pt.
    pub large_print: bool,
    /// The clinic's name for the footer, the cover and the document's
    /// author (`clinic_name` in the settings, when there are some).
    pub clinic: Option<String>,
    /// The clinic's phone, on the cover and the last page (`clinic_phone`
    /// in the settings).
    pub clinic_phone: Option<String>,
    /// When the handout is made: its date goes in the footer, the time in
    /// the PDF's metadata.
    pub printed_at: DateTime<FixedOffset>,
}

impl Options {
    /// Normal print, no clinic name, made now.
    pub fn now() -> Self {
        Options {
            large_print: false,
            clinic: None,
            clinic_phone: None,
            printed_at: chrono::Local::now().fixed_offset(),
        }
    }

    /// The print date.
    pub fn printed_on(&self) -> NaiveDate {
        self.printed_at.date_naive()
    }
}

/// Why a handout could not be made. Its `Display` is the English
/// [`HandoutError::message`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", self.message(Lang::En))]
pub enum HandoutError {
    UnknownSection(String),
    UnknownTab(String),
    UnknownQuestion(String),
    /// The library has no tab at all (its files did not load).
    NoContent,
    /// « This section » was asked for while no section is open.
    NoSectionOpen,
    /// « This tab » was asked for while no tab is open.
    NoTabOpen,
    /// printpdf or lopdf failed to write the document.
    Pdf(String),
}

impl HandoutError {
    /// The message for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (HandoutError::UnknownSection(id), Lang::Fr) => {
                format!("Section inconnue\u{a0}: «\u{a0}{id}\u{a0}».")
            }
            (HandoutError::UnknownSection(id), Lang::En) => format!("Unknown section: “{id}”."),
            (HandoutError::UnknownTab(id), Lang::Fr) => {
                format!("Onglet inconnu\u{a0}: «\u{a0}{id}\u{a0}».")
            }
            (HandoutError::UnknownTab(id), Lang::En) => format!("Unknown tab: “{id}”."),
            (HandoutError::UnknownQuestion(id), Lang::Fr) => {
                format!("Question inconnue\u{a0}: «\u{a0}{id}\u{a0}».")
            }
            (HandoutError::UnknownQuestion(id), Lang::En) => format!("Unknown question: “{id}”."),
            (HandoutError::NoContent, Lang::Fr) => "Aucun contenu à imprimer.".to_string(),
            (HandoutError::NoContent, Lang::En) => "There is no content to print.".to_string(),
            (HandoutError::NoSectionOpen, Lang::Fr) => {
                "Aucune section n’est ouverte\u{a0}: ouvrez-en une pour l’imprimer.".to_string()
            }
            (HandoutError::NoSectionOpen, Lang::En) => {
                "No section is open: open one to print it.".to_string()
            }
            (HandoutError::NoTabOpen, Lang::Fr) => {
                "Aucun onglet n’est ouvert\u{a0}: ouvrez-en un pour l’imprimer.".to_string()
            }
            (HandoutError::NoTabOpen, Lang::En) => {
                "No tab is open: open one to print it.".to_string()
            }
            (HandoutError::Pdf(why), Lang::Fr) => {
                format!("Le PDF n’a pas pu être produit\u{a0}: {why}")
            }
            (HandoutError::Pdf(why), Lang::En) => format!("The PDF could not be produced: {why}"),
        }
    }
}

/// A document ready to lay out: the selection turned into a flow of items
/// with every label already in the handout's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Handout {
    pub lang: Lang,
    pub kind: Kind,
    /// The document's title: in the page header and the PDF metadata.
    pub title: String,
    /// The PDF's subject.
    pub subject: String,
    /// The PDF's author: the clinic, or the program.
    pub author: String,
    pub large_print: bool,
    pub printed_at: DateTime<FixedOffset>,
    /// What the page furniture says, in the handout's language.
    pub furniture: Furniture,
    /// The booklet's cover page.
    pub cover: Option<Cover>,
    /// The title of the table of contents, for the booklet.
    pub contents: Option<String>,
    /// The body, in reading order.
    pub flow: Vec<Item>,
}

/// What was selected, as the document knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Section,
    Tab,
    Questions,
    Booklet,
}

/// The words of the header and footer of every page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Furniture {
    /// « Page » (followed by « i / N »).
    pub page: String,
    /// « Imprimé le 29/11/2026 ».
    pub printed: String,
    pub clinic: Option<String>,
}

/// The booklet's first page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    /// A short line above the title (« Information des patients »).
    pub kicker: String,
    pub title: String,
    pub subtitle: String,
    /// « Imprimé le 29/11/2026 ».
    pub printed: String,
    pub clinic: Option<String>,
    /// « Téléphone : 04 78 78 28 28 ».
    pub phone: Option<String>,
    /// Whether a clinician has reviewed the content, and when.
    pub review: String,
    /// The national Cancer Info line.
    pub cancer_info: String,
    /// « Remis par : », before a line the nurse writes on.
    pub given_by: String,
}

/// How important a heading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The title of the document or of a tab.
    Title,
    /// A section's question, or the glossary in a short handout.
    Section,
    /// A small heading (sources of one tab).
    Minor,
}

/// One piece of the flow, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A new part (a tab, the glossary): its pages' footer note (the tab's
    /// review date), and whether it starts on a new page.
    Part {
        new_page: bool,
        note: Option<String>,
    },
    Heading {
        level: Level,
        text: String,
        /// A short line above the title (the tab a section comes from).
        kicker: Option<String>,
        /// Depth in the PDF outline (0 = top); `None` keeps it out.
        outline: Option<usize>,
        /// Listed in the table of contents.
        contents: bool,
    },
    /// « L'essentiel »: the section's summary, boxed.
    Essential {
        label: String,
        text: RichText,
    },
    Paragraph(RichText),
    /// An introductory sentence, quieter than a paragraph.
    Lead(String),
    List(Vec<RichText>),
    Callout {
        kind: CalloutKind,
        label: String,
        text: RichText,
    },
    /// A glossary entry: the term with its colon (« Foie : »), then its
    /// definition.
    Definition {
        term: String,
        definition: String,
    },
    /// Labels, each followed by a line to write on, side by side on one
    /// line (« Date : ______ Prochain rendez-vous : ______ »).
    Fields(Vec<String>),
    /// A question of the sheet, numbered, then blank lines for the answer.
    Question {
        number: usize,
        text: String,
        answer_lines: usize,
    },
    /// Ruled lines for the patient's own questions under this heading: as
    /// many as fill the page, and nothing (heading included) when fewer
    /// than a few fit, so that no page holds only ruled lines.
    WritingLines {
        heading: String,
    },
    /// A drawing, its caption below it; kept on the page of the item
    /// before it (the paragraph it illustrates). `line` is what the text
    /// export says instead (« Illustration : <alt> »).
    Figure {
        figure: crate::figure::Figure,
        line: String,
    },
    /// A source, in small print.
    Source(String),
    /// The closing « ne remplace pas l'avis de votre équipe soignante »,
    /// with the clinic's phone when known.
    CareTeam(RichText),
}

/// A rendered PDF and its page count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

impl Handout {
    /// Where everything goes on the pages.
    pub fn layout(&self) -> layout::Document {
        layout::layout(self)
    }

    /// The PDF file's bytes.
    pub fn to_pdf(&self) -> Result<Pdf, HandoutError> {
        self.to_pdf_and_layout().map(|(pdf, _)| pdf)
    }

    /// The PDF and the pages it was written from, laid out once: the
    /// Windows spooler draws those pages itself.
    pub fn to_pdf_and_layout(&self) -> Result<(Pdf, layout::Document), HandoutError> {
        let document = self.layout();
        let bytes = pdf::write(self, &document)?;
        let pdf = Pdf {
            bytes,
            pages: document.pages.len(),
        };
        Ok((pdf, document))
    }

    /// The name to offer in the save dialog: the title without spaces nor
    /// accents, the language, « gros-caracteres » in large print.
    pub fn file_name(&self, format: crate::export::Format) -> String {
        crate::export::default_file_name(&self.title, self.lang, self.large_print, format)
    }

    /// The same words as the PDF, as plain UTF-8 text in reading order: the
    /// accessible version for screen readers.
    pub fn to_text(&self) -> String {
        text::write(self)
    }
}

/// The pages a selection takes, from the same layout as its PDF (for the
/// print panel's « Cet onglet · 5 pages »).
pub fn page_count(
    library: &Library,
    selection: &Selection,
    options: &Options,
) -> Result<usize, HandoutError> {
    build(library, selection, options).map(|h| h.layout().page_count())
}

/// The PDF of a selection, ready to write to a file.
pub fn render_pdf(
    library: &Library,
    selection: &Selection,
    options: &Options,
) -> Result<Vec<u8>, HandoutError> {
    build(library, selection, options)?
        .to_pdf()
        .map(|pdf| pdf.bytes)
}

/// The plain-text version of a selection.
pub fn render_text(
    library: &Library,
    selection: &Selection,
    options: &Options,
) -> Result<String, HandoutError> {
    build(library, selection, options).map(|h| h.to_text())
}

/// A date as printed on a handout: 29/11/2026 in both languages (en-GB
/// writes the day first too).
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// The label of a callout kind.
pub fn callout_label(kind: CalloutKind, lang: Lang) -> &'static str {
    match kind {
        CalloutKind::Remember => Text::HandoutRemember.get(lang),
        CalloutKind::Important => Text::HandoutImportant.get(lang),
        CalloutKind::ToDo => Text::HandoutToDo.get(lang),
        CalloutKind::Urgent => Text::Urgent.get(lang),
    }
}
