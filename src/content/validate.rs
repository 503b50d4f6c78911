//! Turns the parsed files into the model, checking everything serde cannot:
//! ids, empty texts, dates, marks, glossary references, the font's coverage
//! and the review record. Every problem is collected; none stops the walk.
//!
//! A unit with an error (a section, a glossary entry, a question) is left
//! out of the model, and its diagnostics say so; a tab whose own fields are
//! wrong, or whose every section is hidden, is left out whole.

use std::collections::HashMap;

use chrono::NaiveDate;

use ron::value::RawValue;
use serde::de::DeserializeOwned;

use super::locate::{Locator, Spot};
use super::markup::{self, MarkError, Piece};
use super::schema::{BlockFile, CalloutKindFile, SectionFile, TabFile, UnitNames};
use super::unit::{self, Cursor};
use super::{
    Block, CalloutKind, Glossary, Inline, Meta, Review, RichText, Section, Tab, typography,
};
use crate::diagnostic::{Diagnostic, Hidden, Problem, Severity};
use crate::{Lang, fonts};

mod entries;
mod figure;

/// Where each id was first seen in one language, across its files.
pub type Seen = HashMap<String, String>;

/// The place of an id, kept to compare the two languages.
#[derive(Debug, Clone, PartialEq)]
pub struct IdPlace {
    pub file: String,
    /// `tab`, `section`, `term` or `question`, so that ids of different
    /// kinds never match each other.
    pub kind: &'static str,
    pub id: String,
    pub line: usize,
    pub column: usize,
}

/// The glossary the marks are resolved against, and the words of its
/// hidden entries: a mark pointing at one of those shows as plain text and
/// is not reported again (its entry's own diagnostic says why).
#[derive(Debug, Clone, Copy)]
pub struct Terms<'g> {
    pub glossary: &'g Glossary,
    /// Normalised words (terms, forms, ids) of the hidden entries.
    pub hidden: &'g [String],
}

/// Checks one file's values against its source, collecting diagnostics.
pub struct Checker<'a> {
    file: &'a str,
    source: &'a str,
    lang: Lang,
    loc: Locator,
    cursor: Cursor,
    diagnostics: &'a mut Vec<Diagnostic>,
    pub places: Vec<IdPlace>,
    /// Where figures' drawings are read from (none: figures are dropped
    /// unchecked).
    pub figures: Option<&'a super::ContentSource>,
}

impl<'a> Checker<'a> {
    pub fn new(
        file: &'a str,
        source: &'a str,
        lang: Lang,
        diagnostics: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Checker {
            file,
            source,
            lang,
            loc: Locator::new(source),
            cursor: Cursor::default(),
            diagnostics,
            places: Vec::new(),
            figures: None,
        }
    }

    /// Reads one unit on its own. A mistake is reported at its place in the
    /// file; what can still be named of the unit comes back instead.
    fn unit<T: DeserializeOwned>(&mut self, raw: &RawValue) -> Result<T, UnitNames> {
        let start = self.cursor.start_of(self.source, raw.get_ron());
        if let Some(start) = start {
            // The literals before this unit belong to units already checked
            // (or to one that did not read): never hand them out again.
            self.loc.skip_before(start);
        }
        unit::parse::<T>(raw).map_err(|(at, problem)| {
            let at = start.map_or(at, |start| unit::shift(start, at));
            self.error(at, problem);
            unit::names(raw)
        })
    }

    /// Whether errors were reported since `mark`; if so, each of them now
    /// says that it hides `hidden`. A figure's errors hide only the figure
    /// and are left as they are.
    fn hide_since(&mut self, mark: usize, hidden: &Hidden) -> bool {
        let mut any = false;
        for d in self.diagnostics[mark..]
            .iter_mut()
            .filter(|d| d.is_error() && !matches!(d.hides, Hidden::Figure { .. }))
        {
            d.hides = hidden.clone();
            any = true;
        }
        any
    }

