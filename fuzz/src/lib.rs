//! What each fuzz target does with its input, shared by the fuzz targets
//! (`fuzz/fuzz_targets/*.rs`, through libFuzzer) and by the regression test
//! that replays the inputs they once failed on (`tests/fuzz_regressions.rs`
//! includes this file). Each function panics when the core breaks a
//! promise: a panic of its own, or one of the checks here.
//!
//! Inputs are decoded by hand ([`Input`]) rather than with `arbitrary`, so
//! that the regression test needs nothing the program's tests do not
//! already have.

use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate};
use patient_info::content::markup::{self, MarkError, Piece};
use patient_info::content::{
    self, ContentSource, EMBEDDED, FIGURES, FILE_NAMES, Figure, Glossary, Meta, Review, Term,
};
use patient_info::fonts::Style;
use patient_info::handout::layout::lines::{self, Hyphenation, Span};
use patient_info::handout::layout::{Draw, PAGE_HEIGHT, PAGE_WIDTH, Rgb};
use patient_info::handout::{self, Options, Selection};
use patient_info::search::Index;
use patient_info::{Block, CalloutKind, Inline, Lang, Library, RichText, Section, Tab};

/// The date the loader takes for today.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
}

/// Characters that have broken text code before: spaces of every kind,
/// hyphens, marks, joiners, right-to-left text, a character outside the
/// Basic Multilingual Plane, the markup's own characters.
const TRICKY: &[char] = &[
    ' ',
    '\u{A0}',
    '\u{202F}',
    '\u{2009}',
    '\u{200B}',
    '\u{200D}',
    '\u{AD}',
    '-',
    '\u{2011}',
    '/',
    '_',
    '.',
    '\n',
    '\r',
    '\t',
    '\u{301}',
    '\u{308}',
    'é',
    'È',
    'œ',
    'ß',
    'İ',
    'ﬁ',
    '’',
    '«',
    '»',
    '…',
    '\u{5D0}',
    '\u{627}',
    '\u{202E}',
    '\u{FEFF}',
    '😀',
    '\u{10FFFF}',
    '[',
    ']',
    '|',
    '*',
    '\0',
    '\u{7F}',
    '\u{85}',
    '\u{2028}',
    'ǅ',
    '\u{3000}',
    '字',
];

/// Reads a fuzz input as a sequence of small values; past its end every
/// value is zero (or empty), so that any input decodes.
pub struct Input<'a> {
    bytes: &'a [u8],
}

impl<'a> Input<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Input { bytes }
    }

    pub fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((&b, rest)) => {
                self.bytes = rest;
                b
            }
            None => 0,
        }
    }

    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// A string of up to 255 characters: ASCII as is, a byte from 0x80 a
    /// character from [`TRICKY`] or (from 0xC0) any code point.
    pub fn text(&mut self) -> String {
        let n = self.byte();
        let mut s = String::new();
        for _ in 0..n {
            if self.is_empty() {
                break;
            }
            let b = self.byte();
            let c = match b {
                0..=0x7F => char::from(b),
                0x80..=0xBF => TRICKY[usize::from(b - 0x80) % TRICKY.len()],
                _ => {
                    let cp = ((u32::from(b & 0x3F) << 16) | u32::from(self.u16())) % 0x11_0000;
                    char::from_u32(cp).unwrap_or('\u{FFFD}')
                }
            };
            s.push(c);
        }
        s
    }

    /// A string that is mostly ordinary words, so that lines and pages
    /// fill up: every text piece is repeated `1 + byte % 8` times.
    pub fn prose(&mut self) -> String {
        let piece = self.text();
        let times = 1 + usize::from(self.byte() % 8);
        vec![piece; times].join(" ")
    }
}

/// Whether (`line`, `column`), 1-based with the column in characters, is
/// inside `text` or just past its end.
fn inside(text: &str, line: usize, column: usize) -> bool {
    if line == 0 || column == 0 {
        return line == 0 && column == 0;
    }
    match text.split('\n').nth(line - 1) {
        Some(l) => column <= l.chars().count() + 1,
        None => false,
    }
}

