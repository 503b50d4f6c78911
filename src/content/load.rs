//! Reading the content files, from the copy built into the program or from a
//! folder, and parsing them. A file that cannot be read or parsed becomes a
//! diagnostic; the other files still load. Inside a file, each section,
//! glossary entry and question is read on its own (`unit`), so that one
//! mistake hides only the unit that holds it.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use super::schema::{GlossaryFile, QuestionsFile, TabFile};
use super::unit;
use super::validate::{Checker, IdPlace, Seen, Terms};
use super::{FILE_NAMES, Library, MAX_FILE_BYTES, TAB_IDS};
use crate::Lang;
use crate::diagnostic::{Diagnostic, Hidden, Problem, Severity};

/// The content files built into the program: (language, file name, bytes).
pub const EMBEDDED: &[(&str, &str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The figures' drawings built into the program: (id, SVG bytes).
pub const FIGURES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/figures.rs"));

/// Where the content comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ContentSource {
    /// The copy built into the program.
    #[default]
    Embedded,
    /// A folder holding `fr/` and `en/`.
    Dir(PathBuf),
    /// Files held in memory: (language, file name, bytes). For tests and
    /// tools that build content on the fly.
    Memory(Vec<(Lang, String, Vec<u8>)>),
}

impl ContentSource {
    /// The languages that have at least one file here, French first.
    pub fn languages(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|lang| match self {
                ContentSource::Embedded => EMBEDDED.iter().any(|(l, _, _)| *l == lang.code()),
                ContentSource::Dir(dir) => FILE_NAMES
                    .iter()
                    .any(|f| dir.join(lang.code()).join(f).exists()),
                ContentSource::Memory(files) => files.iter().any(|(l, _, _)| l == lang),
            })
            .collect()
    }

    /// The name a content editor knows the file by.
    fn display(&self, lang: Lang, file: &str) -> String {
        match self {
            ContentSource::Embedded | ContentSource::Memory(_) => {
                format!("content/{}/{file}", lang.code())
            }
            ContentSource::Dir(dir) => dir.join(lang.code()).join(file).display().to_string(),
        }
    }

    /// The file's bytes, or the problem that kept it from being read.
    fn read(&self, lang: Lang, file: &str) -> Result<Vec<u8>, Problem> {
        match self {
            ContentSource::Embedded => EMBEDDED
                .iter()
                .find(|(l, f, _)| *l == lang.code() && *f == file)
                .map(|(_, _, bytes)| bytes.to_vec())
                .ok_or(Problem::MissingFile)
                .and_then(|bytes| check_size(bytes.len() as u64).map(|()| bytes)),
            ContentSource::Dir(dir) => read_limited(&dir.join(lang.code()).join(file)),
            ContentSource::Memory(files) => files
                .iter()
                .find(|(l, f, _)| *l == lang && f == file)
                .map(|(_, _, bytes)| bytes.clone())
                .ok_or(Problem::MissingFile)
                .and_then(|bytes| check_size(bytes.len() as u64).map(|()| bytes)),
        }
    }
}

impl ContentSource {
    /// A figure's drawing: the name an editor knows its file by, and its
    /// bytes or why they could not be read. Figures are shared by both
    /// languages; in memory they are any file named `figures/<id>.svg`.
    pub fn figure(&self, id: &str) -> (String, Result<Vec<u8>, crate::figure::FigureProblem>) {
        use crate::figure::{FigureProblem, file_name};
        let name = file_name(id);
        let missing = || FigureProblem::Missing {
            file: format!("content/{name}"),
        };
        match self {
            ContentSource::Embedded => (
                format!("content/{name}"),
                FIGURES
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map(|(_, bytes)| bytes.to_vec())
                    .ok_or_else(missing),
            ),
            ContentSource::Memory(files) => (
                format!("content/{name}"),
                files
                    .iter()
                    .find(|(_, f, _)| *f == name)
                    .map(|(_, _, bytes)| bytes.clone())
                    .ok_or_else(missing),
            ),
            ContentSource::Dir(dir) => {
                let path = dir.join("figures").join(format!("{id}.svg"));
                let shown = path.display().to_string();
                let read = read_limited(&path).map_err(|p| match p {
                    Problem::MissingFile => FigureProblem::Missing {
                        file: shown.clone(),
                    },
                    Problem::TooLarge { bytes, limit } => FigureProblem::TooLarge { bytes, limit },
                    other => FigureProblem::Unreadable {
                        reason: other.message(Lang::En),
                    },
                });
                (shown, read)
            }
        }
    }
}