    /// Keeps where an id sits, to compare the two languages.
    fn place(&mut self, kind: &'static str, id: &str) {
        let spot = self.loc.find(Some("id"), id);
        let at = self.loc.start(spot);
        self.places.push(IdPlace {
            file: self.file.to_string(),
            kind,
            id: id.to_string(),
            line: at.0,
            column: at.1,
        });
    }

    fn report(&mut self, severity: Severity, at: (usize, usize), kind: Problem) {
        self.diagnostics
            .push(Diagnostic::new(severity, self.file, at, kind));
    }

    fn error(&mut self, at: (usize, usize), kind: Problem) {
        self.report(Severity::Error, at, kind);
    }

    /// Typography, then the font check, for a text found at `spot`.
    fn finish(&mut self, spot: Spot, raw: &str) -> String {
        let text = typography::apply(raw, self.lang);
        let mut reported = Vec::new();
        for (n, c) in text.chars().enumerate() {
            if !fonts::can_draw(c) && !reported.contains(&c) {
                reported.push(c);
                self.error(self.loc.char_at(spot, n), Problem::MissingGlyph { ch: c });
            }
        }
        text
    }

    /// A required text without marks (titles, terms, definitions).
    fn plain(&mut self, key: &str, raw: &str) -> String {
        let spot = self.loc.find(Some(key), raw);
        self.plain_at(spot, key, raw)
    }

    fn plain_at(&mut self, spot: Spot, key: &str, raw: &str) -> String {
        if raw.trim().is_empty() {
            self.error(self.loc.start(spot), Problem::Empty { field: key.into() });
        } else if markup::has_marks(raw) {
            self.error(
                self.loc.start(spot),
                Problem::MarksNotAllowed { field: key.into() },
            );
        }
        self.finish(spot, raw)
    }

    /// A required text with marks, its glossary terms resolved.
    fn rich(&mut self, key: Option<&str>, field: &str, raw: &str, terms: Terms) -> RichText {
        let spot = self.loc.find(key, raw);
        if raw.trim().is_empty() {
            self.error(
                self.loc.start(spot),
                Problem::Empty {
                    field: field.into(),
                },
            );
        }
        let text = self.finish(spot, raw);
        match markup::parse(&text) {
            Ok(pieces) => RichText(
                pieces
                    .into_iter()
                    .map(|piece| match piece {
                        Piece::Text(t) => Inline::Text(t),
                        Piece::Emphasis(t) => Inline::Emphasis(t),
                        Piece::Term { text, key, at } => match terms.glossary.find(&key) {
                            Some(term) => Inline::Term { text, term },
                            // Without a glossary (its file is broken, and
                            // reported), marks cannot be checked.
                            None if terms.glossary.terms.is_empty() => Inline::Text(text),
                            // Its entry is hidden, and reported.
                            None if terms.hidden.contains(&super::normalize_key(&key)) => {
                                Inline::Text(text)
                            }
                            None => {
                                self.error(
                                    self.loc.char_at(spot, at),
                                    Problem::UnknownTerm { term: key },
                                );
                                Inline::Text(text)
                            }
                        },
                    })
                    .collect(),
            ),
            Err(errors) => {
                for e in errors {
                    let (at, kind) = match e {
                        MarkError::UnclosedTerm(at) => (at, Problem::UnclosedTerm),
                        MarkError::StrayTermEnd(at) => (at, Problem::StrayTermEnd),
                        MarkError::EmptyTerm(at) => (at, Problem::EmptyTerm),
                        MarkError::UnclosedEmphasis(at) => (at, Problem::UnclosedEmphasis),
                    };
                    self.error(self.loc.char_at(spot, at), kind);
                }
                RichText(vec![Inline::Text(text)])
            }
        }
    }

