//! The smallest unit fails, not the file: a mistake inside one section, one
//! glossary entry or one question hides that one only, and its diagnostic
//! says what is hidden and what is still shown. `tests/fixtures/units/`
//! breaks one of each, laid over the valid tree of `tests/fixtures/minimal/`.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use patient_info::content::{self, ContentSource, LoadReport};
use patient_info::{Hidden, Inline, Lang, Problem};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
}

/// The minimal tree with the files of `overlays` (folders holding `fr/`)
/// laid over it, in a temporary folder.
fn tree(overlays: &[PathBuf]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fr = dir.path().join("fr");
    fs::create_dir_all(&fr).expect("create fr/");
    let layers = std::iter::once(fixtures().join("minimal")).chain(overlays.iter().cloned());
    for layer in layers {
        for entry in fs::read_dir(layer.join("fr")).expect("a fixture folder") {
            let entry = entry.expect("a fixture file");
            fs::copy(entry.path(), fr.join(entry.file_name())).expect("copy a fixture");
        }
    }
    dir
}

fn load(dir: &Path) -> LoadReport {
    content::load(&ContentSource::Dir(dir.to_path_buf()), Lang::Fr, today())
}

fn units() -> (tempfile::TempDir, LoadReport) {
    let dir = tree(&[fixtures().join("units")]);
    let report = load(dir.path());
    (dir, report)
}

fn broken(case: &str) -> LoadReport {
    let dir = tree(&[fixtures().join("broken").join(case)]);
    load(dir.path())
}

/// The one error reported in `file`.
fn error_in<'r>(report: &'r LoadReport, file: &str) -> &'r patient_info::Diagnostic {
    let found: Vec<_> = report
        .errors()
        .filter(|d| d.file.ends_with(&format!("fr/{file}")))
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
    found[0]
}

#[test]
fn a_misspelt_field_in_one_section_hides_that_section_only() {
    let (_dir, report) = units();
    assert!(report.failed_tabs.is_empty(), "{:?}", report.failed_tabs);
    let basics = report.library.tab("basics").expect("basics is shown");
    let ids: Vec<&str> = basics.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["basics-one", "basics-three"]);
    assert_eq!(report.library.tabs.len(), 4);

    let d = error_in(&report, "basics.ron");
    assert!(
        matches!(&d.kind, Problem::UnknownField { found, .. } if found == "summry"),
        "{d:?}"
    );
    assert_eq!(d.line, 27, "{}", d.render(Lang::En));
    assert_eq!(
        d.hides,
        Hidden::Section {
            tab: "basics".into(),
            section: Some("basics-two".into())
        }
    );
}

#[test]
fn a_section_error_says_in_both_languages_what_is_hidden_and_what_is_kept() {
    let (_dir, report) = units();
    let d = error_in(&report, "basics.ron");
    let en = d.render(Lang::En);
    assert!(
        en.contains("there is no field `summry` here")
            && en.contains(
                "The section `basics-two` is hidden until this is fixed; the rest of the `basics` tab is still shown."
            ),
        "{en}"
    );
    let fr = d.render(Lang::Fr);
    assert!(
        fr.contains("La section `basics-two` est masquée jusqu'à correction ; le reste de l'onglet `basics` reste affiché."),
        "{fr}"
    );
}

#[test]
fn a_broken_glossary_entry_hides_itself_and_its_marks_read_as_plain_text() {
    let (_dir, report) = units();
    let words: Vec<&str> = report
        .library
        .glossary
        .terms
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(words, vec!["cirrhose", "foie"]);
    let d = error_in(&report, "glossary.ron");
    assert_eq!(d.line, 14, "{}", d.render(Lang::En));
    assert_eq!(
        d.hides,
        Hidden::Term {
            id: Some("ascite".into())
        }
    );
    // The section that marks the hidden word is still shown, the word as
    // plain text, and the mark is not reported a second time.
    let (_, three) = report.library.section("basics-three").expect("shown");
    assert_eq!(three.summary.plain(), "L’ascite se soigne.");
    assert!(
        three
            .summary
            .0
            .iter()
            .all(|i| !matches!(i, Inline::Term { .. }))
    );
    assert!(report.errors().all(|d| d.kind.code() != "unknown-term"));
    // The marks that point at the entries left still resolve to them.
    let (_, one) = report.library.section("basics-one").expect("shown");
    let cirrhose = report.library.glossary.find("cirrhose");
    assert_eq!(one.terms(), cirrhose.into_iter().collect::<Vec<_>>());
}

#[test]
fn a_broken_question_hides_itself_only() {
    let (_dir, report) = units();
    let ids: Vec<&str> = report
        .library
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, vec!["q-one", "q-three"]);
    let d = error_in(&report, "questions.ron");
    assert_eq!(d.line, 6);
    assert_eq!(
        d.hides,
        Hidden::Question {
            id: Some("q-two".into())
        }
    );
    assert!(
        d.render(Lang::En)
            .contains("the other questions are still shown")
    );
}

#[test]
fn the_three_broken_units_are_the_only_errors() {
    let (_dir, report) = units();
    let mut codes: Vec<&str> = report.errors().map(|d| d.kind.code()).collect();
    codes.sort_unstable();
    assert_eq!(codes, vec!["unknown-field", "unknown-field", "unknown-tab"]);
    assert_eq!(report.diagnostics.len(), 3, "{:#?}", report.diagnostics);
}

