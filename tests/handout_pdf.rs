//! The PDF handouts read back, as a viewer and a printer see them: the
//! words of the plain-text export in order with their accents, A4 pages,
//! embedded subset fonts, metadata, language and outline, and a clean
//! `qpdf --check`. Tests that need poppler's `pdftotext` or `qpdf` print
//! `SKIPPED: <reason>` when the tool is missing.

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use chrono::TimeZone;
use lopdf::{Dictionary, Document, Object};
use patient_info::Lang;
use patient_info::content::{self, ContentSource, Library};
use patient_info::export::{self, Existing, Format};
use patient_info::handout::{self, Handout, Item, Options, Pdf, Selection};

fn library(lang: Lang) -> Library {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    content::load(&ContentSource::Embedded, lang, today).library
}

fn options(large_print: bool, clinic: Option<&str>) -> Options {
    let printed_at = chrono::FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 29, 10, 5, 0).single())
        .unwrap_or_else(|| chrono::Local::now().fixed_offset());
    Options {
        large_print,
        clinic: clinic.map(str::to_string),
        clinic_phone: clinic.map(|_| "04 78 78 28 28".to_string()),
        printed_at,
    }
}

/// Every kind of handout, in both languages and both print sizes.
fn cases() -> Vec<(Lang, Selection, bool)> {
    let selections = [
        Selection::Section("what-is-it".to_string()),
        Selection::Tab("treatments".to_string()),
        Selection::Questions(vec![
            "why-stopped".into(),
            "liver-state".into(),
            "clinical-trial".into(),
        ]),
        Selection::All,
    ];
    let mut cases = Vec::new();
    for lang in Lang::ALL {
        for selection in &selections {
            for large in [false, true] {
                cases.push((lang, selection.clone(), large));
            }
        }
    }
    cases
}

/// One handout, rendered.
struct Case {
    lang: Lang,
    selection: Selection,
    large: bool,
    handout: Handout,
    pdf: Pdf,
}

impl Case {
    fn name(&self) -> String {
        format!("{} {:?} large={}", self.lang, self.selection, self.large)
    }
}

/// Every case rendered once for all the tests.
fn rendered() -> &'static [Case] {
    static RENDERED: OnceLock<Vec<Case>> = OnceLock::new();
    RENDERED.get_or_init(|| {
        cases()
            .into_iter()
            .map(|(lang, selection, large)| {
                let (handout, pdf) = render(lang, &selection, large);
                Case {
                    lang,
                    selection,
                    large,
                    handout,
                    pdf,
                }
            })
            .collect()
    })
}

fn render(lang: Lang, selection: &Selection, large: bool) -> (Handout, Pdf) {
    let handout = match handout::build(
        &library(lang),
        selection,
        &options(large, Some("Centre Léon Bérard")),
    ) {
        Ok(h) => h,
        Err(e) => panic!("{selection:?}: {e}"),
    };
    match handout.to_pdf() {
        Ok(pdf) => (handout, pdf),
        Err(e) => panic!("{selection:?}: {e}"),
    }
}

fn load(bytes: &[u8]) -> Document {
    match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(e) => panic!("lopdf cannot read the PDF: {e}"),
    }
}

/// Whether a command-line tool is installed; prints why a test is skipped
/// when it is not.
fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("-v").output().is_ok();
    if !found {
        eprintln!("SKIPPED: `{name}` is not installed (apt-get install poppler-utils qpdf)");
    }
    found
}

fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output();
    match out {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).into_owned(),
        Ok(out) => panic!("pdftotext failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(e) => panic!("pdftotext did not run: {e}"),
    }
}

/// Text without spaces and hyphens: line breaks drop spaces and add
/// hyphens, nothing else may change.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{AD}')
        .collect()
}

/// Every word of `txt` (a token with a letter or digit) appears in
/// `pdf_text`, in the same order, accents included. A figure's
/// « Illustration : » line stands for the drawing, which the PDF draws
/// (its words are the drawing's /Alt, not page text): it is skipped.
fn assert_words_in_order(txt: &str, pdf_text: &str, what: &str) {
    let txt: String = txt
        .lines()
        .filter(|l| !l.starts_with("Illustration\u{a0}: ") && !l.starts_with("Figure: "))
        .map(|l| format!("{l}\n"))
        .collect();
    let txt = txt.as_str();
    let haystack = squeezed(pdf_text);
    let mut from = 0;
    let words: Vec<&str> = txt
        .split(|c: char| c.is_whitespace())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    assert!(words.len() > 20, "{what}: only {} words", words.len());
    for (i, word) in words.iter().enumerate() {
        let needle = squeezed(word);
        match haystack[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => {
                let context = words[i.saturating_sub(5)..(i + 5).min(words.len())].join(" ");
                panic!("{what}: word {i} {word:?} is missing or out of order (near « {context} »)");
            }
        }
    }
}

