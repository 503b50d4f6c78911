//! A private Xvfb server and the few X11 requests the window smoke tests and
//! the startup bench need: find a program's window, read its pixels, and
//! ask it to close the way a window manager's close button does
//! (`WM_DELETE_WINDOW`); xdotool for input. Shared by `tests/window_smoke.rs`,
//! `tests/window_kiosk_smoke.rs` and `benches/window_startup.rs`.

#![allow(dead_code)]

use std::collections::HashSet;
use std::env;
use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    AtomEnum, ClientMessageEvent, ConnectionExt as _, EventMask, ImageFormat, MapState, Window,
};
use x11rb::rust_connection::RustConnection;

pub type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// A program in `PATH`, or why it is missing.
pub fn program(name: &str) -> std::result::Result<PathBuf, String> {
    let path = env::var_os("PATH").unwrap_or_default();
    env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .ok_or_else(|| format!("`{name}` is not installed"))
}

/// An Xvfb server of our own, stopped when dropped.
pub struct Xvfb {
    child: Child,
    pub display: String,
    pub conn: RustConnection,
    pub root: Window,
}

impl Xvfb {
    /// Starts Xvfb on the first free display from :91, with a screen of
    /// `width`×`height`, and connects to it.
    pub fn start(width: u32, height: u32) -> Result<Xvfb> {
        let xvfb = program("Xvfb")?;
        let number = (91..200)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .ok_or("no free X display between :91 and :199")?;
        let display = format!(":{number}");
        let mut child = Command::new(xvfb)
            .args([
                display.as_str(),
                "-screen",
                "0",
                &format!("{width}x{height}x24"),
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let started = Instant::now();
        loop {
            if let Ok((conn, screen)) = x11rb::connect(Some(&display)) {
                let root = conn.setup().roots[screen].root;
                return Ok(Xvfb {
                    child,
                    display,
                    conn,
                    root,
                });
            }
            if let Some(status) = child.try_wait()? {
                return Err(format!("Xvfb {display} stopped: {status}").into());
            }
            if started.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                return Err(format!("Xvfb {display} did not answer within 10 s").into());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// A command for a program that draws on this server: the display set,
    /// Wayland hidden, the software renderer forced, a private runtime dir.
    pub fn command(&self, program: &Path, runtime_dir: &Path) -> Command {
        let mut command = Command::new(program);
        command
            .env("DISPLAY", &self.display)
            .env("ICED_BACKEND", "tiny-skia")
            .env("XDG_RUNTIME_DIR", runtime_dir)
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("WAYLAND_SOCKET");
        command
    }

    fn atom(&self, name: &str) -> Result<u32> {
        Ok(self.conn.intern_atom(false, name.as_bytes())?.reply()?.atom)
    }

    /// The viewable top-level window of process `pid`, if it has one yet.
    pub fn window_of(&self, pid: u32) -> Result<Option<Window>> {
        let net_wm_pid = self.atom("_NET_WM_PID")?;
        let tree = self.conn.query_tree(self.root)?.reply()?;
        for window in tree.children {
            let prop = self
                .conn
                .get_property(false, window, net_wm_pid, AtomEnum::CARDINAL, 0, 1)?
                .reply()?;
            let owner = prop.value32().and_then(|mut v| v.next());
            if owner != Some(pid) {
                continue;
            }
            let attributes = self.conn.get_window_attributes(window)?.reply()?;
            if attributes.map_state == MapState::VIEWABLE {
                return Ok(Some(window));
            }
        }
        Ok(None)
    }

    /// The size of a window.
    pub fn size(&self, window: Window) -> Result<(u16, u16)> {
        let geometry = self.conn.get_geometry(window)?.reply()?;
        Ok((geometry.width, geometry.height))
    }

    /// How many different colours a band of the window shows, from `top`
    /// and `rows` high (the whole window when `rows` is 0). A window that
    /// has not drawn yet shows one colour.
    pub fn colours(&self, window: Window, top: u16, rows: u16) -> Result<usize> {
        let colours: HashSet<[u8; 3]> = self.band(window, top, rows)?.collect();
        Ok(colours.len())
    }

    /// Whether a band of the window shows more than one colour (see
    /// [`Xvfb::colours`]), stopping at the first pixel that differs: cheap
    /// enough to poll for a first frame without taking much of the CPU the
    /// program being timed needs.
    pub fn drawn(&self, window: Window, top: u16, rows: u16) -> Result<bool> {
        let mut pixels = self.band(window, top, rows)?;
        let first = pixels.next();
        Ok(pixels.any(|p| Some(p) != first))
    }

    /// The RGB pixels of a band of the window, from `top` and `rows` high
    /// (the whole window when `rows` is 0).
    fn band(
        &self,
        window: Window,
        top: u16,
        rows: u16,
    ) -> Result<impl Iterator<Item = [u8; 3]> + use<>> {
        let (width, height) = self.size(window)?;
        let rows = if rows == 0 {
            height
        } else {
            rows.min(height.saturating_sub(top))
        };
        let image = self
            .conn
            .get_image(
                ImageFormat::Z_PIXMAP,
                window,
                0,
                top as i16,
                width,
                rows,
                !0,
            )?
            .reply()?;
        let data = image.data;
        Ok((0..data.len() / 4).map(move |i| [data[4 * i], data[4 * i + 1], data[4 * i + 2]]))
    }

    /// Asks the window to close, as a window manager's close button does.
    pub fn close(&self, window: Window) -> Result<()> {
        let protocols = self.atom("WM_PROTOCOLS")?;
        let delete = self.atom("WM_DELETE_WINDOW")?;
        let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
        self.conn
            .send_event(false, window, EventMask::NO_EVENT, event)?;
        self.conn.flush()?;
        Ok(())
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        // SIGTERM lets Xvfb remove its socket and lock file; SIGKILL (what
        // `Child::kill` sends) would leave them and use up display numbers.
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let stopped = wait_for(Duration::from_secs(5), Duration::from_millis(20), || {
            Ok(self.child.try_wait()?)
        });
        if !matches!(stopped, Ok(Some(_))) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Waits until `check` gives a value, or `limit` passes.
pub fn wait_for<T>(
    limit: Duration,
    step: Duration,
    mut check: impl FnMut() -> Result<Option<T>>,
) -> Result<Option<T>> {
    let started = Instant::now();
    loop {
        if let Some(value) = check()? {
            return Ok(Some(value));
        }
        if started.elapsed() > limit {
            return Ok(None);
        }
        thread::sleep(step);
    }
}

/// The resident memory of a process, in kB, from `/proc`.
pub fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// The path of xdotool, when Xvfb and xdotool are both installed; otherwise
/// prints `SKIPPED: <reason>` on stderr (so the reason is in the log) and
/// gives `None`. `test` names the test in the reason.
pub fn xdotool_or_skip(test: &str) -> Option<PathBuf> {
    match program("Xvfb").and_then(|_| program("xdotool")) {
        Ok(path) => Some(path),
        Err(reason) => {
            eprintln!("SKIPPED: {reason}; install xvfb and xdotool to run the {test}");
            None
        }
    }
}

/// Runs xdotool against the server; a failure is the caller's failure.
pub fn xdotool(xvfb: &Xvfb, xdotool: &Path, args: &[&str]) -> Result<()> {
    let status = Command::new(xdotool)
        .env("DISPLAY", &xvfb.display)
        .args(args)
        .stdout(Stdio::null())
        .status()?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("xdotool {args:?} failed: {status}").into())
    }
}

/// The window of `app` once it appears (within 15 s); `still_running`
/// fails the wait as soon as the program has died.
pub fn wait_for_window(
    xvfb: &Xvfb,
    app: &mut Child,
    mut still_running: impl FnMut(&mut Child) -> Result<()>,
) -> Result<Window> {
    let pid = app.id();
    let window = wait_for(Duration::from_secs(15), Duration::from_millis(50), || {
        still_running(app)?;
        xvfb.window_of(pid)
    })?
    .ok_or("no window appeared within 15 s")?;
    Ok(window)
}

/// How many colours the window shows once it has drawn a non-blank frame
/// (more than 50 colours, within 10 s).
pub fn wait_for_frame(xvfb: &Xvfb, window: Window) -> Result<usize> {
    let colours = wait_for(Duration::from_secs(10), Duration::from_millis(100), || {
        let colours = xvfb.colours(window, 0, 0)?;
        Ok((colours > 50).then_some(colours))
    })?
    .ok_or("the window stayed blank for 10 s")?;
    Ok(colours)
}

/// Passes on the result of driving `app`; on a failure, first stops `app`
/// and shows its stderr, written to `err`.
pub fn stop_on_failure(app: &mut Child, err: &Path, result: Result<()>) -> Result<()> {
    if result.is_err() {
        let _ = app.kill();
        let _ = app.wait();
        eprintln!(
            "window stderr:\n{}",
            std::fs::read_to_string(err).unwrap_or_default()
        );
    }
    result
}
