//! The « Urgent » callout on paper and in the plain-text export, and the
//! review record in the handout's footer: what a patient holds must show
//! the warning signs in red (with a wider bar that survives black and white
//! printing) and say whether a clinician has reviewed the page.

use chrono::{NaiveDate, TimeZone};
use lopdf::content::Content;
use lopdf::{Document, Object};
use patient_info::content::{self, ContentSource, Library};
use patient_info::handout::layout::{Draw, Rgb, palette};
use patient_info::handout::{self, Handout, Options, Selection};
use patient_info::{Block, CalloutKind, Lang};

fn library(lang: Lang) -> Library {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    content::load(&ContentSource::Embedded, lang, today).library
}

fn options() -> Options {
    let printed_at = chrono::FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 12, 1, 10, 5, 0).single())
        .unwrap_or_else(|| chrono::Local::now().fixed_offset());
    Options {
        large_print: false,
        clinic: None,
        clinic_phone: None,
        printed_at,
    }
}

fn built(library: &Library, selection: Selection) -> Handout {
    handout::build(library, &selection, &options()).unwrap_or_else(|e| panic!("{e}"))
}

/// The plain text of the first « Urgent » callout of a section.
fn urgent_text(library: &Library, section: &str) -> String {
    let (_, s) = library
        .section(section)
        .unwrap_or_else(|| panic!("no section {section}"));
    s.blocks
        .iter()
        .find_map(|b| {
            if let Block::Callout {
                kind: CalloutKind::Urgent,
                text,
            } = b
            {
                Some(text.plain())
            } else {
                None
            }
        })
        .unwrap_or_else(|| panic!("{section} has no « Urgent » callout"))
}

