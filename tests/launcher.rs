//! The Linux launcher (resources/linux/): its desktop entries pass
//! `desktop-file-validate`, the icon they name is there and renders, and
//! `packaging/linux/install` puts the program, its menu entry, its icons and
//! the kiosk service under a prefix, each naming the installed program.
//! A test whose tool is missing prints `SKIPPED: <reason>` on stderr.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn linux() -> PathBuf {
    root().join("resources/linux")
}

/// The program on the PATH, or `None` after saying the test skips.
fn tool(name: &str, package: &str, what: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file());
    if found.is_none() {
        eprintln!("SKIPPED: {what}: `{name}` is missing (apt-get install {package})");
    }
    found
}

fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The value of `key` in a desktop entry's main group.
fn key(entry: &str, key: &str) -> Option<String> {
    entry
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .map(str::to_string)
}

fn shipped_entries() -> Vec<PathBuf> {
    ["patient-info.desktop", "patient-info-kiosk.desktop"]
        .iter()
        .map(|f| linux().join(f))
        .collect()
}

fn validate(validator: &Path, entry: &Path) -> Result<()> {
    let out = Command::new(validator).arg(entry).output()?;
    // It prints hints even for valid files; errors and warnings fail.
    let text = said(&out);
    assert!(
        out.status.success() && !text.contains("error:") && !text.contains("warning:"),
        "{}: {text}",
        entry.display()
    );
    Ok(())
}

#[test]
fn the_desktop_entries_are_valid() -> Result<()> {
    let Some(validator) = tool(
        "desktop-file-validate",
        "desktop-file-utils",
        "desktop entries",
    ) else {
        return Ok(());
    };
    for entry in shipped_entries() {
        validate(&validator, &entry)?;
    }
    // The validator does fail: a broken copy is refused.
    let scratch = tempfile::tempdir()?;
    let broken = scratch.path().join("broken.desktop");
    let text = fs::read_to_string(linux().join("patient-info.desktop"))?;
    fs::write(&broken, text.replace("Type=Application\n", ""))?;
    let out = Command::new(&validator).arg(&broken).output()?;
    assert!(!out.status.success(), "{}", said(&out));
    Ok(())
}

#[test]
fn the_menu_entry_is_in_french_with_english_names() -> Result<()> {
    let entry = fs::read_to_string(linux().join("patient-info.desktop"))?;
    let name = key(&entry, "Name").ok_or("no Name")?;
    assert!(name.contains("Cancer du foie"), "{name}");
    let en = key(&entry, "Name[en]").ok_or("no Name[en]")?;
    assert!(en.contains("Liver cancer"), "{en}");
    assert!(key(&entry, "Comment[en]").is_some());
    assert_eq!(key(&entry, "Exec").as_deref(), Some("patient-info"));
    // The Wayland app id and X11 class the window sets (src/ui.rs).
    assert_eq!(
        key(&entry, "StartupWMClass").as_deref(),
        Some("patient-info")
    );
    Ok(())
}

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(..8)? != b"\x89PNG\r\n\x1a\n" || bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let word = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    Some((word(16)?, word(20)?))
}

#[test]
fn the_icon_each_entry_names_exists_and_renders() -> Result<()> {
    for entry in shipped_entries() {
        let icon = key(&fs::read_to_string(&entry)?, "Icon").ok_or("no Icon")?;
        let svg = linux().join(format!("{icon}.svg"));
        assert!(
            svg.is_file(),
            "{} names {icon}: no {}",
            entry.display(),
            svg.display()
        );
    }
    for (file, size) in [("patient-info-48.png", 48), ("patient-info-256.png", 256)] {
        let bytes = fs::read(linux().join(file))?;
        assert_eq!(png_size(&bytes), Some((size, size)), "{file}");
    }
    let Some(rsvg) = tool("rsvg-convert", "librsvg2-bin", "rendering the icon") else {
        return Ok(());
    };
    let scratch = tempfile::tempdir()?;
    let png = scratch.path().join("icon.png");
    let out = Command::new(rsvg)
        .args(["-w", "64", "-h", "64", "-o"])
        .arg(&png)
        .arg(linux().join("patient-info.svg"))
        .output()?;
    assert!(out.status.success(), "{}", said(&out));
    let bytes = fs::read(&png)?;
    assert_eq!(png_size(&bytes), Some((64, 64)));
    Ok(())
}

