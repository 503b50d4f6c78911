//! Paper that is not wasted and that low-vision readers can read: one page
//! per section whenever its text can, the questions sheet on one filled
//! page, type sizes, glossary words in bold, the cover and the phone on
//! the last page.

use super::tests::{
    assert_inside, assert_no_lonely_heading, body_chars, laid_out, shipped, squeezed,
};
use super::*;
use crate::Lang;
use crate::handout::{self, Options, Selection};

fn texts(document: &Document, page: usize) -> Vec<(String, f32, Style, Tag)> {
    document.pages[page]
        .draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text {
                text,
                size,
                style,
                tag,
                ..
            } => Some((text.clone(), *size, *style, *tag)),
            _ => None,
        })
        .collect()
}

fn page_text(document: &Document, page: usize) -> String {
    texts(document, page)
        .into_iter()
        .map(|(t, ..)| t)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn most_french_sections_fit_one_page_and_none_loses_a_word() {
    for lang in Lang::ALL {
        let library = shipped(lang);
        let mut counts = Vec::new();
        for tab in &library.tabs {
            for section in &tab.sections {
                let (handout, document) =
                    laid_out(&library, Selection::Section(section.id.clone()), false);
                assert_inside(&document);
                assert_no_lonely_heading(&document);
                // The section's whole text is on its pages, in order.
                assert_eq!(
                    body_chars(&document),
                    squeezed(&handout.to_text()),
                    "{lang} {}",
                    section.id
                );
                assert!(
                    document.page_count() <= 2,
                    "{lang} {} takes {} pages",
                    section.id,
                    document.page_count()
                );
                // Closer spacing only when it saves the second page, and
                // never smaller type or cramped lines.
                let theme = document.theme;
                if theme.spacing < 1.0 {
                    assert_eq!(document.page_count(), 1, "{lang} {}", section.id);
                    let usual = Theme::new(false);
                    assert!(theme.leading >= 1.3 && theme.spacing >= 0.5, "{theme:?}");
                    assert_eq!((theme.body, theme.small), (usual.body, usual.small));
                    assert!(theme.figure >= 0.8 * usual.figure, "{theme:?}");
                } else {
                    assert_eq!(theme, Theme::new(false), "{lang} {}", section.id);
                }
                let runs = (0..document.page_count()).flat_map(|p| texts(&document, p));
                assert!(runs.map(|r| r.1).all(|size| size >= 10.0), "{}", section.id);
                counts.push((section.id.clone(), document.page_count()));
            }
        }
        let one = counts.iter().filter(|(_, n)| *n == 1).count();
        eprintln!(
            "{lang}: {one} of {} sections on one page: {counts:?}",
            counts.len()
        );
        let sections: usize = library.tabs.iter().map(|t| t.sections.len()).sum();
        assert_eq!(counts.len(), sections, "{lang}");
        if lang == Lang::Fr {
            // Issue 16: at least three in four (21 of 27 since figures:
            // cirrhosis, immunotherapy, targeted, and three sections with
            // a figure keep two).
            assert!(
                4 * one >= 3 * counts.len(),
                "{one} of {} on one page: {counts:?}",
                counts.len()
            );
        }
    }
}

#[test]
fn only_a_section_that_would_spill_is_set_closer() {
    let library = shipped(Lang::Fr);
    let usual = Theme::new(false);
    // « genetic » fits with room to spare; « research » fits only with
    // closer spacing, its text at the usual sizes; « mixed-cells » needs
    // the last step, its figure a fifth narrower; tabs, the booklet and
    // the questions sheet keep the usual spacing whatever their length.
    let theme = |selection: Selection| laid_out(&library, selection, false).1.theme;
    assert_eq!(theme(Selection::Section("genetic".into())), usual);
    let research = theme(Selection::Section("research".into()));
    assert!(research.spacing < 1.0, "{research:?}");
    assert_eq!(research.figure, usual.figure);
    let (_, mixed) = laid_out(&library, Selection::Section("mixed-cells".into()), false);
    assert_eq!(mixed.page_count(), 1);
    assert!(mixed.theme.figure < usual.figure, "{:?}", mixed.theme);
    let drawn: Vec<f32> = mixed.pages[0]
        .draws
        .iter()
        .filter_map(|d| match d {
            Draw::Figure { width, .. } => Some(*width),
            _ => None,
        })
        .collect();
    let column = Frame::a4().width();
    assert_eq!(drawn.len(), 1);
    assert!(
        (drawn[0] - 0.8 * usual.figure * column).abs() < 0.5,
        "{drawn:?}"
    );
    for selection in [
        Selection::Tab("liver".into()),
        Selection::All,
        Selection::Questions(vec!["why-stopped".into()]),
    ] {
        assert_eq!(theme(selection), usual);
    }
}

#[test]
fn a_section_on_two_pages_keeps_the_closing_reminder_with_its_last_block() {
    let library = shipped(Lang::Fr);
    for tab in &library.tabs {
        for section in &tab.sections {
            let (_, document) = laid_out(&library, Selection::Section(section.id.clone()), true);
            let last = document.pages.last().map(|p| &p.rows);
            let rows = last.map_or(0, |r| r.len());
            let boxed_only = last.is_some_and(|r| r.iter().all(|r| r.kind == RowKind::Boxed));
            assert!(
                rows > 0 && !(boxed_only && document.page_count() > 1),
                "{}: the last page holds only the closing reminder",
                section.id
            );
        }
    }
}

#[test]
fn the_questions_sheet_is_one_filled_page_with_name_date_and_appointment_at_the_top() {
    let library = shipped(Lang::Fr);
    let all: Vec<String> = library.questions.iter().map(|q| q.id.clone()).collect();
    for n in 1..=all.len() {
        let ids = all[..n].to_vec();
        let (handout, document) = laid_out(&library, Selection::Questions(ids), false);
        let first = &document.pages[0].rows;
        let top: Vec<&str> = first
            .iter()
            .map(|r| r.text.as_str())
            .filter(|t| !t.is_empty())
            .take(3)
            .collect();
        assert_eq!(
            top[1..],
            ["Nom\u{a0}:", "Date\u{a0}: Prochain rendez-vous\u{a0}:"]
        );
        // No page is ruled lines only.
        for (i, page) in document.pages.iter().enumerate() {
            assert!(
                page.rows.iter().any(|r| r.kind != RowKind::Writing),
                "{n} questions: page {} holds only ruled lines",
                i + 1
            );
        }
        // The last page is filled to its bottom (with lines or text), but
        // for less than the heading and the three lines a fill needs.
        let last = document.pages.last().and_then(|p| p.rows.last());
        let bottom = last.map_or(0.0, |r| r.bottom);
        assert!(
            document.frame.bottom - bottom < 5.5 * document.theme.writing_line,
            "{n} questions: the last page ends at {bottom}"
        );
        let drawn = body_chars(&document);
        for item in &handout.flow {
            if let handout::Item::Question { text, .. } = item {
                assert!(drawn.contains(&squeezed(text)), "{text} is not drawn");
            }
        }
        if n <= 6 {
            assert_eq!(document.page_count(), 1, "{n} questions");
        }
    }
}

#[test]
fn large_print_is_16_points_and_the_footer_10_or_12() {
    let library = shipped(Lang::Fr);
    for (large, body, footer) in [(false, 12.0, 10.0), (true, 16.0, 12.0)] {
        let (_, document) = laid_out(&library, Selection::Tab("basics".into()), large);
        for page in 0..document.page_count() {
            let runs = texts(&document, page);
            let page_number = runs.iter().find(|(t, ..)| t.starts_with("Page "));
            assert_eq!(page_number.map(|r| r.1), Some(footer));
            assert!(
                runs.iter().all(|r| r.1 >= footer),
                "small text on page {page}"
            );
            assert!(runs.iter().any(|r| r.1 == body));
        }
    }
}

#[test]
fn glossary_words_are_bold_not_italic() {
    let library = shipped(Lang::Fr);
    let (_, document) = laid_out(&library, Selection::Section("what-is-it".into()), false);
    let runs: Vec<_> = (0..document.page_count())
        .flat_map(|p| texts(&document, p))
        .collect();
    assert!(
        runs.iter()
            .all(|r| r.2 != Style::Italic && r.2 != Style::BoldItalic)
    );
    // « résistance » is a marked glossary word in this section's text.
    assert!(
        runs.iter()
            .any(|(t, _, style, _)| t.contains("résistance") && *style == Style::Bold),
        "{runs:?}"
    );
}

#[test]
fn the_cover_names_the_clinic_its_phone_the_review_and_cancer_info() {
    let library = shipped(Lang::Fr);
    let (_, document) = laid_out(&library, Selection::All, false);
    let cover = page_text(&document, 0);
    for needed in [
        "Clinique des Tests",
        "Téléphone\u{a0}: 04\u{a0}78\u{a0}78\u{a0}28\u{a0}28",
        "0\u{a0}805\u{a0}123\u{a0}124",
        "Remis par\u{a0}:",
    ] {
        assert!(
            squeezed(&cover).contains(&squeezed(needed)),
            "{needed} not on the cover: {cover}"
        );
    }
    assert!(
        cover.contains("relu") || cover.contains("Relu"),
        "no review status: {cover}"
    );
    // Every text of the cover is read, none is an artifact.
    assert!(texts(&document, 0).iter().all(|r| r.3 != Tag::Artifact));
}

#[test]
fn the_last_page_of_every_handout_carries_the_clinics_phone() {
    let library = shipped(Lang::Fr);
    let selections = [
        Selection::Section("what-is-it".into()),
        Selection::Tab("liver".into()),
        Selection::Questions(vec!["why-stopped".into()]),
        Selection::All,
    ];
    for selection in selections {
        for large in [false, true] {
            let (_, document) = laid_out(&library, selection.clone(), large);
            let last = page_text(&document, document.page_count() - 1);
            assert!(
                squeezed(&last).contains(&squeezed("04\u{a0}78\u{a0}78\u{a0}28\u{a0}28")),
                "{selection:?}: {last}"
            );
        }
    }
    // Without a phone, no call line.
    let options = Options {
        clinic_phone: None,
        ..super::tests::options(false)
    };
    let handout = handout::build(&library, &Selection::Section("what-is-it".into()), &options)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!handout.to_text().contains("Appelez"));
}

