//! `patient-info search`, run as a nurse or a script runs it: the output
//! format and the exit codes.

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

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn results_are_one_a_line_id_title_and_sentence() {
    let out = run(&["search", "cirrhose"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert!(!lines.is_empty());
    for fields in &lines {
        assert_eq!(fields.len(), 3, "{fields:?}");
        let (kind, id) = fields[0]
            .split_once('/')
            .expect("TAB/SECTION or glossary/TERM");
        assert!(!kind.is_empty() && !id.is_empty(), "{fields:?}");
        assert!(!fields[1].is_empty());
        assert!(
            fields[2].to_lowercase().contains("cirrhose")
                || fields[1].to_lowercase().contains("cirrhose")
        );
    }
    // The glossary word and the section that explains it.
    assert!(lines.iter().any(|f| f[0] == "glossary/cirrhose"), "{text}");
    assert!(lines.iter().any(|f| f[0] == "liver/cirrhosis"), "{text}");
}

#[test]
fn a_typo_still_finds_and_limit_cuts_the_list() {
    let out = run(&["search", "cirose", "--limit", "2"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 2);
    let all = run(&["search", "cirose"]);
    assert!(stdout(&all).lines().count() > 2);
    assert!(stdout(&all).starts_with(&stdout(&out)));
}

#[test]
fn english_with_lang_en() {
    let out = run(&["search", "cirrhosis", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("glossary/cirrhose\tcirrhosis"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn nothing_found_exits_with_1_and_suggests_on_stderr() {
    let out = run(&["search", "foei"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        "Aucun résultat pour «\u{a0}foei\u{a0}».\nVouliez-vous dire «\u{a0}foie\u{a0}»\u{a0}?\n"
    );
    let out = run(&["search", "xqwzkv", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "No result for “xqwzkv”.\n");
}

#[test]
fn bad_queries_find_nothing_and_say_so() {
    let long = "z".repeat(2000);
    for query in ["", "?!…", "🙂", "\u{1b}[2J", "كبد", long.as_str()] {
        let out = run(&["search", query]);
        assert_eq!(out.status.code(), Some(1), "{query:?}");
        assert!(out.stdout.is_empty());
        let err = stderr(&out);
        assert!(err.starts_with("Aucun résultat"), "{err}");
        assert!(!err.contains('\u{1b}'), "an escape reached the terminal");
    }
}

#[test]
fn a_usage_mistake_exits_with_2() {
    assert_eq!(run(&["search"]).status.code(), Some(2));
    assert_eq!(
        run(&["search", "foie", "--limit", "0"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["search", "foie", "--limit", "many"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["search", "foie", "--lang", "de"]).status.code(),
        Some(2)
    );
}