/// `content_bytes`: the first byte picks a content file and a language,
/// the rest replaces that file; the shipped glossary of the language is
/// loaded beside it, so that marked terms are resolved. Every diagnostic
/// must point inside the file it names, and read in both languages.
pub fn content_bytes(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let file = FILE_NAMES[usize::from(pick) % FILE_NAMES.len()];
    let lang = if (usize::from(pick) / FILE_NAMES.len()).is_multiple_of(2) {
        Lang::Fr
    } else {
        Lang::En
    };
    let mut files = vec![(lang, file.to_string(), bytes.to_vec())];
    if file != "glossary.ron" {
        files.extend(
            EMBEDDED
                .iter()
                .filter(|(l, f, _)| *l == lang.code() && *f == "glossary.ron")
                .map(|(_, f, b)| (lang, (*f).to_string(), b.to_vec())),
        );
    }
    let report = content::load(&ContentSource::Memory(files), lang, today());
    let text = String::from_utf8_lossy(bytes);
    let shown = format!("content/{}/{file}", lang.code());
    for d in &report.diagnostics {
        assert!(!d.message(Lang::Fr).is_empty() && !d.message(Lang::En).is_empty());
        let _ = d.render(Lang::Fr);
        if d.file == shown {
            assert!(
                inside(&text, d.line, d.column),
                "{}:{} is outside the file: {d:?}",
                d.line,
                d.column
            );
        }
    }
}

/// The seed corpus of `content_bytes`: each shipped file with the byte
/// that picks it, named after it.
pub fn content_seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds = Vec::new();
    for (l, f, bytes) in EMBEDDED {
        let Some(index) = FILE_NAMES.iter().position(|n| n == f) else {
            continue;
        };
        let pick = if *l == "fr" {
            index
        } else {
            index + FILE_NAMES.len()
        };
        let mut seed = vec![pick as u8];
        seed.extend_from_slice(bytes);
        seeds.push((format!("{l}-{f}"), seed));
    }
    seeds
}

/// `markup`: the inline marks of any text. A term's offset points at its
/// `[[`, errors point inside the text, pieces are not empty and hold no
/// stars.
pub fn markup(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let chars: Vec<char> = text.chars().collect();
    match markup::parse(&text) {
        Ok(pieces) => {
            for piece in &pieces {
                match piece {
                    Piece::Text(t) | Piece::Emphasis(t) => {
                        assert!(!t.is_empty() && !t.contains('*'), "{piece:?}");
                    }
                    Piece::Term { text, key, at } => {
                        assert!(!text.trim().is_empty() && !key.trim().is_empty());
                        assert_eq!(chars.get(*at..*at + 2), Some(&['[', '['][..]));
                    }
                }
            }
            if !markup::has_marks(&text) {
                let plain: String = pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Text(t) => t.as_str(),
                        _ => "",
                    })
                    .collect();
                assert_eq!(plain, text, "text without marks changed");
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in errors {
                let (MarkError::UnclosedTerm(at)
                | MarkError::StrayTermEnd(at)
                | MarkError::EmptyTerm(at)
                | MarkError::UnclosedEmphasis(at)) = e;
                assert!(at < chars.len(), "{e:?} past the end");
            }
        }
    }
}

/// `settings`: any settings file. Each warning names a place inside it
/// and reads in both languages.
pub fn settings(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let loaded = patient_info::settings::parse(&text, "settings.ron");
    for w in &loaded.warnings {
        assert!(!w.kind.message(Lang::Fr).is_empty() && !w.kind.message(Lang::En).is_empty());
        let _ = w.render(Lang::En);
        let Some(at) = w.place.strip_prefix("settings.ron") else {
            panic!("a warning names another file: {w:?}");
        };
        if let Some(at) = at.strip_prefix(':') {
            let numbers: Vec<usize> = at.split(':').filter_map(|n| n.parse().ok()).collect();
            let [line, column] = numbers[..] else {
                panic!("a place that is not line:column: {w:?}");
            };
            assert!(inside(&text, line, column), "{w:?} is outside the file");
        }
    }
}

fn style(b: u8) -> Style {
    Style::ALL[usize::from(b) % Style::ALL.len()]
}