#[test]
fn a_syntax_error_hides_the_whole_file_and_says_so() {
    let report = broken("missing-comma");
    let d = report.errors().next().expect("an error");
    assert!(
        matches!(&d.hides, Hidden::TabFile { tab } if tab == "basics"),
        "{d:?}"
    );
    assert_eq!(report.failed_tabs, vec!["basics".to_string()]);
    assert!(
        d.render(Lang::En)
            .contains("nothing from this file is shown: the `basics` tab is missing; the other tabs are still shown."),
        "{}",
        d.render(Lang::En)
    );
    assert!(
        d.render(Lang::Fr)
            .contains("rien de ce fichier n'est affiché : l'onglet `basics` manque"),
        "{}",
        d.render(Lang::Fr)
    );
}

#[test]
fn an_unclosed_string_hides_the_questions_file_and_no_tab() {
    let report = broken("unclosed-string");
    let d = report.errors().next().expect("an error");
    assert_eq!(d.hides, Hidden::QuestionsFile);
    assert!(report.library.questions.is_empty());
    assert_eq!(report.library.tabs.len(), 4);
}

#[test]
fn a_problem_in_a_tabs_own_fields_hides_the_tab() {
    let report = broken("wrong-tab-id");
    let d = report.errors().next().expect("an error");
    let tab = d
        .file
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .replace(".ron", "");
    assert_eq!(d.hides, Hidden::Tab { tab: tab.clone() });
    assert_eq!(report.failed_tabs, vec![tab.clone()]);
    assert!(report.library.tab(&tab).is_none());
    assert_eq!(report.library.tabs.len(), 3);
}

#[test]
fn a_tab_whose_every_section_is_hidden_is_hidden_whole() {
    // The minimal basics tab has one section; a glossary typo hides it.
    let report = broken("unknown-term");
    let d = report.errors().next().expect("an error");
    assert_eq!(
        d.hides,
        Hidden::Tab {
            tab: "basics".into()
        }
    );
    assert_eq!(report.failed_tabs, vec!["basics".to_string()]);
}

#[test]
fn a_duplicate_section_id_hides_the_second_section_not_the_first() {
    let report = broken("duplicate-section-id");
    let d = report.errors().next().expect("an error");
    assert!(matches!(
        d.hides,
        Hidden::Section { .. } | Hidden::Tab { .. }
    ));
    // The first holder of the id is still shown.
    let id = match &d.kind {
        Problem::DuplicateId { id, .. } => id.clone(),
        other => panic!("not a duplicate id: {other:?}"),
    };
    assert!(report.library.section(&id).is_some());
}

#[test]
fn a_glossary_that_cannot_be_read_hides_the_glossary_and_no_tab() {
    let dir = tree(&[]);
    fs::write(
        dir.path().join("fr/glossary.ron"),
        "Glossary(terms: [(id: \"x\"",
    )
    .expect("write");
    let report = load(dir.path());
    let d = report.errors().next().expect("an error");
    assert_eq!(d.hides, Hidden::GlossaryFile);
    assert_eq!(report.library.tabs.len(), 4);
    assert!(report.library.glossary.terms.is_empty());
}

#[test]
fn a_misspelt_field_of_the_glossary_itself_hides_the_glossary() {
    let dir = tree(&[]);
    fs::write(dir.path().join("fr/glossary.ron"), "Glossary(termes: [])").expect("write");
    let report = load(dir.path());
    let d = report.errors().next().expect("an error");
    assert_eq!(d.hides, Hidden::Glossary);
    assert!(
        d.render(Lang::En)
            .contains("The glossary is hidden until this is fixed")
    );
}

#[test]
fn a_missing_questions_file_hides_the_questions_only() {
    let dir = tree(&[]);
    fs::remove_file(dir.path().join("fr/questions.ron")).expect("remove");
    let report = load(dir.path());
    let d = report.errors().next().expect("an error");
    assert_eq!(d.hides, Hidden::QuestionsFile);
    assert_eq!(report.library.tabs.len(), 4);
}

#[test]
fn warnings_hide_nothing() {
    let report = broken("not-reviewed");
    assert!(!report.has_errors());
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.hides == Hidden::Nothing)
    );
    assert_eq!(report.library.tabs.len(), 4);
}

#[test]
fn a_section_hidden_in_one_language_is_not_reported_missing_from_it() {
    // English: the same files with the typo fixed.
    let dir = tree(&[fixtures().join("units")]);
    let en = dir.path().join("en");
    fs::create_dir_all(&en).expect("create en/");
    for entry in fs::read_dir(dir.path().join("fr")).expect("fr/") {
        let entry = entry.expect("a file");
        let text = fs::read_to_string(entry.path()).expect("read");
        let fixed = text
            .replace("summry:", "summary:")
            .replace("definiton:", "definition:");
        fs::write(en.join(entry.file_name()), fixed).expect("write");
    }
    let source = ContentSource::Dir(dir.path().to_path_buf());
    let fr = content::load(&source, Lang::Fr, today());
    let en = content::load(&source, Lang::En, today());
    assert!(en.library.section("basics-two").is_some());
    assert!(fr.library.section("basics-two").is_none());
    // The hidden section's id is still known in French: only the typo is
    // reported, not a missing translation on top of it.
    let missing: Vec<String> = en
        .compare_ids(&fr)
        .into_iter()
        .chain(fr.compare_ids(&en))
        .map(|d| d.render(Lang::En))
        .collect();
    assert!(missing.is_empty(), "{missing:#?}");
}
