//! `patient-info check` and `list`, run as a content editor runs them.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patient-info"))
        .args(args)
        .output()
        .expect("the program runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn fixture(case: &str) -> tempfile::TempDir {
    overlay(&Path::new("broken").join(case))
}

/// The minimal content, with the files of `tests/fixtures/<case>/fr` on top.
fn overlay(case: &Path) -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir_all(dir.path().join("fr")).expect("fr/");
    for src in [root.join("minimal/fr"), root.join(case).join("fr")] {
        for entry in std::fs::read_dir(src).into_iter().flatten().flatten() {
            std::fs::copy(entry.path(), dir.path().join("fr").join(entry.file_name()))
                .expect("copy");
        }
    }
    dir
}

#[test]
fn checking_the_shipped_content_succeeds_and_scores_every_section() {
    let out = run(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    // The shipped tabs are honestly unreviewed: never « peut être publié ».
    assert!(!text.contains("Le contenu peut être publié."), "{text}");
    assert!(text.contains("il ne doit pas encore être publié"), "{text}");
    assert!(text.contains("Kandel–Moles") && text.contains("Flesch"));
    for id in ["what-is-it", "cirrhosis", "who-decides", "rechallenge"] {
        assert!(text.contains(id), "{id} missing from the readability table");
    }
    // Unreviewed tabs are reported, never silently.
    assert!(text.contains("avertissement"));
}

#[test]
fn checking_broken_content_exits_with_1_and_names_file_line_and_column() {
    let dir = fixture("unknown-term");
    let out = run(&["check", "--content", &dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("fr/basics.ron:18:26: erreur: « cirose » n'est pas dans le glossaire"),
        "{text}"
    );
    assert!(text.contains("Le contenu a des erreurs à corriger."));
}

#[test]
fn messages_are_in_english_with_lang_en() {
    let dir = fixture("unknown-tab");
    let out = run(&[
        "check",
        "--content",
        &dir.path().display().to_string(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error: there is no tab `livre`"));
}

#[test]
fn a_usage_mistake_exits_with_2() {
    assert_eq!(run(&["check", "--lang", "de"]).status.code(), Some(2));
    assert_eq!(run(&["check", "--no-such-option"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn a_folder_without_content_is_an_error() {
    let dir = tempfile::tempdir().expect("temp");
    let out = run(&["check", "--content", &dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn list_prints_each_tab_and_section_with_its_title() {
    let out = run(&["list"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("basics") && first.contains("Comprendre la résistance"),
        "{first}"
    );
    assert!(
        text.contains("  what-is-it")
            && text.contains("Qu’est-ce que la résistance à un traitement\u{A0}?")
    );
    let en = stdout(&run(&["list", "--lang", "en"]));
    assert!(
        en.contains("  what-is-it") && en.contains("What is treatment resistance?"),
        "{en}"
    );
}

#[test]
fn check_reports_what_the_settings_file_ignored_without_failing() {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("settings.ron");
    std::fs::write(
        &file,
        "(kiosque: true, copies: 0, clinic_name: \"Clinique\")",
    )
    .expect("write");
    let out = run(&["check", "--settings", &file.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "settings problems are warnings");
    let text = stdout(&out);
    assert!(text.contains("2 avertissement(s)"), "{text}");
    assert!(text.contains("le réglage `kiosque` n'existe pas"));
    assert!(text.contains("la valeur de `copies` ne convient pas"));
}

#[test]
fn the_settings_choose_the_language_and_the_command_line_wins() {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("settings.ron");
    std::fs::write(&file, "(default_language: \"en\")").expect("write");
    let settings = file.display().to_string();
    let en = stdout(&run(&["list", "--settings", &settings]));
    assert!(en.contains("What is treatment resistance?"), "{en}");
    let fr = stdout(&run(&["list", "--settings", &settings, "--lang", "fr"]));
    assert!(fr.contains("Qu’est-ce que la résistance"), "{fr}");
}

fn check_release(dir: &Path, release: bool) -> Output {
    let content = dir.display().to_string();
    let mut args = vec!["check", "--content", content.as_str()];
    if release {
        args.push("--release");
    }
    run(&args)
}

#[test]
fn release_accepts_reviewed_content_and_says_it_can_ship() {
    let dir = overlay(Path::new("reviewed"));
    for release in [false, true] {
        let out = check_release(dir.path(), release);
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(0), "{text}");
        assert!(text.contains("0 erreur(s), 0 avertissement(s)"), "{text}");
        assert!(text.contains("Le contenu peut être publié."), "{text}");
    }
}

#[test]
fn an_unreviewed_tab_is_a_warning_for_check_and_an_error_for_release() {
    let dir = fixture("not-reviewed");
    let plain = check_release(dir.path(), false);
    let text = stdout(&plain);
    assert_eq!(plain.status.code(), Some(0), "{text}");
    assert!(
        text.contains("avertissement: cet onglet n'a pas encore été relu"),
        "{text}"
    );
    assert!(!text.contains("peut être publié"), "{text}");
    assert!(text.contains("il ne doit pas encore être publié"), "{text}");

    let release = check_release(dir.path(), true);
    let text = stdout(&release);
    assert_eq!(release.status.code(), Some(1), "{text}");
    assert!(
        text.contains("fr/basics.ron:9:26: erreur: cet onglet n'a pas encore été relu"),
        "{text}"
    );
    assert!(
        text.contains("Le contenu a des erreurs à corriger."),
        "{text}"
    );
}

#[test]
fn an_overdue_review_is_an_error_for_release() {
    let dir = fixture("review-overdue");
    assert_eq!(check_release(dir.path(), false).status.code(), Some(0));
    let out = check_release(dir.path(), true);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("erreur: la prochaine relecture était prévue le 2020-01-01"),
        "{text}"
    );
}

#[test]
fn the_shipped_content_is_not_released_while_no_clinician_has_reviewed_it() {
    let out = run(&["check", "--release", "--lang", "en"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("error: no clinician has reviewed this tab yet"),
        "{text}"
    );
    assert!(text.contains("The content has errors to fix."), "{text}");
}
