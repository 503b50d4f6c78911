//! Printing to a real CUPS server: `tests/print-server` (run by `tests/run`)
//! starts cupsd with a `cups-pdf` queue that turns each job into a PDF. The
//! test prints a tab and the questions sheet there and reads the text of
//! what came out. Without the print server it says so and is skipped.

#[path = "support/print.rs"]
mod print;

use std::process::Command;

use print::{QUEUE, printed, skipped, squash};

/// Prints with the program and returns the text of the PDF cups-pdf made.
fn print_and_read_back(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_patient-info"))
        .args(["print", "--printer", QUEUE])
        .args(args)
        .output()
        .expect("the program runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "print failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // « Envoyé à l’imprimante cups-pdf (tâche cups-pdf-12, 5 pages) »
    let job = stdout
        .split(|c: char| c.is_whitespace() || c == ',')
        .find(|w| w.starts_with("cups-pdf-"))
        .expect("a job id in the output");
    printed(job).unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn a_printed_tab_comes_out_of_the_printer_with_its_text() {
    if skipped() {
        return;
    }
    let text = squash(&print_and_read_back(&["--tab", "liver"]));
    assert!(text.contains("Pourquoi le cancer du foie"), "{text}");
    assert!(text.contains("cirrhose"), "{text}");
    assert!(text.contains("Page 1 /"), "{text}");
}

#[test]
fn the_printed_questions_sheet_holds_the_ticked_questions() {
    if skipped() {
        return;
    }
    let text = squash(&print_and_read_back(&[
        "--questions",
        "why-stopped,next-options",
        "--lang",
        "en",
    ]));
    assert!(text.contains("My questions"), "{text}");
    assert!(
        text.contains("Why has my treatment stopped working"),
        "{text}"
    );
}

#[test]
fn printing_to_a_queue_that_does_not_exist_fails_with_a_reason() {
    if skipped() {
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_patient-info"))
        .args(["print", "--tab", "basics", "--printer", "no-such-queue"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("n'existe pas"));
}

#[test]
fn a_whole_booklet_refused_by_the_queue_still_says_why() {
    // The booklet (about 100 KB) is larger than a pipe holds: `lp` refuses
    // the unknown queue before reading it all, and its reason must win
    // over the broken pipe of the unread rest.
    if skipped() {
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_patient-info"))
        .args(["print", "--all", "--printer", "no-such-queue"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("n'existe pas"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
}

/// `print` with no `--printer`, the default destination set for this
/// process alone (`LPDEST`), and settings that name no printer.
fn print_to_default(queue: &str, env: &[(&str, &str)]) -> std::process::Output {
    let dir = tempfile::tempdir().expect("temp");
    let settings = dir.path().join("settings.ron");
    std::fs::write(&settings, "()").expect("settings");
    let mut command = Command::new(env!("CARGO_BIN_EXE_patient-info"));
    command
        .args(["print", "--tab", "basics", "--settings"])
        .arg(&settings)
        .env("LPDEST", queue)
        .env_remove("PRINTER");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("runs")
}

#[test]
fn a_stopped_default_printer_is_reported_not_announced_as_sent() {
    if skipped() || !print::has_queue("patient-info-stopped") {
        return;
    }
    let out = print_to_default("patient-info-stopped", &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Clean the spool should an old build have queued the job there.
    let _ = Command::new("cancel")
        .args(["-a", "patient-info-stopped"])
        .status();
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stderr.contains("patient-info-stopped"), "{stderr}");
    assert!(stderr.contains("est arrêtée"), "{stderr}");
    assert!(!stdout.contains("Envoyé"), "{stdout}");
}

#[test]
fn a_default_printer_that_rejects_jobs_is_reported() {
    if skipped() || !print::has_queue("patient-info-rejecting") {
        return;
    }
    let out = print_to_default("patient-info-rejecting", &[("LC_ALL", "C")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("patient-info-rejecting"), "{stderr}");
}

#[test]
fn the_default_printer_is_named_and_receives_the_job() {
    if skipped() {
        return;
    }
    let out = print_to_default(QUEUE, &[]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(&format!("imprimante {QUEUE} ")), "{stdout}");
    let job = stdout
        .split(|c: char| c.is_whitespace() || c == ',')
        .find(|w| w.starts_with("cups-pdf-"))
        .expect("a job id in the output");
    let text = squash(&printed(job).unwrap_or_else(|error| panic!("{error}")));
    assert!(text.contains("Page 1 /"), "{text}");
}

#[test]
fn an_unreachable_print_server_is_not_a_missing_printer() {
    // Port 1 of this computer: nothing answers there. Only `lp` and
    // `lpstat` are needed, not a running server.
    if Command::new("lpstat").arg("-r").output().is_err() {
        eprintln!("SKIPPED: lpstat is not installed (run tests/run)");
        return;
    }
    for lang in ["fr", "en"] {
        let out = Command::new(env!("CARGO_BIN_EXE_patient-info"))
            .args([
                "print",
                "--tab",
                "basics",
                "--printer",
                QUEUE,
                "--lang",
                lang,
            ])
            .env("CUPS_SERVER", "127.0.0.1:1")
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            !stderr.contains("n'existe pas") && !stderr.contains("no printer named"),
            "{stderr}"
        );
        let expected = if lang == "fr" {
            "ne répond pas"
        } else {
            "does not answer"
        };
        assert!(stderr.contains(expected), "{stderr}");
    }
}
