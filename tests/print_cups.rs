//! Printing to a real CUPS server: `tests/print-server` (run by `tests/run`)
//! starts cupsd with a `cups-pdf` queue that turns each job into a PDF. The
//! test prints a tab and the questions sheet there and reads the text of
//! what came out. Without the print server it says so and is skipped.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

const QUEUE: &str = "cups-pdf";

/// Why the print server cannot be used here, if it cannot.
fn unavailable() -> Option<String> {
    let running = Command::new("lpstat")
        .arg("-r")
        .env("LC_ALL", "C")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("is running"));
    match running {
        Err(_) => return Some("lpstat is not installed (run tests/run)".into()),
        Ok(false) => {
            return Some("the CUPS scheduler is not running (run tests/print-server start)".into());
        }
        Ok(true) => {}
    }
    let queue = Command::new("lpstat").args(["-p", QUEUE]).output();
    if !queue.is_ok_and(|o| o.status.success()) {
        return Some(format!("no `{QUEUE}` queue (run tests/print-server start)"));
    }
    if Command::new("pdftotext").arg("-v").output().is_err() {
        return Some("pdftotext is not installed (poppler-utils)".into());
    }
    None
}

fn out_dir() -> PathBuf {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/print-server");
    let out = Command::new(script)
        .arg("out")
        .output()
        .expect("tests/print-server out");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

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
    // « Envoyé à l’imprimante cups-pdf (tâche cups-pdf-12, 5 page(s)) »
    let job = stdout
        .split(|c: char| c.is_whitespace() || c == ',')
        .find_map(|w| w.strip_prefix("cups-pdf-"))
        .expect("a job id in the output")
        .to_string();
    let suffix = format!("job_{job}.pdf");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let found = std::fs::read_dir(out_dir())
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(&suffix));
        if let Some(path) = found {
            // cups-pdf writes the file, then closes it: wait for a readable PDF.
            let text = Command::new("pdftotext")
                .arg(&path)
                .arg("-")
                .output()
                .expect("pdftotext");
            if text.status.success() && !text.stdout.is_empty() {
                return String::from_utf8_lossy(&text.stdout).into_owned();
            }
        }
        assert!(
            Instant::now() < deadline,
            "job {job} never came out of the queue"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_printed_tab_comes_out_of_the_printer_with_its_text() {
    if let Some(reason) = unavailable() {
        eprintln!("SKIPPED: {reason}");
        return;
    }
    let text = squash(&print_and_read_back(&["--tab", "liver"]));
    assert!(text.contains("Pourquoi le cancer du foie"), "{text}");
    assert!(text.contains("cirrhose"), "{text}");
    assert!(text.contains("Page 1 /"), "{text}");
}

#[test]
fn the_printed_questions_sheet_holds_the_ticked_questions() {
    if let Some(reason) = unavailable() {
        eprintln!("SKIPPED: {reason}");
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
    if let Some(reason) = unavailable() {
        eprintln!("SKIPPED: {reason}");
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_patient-info"))
        .args(["print", "--tab", "basics", "--printer", "no-such-queue"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("n'existe pas"));
}