fn check_size(bytes: u64) -> Result<(), Problem> {
    if bytes > MAX_FILE_BYTES {
        Err(Problem::TooLarge {
            bytes,
            limit: MAX_FILE_BYTES,
        })
    } else {
        Ok(())
    }
}

/// Reads at most one byte past the limit, so a huge file is never loaded
/// whole; a pipe, a device or a folder is refused before reading (a pipe
/// would block forever).
fn read_limited(path: &Path) -> Result<Vec<u8>, Problem> {
    let file = crate::files::open_regular(path).map_err(|e| match e {
        crate::files::ReadError::Missing => Problem::MissingFile,
        other => Problem::Unreadable {
            reason: other.message(Lang::En),
        },
    })?;
    if let Ok(meta) = file.metadata() {
        check_size(meta.len())?;
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::Unreadable {
            reason: e.to_string(),
        })?;
    check_size(bytes.len() as u64)?;
    Ok(bytes)
}

/// The outcome of loading one language: what could be read, and every
/// problem met on the way.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    pub library: Library,
    pub diagnostics: Vec<Diagnostic>,
    /// The content tabs that could not be loaded at all.
    pub failed_tabs: Vec<String>,
    /// The file names that parsed, and where each id sits in them.
    loaded_files: Vec<&'static str>,
    places: Vec<IdPlace>,
}

impl LoadReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// Errors for every id that this language has and `other` lacks, in the
    /// files that loaded in both.
    pub fn compare_ids(&self, other: &LoadReport) -> Vec<Diagnostic> {
        let base = |file: &str| file.rsplit(['/', '\\']).next().unwrap_or(file).to_string();
        self.places
            .iter()
            .filter(|p| other.loaded_files.iter().any(|f| *f == base(&p.file)))
            .filter(|p| {
                !other
                    .places
                    .iter()
                    .any(|o| o.kind == p.kind && o.id == p.id)
            })
            .map(|p| {
                Diagnostic::new(
                    Severity::Error,
                    &p.file,
                    (p.line, p.column),
                    Problem::MissingTranslation {
                        id: p.id.clone(),
                        other: other.library.lang,
                    },
                )
            })
            .collect()
    }
}

/// Loads and validates one language. Never fails: problems are in the
/// report, and whatever loaded is in its library. A problem hides the
/// smallest unit that holds it (see [`Hidden`]).
pub fn load(source: &ContentSource, lang: Lang, today: NaiveDate) -> LoadReport {
    let mut report = LoadReport {
        library: Library {
            lang,
            ..Library::default()
        },
        ..LoadReport::default()
    };

    // The glossary first: the tabs' marks are resolved against it.
    let mut hidden_words = Vec::new();
    if let Some((name, text)) = report.read(source, lang, "glossary.ron", || Hidden::GlossaryFile) {
        let parsed = report.parse::<GlossaryFile>(
            &name,
            &text,
            || Hidden::GlossaryFile,
            || Hidden::Glossary,
        );
        if let Some(file) = parsed {
            (report.library.glossary, hidden_words) =
                report.check(source, "glossary.ron", &name, &text, lang, |c| {
                    c.glossary(file)
                });
        }
    }

    let glossary = std::mem::take(&mut report.library.glossary);
    let terms = Terms {
        glossary: &glossary,
        hidden: &hidden_words,
    };
    let mut section_ids = Seen::new();
    for (tab_id, file_name) in TAB_IDS.iter().zip(FILE_NAMES) {
        let tab = || (*tab_id).to_string();
        let file_hidden = || Hidden::TabFile { tab: tab() };
        let tab = report
            .read(source, lang, file_name, file_hidden)
            .and_then(|(name, text)| {
                let file = report
                    .parse::<TabFile>(&name, &text, file_hidden, || Hidden::Tab { tab: tab() })?;
                report.check(source, file_name, &name, &text, lang, |c| {
                    c.tab(file, tab_id, terms, &mut section_ids, today)
                })
            });
        match tab {
            Some(tab) => report.library.tabs.push(tab),
            None => report.failed_tabs.push((*tab_id).to_string()),
        }
    }
    report.library.glossary = glossary;

    if let Some((name, text)) = report.read(source, lang, "questions.ron", || Hidden::QuestionsFile)
    {
        let parsed = report.parse::<QuestionsFile>(
            &name,
            &text,
            || Hidden::QuestionsFile,
            || Hidden::Questions,
        );
        if let Some(file) = parsed {
            report.library.questions =
                report.check(source, "questions.ron", &name, &text, lang, |c| {
                    c.questions(file)
                });
        }
    }
    report
}

