//! Watching a content folder: a save is reported once it settles, with the
//! file's path. The window's live reload and `check --watch` rest on this.

use std::fs;
use std::time::Duration;

use patient_info::watch::{Change, Watcher};

/// A guard against a hang, never a measure: the wait ends as soon as the
/// change arrives.
const GUARD: Duration = Duration::from_secs(60);

#[test]
fn a_write_in_a_watched_folder_is_reported_with_its_path() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let fr = dir.path().join("fr");
    fs::create_dir_all(&fr).unwrap_or_else(|e| panic!("{e}"));
    let (watcher, changes) = Watcher::channel(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(watcher.dir(), dir.path());

    // An editor's swap file, then the content file itself.
    fs::write(fr.join(".basics.ron.swp"), b"swap").unwrap_or_else(|e| panic!("{e}"));
    fs::write(fr.join("basics.ron"), b"Tab()").unwrap_or_else(|e| panic!("{e}"));
    let change = changes.recv_timeout(GUARD);
    let Ok(Change::Saved(paths)) = change else {
        panic!("no save reported: {change:?}");
    };
    assert!(
        paths
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "ron")),
        "{paths:?}"
    );
    assert!(
        paths.iter().any(|p| p.ends_with("fr/basics.ron")),
        "{paths:?}"
    );
}

#[test]
fn dropping_the_watcher_closes_its_channel() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (watcher, changes) = Watcher::channel(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    drop(watcher);
    // Closed, not merely quiet: the receive ends with `Disconnected` as soon
    // as the watching thread has stopped.
    assert_eq!(
        changes.recv_timeout(GUARD),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected)
    );
}

#[test]
fn a_folder_that_does_not_exist_cannot_be_watched() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let missing = dir.path().join("absent");
    assert!(Watcher::channel(&missing).is_err());
}
