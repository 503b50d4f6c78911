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
    assert!(text.contains("2 avertissements"), "{text}");
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
        assert!(text.contains("0 erreur, 0 avertissement"), "{text}");
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

/// The minimal tree with the units fixture laid over it: one broken section,
/// glossary entry and question.
fn units() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir_all(dir.path().join("fr")).expect("fr/");
    for src in [root.join("minimal/fr"), root.join("units/fr")] {
        for entry in std::fs::read_dir(src).into_iter().flatten().flatten() {
            std::fs::copy(entry.path(), dir.path().join("fr").join(entry.file_name()))
                .expect("copy");
        }
    }
    dir
}

/// `path:line:col: severity: message`, as compilers print it: the parts, or
/// nothing when the line has another shape.
fn problem_line(line: &str) -> Option<(String, usize, usize, String, String)> {
    // The path may hold colons (Windows drives), so split from the right of
    // the `:line:col: ` part.
    let (place, rest) = line.split_once(": ")?;
    let mut parts = place.rsplitn(3, ':');
    let col = parts.next()?.parse().ok()?;
    let row = parts.next()?.parse().ok()?;
    let path = parts.next()?.to_string();
    let (severity, message) = rest.split_once(": ")?;
    Some((path, row, col, severity.to_string(), message.to_string()))
}

#[test]
fn english_problems_have_the_shape_editors_and_grep_read() {
    let dir = units();
    let content = dir.path().display().to_string();
    let out = run(&["check", "--content", &content, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let problems: Vec<_> = text.lines().filter_map(problem_line).collect();
    assert_eq!(problems.len(), 3, "{text}");
    for (path, row, col, severity, message) in &problems {
        assert!(
            path.starts_with(&content) && path.ends_with(".ron"),
            "{path}"
        );
        assert!(*row >= 1 && *col >= 1);
        assert_eq!(severity, "error");
        assert!(message.ends_with('.'), "{message}");
        assert!(!message.contains("erreur") && !message.contains("masqué"));
    }
    let basics = format!("{content}/fr/basics.ron:27:13: error: there is no field `summry` here");
    assert!(text.contains(&basics), "{text}");
    // The same lines in French, for the French team.
    let fr = stdout(&run(&["check", "--content", &content, "--lang", "fr"]));
    let severities: Vec<String> = fr.lines().filter_map(problem_line).map(|p| p.3).collect();
    assert_eq!(severities, vec!["erreur"; 3], "{fr}");
}

#[test]
fn quiet_prints_the_problems_and_nothing_else() {
    let dir = units();
    let content = dir.path().display().to_string();
    let out = run(&["check", "--quiet", "--content", &content, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1), "errors still fail the check");
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.lines().all(|l| problem_line(l).is_some()), "{text}");
    let full = stdout(&run(&["check", "--content", &content, "--lang", "en"]));
    assert!(full.contains("Flesch") || full.contains("Kandel"));
    assert!(!text.contains("Kandel") && !text.contains("has errors"));
}

#[test]
fn quiet_on_clean_content_prints_nothing_and_succeeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    let out = run(&["check", "-q", "--content", &root.display().to_string()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
}

#[test]
fn watch_refuses_the_built_in_content_and_says_why() {
    let dir = tempfile::tempdir().expect("temp");
    let settings = dir.path().join("none.ron").display().to_string();
    let out = run(&["check", "--watch", "--settings", &settings, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--watch watches a content folder"), "{err}");
    assert!(err.contains("--content DIR"), "{err}");
}

#[test]
fn watch_checks_again_after_each_save() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    use std::sync::mpsc;
    use std::time::Duration;

    // A guard against a hang, never a measure: each wait normally ends as
    // soon as the line arrives.
    const GUARD: Duration = Duration::from_secs(60);
    let dir = units();
    let content = dir.path().display().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_patient-info"))
        .args(["check", "--watch", "--quiet", "--lang", "en"])
        .args(["--content", &content])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program runs");
    let (tx, lines) = mpsc::channel::<(bool, String)>();
    let out = child.stdout.take().expect("stdout");
    let err = child.stderr.take().expect("stderr");
    let to = tx.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = to.send((true, line));
        }
    });
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            let _ = tx.send((false, line));
        }
    });
    let mut seen: Vec<(bool, String)> = Vec::new();
    let mut wait_for = |wanted: &dyn Fn(bool, &str) -> bool| -> bool {
        while let Ok((is_out, line)) = lines.recv_timeout(GUARD) {
            let hit = wanted(is_out, &line);
            seen.push((is_out, line));
            if hit {
                return true;
            }
        }
        false
    };

    // First round: the three problems, then the watch says it waits.
    let first = wait_for(&|is_out, l| !is_out && l.contains("Watching"));
    // Fix the section: the next round has one error fewer.
    let basics = dir.path().join("fr/basics.ron");
    let text = std::fs::read_to_string(&basics).expect("basics.ron");
    std::fs::write(&basics, text.replace("summry:", "summary:")).expect("write");
    let saved = first && wait_for(&|is_out, l| !is_out && l.contains("Saved:"));
    let second = saved && wait_for(&|is_out, l| !is_out && l.contains("Watching"));
    let _ = child.kill();
    let _ = child.wait();
    // What the pipes still held: they close with the program.
    let _ = wait_for(&|_, _| false);
    assert!(first && saved && second, "{seen:#?}");
    let problems: Vec<&String> = seen
        .iter()
        .filter(|(is_out, l)| *is_out && problem_line(l).is_some())
        .map(|(_, l)| l)
        .collect();
    // Standard output holds problems only (--quiet): three, then two per
    // round after the save (one round, unless the system split the save's
    // events across the quiet time).
    let out_lines = seen.iter().filter(|(is_out, _)| *is_out).count();
    assert_eq!(out_lines, problems.len(), "{seen:#?}");
    assert!(
        problems.len() >= 5 && (problems.len() - 3).is_multiple_of(2),
        "{seen:#?}"
    );
    assert!(problems[..3].iter().any(|l| l.contains("basics.ron")));
    assert!(
        problems[3..].iter().all(|l| !l.contains("basics.ron")),
        "{problems:?}"
    );
}

