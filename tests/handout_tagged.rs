//! The tagged PDF read back by an independent reader, poppler's `pdfinfo`:
//! the structure tree's roles (`-struct`), the booklet's words in reading
//! order inside it (`-struct-text`), page furniture left out as artifacts;
//! and with lopdf: /MarkInfo, /StructParents on every page, the parent
//! tree. Tests that need `pdfinfo` print `SKIPPED: <reason>` without it.

use std::path::Path;
use std::process::Command;

use chrono::TimeZone;
use lopdf::{Document, Object};
use patient_info::Lang;
use patient_info::content::{self, ContentSource};
use patient_info::handout::{self, Handout, Options, Pdf, Selection};

fn render(lang: Lang, selection: &Selection, large: bool) -> (Handout, Pdf) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    let library = content::load(&ContentSource::Embedded, lang, today).library;
    let printed_at = chrono::FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 29, 10, 5, 0).single())
        .unwrap_or_else(|| chrono::Local::now().fixed_offset());
    let options = Options {
        large_print: large,
        clinic: Some("Centre Léon Bérard".to_string()),
        clinic_phone: Some("04 78 78 28 28".to_string()),
        printed_at,
    };
    let handout = handout::build(&library, selection, &options).unwrap_or_else(|e| panic!("{e}"));
    let pdf = handout.to_pdf().unwrap_or_else(|e| panic!("{e}"));
    (handout, pdf)
}

fn have_pdfinfo() -> bool {
    let found = Command::new("pdfinfo").arg("-v").output().is_ok();
    if !found {
        eprintln!("SKIPPED: `pdfinfo` is not installed (apt-get install poppler-utils)");
    }
    found
}

fn pdfinfo(path: &Path, flag: &str) -> String {
    let out = Command::new("pdfinfo")
        .arg(flag)
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("pdfinfo did not run: {e}"));
    assert!(
        out.status.success(),
        "pdfinfo {flag}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The PDF written to a temporary file, and pdfinfo's answer to `flag`.
fn read_back(pdf: &Pdf, flag: &str) -> String {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("handout.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap_or_else(|e| panic!("{e}"));
    pdfinfo(&path, flag)
}

/// The roles of `pdfinfo -struct`, with their depth.
fn roles(tree: &str) -> Vec<(usize, String)> {
    tree.lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('"'))
        .map(|l| {
            let depth = (l.len() - l.trim_start().len()) / 2;
            let role = l.split_whitespace().next().unwrap_or_default().to_string();
            (depth, role)
        })
        .collect()
}

/// The quoted texts of `pdfinfo -struct-text`, in order, joined.
fn struct_text(tree: &str) -> String {
    tree.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('"'))
        .map(|l| l.trim_matches('"'))
        .collect::<Vec<_>>()
        .join("\n")
}

fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// Every word of `txt`, in order, in `text`; and the words are separated
/// in `text` as in `txt` (no two words glued at a line break).
fn assert_words_in_order(txt: &str, text: &str, what: &str) {
    let haystack = squeezed(text);
    let mut from = 0;
    let words: Vec<&str> = txt
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    assert!(words.len() > 20, "{what}: only {} words", words.len());
    for (i, word) in words.iter().enumerate() {
        let needle = squeezed(word);
        match haystack[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("{what}: word {i} {word:?} is missing or out of order"),
        }
    }
    let spaced: std::collections::HashSet<&str> = text.split_whitespace().collect();
    let own: std::collections::HashSet<&str> = txt.split_whitespace().collect();
    for pair in txt.split_whitespace().collect::<Vec<_>>().windows(2) {
        let glued = format!("{}{}", pair[0], pair[1]);
        if pair[0].ends_with('-')
            || !pair[1].chars().all(char::is_alphabetic)
            || own.contains(glued.as_str())
        {
            continue;
        }
        assert!(
            !spaced.contains(&glued.as_str()),
            "{what}: {glued:?} is read as one word"
        );
    }
}

#[test]
fn pdfinfo_reads_a_tagged_document_with_its_roles() {
    if !have_pdfinfo() {
        return;
    }
    let (_, pdf) = render(Lang::Fr, &Selection::All, false);
    let info = read_back(&pdf, "-box");
    assert!(info.contains("Tagged:          yes"), "{info}");
    let tree = read_back(&pdf, "-struct");
    let roles = roles(&tree);
    assert_eq!(roles.first(), Some(&(0, "Document".to_string())), "{tree}");
    let count = |role: &str| roles.iter().filter(|(_, r)| r == role).count();
    for (role, at_least) in [
        ("H1", 7),
        ("H2", 25),
        ("P", 100),
        ("L", 5),
        ("LI", 20),
        ("Lbl", 20),
        ("LBody", 20),
        ("Div", 24),
        ("TOC", 1),
        ("TOCI", 26),
    ] {
        assert!(count(role) >= at_least, "{role}: {} in {tree}", count(role));
    }
    // Lists hold items, items a label and a body; the contents hold entries.
    for (i, (depth, role)) in roles.iter().enumerate() {
        let child = roles.get(i + 1);
        let expect = match role.as_str() {
            "L" => Some("LI"),
            "LI" => Some("Lbl"),
            "TOC" => Some("TOCI"),
            _ => None,
        };
        if let Some(expect) = expect {
            assert_eq!(
                child.map(|(d, r)| (*d, r.as_str())),
                Some((depth + 1, expect)),
                "{role} at line {i}"
            );
        }
    }
}

