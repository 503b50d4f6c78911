//! The window's fonts only: with the configuration `system_fonts` points
//! fontconfig at, fontdb (the font list under iced's text, the same version)
//! lists no system font, where it lists the system's without it.
//!
//! `harness = false` (Cargo.toml): this runs on the process's only thread,
//! the one case where the environment may be changed, which is what
//! `use_only_built_in` checks before it sets the variable.

#[cfg(all(unix, not(target_os = "macos")))]
fn main() {
    use patient_info::system_fonts::{VARIABLE, restore_for_child, use_only_built_in};

    fn listed() -> usize {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        db.len()
    }
    fn set(name: &str, value: Option<&std::ffi::OsStr>) {
        // SAFETY: this test program runs no other thread (`harness = false`).
        #[allow(unsafe_code)]
        unsafe {
            match value {
                Some(value) => std::env::set_var(name, value),
                None => std::env::remove_var(name),
            }
        }
    }

    let runtime = tempfile::tempdir().expect("a temporary folder");
    set("XDG_RUNTIME_DIR", Some(runtime.path().as_os_str()));
    set(VARIABLE, None);
    let system = listed();

    // A FONTCONFIG_FILE the user set is kept: nothing is written.
    set(VARIABLE, Some("/etc/fonts/fonts.conf".as_ref()));
    assert_eq!(
        use_only_built_in(),
        None,
        "the user's configuration is kept"
    );
    assert_eq!(
        std::env::var_os(VARIABLE).as_deref(),
        Some("/etc/fonts/fonts.conf".as_ref())
    );
    assert!(!runtime.path().join("patient-info").exists());

    // Otherwise the variable names the configuration written in the runtime
    // folder, and fontdb lists no font at all.
    set(VARIABLE, None);
    let file = use_only_built_in().expect("set on a single thread");
    assert_eq!(file, runtime.path().join("patient-info").join("fonts.conf"));
    assert_eq!(
        std::env::var_os(VARIABLE),
        Some(file.clone().into_os_string())
    );
    assert_eq!(
        listed(),
        0,
        "no system font is listed with {}",
        file.display()
    );

    // A program the window starts does not inherit it.
    let mut child = std::process::Command::new("sh");
    child.args(["-c", "printf %s \"${FONTCONFIG_FILE-unset}\""]);
    restore_for_child(&mut child);
    let out = child.output().expect("sh runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "unset");

    // Once a second thread runs, nothing is set any more.
    set(VARIABLE, None);
    let (stop, parked) = std::sync::mpsc::channel::<()>();
    let other = std::thread::spawn(move || {
        let _ = parked.recv();
    });
    assert_eq!(use_only_built_in(), None, "two threads: left alone");
    assert_eq!(std::env::var_os(VARIABLE), None);
    let _ = stop.send(());
    let _ = other.join();

    println!(
        "system_fonts: fontdb lists {system} system font faces by default, 0 with the window's configuration"
    );
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn main() {
    // Windows and macOS: fontconfig plays no part; nothing to check.
}