/// Runs the install script with these arguments.
fn install(args: &[&std::ffi::OsStr]) -> Result<Output> {
    Ok(Command::new(root().join("packaging/linux/install"))
        .args(args)
        .env_remove("XDG_CONFIG_HOME")
        .output()?)
}

/// The path in an `Exec=` or `ExecStart=` value: the first word, quoted
/// or not.
fn program_of(exec: &str) -> String {
    match exec.strip_prefix('"') {
        Some(rest) => rest.split('"').next().unwrap_or_default().to_string(),
        None => exec.split(' ').next().unwrap_or_default().to_string(),
    }
}

#[test]
fn the_install_script_puts_everything_under_the_prefix() -> Result<()> {
    let scratch = tempfile::tempdir()?;
    // A space in the prefix, as in a home folder « Mes documents ».
    let prefix = scratch.path().join("my prefix");
    let config = scratch.path().join("config");
    let binary = Path::new(env!("CARGO_BIN_EXE_patient-info"));
    let out = install(&[
        "--prefix".as_ref(),
        prefix.as_os_str(),
        "--binary".as_ref(),
        binary.as_os_str(),
        "--kiosk".as_ref(),
        "--config".as_ref(),
        config.as_os_str(),
    ])?;
    assert!(out.status.success(), "{}", said(&out));

    let bin = prefix.join("bin/patient-info");
    assert_eq!(
        fs::read(&bin)?,
        fs::read(binary)?,
        "the installed program differs"
    );
    assert!(fs::metadata(&bin)?.permissions().mode() & 0o111 != 0);
    let icons = prefix.join("share/icons/hicolor");
    for icon in [
        "scalable/apps/patient-info.svg",
        "48x48/apps/patient-info.png",
        "256x256/apps/patient-info.png",
    ] {
        assert!(icons.join(icon).is_file(), "no {icon}");
    }

    // The menu entry and the kiosk service both run the installed program.
    let entry_path = prefix.join("share/applications/patient-info.desktop");
    let entry = fs::read_to_string(&entry_path)?;
    let exec = key(&entry, "Exec").ok_or("no Exec")?;
    assert_eq!(Path::new(&program_of(&exec)), bin, "{exec}");
    assert_eq!(key(&entry, "TryExec").map(PathBuf::from), Some(bin.clone()));
    let service = fs::read_to_string(config.join("systemd/user/patient-info-kiosk.service"))?;
    let start = key(&service, "ExecStart").ok_or("no ExecStart")?;
    assert_eq!(Path::new(&program_of(&start)), bin, "{start}");
    assert!(start.ends_with(" --kiosk"), "{start}");
    assert!(key(&service, "Restart").as_deref() == Some("always"));
    assert!(
        config
            .join("autostart/patient-info-kiosk.desktop")
            .is_file()
    );

    // The installed program runs.
    let version = Command::new(&bin).arg("--version").output()?;
    assert!(version.status.success(), "{}", said(&version));
    assert!(said(&version).contains(env!("CARGO_PKG_VERSION")));

    if let Some(validator) = tool(
        "desktop-file-validate",
        "desktop-file-utils",
        "the installed entry",
    ) {
        validate(&validator, &entry_path)?;
    }

    // And --uninstall takes it all away again.
    let out = install(&[
        "--uninstall".as_ref(),
        "--prefix".as_ref(),
        prefix.as_os_str(),
        "--config".as_ref(),
        config.as_os_str(),
    ])?;
    assert!(out.status.success(), "{}", said(&out));
    assert!(!bin.exists() && !entry_path.exists());
    assert!(
        !config
            .join("systemd/user/patient-info-kiosk.service")
            .exists()
    );
    Ok(())
}

#[test]
fn the_install_script_says_what_is_missing() -> Result<()> {
    let scratch = tempfile::tempdir()?;
    let prefix = scratch.path().join("p");
    let out = install(&[
        "--prefix".as_ref(),
        prefix.as_os_str(),
        "--binary".as_ref(),
        scratch.path().join("nothing-here").as_os_str(),
    ])?;
    assert_eq!(out.status.code(), Some(1));
    assert!(
        said(&out).contains("cargo build --release"),
        "{}",
        said(&out)
    );
    assert!(!prefix.join("bin/patient-info").exists());

    let out = install(&["--prefix".as_ref(), "/tmp/$HOME".as_ref()])?;
    assert_eq!(out.status.code(), Some(1));
    assert!(said(&out).contains("character"), "{}", said(&out));
    Ok(())
}