    /// An id: well formed and not seen before in this language.
    fn id(&mut self, kind: &'static str, raw: &str, seen: &mut Seen) -> String {
        let spot = self.loc.find(Some("id"), raw);
        let at = self.loc.start(spot);
        if !is_valid_id(raw) {
            self.error(at, Problem::BadId { id: raw.into() });
        }
        let here = format!("{}:{}:{}", self.file, at.0, at.1);
        match seen.get(raw) {
            Some(first) => {
                let first = first.clone();
                self.error(
                    at,
                    Problem::DuplicateId {
                        id: raw.into(),
                        first,
                    },
                );
            }
            None => {
                seen.insert(raw.to_string(), here);
            }
        }
        self.places.push(IdPlace {
            file: self.file.to_string(),
            kind,
            id: raw.to_string(),
            line: at.0,
            column: at.1,
        });
        raw.to_string()
    }

    /// A date, required unless `optional`.
    fn date(&mut self, key: &str, raw: &str, optional: bool) -> (Option<NaiveDate>, Spot) {
        let spot = self.loc.find(Some(key), raw);
        if raw.trim().is_empty() {
            if !optional {
                self.error(self.loc.start(spot), Problem::Empty { field: key.into() });
            }
            return (None, spot);
        }
        let parsed = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok();
        if parsed.is_none() {
            self.error(
                self.loc.start(spot),
                Problem::BadDate {
                    field: key.into(),
                    value: raw.into(),
                },
            );
        }
        (parsed, spot)
    }

    /// A content tab, or nothing when its own fields are wrong or every one
    /// of its sections is hidden. `section_ids` spans every tab of the
    /// language.
    pub fn tab(
        &mut self,
        file: TabFile,
        expected_id: &str,
        terms: Terms,
        section_ids: &mut Seen,
        today: NaiveDate,
    ) -> Option<Tab> {
        let mark = self.diagnostics.len();
        let id_spot = self.loc.find(Some("id"), &file.id);
        if file.id != expected_id {
            self.error(
                self.loc.start(id_spot),
                Problem::WrongTabId {
                    expected: expected_id.into(),
                    found: file.id.clone(),
                },
            );
        }
        let at = self.loc.start(id_spot);
        self.places.push(IdPlace {
            file: self.file.to_string(),
            kind: "tab",
            id: file.id.clone(),
            line: at.0,
            column: at.1,
        });
        let title = self.plain("title", &file.title);
        let meta = self.meta(file.meta, today);
        if file.sections.is_empty() {
            self.error(
                (1, 1),
                Problem::Empty {
                    field: "sections".into(),
                },
            );
        }
        let own_errors = self.diagnostics[mark..].iter().any(Diagnostic::is_error);
        // The sections are checked even under a hidden tab, so that every
        // problem shows at once.
        let sections: Vec<Section> = file
            .sections
            .into_iter()
            .filter_map(|raw| self.section(raw, expected_id, terms, section_ids))
            .collect();
        if own_errors || sections.is_empty() {
            let hidden = Hidden::Tab {
                tab: expected_id.to_string(),
            };
            self.hide_since(mark, &hidden);
            return None;
        }
        Some(Tab {
            id: expected_id.to_string(),
            title,
            meta,
            sections,
        })
    }

    fn meta(&mut self, meta: super::schema::MetaFile, today: NaiveDate) -> Meta {
        let (written_on, written_spot) = self.date("written_on", &meta.written_on, false);
        let written_on = written_on.unwrap_or_default();
        if meta.sources.is_empty() {
            self.error(
                self.loc.start(written_spot),
                Problem::Empty {
                    field: "sources".into(),
                },
            );
        }
        let sources = meta
            .sources
            .iter()
            .map(|s| self.plain("sources", s))
            .collect();
        let r = meta.review;
        let by_spot = self.loc.find(Some("reviewed_by"), &r.reviewed_by);
        let reviewed_by =
            (!r.reviewed_by.trim().is_empty()).then(|| self.finish(by_spot, &r.reviewed_by));
        let reviewed_on = self.date("reviewed_on", &r.reviewed_on, true).0;
        let next_review = self.date("next_review", &r.next_review, true).0;
        let review_at = self.loc.start(by_spot);
        let filled = [
            ("reviewed_by", !r.reviewed_by.trim().is_empty()),
            ("reviewed_on", !r.reviewed_on.trim().is_empty()),
            ("next_review", !r.next_review.trim().is_empty()),
        ];
        if filled.iter().all(|(_, f)| !f) {
            self.report(Severity::Warning, review_at, Problem::NotReviewed);
        } else {
            for (field, _) in filled.iter().filter(|(_, f)| !f) {
                self.report(
                    Severity::Warning,
                    review_at,
                    Problem::ReviewIncomplete {
                        field: (*field).into(),
                    },
                );
            }
        }
        if let Some(due) = next_review.filter(|d| *d < today) {
            self.report(
                Severity::Warning,
                review_at,
                Problem::ReviewOverdue {
                    due: due.format("%Y-%m-%d").to_string(),
                },
            );
        }
        Meta {
            sources,
            written_on,
            review: Review {
                reviewed_by,
                reviewed_on,
                next_review,
            },
        }
    }

