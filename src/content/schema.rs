//! The on-disk shape of the content files, exactly as an editor writes them.
//! Every struct refuses unknown fields, so a misspelt field name is an error
//! rather than silently ignored. `validate` turns these into the model.
//!
//! A file is read in two steps so that a mistake hides the smallest unit
//! that holds it: the file's own fields first, with each section, glossary
//! entry or question kept as its raw text ([`RawValue`], borrowed from the
//! file); then each of those on its own, with the same strictness.

use ron::value::RawValue;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Tab")]
pub struct TabFile<'a> {
    pub id: String,
    pub title: String,
    pub meta: MetaFile,
    #[serde(borrow)]
    pub sections: Vec<&'a RawValue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaFile {
    pub written_on: String,
    pub sources: Vec<String>,
    pub review: ReviewFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewFile {
    pub reviewed_by: String,
    pub reviewed_on: String,
    pub next_review: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub blocks: Vec<BlockFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum BlockFile {
    Paragraph(String),
    List(Vec<String>),
    Callout {
        kind: CalloutKindFile,
        text: String,
    },
    /// Every field defaults to empty, so that a missing one drops only the
    /// figure (with its own diagnostic), never the section.
    Figure {
        #[serde(default)]
        id: String,
        #[serde(default)]
        caption: String,
        #[serde(default)]
        alt: String,
    },
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub enum CalloutKindFile {
    Remember,
    Important,
    ToDo,
    Urgent,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Glossary")]
pub struct GlossaryFile<'a> {
    #[serde(borrow)]
    pub terms: Vec<&'a RawValue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermFile {
    pub id: String,
    pub term: String,
    #[serde(default)]
    pub forms: Vec<String>,
    pub definition: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Questions")]
pub struct QuestionsFile<'a> {
    #[serde(borrow)]
    pub questions: Vec<&'a RawValue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    pub id: String,
    pub tab: String,
    pub text: String,
}

/// What can still be read of a unit that does not fit its schema: its id
/// and the words a glossary entry stands for, when they are there. Unknown
/// fields are ignored here on purpose: this only names what is hidden.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UnitNames {
    /// Empty when absent or unreadable.
    pub id: String,
    pub term: String,
    pub forms: Vec<String>,
}

impl UnitNames {
    /// The id, when there is one.
    pub fn id(&self) -> Option<String> {
        (!self.id.is_empty()).then(|| self.id.clone())
    }
}
