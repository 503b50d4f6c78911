//! The local CUPS print server of `tests/print-server` for the printing
//! tests: whether it can be used here, and the text of what it printed.
//! Shared by `tests/print_cups.rs` and `tests/window_export.rs`.

#![allow(dead_code)]

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The `cups-pdf` queue: every job becomes a PDF in [`out_dir`].
pub const QUEUE: &str = "cups-pdf";

/// Why the print server cannot be used here, if it cannot.
pub fn unavailable() -> Option<String> {
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

/// Whether a printing test is skipped: without the print server it prints
/// `SKIPPED: <reason>` on stderr, so the reason is in the log.
pub fn skipped() -> bool {
    let reason = unavailable();
    if let Some(reason) = &reason {
        eprintln!("SKIPPED: {reason}");
    }
    reason.is_some()
}

/// The folder where cups-pdf writes what it printed.
pub fn out_dir() -> std::io::Result<PathBuf> {
    let out = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/print-server"))
        .arg("out")
        .output()?;
    Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

/// The text of a PDF, when poppler's `pdftotext` is installed.
pub fn pdf_text(path: &Path) -> Option<String> {
    let out = Command::new("pdftotext").arg(path).arg("-").output().ok()?;
    (out.status.success() && !out.stdout.is_empty())
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The text of the PDF cups-pdf made of job `cups-pdf-N`, once it is
/// written (within a minute).
pub fn printed(job_id: &str) -> Result<String, Box<dyn Error>> {
    let folder = out_dir()?;
    let number = job_id
        .strip_prefix("cups-pdf-")
        .ok_or(format!("job id « {job_id} »"))?;
    let suffix = format!("job_{number}.pdf");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let found = std::fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(&suffix));
        // cups-pdf writes the file, then closes it: wait for readable text.
        if let Some(text) = found.as_deref().and_then(pdf_text) {
            return Ok(text);
        }
        if Instant::now() > deadline {
            return Err(format!("job {job_id} never came out of the queue").into());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// A text with every run of white space made one space.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a queue of `tests/print-server` exists; prints `SKIPPED` when it
/// does not (a print server started by an older script).
pub fn has_queue(name: &str) -> bool {
    let found = Command::new("lpstat")
        .args(["-p", name])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("SKIPPED: no `{name}` queue (run tests/print-server start)");
    }
    found
}
