//! Layout tests: long words, empty and huge sections, every character of
//! the content, headings at page bottoms, large print.

use chrono::{NaiveDate, TimeZone};
use proptest::prelude::*;

use super::*;
use crate::Lang;
use crate::content::{
    self, Block, CalloutKind, ContentSource, Inline, Library, Meta, Review, RichText, Section, Tab,
};
use crate::handout::{self, Options, Selection};

pub(super) fn options(large_print: bool) -> Options {
    let printed_at = chrono::FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 29, 10, 0, 0).single())
        .unwrap_or_else(|| chrono::Local::now().fixed_offset());
    Options {
        large_print,
        clinic: Some("Clinique des Tests".to_string()),
        clinic_phone: Some("04 78 78 28 28".to_string()),
        printed_at,
    }
}

fn text(s: &str) -> RichText {
    RichText(vec![Inline::Text(s.to_string())])
}

fn section(id: &str, title: &str, blocks: Vec<Block>) -> Section {
    Section {
        id: id.to_string(),
        title: title.to_string(),
        summary: text("Un résumé en deux phrases. Voici la seconde."),
        blocks,
    }
}

/// A library of one tab holding these sections.
fn library(sections: Vec<Section>) -> Library {
    Library {
        lang: Lang::Fr,
        tabs: vec![Tab {
            id: "basics".to_string(),
            title: "Comprendre".to_string(),
            meta: Meta {
                sources: vec!["Une source".to_string()],
                written_on: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default(),
                review: Review::default(),
            },
            sections,
        }],
        ..Library::default()
    }
}

pub(super) fn laid_out(
    library: &Library,
    selection: Selection,
    large_print: bool,
) -> (handout::Handout, Document) {
    match handout::build(library, &selection, &options(large_print)) {
        Ok(h) => {
            let d = h.layout();
            (h, d)
        }
        Err(e) => panic!("{e}"),
    }
}

pub(super) fn shipped(lang: Lang) -> Library {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    content::load(&ContentSource::Embedded, lang, today).library
}

/// The body's characters in reading order, spaces and hyphens left out
/// (line breaks add hyphens and drop spaces).
pub(super) fn body_chars(document: &Document) -> String {
    document
        .pages
        .iter()
        .flat_map(|p| p.rows.iter())
        .map(|r| squeezed(&r.text))
        .collect()
}

/// The text without spaces, hyphens, bullets nor the plain text's
/// underlines: what must match between the text export and the pages.
pub(super) fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '•' | '='))
        .collect()
}

/// Every row inside the frame, every text run inside the page width.
pub(super) fn assert_inside(document: &Document) {
    let frame = document.frame;
    for (i, page) in document.pages.iter().enumerate() {
        for row in &page.rows {
            assert!(
                row.top >= frame.top - 0.01 && row.bottom <= frame.bottom + 0.01,
                "page {}: {row:?}",
                i + 1
            );
        }
        for draw in &page.draws {
            if let Draw::Text {
                x,
                size,
                style,
                text,
                ..
            } = draw
            {
                let right = x + lines::width(text.trim_end(), *style, *size);
                assert!(
                    *x >= frame.left - 0.01 && right <= frame.right + 0.01,
                    "page {}: {text:?} ends at {right}",
                    i + 1
                );
            }
        }
    }
}

/// No page ends with a heading, and every heading has something after it
/// on its page.
pub(super) fn assert_no_lonely_heading(document: &Document) {
    for (i, page) in document.pages.iter().enumerate() {
        if let Some(last) = page.rows.last() {
            let next_page_empty = document.pages.get(i + 1).is_none_or(|p| p.rows.is_empty());
            assert!(
                last.kind != RowKind::Heading || next_page_empty,
                "page {} ends with the heading {:?}",
                i + 1,
                last.text
            );
        }
    }
}

fn page_label(document: &Document, i: usize) -> Option<String> {
    document.pages[i].draws.iter().find_map(|d| match d {
        Draw::Text { text, .. } if text.starts_with("Page ") => Some(text.clone()),
        _ => None,
    })
}

#[test]
fn a_word_longer_than_the_line_is_broken_and_nothing_is_lost() {
    let word = "hépato".repeat(40);
    let blocks = vec![Block::Paragraph(text(&format!("Avant {word} après.")))];
    let (handout, document) = laid_out(
        &library(vec![section("long", "Un mot très long", blocks)]),
        Selection::Section("long".into()),
        false,
    );
    assert_inside(&document);
    assert!(body_chars(&document).contains(&squeezed(&word)));
    assert_eq!(body_chars(&document), squeezed(&handout.to_text()));
}