fn text_of(object: &Object) -> String {
    match object {
        Object::String(bytes, _) => match bytes.strip_prefix(&[0xFE, 0xFF]) {
            Some(utf16) => {
                let units: Vec<u16> = utf16
                    .chunks_exact(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16_lossy(&units)
            }
            None => bytes.iter().map(|&b| char::from(b)).collect(),
        },
        _ => String::new(),
    }
}

fn dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

fn info(doc: &Document) -> Dictionary {
    doc.trailer
        .get(b"Info")
        .ok()
        .and_then(|o| dict(doc, o))
        .cloned()
        .unwrap_or_default()
}

/// The outline's titles, depth first, with their depth.
fn outline(doc: &Document) -> Vec<(usize, String)> {
    fn walk(doc: &Document, first: Option<&Object>, depth: usize, out: &mut Vec<(usize, String)>) {
        let mut next = first.and_then(|o| dict(doc, o));
        while let Some(item) = next {
            out.push((depth, item.get(b"Title").map(text_of).unwrap_or_default()));
            walk(doc, item.get(b"First").ok(), depth + 1, out);
            next = item.get(b"Next").ok().and_then(|o| dict(doc, o));
        }
    }
    let mut out = Vec::new();
    let root = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Outlines").ok())
        .and_then(|o| dict(doc, o));
    walk(doc, root.and_then(|r| r.get(b"First").ok()), 0, &mut out);
    out
}

/// (BaseFont, has an embedded font program) of every composite font.
fn fonts(doc: &Document) -> Vec<(String, bool)> {
    let mut found = Vec::new();
    for object in doc.objects.values() {
        let Object::Dictionary(d) = object else {
            continue;
        };
        if d.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"Font".as_slice()) {
            continue;
        }
        if d.get(b"Subtype").ok().and_then(|t| t.as_name().ok()) != Some(b"Type0".as_slice()) {
            continue;
        }
        let name = d
            .get(b"BaseFont")
            .ok()
            .and_then(|n| n.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned());
        let descendant = match d.get(b"DescendantFonts") {
            Ok(Object::Array(a)) => a.first().and_then(|o| dict(doc, o)),
            Ok(Object::Reference(id)) => match doc.get_object(*id) {
                Ok(Object::Array(a)) => a.first().and_then(|o| dict(doc, o)),
                _ => None,
            },
            _ => None,
        };
        let embedded = descendant
            .and_then(|f| f.get(b"FontDescriptor").ok())
            .and_then(|o| dict(doc, o))
            .is_some_and(|fd| fd.has(b"FontFile2") || fd.has(b"FontFile3"));
        found.push((name.unwrap_or_default(), embedded));
    }
    found
}

/// The headings the outline must list, in reading order.
fn expected_outline(handout: &Handout) -> Vec<String> {
    let mut titles: Vec<String> = handout.contents.iter().cloned().collect();
    titles.extend(handout.flow.iter().filter_map(|item| match item {
        Item::Heading {
            text,
            outline: Some(_),
            ..
        } => Some(text.clone()),
        _ => None,
    }));
    titles
}

#[test]
fn every_word_of_the_text_export_is_in_the_pdf_in_order_with_its_accents() {
    if !tool("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for case in rendered() {
        let path = dir.path().join("handout.pdf");
        let _ = std::fs::write(&path, &case.pdf.bytes);
        let text = pdftotext(&path);
        assert_words_in_order(
            &case.handout.to_text(),
            &text,
            &format!("pdftotext: {}", case.name()),
        );
    }
    // Accents survive as such, not as look-alikes.
    let (_, pdf) = render(Lang::Fr, &Selection::Section("what-is-it".into()), false);
    let path = dir.path().join("accents.pdf");
    let _ = std::fs::write(&path, &pdf.bytes);
    let text = pdftotext(&path);
    for word in [
        "résistance",
        "Qu’est-ce",
        "thérapies",
        "équipe",
        "L’essentiel",
        "À retenir",
    ] {
        assert!(text.contains(word), "{word} is not in the PDF text");
    }
}

#[test]
fn lopdf_reads_the_same_words_back() {
    for case in rendered() {
        let doc = load(&case.pdf.bytes);
        let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
        let text = doc.extract_text(&numbers).unwrap_or_else(|e| panic!("{e}"));
        assert_words_in_order(
            &case.handout.to_text(),
            &text,
            &format!("lopdf: {}", case.name()),
        );
    }
}

#[test]
fn pages_are_a4_and_counted() {
    for case in rendered() {
        let doc = load(&case.pdf.bytes);
        let pages = doc.get_pages();
        assert_eq!(pages.len(), case.pdf.pages, "{}", case.name());
        for id in pages.values() {
            let page = doc.get_dictionary(*id).unwrap_or_else(|e| panic!("{e}"));
            let media: Vec<f32> = match page.get(b"MediaBox") {
                Ok(Object::Array(a)) => a.iter().filter_map(|o| o.as_float().ok()).collect(),
                _ => Vec::new(),
            };
            assert_eq!(media.len(), 4);
            assert!(
                (media[2] - 595.28).abs() < 0.5 && (media[3] - 841.89).abs() < 0.5,
                "{media:?} is not A4"
            );
        }
    }
    let pages = |selection: Selection| render(Lang::Fr, &selection, false).1.pages;
    assert_eq!(pages(Selection::Questions(vec!["why-stopped".into()])), 1);
    assert!((1..=3).contains(&pages(Selection::Section("what-is-it".into()))));
    assert!((15..=40).contains(&pages(Selection::All)));
}