#[test]
fn page_furniture_is_an_artifact_and_all_body_text_is_tagged() {
    let library = shipped(Lang::En);
    let (_, document) = laid_out(&library, Selection::All, false);
    for page in 1..document.page_count() {
        for (text, _, _, tag) in texts(&document, page) {
            let furniture = text.starts_with("Page ")
                || text.starts_with("Printed on")
                || text == "Liver cancer and treatment resistance"
                || text.contains(" · ");
            assert_eq!(furniture, tag == Tag::Artifact, "page {page}: {text:?}");
            if let Tag::Node(n) = tag {
                assert!(n < document.structure.nodes.len());
            }
        }
    }
}

#[test]
fn the_structure_has_headings_lists_boxes_and_the_contents() {
    let library = shipped(Lang::Fr);
    let (_, document) = laid_out(&library, Selection::All, false);
    let roles: Vec<Role> = document.structure.nodes.iter().map(|n| n.role).collect();
    let count = |role: Role| roles.iter().filter(|&&r| r == role).count();
    assert_eq!(count(Role::Document), 1);
    assert_eq!(count(Role::Toc), 1);
    assert!(count(Role::Toci) >= 4 * 6 + 2);
    assert!(count(Role::H1) >= 7, "cover, contents, tabs, glossary");
    let sections: usize = library.tabs.iter().map(|t| t.sections.len()).sum();
    assert_eq!(
        count(Role::H2),
        sections + 1,
        "the sections and the sources"
    );
    assert!(count(Role::L) > 5 && count(Role::LI) > 20);
    assert_eq!(count(Role::LI), count(Role::Lbl));
    assert_eq!(count(Role::LI), count(Role::LBody));
    assert!(count(Role::Div) >= sections);
    // Read in order: the cover's title, then the contents, then the body.
    let top = document.structure.top();
    let first_h1 = top.iter().position(|&n| roles[n] == Role::H1);
    let toc = top.iter().position(|&n| roles[n] == Role::Toc);
    assert!(first_h1 < toc, "{first_h1:?} {toc:?}");
    let h2 = top.iter().position(|&n| roles[n] == Role::H2);
    assert!(toc < h2);
}

#[test]
fn the_contents_take_one_page_and_never_spill_a_few_lines_onto_another() {
    for lang in Lang::ALL {
        let library = shipped(lang);
        for large in [false, true] {
            let (_, document) = laid_out(&library, Selection::All, large);
            let per_page: Vec<usize> = document
                .pages
                .iter()
                .map(|p| {
                    p.rows
                        .iter()
                        .filter(|r| r.kind == RowKind::Contents)
                        .count()
                })
                .filter(|&n| n > 0)
                .collect();
            // Normal size: one page. Large print, with the second edition's
            // 27 sections: two at most, and no page holding a stray line or
            // two (the nearly blank page the first edition printed).
            let most = if large { 2 } else { 1 };
            assert!(per_page.len() <= most, "{lang} large={large}: {per_page:?}");
            assert!(
                per_page.iter().all(|&n| n >= 5),
                "{lang} large={large}: {per_page:?}"
            );
        }
    }
}
