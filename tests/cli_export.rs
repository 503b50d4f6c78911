//! `patient-info export`, run as a nurse runs it: exit codes 0 (written),
//! 1 (nothing written, with a message in the user's language), 2 (usage).

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

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

#[test]
fn exporting_a_section_writes_a_pdf_and_says_where() {
    let dir = temp();
    let file = path(dir.path(), "fiche.pdf");
    let out = run(&["export", "--section", "what-is-it", "--output", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Fichier enregistré"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains(&file));
    let bytes = std::fs::read(&file).unwrap_or_default();
    assert!(bytes.starts_with(b"%PDF-1.7"));
    // Only the file: no temporary file left beside it.
    assert_eq!(
        std::fs::read_dir(dir.path())
            .map(|r| r.count())
            .unwrap_or(0),
        1
    );
}

#[test]
fn every_selection_exports_in_both_languages_and_sizes() {
    let dir = temp();
    let selections: [&[&str]; 4] = [
        &["--section", "cirrhosis"],
        &["--tab", "strategies"],
        &["--questions", "why-stopped,second-opinion"],
        &["--all"],
    ];
    for (i, selection) in selections.iter().enumerate() {
        for lang in ["fr", "en"] {
            for large in [false, true] {
                let file = path(dir.path(), &format!("{i}-{lang}-{large}.pdf"));
                let mut args = vec!["export", "--lang", lang, "--output", &file];
                args.extend_from_slice(selection);
                if large {
                    args.push("--large-print");
                }
                let out = run(&args);
                assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
            }
        }
    }
}

#[test]
fn the_text_format_writes_plain_utf8() {
    let dir = temp();
    let file = path(dir.path(), "livret.txt");
    let out = run(&["export", "--all", "--format", "txt", "-o", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        text.starts_with("Cancer du foie et résistance aux traitements\n"),
        "{}",
        &text[..80.min(text.len())]
    );
    assert!(text.contains("Comprendre la résistance\n========================\n"));
    assert!(!text.contains("%PDF"));
}

#[test]
fn the_output_can_be_the_standard_output() {
    let out = run(&[
        "export",
        "--section",
        "what-is-it",
        "--format",
        "txt",
        "-o",
        "-",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Understanding resistance\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_unknown_id_fails_with_1_and_says_which() {
    let dir = temp();
    let file = path(dir.path(), "x.pdf");
    let out = run(&["export", "--section", "nope", "-o", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Section inconnue\u{a0}: «\u{a0}nope\u{a0}»"),
        "{}",
        stderr(&out)
    );
    let out = run(&[
        "export",
        "--questions",
        "why-stopped,nope",
        "--lang",
        "en",
        "-o",
        &file,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Unknown question: “nope”"),
        "{}",
        stderr(&out)
    );
    assert!(!Path::new(&file).exists());
}

#[test]
fn a_missing_or_double_selection_is_a_usage_error() {
    let out = run(&["export", "-o", "/tmp/never.pdf"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = run(&["export", "--all", "--tab", "basics", "-o", "/tmp/never.pdf"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = run(&["export", "--all"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = run(&[
        "export",
        "--all",
        "--format",
        "docx",
        "-o",
        "/tmp/never.docx",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn an_existing_file_is_kept_unless_overwrite_is_given() {
    let dir = temp();
    let file = path(dir.path(), "fiche.pdf");
    let _ = std::fs::write(&file, b"the nurse's own file");
    let out = run(&["export", "--tab", "basics", "-o", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("existe déjà"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--overwrite"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&file).unwrap_or_default(),
        b"the nurse's own file"
    );
    let out = run(&["export", "--tab", "basics", "-o", &file, "--overwrite"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read(&file)
            .unwrap_or_default()
            .starts_with(b"%PDF")
    );
}

#[test]
fn a_missing_folder_fails_with_1_and_a_clear_message() {
    let dir = temp();
    let file = path(&dir.path().join("absent"), "fiche.pdf");
    let out = run(&["export", "--tab", "basics", "-o", &file, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
}

#[test]
fn content_with_errors_is_not_exported() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = temp();
    let fr = dir.path().join("fr");
    let _ = std::fs::create_dir_all(&fr);
    for src in [root.join("minimal/fr"), root.join("broken/unknown-term/fr")] {
        for entry in std::fs::read_dir(src).into_iter().flatten().flatten() {
            let _ = std::fs::copy(entry.path(), fr.join(entry.file_name()));
        }
    }
    let file = path(dir.path(), "fiche.pdf");
    let content = dir.path().display().to_string();
    let out = run(&["export", "--all", "--content", &content, "-o", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("corrigez-les avant d’imprimer"),
        "{}",
        stderr(&out)
    );
    assert!(!Path::new(&file).exists());
}
