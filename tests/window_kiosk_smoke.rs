//! The real window in kiosk mode under Xvfb (no window manager): it covers
//! the whole screen, draws, refuses a close request (the process stays
//! alive), and after Ctrl+Alt+Q and the staff code typed on the keyboard it
//! accepts the next close request and exits with success. Without Xvfb or
//! xdotool it prints `SKIPPED: <reason>` on stderr and passes, so the
//! reason is in the log.

#![cfg(feature = "gui")]

#[path = "support/x11.rs"]
mod x11;

use std::fs;
use std::path::Path;
use std::process::{Child, Stdio};
use std::thread;
use std::time::Duration;

use x11::{
    Result, Xvfb, stop_on_failure, wait_for, wait_for_frame, wait_for_window, xdotool,
    xdotool_or_skip,
};
use x11rb::protocol::xproto::{ConnectionExt as _, Window};

/// A screen of another size than the window's default 1280×800, so that
/// covering it is the kiosk's doing.
const WIDTH: u16 = 1024;
const HEIGHT: u16 = 768;

/// Where the window sits and how large it is.
fn geometry(xvfb: &Xvfb, window: Window) -> Result<(i16, i16, u16, u16)> {
    let g = xvfb.conn.get_geometry(window)?.reply()?;
    Ok((g.x, g.y, g.width, g.height))
}

#[test]
fn a_kiosk_window_covers_the_screen_refuses_to_close_and_lets_staff_out() -> Result<()> {
    let Some(xdotool_path) = xdotool_or_skip("kiosk smoke test") else {
        return Ok(());
    };
    let xvfb = Xvfb::start(WIDTH.into(), HEIGHT.into())?;
    let scratch = tempfile::tempdir()?;
    let settings = scratch.path().join("settings.ron");
    fs::write(&settings, "(kiosk: true, staff_exit_code: \"2468\")")?;
    let runtime = scratch.path().join("runtime");
    fs::create_dir(&runtime)?;
    let err = scratch.path().join("window.err");
    let mut app = xvfb
        .command(Path::new(env!("CARGO_BIN_EXE_patient-info")), &runtime)
        .arg("--settings")
        .arg(&settings)
        .stdout(Stdio::null())
        .stderr(fs::File::create(&err)?)
        .spawn()?;
    let result = drive(&xvfb, &xdotool_path, &mut app);
    stop_on_failure(&mut app, &err, result)
}

fn still_running(app: &mut Child) -> Result<()> {
    match app.try_wait()? {
        None => Ok(()),
        Some(status) => Err(format!("the window died ({status})").into()),
    }
}

fn drive(xvfb: &Xvfb, xdotool_path: &Path, app: &mut Child) -> Result<()> {
    let window = wait_for_window(xvfb, app, still_running)?;

    let screen = (0, 0, WIDTH, HEIGHT);
    let covered = wait_for(Duration::from_secs(10), Duration::from_millis(50), || {
        let g = geometry(xvfb, window)?;
        Ok((g == screen).then_some(g))
    })?;
    assert_eq!(
        covered,
        Some(screen),
        "the window does not cover the screen: {:?}",
        geometry(xvfb, window)?
    );
    wait_for_frame(xvfb, window)?;

    // A close request, as a window manager's close button sends it: the
    // kiosk stays.
    xvfb.close(window)?;
    let exited = wait_for(Duration::from_secs(3), Duration::from_millis(50), || {
        Ok(app.try_wait()?)
    })?;
    assert_eq!(exited, None, "the kiosk closed on a close request");

    // Staff: Ctrl+Alt+Q, the code, Enter; then closing works.
    let id = window.to_string();
    xdotool(xvfb, xdotool_path, &["windowfocus", &id])?;
    xdotool(xvfb, xdotool_path, &["key", "ctrl+alt+q"])?;
    // Pacing only: the keypad's listener replaces the window's.
    thread::sleep(Duration::from_millis(500));
    xdotool(
        xvfb,
        xdotool_path,
        &["key", "--delay", "100", "2", "4", "6", "8", "Return"],
    )?;
    thread::sleep(Duration::from_millis(500));
    still_running(app)?;
    xvfb.close(window)?;
    let status = wait_for(Duration::from_secs(10), Duration::from_millis(50), || {
        Ok(app.try_wait()?)
    })?
    .ok_or("staff could not close the window within 10 s of the close request")?;
    assert!(status.success(), "the window exited with {status}");
    Ok(())
}