#[test]
fn an_empty_section_still_gets_its_heading() {
    let empty = Section {
        summary: RichText::default(),
        ..section("empty", "Une section vide", Vec::new())
    };
    let (_, document) = laid_out(
        &library(vec![empty]),
        Selection::Section("empty".into()),
        false,
    );
    assert_eq!(document.pages.len(), 1);
    assert!(
        document.pages[0]
            .rows
            .iter()
            .any(|r| r.kind == RowKind::Heading && r.text == "Une section vide")
    );
    assert_eq!(page_label(&document, 0).as_deref(), Some("Page 1 / 1"));
}

#[test]
fn a_hundred_page_section_breaks_cleanly_and_is_numbered() {
    let paragraph = "La résistance est un mot qui revient souvent dans ces pages. ".repeat(12);
    let mut blocks = Vec::new();
    for i in 0..400 {
        blocks.push(Block::Paragraph(text(&paragraph)));
        if i % 7 == 0 {
            blocks.push(Block::List(vec![
                text("Un point."),
                text("Un autre point, un peu plus long."),
            ]));
        }
        if i % 11 == 0 {
            blocks.push(Block::Callout {
                kind: CalloutKind::Important,
                text: text(&paragraph),
            });
        }
    }
    let (handout, document) = laid_out(
        &library(vec![section("huge", "Une très longue section", blocks)]),
        Selection::Section("huge".into()),
        false,
    );
    let n = document.pages.len();
    assert!(n >= 100, "{n} pages");
    assert_inside(&document);
    assert_no_lonely_heading(&document);
    for i in 0..n {
        assert_eq!(
            page_label(&document, i),
            Some(format!("Page {} / {n}", i + 1))
        );
        assert!(
            !document.pages[i].rows.is_empty(),
            "page {} is empty",
            i + 1
        );
    }
    assert_eq!(body_chars(&document), squeezed(&handout.to_text()));
}

#[test]
fn every_character_of_the_content_is_drawn_with_a_glyph_of_its_font() {
    for lang in Lang::ALL {
        let library = shipped(lang);
        assert_eq!(library.tabs.len(), 4, "{lang}");
        let (handout, document) = laid_out(&library, Selection::All, false);
        let txt = handout.to_text();
        // The body holds the text's characters in order (the cover's are
        // drawn on the cover, outside the body rows).
        let cover_lines = txt.split("\n\n").next().unwrap_or_default();
        let body = squeezed(&txt[cover_lines.len()..]);
        let drawn = body_chars(&document);
        assert!(
            drawn.ends_with(&body),
            "{lang}: the body differs from the text export"
        );
        // Before the body: the table of contents.
        assert!(drawn.len() > body.len());
        for page in &document.pages {
            for draw in &page.draws {
                if let Draw::Text { style, text, .. } = draw {
                    for c in text.chars() {
                        let face = style.face().map(|f| f.glyph_index(c).is_some());
                        assert_eq!(
                            face,
                            Some(true),
                            "{lang}: {c:?} ({:04X}) has no glyph in {style:?}",
                            c as u32
                        );
                    }
                }
            }
        }
        assert_inside(&document);
        assert_no_lonely_heading(&document);
    }
}

#[test]
fn the_contents_give_each_headings_page() {
    let (_, document) = laid_out(&shipped(Lang::Fr), Selection::All, false);
    let contents = &document.pages[1];
    let mut checked = 0;
    for entry in contents.rows.iter().filter(|r| r.kind == RowKind::Contents) {
        // Entries on one line end with their page number.
        let Some((title, page)) = entry.text.rsplit_once(' ') else {
            continue;
        };
        let Ok(page) = page.parse::<usize>() else {
            continue;
        };
        let Some(target) = document.outline.iter().find(|o| o.title == title) else {
            continue;
        };
        assert_eq!(target.page + 1, page, "{title}");
        checked += 1;
    }
    assert!(checked >= 4 * 6 + 2, "{checked} entries checked");
}

#[test]
fn the_cover_has_no_header_and_the_others_are_numbered() {
    let (handout, document) = laid_out(&shipped(Lang::En), Selection::All, false);
    let n = document.pages.len();
    assert_eq!(page_label(&document, 0), None);
    for i in 1..n {
        assert_eq!(
            page_label(&document, i),
            Some(format!("Page {} / {n}", i + 1))
        );
        let header = document.pages[i]
            .draws
            .iter()
            .any(|d| matches!(d, Draw::Text { text, .. } if *text == handout.title));
        assert!(header, "page {} has no header", i + 1);
    }
}

