//! `list` and `export` on content with one broken section, glossary entry
//! and question (`tests/fixtures/units/`): what is not broken stays listed
//! and printable; a handout that would miss a hidden part is refused.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_patient-info"))
        .args(args)
        .output()
    {
        Ok(out) => out,
        Err(e) => panic!("the program does not run: {e}"),
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The minimal tree with the units fixture laid over it.
fn units() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let fr = dir.path().join("fr");
    std::fs::create_dir_all(&fr).unwrap_or_else(|e| panic!("{e}"));
    for src in [root.join("minimal/fr"), root.join("units/fr")] {
        for entry in std::fs::read_dir(src).into_iter().flatten().flatten() {
            std::fs::copy(entry.path(), fr.join(entry.file_name()))
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    dir
}

fn export(dir: &Path, what: &[&str], file: &Path) -> Output {
    let content = dir.display().to_string();
    let file = file.display().to_string();
    let mut args = vec!["export", "--content", &content, "--format", "txt"];
    args.extend_from_slice(what);
    args.extend_from_slice(&["-o", &file]);
    run(&args)
}

#[test]
fn list_shows_the_sections_that_are_not_broken() {
    let dir = units();
    let out = run(&["list", "--content", &dir.path().display().to_string()]);
    let text = stdout(&out);
    assert!(
        text.contains("  basics-one") && text.contains("  basics-three"),
        "{text}"
    );
    assert!(!text.contains("basics-two"), "{text}");
    // The errors still go to stderr, and still fail the command.
    assert!(stderr(&out).contains("summry"), "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_section_beside_a_broken_one_still_exports() {
    let dir = units();
    let file = dir.path().join("one.txt");
    let out = export(dir.path(), &["--section", "basics-one"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(text.contains("Qu’est-ce que la cirrhose"), "{text}");
    // The section that marks the hidden glossary entry exports too.
    let three = dir.path().join("three.txt");
    let out = export(dir.path(), &["--section", "basics-three"], &three);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // So do the questions that are not broken.
    let questions = dir.path().join("questions.txt");
    let out = export(dir.path(), &["--questions", "q-one,q-three"], &questions);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_handout_that_would_miss_a_hidden_part_is_refused_with_its_reason() {
    let dir = units();
    for (what, names) in [
        (vec!["--section", "basics-two"], "basics-two"),
        (vec!["--tab", "basics"], "basics-two"),
        (vec!["--questions", "q-one,q-two"], "q-two"),
        (vec!["--all"], "summry"),
    ] {
        let file = dir.path().join("refused.txt");
        let out = export(dir.path(), &what, &file);
        assert_eq!(out.status.code(), Some(1), "{what:?}");
        let err = stderr(&out);
        assert!(err.contains(names), "{what:?}: {err}");
        assert!(
            err.contains("corrigez-les avant d’imprimer"),
            "{what:?}: {err}"
        );
        assert!(!file.exists(), "{what:?}");
    }
    // Another tab, untouched by the errors, prints.
    let file = dir.path().join("liver.txt");
    let out = export(dir.path(), &["--tab", "liver"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