fn rects(handout: &Handout) -> Vec<(f32, Rgb)> {
    handout
        .layout()
        .pages
        .iter()
        .flat_map(|p| &p.draws)
        .filter_map(|d| {
            if let Draw::Rect { width, color, .. } = d {
                Some((*width, *color))
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn an_urgent_callout_is_laid_out_red_with_a_wide_bar_and_its_label() {
    for lang in Lang::ALL {
        let library = library(lang);
        let handout = built(&library, Selection::Section("warning-signs".into()));
        let rects = rects(&handout);
        assert!(
            rects.iter().any(|(_, c)| *c == palette::URGENT_TINT),
            "{lang}: no red tint behind the callout"
        );
        let bar = rects
            .iter()
            .filter(|(_, c)| *c == palette::URGENT)
            .map(|(w, _)| *w)
            .fold(0.0, f32::max);
        let usual = rects
            .iter()
            .filter(|(_, c)| *c == palette::TODO)
            .map(|(w, _)| *w)
            .fold(0.0, f32::max);
        assert!(
            bar > usual && usual > 0.0,
            "{lang}: the red bar ({bar}) is not wider than a usual one ({usual})"
        );
        let label = handout.layout().pages.iter().flat_map(|p| &p.draws).any(|d| {
            matches!(d, Draw::Text { text, color, .. } if text.starts_with("Urgent") && *color == palette::URGENT)
        });
        assert!(label, "{lang}: no red « Urgent » label");
    }
}

/// Every fill colour (`rg`) set in the PDF's page content streams.
fn fill_colours(pdf: &[u8]) -> Vec<[f32; 3]> {
    let document = Document::load_mem(pdf).unwrap_or_else(|e| panic!("{e}"));
    let mut colours = Vec::new();
    for page in document.get_pages().values() {
        let bytes = document.get_page_content(*page);
        let content = Content::decode(&bytes).unwrap_or_else(|e| panic!("{e}"));
        for op in content.operations.iter().filter(|op| op.operator == "rg") {
            let rgb: Vec<f32> = op.operands.iter().filter_map(number).collect();
            if let [r, g, b] = rgb.as_slice() {
                colours.push([*r, *g, *b]);
            }
        }
    }
    colours
}

fn number(o: &Object) -> Option<f32> {
    o.as_float().ok()
}

fn close(found: [f32; 3], wanted: Rgb) -> bool {
    let wanted = [wanted.0, wanted.1, wanted.2].map(|c| f32::from(c) / 255.0);
    found.iter().zip(wanted).all(|(a, b)| (a - b).abs() < 0.01)
}

#[test]
fn the_pdf_paints_the_urgent_callout_red() {
    let library = library(Lang::Fr);
    let red = |selection: Selection| {
        let pdf = built(&library, selection)
            .to_pdf()
            .unwrap_or_else(|e| panic!("{e}"));
        let colours = fill_colours(&pdf.bytes);
        (
            colours.iter().any(|c| close(*c, palette::URGENT)),
            colours.iter().any(|c| close(*c, palette::URGENT_TINT)),
        )
    };
    assert_eq!(
        red(Selection::Section("warning-signs".into())),
        (true, true)
    );
    // A section without one has no such red: the check can fail.
    assert_eq!(red(Selection::Section("what-is-it".into())), (false, false));
}

#[test]
fn the_text_export_says_urgent_then_what_to_do() {
    for (lang, section) in [
        (Lang::Fr, "warning-signs"),
        (Lang::En, "warning-signs"),
        (Lang::Fr, "stopped-why"),
        (Lang::En, "stopped-why"),
    ] {
        let library = library(lang);
        let text = built(&library, Selection::Section(section.into())).to_text();
        // The label (« Urgent : ») on its own line, then what to do.
        let body = urgent_text(&library, section);
        let at = text
            .find(&format!("\n{body}\n"))
            .unwrap_or_else(|| panic!("{lang}/{section}: {text}"));
        let label = text[..at].lines().last().unwrap_or_default();
        assert!(label.starts_with("Urgent"), "{lang}/{section}: « {label} »");
        assert!(text.contains("15"), "{lang}/{section}");
    }
}

/// Every footer line of a handout's pages.
fn footers(handout: &Handout) -> Vec<String> {
    let document = handout.layout();
    let bottom = document.frame.bottom;
    document
        .pages
        .iter()
        .flat_map(|p| &p.draws)
        .filter_map(|d| {
            if let Draw::Text { baseline, text, .. } = d {
                (*baseline > bottom).then(|| text.clone())
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn the_footer_says_a_review_is_to_come_until_a_clinician_signs() {
    let unreviewed = library(Lang::Fr);
    let handout = built(&unreviewed, Selection::Tab("treatments".into()));
    let lines = footers(&handout).join("\n");
    assert!(
        lines.contains("Relecture par un soignant à venir"),
        "{lines}"
    );
    assert!(!lines.contains("Relu par"), "{lines}");

    let mut reviewed = library(Lang::Fr);
    for tab in &mut reviewed.tabs {
        tab.meta.review.reviewed_by = Some("Dr Durand, hépatologue".into());
        tab.meta.review.reviewed_on = NaiveDate::from_ymd_opt(2026, 11, 30);
        tab.meta.review.next_review = NaiveDate::from_ymd_opt(2027, 11, 30);
    }
    let handout = built(&reviewed, Selection::Tab("treatments".into()));
    let lines = footers(&handout).join("\n");
    assert!(
        lines.contains("Relu par Dr Durand, hépatologue le 30/11/2026"),
        "{lines}"
    );
    assert!(!lines.contains("à venir"), "{lines}");

    let mut english = library(Lang::En);
    english.tabs[0].meta.review.reviewed_by = Some("Dr Durand".into());
    english.tabs[0].meta.review.reviewed_on = NaiveDate::from_ymd_opt(2026, 11, 30);
    let handout = built(&english, Selection::Tab("basics".into()));
    let lines = footers(&handout).join("\n");
    assert!(
        lines.contains("Reviewed by Dr Durand on 30/11/2026"),
        "{lines}"
    );
}