#[test]
fn fonts_are_embedded_and_subset_so_files_stay_small() {
    for case in rendered() {
        let doc = load(&case.pdf.bytes);
        let fonts = fonts(&doc);
        assert!(!fonts.is_empty(), "no font in {}", case.name());
        for (name, embedded) in &fonts {
            let (tag, rest) = name.split_at(name.find('+').unwrap_or(0));
            assert!(
                tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
                "{name} is not a subset"
            );
            assert!(rest.contains("AtkinsonHyperlegible"), "{name}");
            assert!(embedded, "{name} is not embedded");
        }
        let limit = match case.selection {
            Selection::All => 250_000,
            _ => 100_000,
        };
        assert!(
            case.pdf.bytes.len() < limit,
            "{} is {} bytes",
            case.name(),
            case.pdf.bytes.len()
        );
    }
}

#[test]
fn metadata_gives_title_author_subject_date_and_language() {
    for lang in Lang::ALL {
        let (handout, pdf) = render(lang, &Selection::Tab("basics".into()), false);
        let doc = load(&pdf.bytes);
        let info = info(&doc);
        let get = |key: &[u8]| info.get(key).map(text_of).unwrap_or_default();
        assert_eq!(get(b"Title"), handout.title);
        assert_eq!(get(b"Author"), "Centre Léon Bérard");
        assert!(get(b"Subject").len() > 10);
        assert_eq!(get(b"CreationDate"), "D:20261129100500+01'00'");
        let catalog = doc.catalog().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            catalog.get(b"Lang").map(text_of).ok().as_deref(),
            Some(lang.tag())
        );
        let display_title = catalog
            .get(b"ViewerPreferences")
            .ok()
            .and_then(|o| dict(&doc, o))
            .and_then(|v| v.get(b"DisplayDocTitle").ok())
            .and_then(|b| b.as_bool().ok());
        assert_eq!(display_title, Some(true));
        let xmp = catalog
            .get(b"Metadata")
            .ok()
            .and_then(|o| o.as_reference().ok())
            .and_then(|id| doc.get_object(id).ok())
            .and_then(|o| o.as_stream().ok())
            .map(|s| String::from_utf8_lossy(&s.content).into_owned())
            .unwrap_or_default();
        assert!(
            xmp.contains(&format!("<rdf:li>{}</rdf:li>", lang.tag())),
            "{xmp}"
        );
    }
    // Without a clinic, the program signs.
    let handout = handout::build(&library(Lang::Fr), &Selection::All, &options(false, None));
    let pdf = handout
        .and_then(|h| h.to_pdf())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        info(&load(&pdf.bytes))
            .get(b"Author")
            .map(text_of)
            .ok()
            .as_deref(),
        Some("patient-info")
    );
}

#[test]
fn the_outline_lists_the_headings_in_reading_order() {
    for case in rendered() {
        let doc = load(&case.pdf.bytes);
        let outline = outline(&doc);
        let titles: Vec<String> = outline.iter().map(|(_, t)| t.clone()).collect();
        assert_eq!(titles, expected_outline(&case.handout), "{}", case.name());
        if case.selection == Selection::All {
            // Sections sit under their tab.
            let nested = outline.iter().filter(|(depth, _)| *depth == 1).count();
            assert!(nested >= 4 * 6, "{nested} sections nested under tabs");
        }
    }
}

#[test]
fn qpdf_finds_nothing_wrong_in_any_exported_file() {
    if !tool("qpdf") {
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for case in rendered() {
        let name =
            export::default_file_name(&case.handout.title, case.lang, case.large, Format::Pdf);
        let path = export::save(&case.pdf.bytes, &dir.path().join(name), Existing::Refuse)
            .unwrap_or_else(|e| panic!("{e}"));
        let out = Command::new("qpdf")
            .arg("--check")
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}: {report}{}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            report.contains("No syntax or stream encoding errors"),
            "{report}"
        );
    }
}

#[test]
fn the_text_export_is_plain_utf8_in_reading_order() {
    let library = library(Lang::Fr);
    let text = handout::render_text(
        &library,
        &Selection::Tab("basics".into()),
        &options(false, None),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let tab = library
        .tab("basics")
        .unwrap_or_else(|| panic!("no basics tab"));
    let mut from = 0;
    for title in std::iter::once(&tab.title).chain(tab.sections.iter().map(|s| &s.title)) {
        let at = text[from..]
            .find(title.as_str())
            .unwrap_or_else(|| panic!("{title} missing or out of order"));
        from += at + title.len();
    }
    assert!(text.contains("L’essentiel\u{a0}:\n"));
    assert!(text.contains("Les mots à connaître"));
    assert!(text.contains("ne remplace pas l’avis de votre équipe soignante"));
    assert!(
        !text.contains('*') && !text.contains("[["),
        "marks leaked into the text"
    );
}