    /// One section, or nothing when it has an error.
    fn section(
        &mut self,
        raw: &RawValue,
        tab: &str,
        terms: Terms,
        section_ids: &mut Seen,
    ) -> Option<Section> {
        let mark = self.diagnostics.len();
        let (section, id) = match self.unit::<SectionFile>(raw) {
            Ok(file) => {
                let id = file.id.clone();
                (
                    Some(self.section_body(file, tab, terms, section_ids)),
                    Some(id),
                )
            }
            Err(names) => {
                let id = names.id();
                if let Some(id) = &id {
                    self.place("section", id);
                }
                (None, id)
            }
        };
        let hidden = Hidden::Section {
            tab: tab.to_string(),
            section: id,
        };
        if self.hide_since(mark, &hidden) {
            None
        } else {
            section
        }
    }

    fn section_body(
        &mut self,
        s: SectionFile,
        tab: &str,
        terms: Terms,
        section_ids: &mut Seen,
    ) -> Section {
        let id = self.id("section", &s.id, section_ids);
        let title_spot = self.loc.find(Some("title"), &s.title);
        let title = self.plain_at(title_spot, "title", &s.title);
        let summary = self.rich(Some("summary"), "summary", &s.summary, terms);
        if s.blocks.is_empty() {
            self.error(
                self.loc.start(title_spot),
                Problem::Empty {
                    field: "blocks".into(),
                },
            );
        }
        let blocks = s
            .blocks
            .into_iter()
            .filter_map(|b| {
                Some(match b {
                    BlockFile::Paragraph(t) => {
                        Block::Paragraph(self.rich(None, "Paragraph", &t, terms))
                    }
                    BlockFile::Figure {
                        id: figure,
                        caption,
                        alt,
                    } => {
                        let place = (tab, id.as_str());
                        return self
                            .figure(place, &figure, &caption, &alt, terms)
                            .map(Block::Figure);
                    }
                    BlockFile::List(items) => {
                        if items.is_empty() {
                            self.error(
                                self.loc.start(title_spot),
                                Problem::Empty {
                                    field: "List".into(),
                                },
                            );
                        }
                        Block::List(
                            items
                                .iter()
                                .map(|t| self.rich(None, "List", t, terms))
                                .collect(),
                        )
                    }
                    BlockFile::Callout { kind, text } => Block::Callout {
                        kind: match kind {
                            CalloutKindFile::Remember => CalloutKind::Remember,
                            CalloutKindFile::Important => CalloutKind::Important,
                            CalloutKindFile::ToDo => CalloutKind::ToDo,
                            CalloutKindFile::Urgent => CalloutKind::Urgent,
                        },
                        text: self.rich(Some("text"), "text", &text, terms),
                    },
                })
            })
            .collect();
        Section {
            id,
            title,
            summary,
            blocks,
        }
    }
}

/// Lowercase ASCII letters and digits, in groups joined by single hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_words_joined_by_hyphens() {
        assert!(is_valid_id("what-is-it"));
        assert!(is_valid_id("q12"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("Quoi"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id("été"));
        assert!(!is_valid_id("a b"));
    }
}
