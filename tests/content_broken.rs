//! Broken content: each fixture under `tests/fixtures/broken/<case>/` holds
//! one file with one problem, laid over the small valid tree of
//! `tests/fixtures/minimal/`. The broken line carries a comment
//! `// expect: <problem> [at line N]`; the loader must report that problem,
//! in that file, on that line, and keep every other file usable.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use patient_info::content::{self, ContentSource, LoadReport, TAB_IDS};
use patient_info::{Lang, Problem, Severity};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
}

/// A fresh copy of the minimal valid tree, in a temporary folder.
fn minimal_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let target = dir.path().join("fr");
    fs::create_dir_all(&target).expect("create fr/");
    for entry in fs::read_dir(fixtures().join("minimal/fr")).expect("minimal fixture") {
        let entry = entry.expect("fixture entry");
        fs::copy(entry.path(), target.join(entry.file_name())).expect("copy fixture");
    }
    dir
}

/// What a fixture's marker asks for: the problem code and the line.
fn expectation(bytes: &[u8]) -> (String, usize) {
    let text = String::from_utf8_lossy(bytes);
    for (n, line) in text.lines().enumerate() {
        if let Some(rest) = line.split("// expect: ").nth(1) {
            let mut words = rest.split_whitespace();
            let code = words.next().unwrap_or_default().to_string();
            let line_no = match (words.next(), words.next(), words.next()) {
                (Some("at"), Some("line"), Some(n)) => n.parse().expect("line number in marker"),
                _ => n + 1,
            };
            return (code, line_no);
        }
    }
    panic!("fixture without an `// expect:` marker");
}

fn load_case(case: &Path) -> (LoadReport, String, String, usize) {
    let dir = minimal_copy();
    let mut expected = None;
    for entry in fs::read_dir(case.join("fr")).expect("case folder") {
        let entry = entry.expect("case entry");
        let bytes = fs::read(entry.path()).expect("read case file");
        fs::write(dir.path().join("fr").join(entry.file_name()), &bytes)
            .expect("overlay case file");
        let (code, line) = expectation(&bytes);
        expected = Some((entry.file_name().to_string_lossy().into_owned(), code, line));
    }
    let (file, code, line) = expected.expect("a file in the case");
    let report = content::load(
        &ContentSource::Dir(dir.path().to_path_buf()),
        Lang::Fr,
        today(),
    );
    (report, file, code, line)
}

#[test]
fn the_minimal_fixture_is_valid() {
    let dir = minimal_copy();
    let report = content::load(
        &ContentSource::Dir(dir.path().to_path_buf()),
        Lang::Fr,
        today(),
    );
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(report.library.tabs.len(), 4);
}

#[test]
fn every_broken_fixture_reports_its_problem_at_its_file_and_line() {
    let mut cases: Vec<PathBuf> = fs::read_dir(fixtures().join("broken"))
        .expect("broken fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 20,
        "expected at least 20 broken fixtures, found {}",
        cases.len()
    );
    for case in cases {
        let name = case
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let (report, file, code, line) = load_case(&case);
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.kind.code() == code)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "{name}: expected one `{code}`, got {:#?}",
            report.diagnostics
        );
        let d = found[0];
        assert!(
            d.file.ends_with(&format!("fr/{file}")),
            "{name}: wrong file {}",
            d.file
        );
        assert_eq!(d.line, line, "{name}: wrong line in {}", d.render(Lang::En));
        assert!(d.column >= 1, "{name}: no column");
        // The only problem: nothing else is reported alongside it.
        assert_eq!(
            report.diagnostics.len(),
            1,
            "{name}: more than one problem: {:#?}",
            report.diagnostics
        );
        // Every message reads as a sentence in both languages.
        for lang in Lang::ALL {
            let message = d.kind.message(lang);
            assert!(
                message.len() > 20 && message.ends_with('.'),
                "{name}: {message}"
            );
        }
    }
}

#[test]
fn a_file_that_does_not_parse_leaves_the_other_tabs_readable() {
    let (report, ..) = load_case(&fixtures().join("broken/missing-comma"));
    assert_eq!(report.failed_tabs, vec!["basics".to_string()]);
    let loaded: Vec<&str> = report.library.tabs.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(loaded, vec!["liver", "treatments", "strategies"]);
    assert_eq!(report.library.glossary.terms.len(), 2);
    assert_eq!(report.library.questions.len(), 2);
}

