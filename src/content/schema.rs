//! The on-disk shape of the content files, exactly as an editor writes them.
//! Every struct refuses unknown fields, so a misspelt field name is an error
//! rather than silently ignored. `validate` turns these into the model.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Tab")]
pub struct TabFile {
    pub id: String,
    pub title: String,
    pub meta: MetaFile,
    pub sections: Vec<SectionFile>,
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
    Callout { kind: CalloutKindFile, text: String },
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
pub struct GlossaryFile {
    pub terms: Vec<TermFile>,
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
pub struct QuestionsFile {
    pub questions: Vec<QuestionFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    pub id: String,
    pub tab: String,
    pub text: String,
}
