//! The real window under Xvfb: it starts, shows a non-blank frame within a
//! few seconds, survives clicks and keys sent with xdotool, and exits with
//! success when asked to close. Without Xvfb or xdotool it prints
//! `SKIPPED: <reason>` on stderr and passes, so the reason is in the log.
//! While it runs, it holds no socket but to the X server, the print server
//! and the session bus: no network (tests/support/sockets.rs).

#![cfg(feature = "gui")]

#[path = "support/sockets.rs"]
mod sockets;
#[path = "support/x11.rs"]
mod x11;

use std::fs;
use std::path::Path;
use std::process::Child;
use std::time::Duration;

use x11::{
    Result, Xvfb, stop_on_failure, wait_for, wait_for_frame, wait_for_window, xdotool,
    xdotool_or_skip,
};

const WIDTH: u32 = 1280;
const HEIGHT: u32 = 800;

fn still_running(app: &mut Child, log: &Path) -> Result<()> {
    match app.try_wait()? {
        None => Ok(()),
        Some(status) => Err(format!(
            "the window died ({status}); its output:\n{}",
            fs::read_to_string(log).unwrap_or_default()
        )
        .into()),
    }
}

#[test]
fn the_window_starts_draws_takes_input_and_closes_cleanly() -> Result<()> {
    let Some(xdotool_path) = xdotool_or_skip("window smoke test") else {
        return Ok(());
    };
    let xvfb = Xvfb::start(WIDTH, HEIGHT)?;
    let scratch = tempfile::tempdir()?;
    let log = scratch.path().join("window.log");
    let runtime = scratch.path().join("runtime");
    fs::create_dir(&runtime)?;
    let err = scratch.path().join("window.err");
    let mut app = xvfb
        .command(Path::new(env!("CARGO_BIN_EXE_patient-info")), &runtime)
        .stdout(fs::File::create(&log)?)
        .stderr(fs::File::create(&err)?)
        .spawn()?;
    let result = drive(&xvfb, &xdotool_path, &mut app, &log, &runtime);
    stop_on_failure(&mut app, &err, result)
}

/// The D-Bus session bus addresses the window may reach: the one in its
/// runtime folder, and the one the test itself was given, if any.
fn session_bus(runtime: &Path) -> Vec<String> {
    let mut bus = vec![runtime.join("bus").display().to_string()];
    let address = std::env::var("DBUS_SESSION_BUS_ADDRESS").unwrap_or_default();
    for part in address.split([';', ',']) {
        if let Some(path) = part.strip_prefix("unix:path=") {
            bus.push(path.to_string());
        } else if let Some(name) = part.strip_prefix("unix:abstract=") {
            bus.push(format!("@{name}"));
        }
    }
    bus
}

/// Fails when the window holds a socket other than to the X server, the
/// print server or the session bus (see tests/support/sockets.rs).
fn no_network(app: &Child, runtime: &Path, when: &str) -> Result<()> {
    let own = sockets::own_sockets(app.id())?;
    let tables = sockets::read_tables(app.id())?;
    if tables.peers.is_none() {
        eprintln!(
            "SKIPPED: whom the window's unix sockets talk to ({when}): `ss` (iproute2) is \
             missing; its TCP and UDP sockets are still checked"
        );
    }
    let problems = sockets::judge(&own, &tables, &session_bus(runtime));
    if problems.is_empty() {
        eprintln!("{when}: {} sockets, each allowed", own.len());
        Ok(())
    } else {
        Err(format!(
            "{when}, the window holds sockets it should not:\n{}",
            problems.join("\n")
        )
        .into())
    }
}

fn drive(
    xvfb: &Xvfb,
    xdotool_path: &Path,
    app: &mut Child,
    log: &Path,
    runtime: &Path,
) -> Result<()> {
    let window = wait_for_window(xvfb, app, |app| still_running(app, log))?;

    // A non-blank frame: the header, tabs and text draw many colours.
    let first = wait_for_frame(xvfb, window)?;
    no_network(app, runtime, "after the first frame")?;

    // No window manager here: give the window the keyboard by hand.
    let id = window.to_string();
    xdotool(xvfb, xdotool_path, &["windowfocus", &id])?;
    let (w, h) = xvfb.size(window)?;
    let clicks = [
        (w / 2, h / 2),      // the reading pane
        (w / 10, h / 3),     // the section list
        (w / 2, h / 5),      // the tab row
        (w - w / 10, h / 2), // wherever the definition panel may be
    ];
    for (x, y) in clicks {
        let (x, y) = (x.to_string(), y.to_string());
        xdotool(
            xvfb,
            xdotool_path,
            &["mousemove", "--window", &id, &x, &y, "click", "1"],
        )?;
        still_running(app, log)?;
    }
    for keys in [
        &["Tab", "Tab", "Return"][..],
        &["ctrl+plus", "ctrl+plus", "Next", "End", "Home"],
        &["ctrl+5"],
        &["ctrl+6", "Tab", "space", "Escape", "ctrl+0", "shift+Tab"],
        &["ctrl+1", "Down", "Prior"],
    ] {
        let mut args = vec!["key", "--delay", "30"];
        args.extend_from_slice(keys);
        xdotool(xvfb, xdotool_path, &args)?;
        still_running(app, log)?;
    }
    no_network(app, runtime, "after clicks and keys")?;
    let after = xvfb.colours(window, 0, 0)?;
    assert!(
        after > 50,
        "the window went blank after input ({after} colours, {first} before)"
    );

    xvfb.close(window)?;
    let status = wait_for(Duration::from_secs(10), Duration::from_millis(50), || {
        Ok(app.try_wait()?)
    })?
    .ok_or("the window did not close within 10 s of the close request")?;
    assert!(status.success(), "the window exited with {status}");
    Ok(())
}

/// Runs the window against a display that is named but not there.
fn against(display: Option<&str>, wayland: Option<&str>) -> Result<std::process::Output> {
    let runtime = tempfile::tempdir()?;
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_patient-info"));
    command
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("XDG_RUNTIME_DIR", runtime.path());
    if let Some(display) = display {
        command.env("DISPLAY", display);
    }
    if let Some(wayland) = wayland {
        command.env("WAYLAND_DISPLAY", wayland);
    }
    Ok(command.output()?)
}

#[test]
fn a_display_that_is_named_but_unreachable_gets_a_sentence_not_a_panic() -> Result<()> {
    // :251 is outside the range the tests' Xvfb uses, and nothing listens
    // there; a Wayland socket name that does not exist.
    for (display, wayland) in [
        (Some(":251"), None),
        (None, Some("no-such-compositor-here")),
    ] {
        let out = against(display, wayland)?;
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{said}");
        assert!(said.contains("cannot be reached"), "{said}");
        assert!(!said.contains("panicked"), "{said}");
    }
    Ok(())
}
