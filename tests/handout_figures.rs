//! Figures on paper and in the text export: the booklet's PDF holds each
//! figure as vector paths (no image XObject anywhere), inside /Figure
//! structure elements that carry the alt text (read back with lopdf and
//! poppler's `pdfinfo -struct`), passes `qpdf --check`; the text export
//! says « Illustration : <alt> » where each figure is. Tests that need a
//! tool print `SKIPPED: <reason>` without it.

use std::process::Command;

use chrono::TimeZone;
use lopdf::{Document, Object};
use patient_info::Lang;
use patient_info::content::{self, Block, ContentSource, Library};
use patient_info::handout::{self, Handout, Options, Pdf, Selection};

fn library(lang: Lang) -> Library {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    content::load(&ContentSource::Embedded, lang, today).library
}

fn render(lang: Lang, selection: &Selection, large: bool) -> (Handout, Pdf) {
    let printed_at = chrono::FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 29, 10, 5, 0).single())
        .unwrap_or_else(|| chrono::Local::now().fixed_offset());
    let options = Options {
        large_print: large,
        clinic: None,
        clinic_phone: None,
        printed_at,
    };
    let handout =
        handout::build(&library(lang), selection, &options).unwrap_or_else(|e| panic!("{e}"));
    let pdf = handout.to_pdf().unwrap_or_else(|e| panic!("{e}"));
    (handout, pdf)
}

/// The alt texts of the library's figures, in reading order.
fn alts(lang: Lang) -> Vec<String> {
    library(lang)
        .tabs
        .iter()
        .flat_map(|t| &t.sections)
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Figure(f) => Some(f.alt.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_booklet_draws_each_figure_as_paths_and_holds_no_image() {
    let (_, pdf) = render(Lang::Fr, &Selection::All, false);
    let doc = Document::load_mem(&pdf.bytes).unwrap_or_else(|e| panic!("{e}"));
    // No image XObject anywhere in the file.
    for object in doc.objects.values() {
        if let Ok(stream) = object.as_stream() {
            let subtype = stream
                .dict
                .get(b"Subtype")
                .ok()
                .and_then(|s| s.as_name().ok());
            assert_ne!(subtype, Some(&b"Image"[..]), "an image XObject");
        }
    }
    // Each figure is a /Figure marked-content sequence holding curves
    // (`c`) and filled or stroked paths.
    let mut figures = 0;
    for (_, page) in doc.get_pages() {
        let content = doc
            .get_and_decode_page_content(page)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut inside = false;
        let mut curves = 0;
        let mut paints = 0;
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" if op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Figure") => {
                    inside = true;
                    curves = 0;
                    paints = 0;
                }
                "EMC" if inside => {
                    inside = false;
                    assert!(curves > 0 && paints > 0, "a figure without curves");
                    figures += 1;
                }
                "c" if inside => curves += 1,
                "f" | "f*" | "S" | "B" | "b" if inside => paints += 1,
                "Do" | "BI" if inside => panic!("an image inside a figure"),
                _ => {}
            }
        }
    }
    assert_eq!(figures, alts(Lang::Fr).len());
    assert!(figures >= 5);
}

#[test]
fn each_figure_is_a_structure_element_with_its_alt_text() {
    let (_, pdf) = render(Lang::En, &Selection::All, false);
    let doc = Document::load_mem(&pdf.bytes).unwrap_or_else(|e| panic!("{e}"));
    let mut found = Vec::new();
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"S").ok().and_then(|s| s.as_name().ok()) == Some(b"Figure")
        {
            let alt = match dict.get(b"Alt") {
                Ok(Object::String(bytes, _)) => decode(bytes),
                other => panic!("a /Figure without /Alt: {other:?}"),
            };
            found.push(alt);
        }
    }
    for alt in alts(Lang::En) {
        assert!(
            found.contains(&alt),
            "no /Figure with /Alt {alt:?} in {found:?}"
        );
    }
    // poppler reads the same tree.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("booklet.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap_or_else(|e| panic!("{e}"));
    match Command::new("pdfinfo").arg("-struct").arg(&path).output() {
        Err(_) => println!("SKIPPED: pdfinfo (poppler-utils) is not installed"),
        Ok(out) => {
            assert!(out.status.success());
            let tree = String::from_utf8_lossy(&out.stdout);
            let n = tree
                .lines()
                .filter(|l| l.trim_start().starts_with("Figure"))
                .count();
            assert_eq!(n, alts(Lang::En).len(), "{tree}");
        }
    }
    match Command::new("qpdf").arg("--check").arg(&path).output() {
        Err(_) => println!("SKIPPED: qpdf is not installed"),
        Ok(out) => assert!(
            out.status.success(),
            "qpdf --check: {}",
            String::from_utf8_lossy(&out.stdout)
        ),
    }
}

/// PDF text strings: UTF-16BE with a byte-order mark, or PDFDocEncoding
/// (ASCII here).
fn decode(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

#[test]
fn figures_are_larger_in_large_print() {
    let height = |large: bool| {
        let (handout, _) = render(Lang::Fr, &Selection::Section("mixed-cells".into()), large);
        let doc = handout.layout();
        doc.pages
            .iter()
            .flat_map(|p| &p.draws)
            .find_map(|d| match d {
                handout::layout::Draw::Figure { width, height, .. } => Some((*width, *height)),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no figure drawn"))
    };
    let (w, h) = height(false);
    let (lw, lh) = height(true);
    assert!(lw > w && lh > h, "{w}x{h} then {lw}x{lh}");
}

#[test]
fn the_text_export_says_what_each_figure_shows_in_reading_order() {
    for (lang, word) in [(Lang::Fr, "Illustration\u{a0}: "), (Lang::En, "Figure: ")] {
        let (handout, _) = render(lang, &Selection::All, false);
        let text = handout.to_text();
        let mut from = 0;
        for alt in alts(lang) {
            let line = format!("{word}{alt}");
            let at = text[from..]
                .find(&line)
                .unwrap_or_else(|| panic!("{lang:?}: no line {line:?} after byte {from}"));
            from += at + line.len();
        }
    }
    // The figure's line sits right after the paragraph it illustrates.
    let (handout, _) = render(Lang::En, &Selection::Section("mixed-cells".into()), false);
    let text = handout.to_text();
    let para = text
        .find("A treatment can kill")
        .unwrap_or_else(|| panic!("{text}"));
    let figure = text
        .find("Figure: Three stages")
        .unwrap_or_else(|| panic!("{text}"));
    let between = &text[para..figure];
    assert_eq!(between.matches("\n\n").count(), 1, "{between:?}");
}
