//! The command line against hostile files and outputs: a named pipe or
//! `/dev/zero` where a file is expected, a full disk or a closed pipe as
//! the standard output, control characters in the content. Named pipes,
//! `/dev/zero` and `/dev/full` are Unix's.

#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn program() -> Command {
    Command::new(env!("CARGO_BIN_EXE_patient-info"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the minimal valid content in a temporary folder.
fn minimal() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal/fr");
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir_all(dir.path().join("fr")).expect("fr/");
    for entry in std::fs::read_dir(root).into_iter().flatten().flatten() {
        std::fs::copy(entry.path(), dir.path().join("fr").join(entry.file_name())).expect("copy");
    }
    dir
}

/// Runs the program; if it has not finished after a long while it is
/// blocked (on a pipe no one writes to): `unblock` then frees it, and the
/// test fails. The program must finish by itself.
fn run_unblocking(mut command: Command, unblock: impl FnOnce()) -> Output {
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program runs");
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(child.wait_with_output());
    });
    match receive.recv_timeout(Duration::from_secs(60)) {
        Ok(out) => out.expect("output"),
        Err(_) => {
            unblock();
            let _ = receive.recv_timeout(Duration::from_secs(10));
            panic!("the program blocked on a named pipe");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_among_the_content_files_is_refused_without_blocking() {
    let dir = minimal();
    let fifo = dir.path().join("fr/liver.ron");
    std::fs::remove_file(&fifo).expect("remove");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mkfifo is not available");
        return;
    }
    let mut command = program();
    command.args(["check", "--content"]).arg(dir.path());
    let out = run_unblocking(command, || {
        let _ = std::fs::write(&fifo, b"");
    });
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("liver.ron"), "{stdout}");
    assert!(stdout.contains("FIFO"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn dev_zero_as_the_settings_file_is_a_warning_not_a_hang() {
    let out = program()
        .args(["check", "--settings", "/dev/zero"])
        .output()
        .expect("runs");
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("périphérique"), "{stdout}");
    assert!(stdout.contains("mode borne activé"), "{stdout}");
}

#[cfg(target_os = "linux")]
#[test]
fn exporting_to_a_full_disk_on_the_standard_output_fails_with_a_sentence() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("SKIPPED: no /dev/full here");
        return;
    };
    let out = program()
        .args(["export", "--tab", "basics", "-o", "-"])
        .stdout(full)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("le disque est plein"), "{stderr}");
}

#[cfg(target_os = "linux")]
#[test]
fn listing_to_a_full_disk_fails_with_a_sentence() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("SKIPPED: no /dev/full here");
        return;
    };
    let out = program()
        .args(["list", "--lang", "en"])
        .stdout(full)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("the disk is full"), "{stderr}");
}

#[test]
fn listing_to_a_reader_that_has_gone_fails_quietly() {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = program().arg("list").stdout(writer).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn control_characters_in_the_content_are_escaped_on_the_terminal() {
    let dir = minimal();
    let file = dir.path().join("fr/basics.ron");
    let source = std::fs::read_to_string(&file).expect("read");
    // ESC [2J clears the screen; ESC ]0;… retitles the terminal.
    let hostile = source.replace(
        "title: \"Titre basics\"",
        "title: \"Titre\\u{1b}[2J\\u{1b}]0;pwned\\u{7} basics\"",
    );
    assert_ne!(hostile, source, "the fixture changed");
    std::fs::write(&file, hostile).expect("write");
    let out = program()
        .arg("list")
        .arg("--content")
        .arg(dir.path())
        .output()
        .expect("runs");
    // The tab is hidden (its title has characters the font cannot draw);
    // the diagnostic that says so names them, escaped.
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    for bytes in [&out.stdout, &out.stderr] {
        assert!(
            !bytes.contains(&0x1b),
            "a raw escape: {stdout:?} {stderr:?}"
        );
        assert!(!bytes.contains(&0x07), "a raw bell: {stdout:?} {stderr:?}");
    }
    assert!(stderr.contains("\\u{1b}"), "{stderr}");
    assert!(stderr.contains("\\u{7}"), "{stderr}");
}
