//! The patient content: a [`Library`] of tabs, a glossary and suggested
//! questions, loaded from RON files and validated as a whole.
//!
//! Files are read by [`load`], checked by `validate`, and every problem found
//! on the way becomes a [`Diagnostic`](crate::Diagnostic) rather than an
//! early return, so a content editor sees all of them at once.

mod load;
mod locate;
pub mod markup;
mod schema;
pub mod typography;
mod unit;
mod validate;

use chrono::NaiveDate;

pub use load::{ContentSource, EMBEDDED, FIGURES, LoadReport, load};

use crate::Lang;
pub use crate::figure::Figure;

/// The ids of the four content tabs, in the order they are shown.
pub const TAB_IDS: [&str; 4] = ["basics", "liver", "treatments", "strategies"];

/// The file names looked for in each language folder, in reading order.
pub const FILE_NAMES: [&str; 6] = [
    "basics.ron",
    "liver.ron",
    "treatments.ron",
    "strategies.ron",
    "glossary.ron",
    "questions.ron",
];

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Everything a patient can read, in one language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Library {
    pub lang: Lang,
    /// The content tabs that loaded, in [`TAB_IDS`] order. A tab whose file is
    /// broken is absent here and reported in the diagnostics.
    pub tabs: Vec<Tab>,
    pub glossary: Glossary,
    pub questions: Vec<Question>,
}

impl Library {
    /// The tab with this id, if it loaded.
    pub fn tab(&self, id: &str) -> Option<&Tab> {
        self.tabs.iter().find(|t| t.id == id)
    }

    /// The section with this id and the tab that holds it.
    pub fn section(&self, id: &str) -> Option<(&Tab, &Section)> {
        self.tabs
            .iter()
            .find_map(|t| t.sections.iter().find(|s| s.id == id).map(|s| (t, s)))
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// One content tab: a title, its sections and what the reader should know
/// about where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Tab {
    pub id: String,
    pub title: String,
    pub meta: Meta,
    pub sections: Vec<Section>,
}

/// Where a tab comes from and who checked it.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub sources: Vec<String>,
    pub written_on: NaiveDate,
    pub review: Review,
}

/// A clinician's review of a tab. Every field is empty until the first review.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Review {
    pub reviewed_by: Option<String>,
    pub reviewed_on: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
}

/// One question a patient asks, and its answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    /// A patient's question, plain text.
    pub title: String,
    /// « L'essentiel »: two or three short sentences.
    pub summary: RichText,
    pub blocks: Vec<Block>,
}

/// A piece of a section's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(RichText),
    List(Vec<RichText>),
    Callout {
        kind: CalloutKind,
        text: RichText,
    },
    /// A drawing with its caption (`content/figures/<id>.svg`).
    Figure(Figure),
}

/// What a boxed callout asks of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CalloutKind {
    /// « À retenir »
    Remember,
    /// « Important »
    Important,
    /// « À faire »
    ToDo,
    /// « Urgent »: warning signs and whom to call. Drawn red, with a thicker
    /// border, so that it stands out even on a black and white printer.
    Urgent,
}

/// Text with its inline marks resolved: glossary terms and emphasis.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RichText(pub Vec<Inline>);

/// A run of text inside a [`RichText`].
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Emphasis(String),
    /// A word that has a glossary entry: `term` indexes [`Glossary::terms`].
    Term {
        text: String,
        term: usize,
    },
}

impl Inline {
    /// The characters the reader sees.
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(t) | Inline::Emphasis(t) | Inline::Term { text: t, .. } => t,
        }
    }
}

impl RichText {
    /// The text without its marks.
    pub fn plain(&self) -> String {
        self.0.iter().map(Inline::text).collect()
    }

    /// The glossary entries this text marks, in order of appearance.
    pub fn terms(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().filter_map(|i| match i {
            Inline::Term { term, .. } => Some(*term),
            _ => None,
        })
    }
}

impl Block {
    /// Every piece of text in the block, in reading order.
    pub fn texts(&self) -> Vec<&RichText> {
        match self {
            Block::Paragraph(t) | Block::Callout { text: t, .. } => vec![t],
            Block::List(items) => items.iter().collect(),
            Block::Figure(figure) => vec![&figure.caption],
        }
    }
}

impl Section {
    /// The summary then every block's text, in reading order.
    pub fn texts(&self) -> impl Iterator<Item = &RichText> {
        std::iter::once(&self.summary).chain(self.blocks.iter().flat_map(Block::texts))
    }

    /// The glossary entries marked in this section, first use first, without
    /// repeats.
    pub fn terms(&self) -> Vec<usize> {
        let mut seen = Vec::new();
        for t in self.texts().flat_map(RichText::terms) {
            if !seen.contains(&t) {
                seen.push(t);
            }
        }
        seen
    }
}

/// The glossary of one language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

/// A glossary entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub id: String,
    pub term: String,
    /// Other spellings that the text may mark (plurals, inflections).
    pub forms: Vec<String>,
    pub definition: String,
}

impl Glossary {
    /// The entry a mark such as `[[cirrhoses]]` refers to: its term, one of
    /// its forms or its id, ignoring case.
    pub fn find(&self, key: &str) -> Option<usize> {
        let key = normalize_key(key);
        self.terms.iter().position(|t| {
            normalize_key(&t.term) == key
                || t.id == key
                || t.forms.iter().any(|f| normalize_key(f) == key)
        })
    }

    /// Indices of the entries in the language's alphabetical order (accents
    /// and case do not break the order).
    pub fn sorted(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.terms.len()).collect();
        order.sort_by_cached_key(|&i| collation_key(&self.terms[i].term));
        order
    }
}

/// How a glossary word is compared: lowercase, the typographic apostrophe as
/// a straight one, runs of spaces (no-break ones too) as one space.
pub fn normalize_key(word: &str) -> String {
    word.to_lowercase()
        .replace('’', "'")
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A key that sorts French words as a dictionary does: letters first without
/// accents or case, then the accented spelling to break ties.
pub fn collation_key(s: &str) -> (String, String) {
    let base: String = s
        .chars()
        .flat_map(|c| fold_char(c).chars().collect::<Vec<_>>())
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    (base, s.to_lowercase())
}

/// The letter(s) without accent; ligatures spelled out.
pub fn fold_char(c: char) -> String {
    let folded = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
        'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => "A",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'É' | 'È' | 'Ê' | 'Ë' => "E",
        'î' | 'ï' | 'í' | 'ì' => "i",
        'Î' | 'Ï' | 'Í' | 'Ì' => "I",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
        'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => "O",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'Ù' | 'Û' | 'Ü' | 'Ú' => "U",
        'ÿ' => "y",
        'Ÿ' => "Y",
        'ç' => "c",
        'Ç' => "C",
        'ñ' => "n",
        'Ñ' => "N",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'Æ' => "AE",
        _ => return c.to_string(),
    };
    folded.to_string()
}

/// A question the patient may want to ask the care team.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    /// The content tab it belongs to.
    pub tab: String,
    pub text: String,
}