/// `line_breaker`: spans of any text in any style, at sizes from 1 to
/// 128 points, on lines from 0 to 2000 points wide. No character is lost
/// (spaces where lines break and added hyphens aside), and no line is
/// wider than asked unless it holds a single character.
pub fn line_breaker(data: &[u8]) {
    let mut input = Input::new(data);
    let size = 1.0 + f32::from(input.u16() % 1271) / 10.0;
    let width = f32::from(input.u16() % 20_001) / 10.0;
    let hyphenation = if input.byte().is_multiple_of(2) {
        Hyphenation::None
    } else {
        Hyphenation::French
    };
    let mut spans = Vec::new();
    while !input.is_empty() && spans.len() < 16 {
        let s = style(input.byte());
        spans.push(Span::new(&input.text(), s, Rgb(0, 0, 0)));
    }
    let broken = lines::break_lines(&spans, size, width, hyphenation);
    let kept = |c: &char| !matches!(c, ' ' | '-');
    let given: String = spans
        .iter()
        .flat_map(|s| s.text.chars())
        .map(lines::drawable)
        .filter(kept)
        .collect();
    let laid: String = broken
        .iter()
        .flat_map(|l| l.text().chars().collect::<Vec<_>>())
        .filter(kept)
        .collect();
    assert_eq!(given, laid, "characters lost or added");
    for line in &broken {
        assert!(!line.runs.is_empty(), "an empty line");
        let text = line.text();
        assert!(
            line.width <= width.max(size) + 0.05 || text.chars().count() == 1,
            "a line of {} pt on {width} pt at {size} pt: {text:?}",
            line.width
        );
    }
}

/// Rich text from the input: plain, emphasised and term runs.
fn rich(input: &mut Input, terms: usize) -> RichText {
    let mut runs = Vec::new();
    for _ in 0..1 + input.byte() % 4 {
        let kind = input.byte();
        let text = input.prose();
        runs.push(match kind % 3 {
            0 => Inline::Text(text),
            1 => Inline::Emphasis(text),
            _ if terms > 0 => Inline::Term {
                text,
                term: usize::from(kind) % terms,
            },
            _ => Inline::Text(text),
        });
    }
    RichText(runs)
}

/// The shipped figures' drawings, read once.
fn figures() -> &'static [(String, std::sync::Arc<patient_info::figure::Drawing>)] {
    static DRAWINGS: OnceLock<Vec<(String, std::sync::Arc<patient_info::figure::Drawing>)>> =
        OnceLock::new();
    DRAWINGS.get_or_init(|| {
        FIGURES
            .iter()
            .filter_map(|(id, bytes)| {
                patient_info::figure::load(bytes)
                    .ok()
                    .map(|d| ((*id).to_string(), std::sync::Arc::new(d)))
            })
            .collect()
    })
}

/// A small library made from the input: a glossary of up to 4 terms and
/// one tab of up to 3 sections of up to 6 blocks each.
pub fn small_library(input: &mut Input) -> Library {
    let lang = if input.byte().is_multiple_of(2) {
        Lang::Fr
    } else {
        Lang::En
    };
    let terms: Vec<Term> = (0..input.byte() % 5)
        .map(|i| Term {
            id: format!("t{i}"),
            term: input.text(),
            forms: vec![input.text()],
            definition: input.prose(),
        })
        .collect();
    let n_terms = terms.len();
    let mut sections = Vec::new();
    for s in 0..1 + input.byte() % 3 {
        let title = input.text();
        let summary = rich(input, n_terms);
        let mut blocks = Vec::new();
        for _ in 0..input.byte() % 7 {
            let kind = input.byte();
            blocks.push(match kind % 5 {
                0 => Block::Paragraph(rich(input, n_terms)),
                1 => Block::List(
                    (0..1 + kind / 5 % 4)
                        .map(|_| rich(input, n_terms))
                        .collect(),
                ),
                2 => Block::Callout {
                    kind: [
                        CalloutKind::Remember,
                        CalloutKind::Important,
                        CalloutKind::ToDo,
                        CalloutKind::Urgent,
                    ][usize::from(kind / 5) % 4],
                    text: rich(input, n_terms),
                },
                3 if !figures().is_empty() => {
                    let (id, drawing) = &figures()[usize::from(kind / 5) % figures().len()];
                    Block::Figure(Figure {
                        id: id.clone(),
                        caption: rich(input, n_terms),
                        alt: input.text(),
                        drawing: drawing.clone(),
                    })
                }
                _ => Block::Paragraph(rich(input, n_terms)),
            });
        }
        sections.push(Section {
            id: format!("s{s}"),
            title,
            summary,
            blocks,
        });
    }
    let title = input.text();
    let sources = vec![input.text()];
    Library {
        lang,
        tabs: vec![Tab {
            id: "basics".into(),
            title,
            meta: Meta {
                sources,
                written_on: today(),
                review: Review::default(),
            },
            sections,
        }],
        glossary: Glossary { terms },
        questions: Vec::new(),
    }
}