// A problem inside a section hides that section only (tests/content_units.rs
// shows the tab's other sections staying); here it is the tab's only
// section, so the tab goes, and the other tabs stay.
#[test]
fn a_semantic_problem_hides_its_section_and_keeps_the_other_tabs() {
    let (report, ..) = load_case(&fixtures().join("broken/unknown-term"));
    assert_eq!(report.failed_tabs, vec!["basics".to_string()]);
    let loaded: Vec<&str> = report.library.tabs.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(loaded, vec!["liver", "treatments", "strategies"]);
    assert_eq!(report.library.glossary.terms.len(), 2);
    assert_eq!(report.library.questions.len(), 2);
}

#[test]
fn a_typo_in_a_glossary_reference_names_file_line_and_column() {
    let (report, ..) = load_case(&fixtures().join("broken/unknown-term"));
    let d = &report.diagnostics[0];
    assert_eq!((d.line, d.column), (18, 26));
    assert_eq!(
        d.kind,
        Problem::UnknownTerm {
            term: "cirose".into()
        }
    );
    assert!(
        d.render(Lang::Fr)
            .contains("« cirose » n'est pas dans le glossaire")
    );
}

#[test]
fn a_missing_file_is_reported_and_the_rest_loads() {
    let dir = minimal_copy();
    fs::remove_file(dir.path().join("fr/treatments.ron")).expect("remove");
    let report = content::load(
        &ContentSource::Dir(dir.path().to_path_buf()),
        Lang::Fr,
        today(),
    );
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert_eq!(d.kind, Problem::MissingFile);
    assert!(d.file.ends_with("fr/treatments.ron"));
    assert_eq!(report.failed_tabs, vec!["treatments".to_string()]);
    assert_eq!(report.library.tabs.len(), 3);
}

#[test]
fn a_file_over_one_mebibyte_is_refused_without_reading_it() {
    let dir = minimal_copy();
    let path = dir.path().join("fr/liver.ron");
    let mut big = fs::read(&path).expect("read");
    big.extend(std::iter::repeat_n(b' ', 1024 * 1024));
    fs::write(&path, big).expect("write");
    let report = content::load(
        &ContentSource::Dir(dir.path().to_path_buf()),
        Lang::Fr,
        today(),
    );
    let d = report.errors().next().expect("an error");
    assert!(matches!(
        d.kind,
        Problem::TooLarge {
            limit: 1_048_576,
            ..
        }
    ));
    assert!(d.file.ends_with("fr/liver.ron"));
    assert_eq!(report.library.tabs.len(), 3);
}

#[test]
fn several_problems_in_several_files_are_all_reported() {
    let dir = minimal_copy();
    for case in ["unknown-term", "unknown-tab", "wrong-tab-id"] {
        let src = fixtures().join("broken").join(case).join("fr");
        for entry in fs::read_dir(src).expect("case") {
            let entry = entry.expect("entry");
            fs::copy(entry.path(), dir.path().join("fr").join(entry.file_name())).expect("copy");
        }
    }
    let report = content::load(
        &ContentSource::Dir(dir.path().to_path_buf()),
        Lang::Fr,
        today(),
    );
    let mut codes: Vec<&str> = report.errors().map(|d| d.kind.code()).collect();
    codes.sort_unstable();
    assert_eq!(codes, vec!["unknown-tab", "unknown-term", "wrong-tab-id"]);
}

#[test]
fn a_missing_language_folder_reports_each_file() {
    let dir = tempfile::tempdir().expect("temp");
    let report = content::load(
        &ContentSource::Dir(dir.path().to_path_buf()),
        Lang::Fr,
        today(),
    );
    assert_eq!(report.diagnostics.len(), 6);
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.kind == Problem::MissingFile)
    );
    assert_eq!(report.failed_tabs.len(), TAB_IDS.len());
}

#[test]
fn an_overdue_review_is_a_warning_not_an_error() {
    let (report, ..) = load_case(&fixtures().join("broken/review-overdue"));
    assert_eq!(report.diagnostics[0].severity, Severity::Warning);
    assert!(!report.has_errors());
}

#[test]
fn messages_follow_the_language_asked_for() {
    let (report, ..) = load_case(&fixtures().join("broken/unknown-tab"));
    let d = &report.diagnostics[0];
    assert!(
        d.render(Lang::Fr)
            .contains("erreur: l'onglet `livre` n'existe pas")
    );
    assert!(
        d.render(Lang::En)
            .contains("error: there is no tab `livre`")
    );
}