#[test]
fn quiet_keeps_the_settings_warnings_as_problem_lines() {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("settings.ron");
    std::fs::write(&file, "(kiosque: true)").expect("write");
    let out = run(&["check", "-q", "--settings", &file.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let text = stdout(&out);
    // The warning itself, with its line and column, and none of the
    // headings, tables or verdicts around it.
    assert!(
        text.contains("settings.ron:1:2: réglages: le réglage `kiosque`"),
        "{text}"
    );
    for noise in ["Réglages", "Contenu :", "==", "Kandel", "Le contenu peut"] {
        assert!(!text.contains(noise), "{noise} in {text}");
    }
    assert!(text.lines().all(|l| l.contains(": ")), "{text}");
}

#[test]
fn a_broken_figure_is_a_line_in_its_svg_file_and_only_the_figure_is_hidden() {
    let dir = overlay(Path::new("minimal"));
    let basics = dir.path().join("fr/basics.ron");
    let text = std::fs::read_to_string(&basics).expect("basics.ron");
    let text = text.replacen(
        "blocks: [",
        "blocks: [\n                Figure(id: \"f\", caption: \"(1) Le foie.\", alt: \"Un schéma.\"),",
        1,
    );
    std::fs::write(&basics, text).expect("write basics.ron");
    std::fs::create_dir_all(dir.path().join("figures")).expect("figures/");
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n  <text>Foie</text>\n</svg>\n";
    std::fs::write(dir.path().join("figures/f.svg"), svg).expect("write f.svg");
    let content = dir.path().to_string_lossy().into_owned();
    let out = run(&["check", "--content", &content, "--lang", "en", "--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("f.svg"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("figures/f.svg:2:3: error: the element `<text>` is not allowed"),
        "{line}"
    );
    assert!(
        line.contains("The figure `f` is hidden until this is fixed; the text of the section"),
        "{line}"
    );
}