/// `layout`: the handout of a small library of any text, whole and each
/// section alone, in normal and large print, with any clinic name. Every
/// handout has pages, and its text export holds its title.
pub fn layout(data: &[u8]) {
    let mut input = Input::new(data);
    let large_print = input.byte() % 2 == 1;
    let clinic = Some(input.text()).filter(|c| !c.is_empty());
    let library = small_library(&mut input);
    let printed_at = DateTime::from_timestamp(1_764_400_000, 0)
        .unwrap_or_default()
        .fixed_offset();
    let options = Options {
        large_print,
        clinic,
        clinic_phone: None,
        printed_at,
    };
    let mut selections = vec![Selection::All];
    selections.extend(
        library.tabs[0]
            .sections
            .iter()
            .map(|s| Selection::Section(s.id.clone())),
    );
    for selection in selections {
        let handout = match handout::build(&library, &selection, &options) {
            Ok(handout) => handout,
            Err(e) => panic!("{selection:?} was refused: {e:?}"),
        };
        let document = handout.layout();
        assert!(document.page_count() >= 1, "{selection:?} has no page");
        // Nothing is drawn off the paper.
        let page = 0.0..=PAGE_WIDTH + 0.5;
        for (n, p) in document.pages.iter().enumerate() {
            for draw in &p.draws {
                if let Draw::Text {
                    x,
                    baseline,
                    size,
                    style,
                    text,
                    ..
                } = draw
                {
                    let right = x + lines::width(text, *style, *size);
                    assert!(
                        page.contains(x) && page.contains(&right),
                        "page {n}: {text:?} runs from {x} to {right} pt, off the paper"
                    );
                    assert!(
                        (0.0..=PAGE_HEIGHT).contains(baseline),
                        "page {n}: {text:?} at y {baseline}, off the paper"
                    );
                }
            }
        }
        let _ = handout.to_text();
    }
}

/// The index of the shipped content in each language, built once.
fn indexes() -> &'static [Index; 2] {
    static INDEXES: OnceLock<[Index; 2]> = OnceLock::new();
    INDEXES.get_or_init(|| {
        Lang::ALL
            .map(|lang| Index::new(&content::load(&ContentSource::Embedded, lang, today()).library))
    })
}

/// `search`: any query, in either language, over the shipped content and
/// over a small library made from the rest of the input. At most `limit`
/// hits, highlights inside the texts they mark, a suggestion only when
/// nothing was found.
pub fn search(data: &[u8]) {
    let mut input = Input::new(data);
    let which = input.byte();
    let limit = usize::from(input.byte() % 24);
    let query = input.text();
    let own;
    let index = if which % 3 == 2 {
        own = Index::new(&small_library(&mut input));
        &own
    } else {
        &indexes()[usize::from(which) % 2]
    };
    let found = index.find(&query, limit);
    assert!(found.hits.len() <= limit);
    for hit in &found.hits {
        for span in &hit.excerpt_spans {
            assert!(hit.excerpt.get(span.clone()).is_some(), "{hit:?}");
        }
        for span in &hit.title_spans {
            assert!(hit.title.get(span.clone()).is_some(), "{hit:?}");
        }
    }
    if !found.hits.is_empty() {
        assert!(found.suggestion.is_none());
    }
}