#[test]
fn large_print_uses_16_point_text_on_more_pages() {
    let library = shipped(Lang::Fr);
    let (_, normal) = laid_out(&library, Selection::Tab("liver".into()), false);
    let (_, large) = laid_out(&library, Selection::Tab("liver".into()), true);
    let body_sizes = |d: &Document| -> Vec<f32> {
        d.pages
            .iter()
            .flat_map(|p| p.draws.iter())
            .filter_map(|d| match d {
                Draw::Text {
                    size,
                    style: Style::Regular,
                    ..
                } => Some(*size),
                _ => None,
            })
            .collect()
    };
    assert!(body_sizes(&normal).contains(&12.0));
    assert!(body_sizes(&large).contains(&16.0));
    assert!(
        body_sizes(&large).iter().all(|&s| s >= 12.0),
        "large print has small text"
    );
    assert!(large.pages.len() > normal.pages.len());
    assert_inside(&large);
    assert_no_lonely_heading(&large);
}

#[test]
fn the_questions_sheet_has_lines_to_write_on_and_fills_its_page() {
    let library = shipped(Lang::Fr);
    let ids = vec!["why-stopped".to_string(), "clinical-trial".to_string()];
    let (_, document) = laid_out(&library, Selection::Questions(ids), false);
    assert_eq!(document.pages.len(), 1);
    let rows = &document.pages[0].rows;
    let writing = rows.iter().filter(|r| r.kind == RowKind::Writing).count();
    assert!(writing >= 2 * 3 + 3, "{writing} ruled lines");
    let last = rows.last().map_or(0.0, |r| r.bottom);
    assert!(
        document.frame.bottom - last < 3.0 * document.theme.writing_line,
        "the page is not filled"
    );
    assert!(rows.iter().any(|r| r.text.starts_with("1. Pourquoi")));
}

#[test]
fn the_outline_follows_reading_order() {
    let (handout, document) = laid_out(&shipped(Lang::Fr), Selection::Tab("basics".into()), false);
    let titles: Vec<&str> = document.outline.iter().map(|o| o.title.as_str()).collect();
    let expected: Vec<&str> = handout
        .flow
        .iter()
        .filter_map(|i| match i {
            crate::handout::Item::Heading {
                text,
                outline: Some(_),
                ..
            } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(titles, expected);
    let pages: Vec<(usize, f32)> = document.outline.iter().map(|o| (o.page, o.top)).collect();
    assert!(pages.windows(2).all(|w| w[0] <= w[1]), "{pages:?}");
}

fn arbitrary_section() -> impl Strategy<Value = (String, Vec<(u8, usize)>)> {
    (
        "[A-Za-zéè]{3,12}( [a-zéè]{2,10}){0,8}",
        prop::collection::vec((0u8..4, 1usize..60), 0..14),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn headings_never_end_a_page(sections in prop::collection::vec(arbitrary_section(), 1..10), large in any::<bool>()) {
        let word = "traitement ";
        let sections: Vec<Section> = sections
            .into_iter()
            .enumerate()
            .map(|(i, (title, blocks))| {
                let blocks = blocks
                    .into_iter()
                    .map(|(kind, words)| {
                        let body = text(&word.repeat(words));
                        match kind {
                            0 => Block::Paragraph(body),
                            1 => Block::List(vec![body.clone(), body]),
                            2 => Block::Callout { kind: CalloutKind::ToDo, text: body },
                            _ => Block::Paragraph(text(&word.repeat(words * 5))),
                        }
                    })
                    .collect();
                section(&format!("s{i}"), &title, blocks)
            })
            .collect();
        let (_, document) = laid_out(&library(sections), Selection::Tab("basics".into()), large);
        assert_inside(&document);
        assert_no_lonely_heading(&document);
    }
}

#[test]
fn a_long_clinic_name_is_wrapped_on_the_cover_not_cut() {
    let clinic = "Institut de cancérologie de l’Ouest — site René Gauducheau, boulevard Jacques Monod, Saint-Herblain";
    let options = Options {
        clinic: Some(clinic.to_string()),
        ..options(true)
    };
    let handout = handout::build(&shipped(Lang::Fr), &Selection::All, &options)
        .unwrap_or_else(|e| panic!("{e}"));
    let document = handout.layout();
    let cover: String = document.pages[0]
        .draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(squeezed(&cover).contains(&squeezed(clinic)), "{cover}");
    assert_inside(&document);
}