#[test]
fn the_structure_holds_every_word_in_reading_order_and_no_page_furniture() {
    if !have_pdfinfo() {
        return;
    }
    let selections = [
        Selection::All,
        Selection::Section("what-is-it".into()),
        Selection::Tab("treatments".into()),
        Selection::Questions(vec!["why-stopped".into(), "clinical-trial".into()]),
    ];
    for lang in Lang::ALL {
        for selection in &selections {
            let (handout, pdf) = render(lang, selection, false);
            let tree = read_back(&pdf, "-struct-text");
            let text = struct_text(&tree);
            let what = format!("{lang} {selection:?}");
            // A figure is read from its /Alt (tests/handout_figures.rs),
            // not as the text export's « Illustration : … » line.
            let mut txt = handout.to_text();
            for item in &handout.flow {
                if let handout::Item::Figure { line, .. } = item {
                    txt = txt.replacen(line.as_str(), "", 1);
                }
            }
            assert_words_in_order(&txt, &text, &what);
            // Header, footer and page numbers are artifacts.
            assert!(
                !text.contains(" / "),
                "{what}: a page number is read: {text}"
            );
            let printed = match lang {
                Lang::Fr => "Imprimé le",
                Lang::En => "Printed on",
            };
            let expected = usize::from(*selection == Selection::All);
            assert_eq!(text.matches(printed).count(), expected, "{what}");
        }
    }
}

#[test]
fn the_catalog_marks_the_document_and_every_page_points_into_the_parent_tree() {
    for selection in [Selection::All, Selection::Section("cirrhosis".into())] {
        let (_, pdf) = render(Lang::En, &selection, true);
        let doc = Document::load_mem(&pdf.bytes).unwrap_or_else(|e| panic!("{e}"));
        let catalog = doc.catalog().unwrap_or_else(|e| panic!("{e}"));
        let marked = catalog
            .get(b"MarkInfo")
            .ok()
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| d.get(b"Marked").ok())
            .and_then(|b| b.as_bool().ok());
        assert_eq!(marked, Some(true));
        let root = catalog
            .get(b"StructTreeRoot")
            .ok()
            .and_then(|o| o.as_reference().ok())
            .and_then(|id| doc.get_dictionary(id).ok())
            .unwrap_or_else(|| panic!("no StructTreeRoot"));
        let nums = root
            .get(b"ParentTree")
            .ok()
            .and_then(|o| o.as_reference().ok())
            .and_then(|id| doc.get_dictionary(id).ok())
            .and_then(|d| d.get(b"Nums").ok())
            .and_then(|n| n.as_array().ok())
            .cloned()
            .unwrap_or_default();
        let pages = doc.get_pages();
        // A key per page, then one per link annotation of the contents,
        // each pointing at a Link element.
        assert!(nums.len() >= 2 * pages.len());
        let links: Vec<&Object> = nums[2 * pages.len()..].iter().skip(1).step_by(2).collect();
        if selection == Selection::All {
            assert!(links.len() >= 4 * 6 + 2, "{} links", links.len());
        }
        for link in links {
            let role = link
                .as_reference()
                .ok()
                .and_then(|id| doc.get_dictionary(id).ok())
                .and_then(|d| d.get(b"S").ok())
                .and_then(|s| s.as_name().ok());
            assert_eq!(role, Some(b"Link".as_slice()));
        }
        for (i, id) in pages.values().enumerate() {
            let page = doc.get_dictionary(*id).unwrap_or_else(|e| panic!("{e}"));
            let key = page.get(b"StructParents").and_then(Object::as_i64).ok();
            assert_eq!(key, Some(i as i64));
            // Every page's MCIDs point at structure elements.
            let elements = nums
                .get(2 * i + 1)
                .and_then(|o| o.as_array().ok())
                .cloned()
                .unwrap_or_default();
            assert!(!elements.is_empty(), "page {} has no tagged text", i + 1);
            assert!(
                elements.iter().all(|e| e.as_reference().is_ok()),
                "page {}",
                i + 1
            );
        }
    }
}