impl LoadReport {
    /// Reads and decodes one file: its display name and text, or nothing
    /// when a problem (now a diagnostic hiding `hides`) stopped it.
    fn read(
        &mut self,
        source: &ContentSource,
        lang: Lang,
        file: &str,
        hides: impl FnOnce() -> Hidden,
    ) -> Option<(String, String)> {
        let mark = self.diagnostics.len();
        let read = parse_step(source, lang, file, &mut self.diagnostics);
        // Reading stops at its first problem: one diagnostic at most.
        if let Some(d) = self.diagnostics.get_mut(mark) {
            d.hides = hides();
        }
        read
    }

    /// Parses a file's own fields, its units kept as raw text. A file that
    /// is not RON at all hides `unreadable`; one whose own fields are wrong
    /// hides `fields`.
    fn parse<'t, T: Deserialize<'t>>(
        &mut self,
        name: &str,
        text: &'t str,
        unreadable: impl FnOnce() -> Hidden,
        fields: impl FnOnce() -> Hidden,
    ) -> Option<T> {
        match ron::Options::default().from_str::<T>(text) {
            Ok(value) => Some(value),
            Err(e) => {
                let at = (e.span.start.line.max(1), e.span.start.col.max(1));
                let hides = if unit::is_ron(text) {
                    fields()
                } else {
                    unreadable()
                };
                self.diagnostics.push(
                    Diagnostic::new(Severity::Error, name, at, unit::problem_of(&e.code))
                        .hiding(hides),
                );
                None
            }
        }
    }

    /// Runs the checks of one parsed file and keeps where its ids are.
    #[allow(clippy::too_many_arguments)]
    fn check<'t, R>(
        &mut self,
        source: &ContentSource,
        file: &'static str,
        name: &'t str,
        text: &'t str,
        lang: Lang,
        run: impl FnOnce(&mut Checker<'_>) -> R,
    ) -> R {
        let mut checker = Checker::new(name, text, lang, &mut self.diagnostics);
        checker.figures = Some(source);
        let result = run(&mut checker);
        self.places.append(&mut checker.places);
        self.loaded_files.push(file);
        result
    }
}

/// Reads a file and decodes it as UTF-8: its display name and text.
fn parse_step(
    source: &ContentSource,
    lang: Lang,
    file: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(String, String)> {
    let name = source.display(lang, file);
    let bytes = match source.read(lang, file) {
        Ok(bytes) => bytes,
        Err(problem) => {
            diagnostics.push(Diagnostic::new(Severity::Error, &name, (0, 0), problem));
            return None;
        }
    };
    match decode(&bytes) {
        Ok(text) => Some((name, text)),
        Err(at) => {
            diagnostics.push(Diagnostic::new(
                Severity::Error,
                &name,
                at,
                Problem::NotUtf8,
            ));
            None
        }
    }
}

/// UTF-8 text without a leading byte-order mark, or the line and column of
/// the first bad byte.
fn decode(bytes: &[u8]) -> Result<String, (usize, usize)> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            let line = 1 + good.matches('\n').count();
            let column = 1 + good.rsplit('\n').next().map_or(0, |l| l.chars().count());
            Err((line, column))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_ignored() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc"), Ok("abc".to_string()));
    }

    #[test]
    fn bad_utf8_is_located_by_line_and_column() {
        assert_eq!(decode(b"ab\ncd\xE9f"), Err((2, 3)));
    }
}
