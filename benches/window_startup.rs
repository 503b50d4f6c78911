//! Launch-to-first-frame time and resident memory after 3 s idle of the
//! window, against a bare iced 0.14 window (`examples/bare_window.rs`) built
//! with the same features and profile, both under a private Xvfb with the
//! software renderer. Run it with `benches/window.sh`, which builds both in
//! release first. The two are launched in turn, each run after the other
//! program's. Targets: start ≤ 1.3× the bare window's, RSS < 40 MB; the
//! program exits with 1 when one is missed.
//!
//! Usage: window_startup [APP BARE] [--runs N] (`cargo bench` passes
//! `--bench`; under `cargo test` it does nothing).

#[path = "../tests/support/x11.rs"]
mod x11;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use x11::{Result, Xvfb, rss_kb, wait_for};

/// The start may take at most this many times the bare window's.
const MAX_START_RATIO: f64 = 1.3;
/// Resident memory after 3 s idle must stay under this.
const MAX_RSS_MB: f64 = 40.0;

/// One launch: time to the first drawn frame, and RSS after 3 s idle.
struct Run {
    first_frame: Duration,
    rss_kb: u64,
}

fn launch(xvfb: &Xvfb, program: &Path) -> Result<Run> {
    let runtime = tempfile::tempdir()?;
    let started = Instant::now();
    let mut child = xvfb
        .command(program, runtime.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let pid = child.id();
    // The first frame: the window is mapped and its top band (title, text)
    // shows more than one colour. iced maps the window before it draws, so
    // this is polled while the program draws: every 2 ms, on a thin band,
    // stopping at the first pixel that differs, so that the probe (and the
    // X server answering it) take little of the CPU the program needs.
    let frame = wait_for(Duration::from_secs(20), Duration::from_millis(2), || {
        if let Some(status) = child.try_wait()? {
            return Err(format!("{} exited early: {status}", program.display()).into());
        }
        match xvfb.window_of(pid)? {
            Some(window) => Ok(xvfb.drawn(window, 0, 48)?.then_some(window)),
            None => Ok(None),
        }
    })?;
    let first_frame = started.elapsed();
    let Some(window) = frame else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(format!("{} drew nothing within 20 s", program.display()).into());
    };
    thread::sleep(Duration::from_secs(3));
    let rss = rss_kb(pid).unwrap_or_default();
    xvfb.close(window)?;
    let closed = wait_for(Duration::from_secs(10), Duration::from_millis(20), || {
        Ok(child.try_wait()?)
    })?;
    if closed.is_none() {
        let _ = child.kill();
        let _ = child.wait();
    }
    Ok(Run {
        first_frame,
        rss_kb: rss,
    })
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => 0.0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// The two programs: from the command line, or beside this bench in the
/// target folder (`target/release/deps/window_startup-…`).
fn programs(args: &[String]) -> Result<(PathBuf, PathBuf)> {
    let paths: Vec<&String> = args
        .iter()
        .filter(|a| !a.starts_with("--") && a.parse::<u32>().is_err())
        .collect();
    if let [app, bare] = paths.as_slice() {
        return Ok((PathBuf::from(app), PathBuf::from(bare)));
    }
    let exe = env::current_exe()?;
    let profile = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("cannot find the target folder")?;
    Ok((
        profile.join("patient-info"),
        profile.join("examples").join("bare_window"),
    ))
}

fn run() -> Result<bool> {
    let args: Vec<String> = env::args().skip(1).collect();
    // `cargo test --all-targets` runs bench targets too, without `--bench`:
    // measuring then would only slow the tests down.
    let paths = args
        .iter()
        .filter(|a| !a.starts_with("--") && a.parse::<u32>().is_err())
        .count();
    if !args.iter().any(|a| a == "--bench") && paths == 0 {
        println!("window_startup: measures only under `cargo bench` or benches/window.sh");
        return Ok(true);
    }
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(5usize);
    let (app, bare) = programs(&args)?;
    for program in [&app, &bare] {
        if !program.is_file() {
            return Err(format!("{} is missing: run benches/window.sh", program.display()).into());
        }
    }
    if let Err(reason) = x11::program("Xvfb") {
        eprintln!("SKIPPED: {reason}; install xvfb to measure the window");
        return Ok(true);
    }
    let xvfb = Xvfb::start(1280, 800)?;
    println!(
        "window start-up and idle memory, {runs} runs each, Xvfb {} 1280×800, tiny-skia",
        xvfb.display
    );

    let programs = [("bare iced window", &bare), ("patient-info", &app)];
    // One launch of each to warm the file cache, not counted; then the two
    // in turn, so that a change in the machine's load weighs on both.
    for (_, program) in programs {
        let _ = launch(&xvfb, program)?;
    }
    let mut runs_of = [Vec::new(), Vec::new()];
    for _ in 0..runs {
        for ((_, program), measured) in programs.iter().zip(&mut runs_of) {
            measured.push(launch(&xvfb, program)?);
        }
    }
    let mut results = Vec::new();
    for ((name, _), measured) in programs.iter().zip(&runs_of) {
        let starts: Vec<f64> = measured
            .iter()
            .map(|run| run.first_frame.as_secs_f64() * 1000.0)
            .collect();
        let rss: Vec<f64> = measured
            .iter()
            .map(|run| run.rss_kb as f64 / 1024.0)
            .collect();
        let (start, memory) = (median(starts.clone()), median(rss));
        println!(
            "{name:<18} first frame: median {start:7.1} ms (min {:.1}, max {:.1})   RSS after 3 s: median {memory:5.1} MB",
            starts.iter().copied().fold(f64::INFINITY, f64::min),
            starts.iter().copied().fold(0.0, f64::max),
        );
        results.push((start, memory));
    }
    let [(bare_start, _), (app_start, app_rss)] = results[..] else {
        return Err("missing results".into());
    };
    let ratio = app_start / bare_start;
    let start_ok = ratio <= MAX_START_RATIO;
    let rss_ok = app_rss < MAX_RSS_MB;
    println!(
        "start ratio {ratio:.2}× (target ≤ {MAX_START_RATIO}×): {}",
        if start_ok { "ok" } else { "MISSED" }
    );
    println!(
        "RSS {app_rss:.1} MB (target < {MAX_RSS_MB} MB): {}",
        if rss_ok { "ok" } else { "MISSED" }
    );
    Ok(start_ok && rss_ok)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            eprintln!("window_startup: {error}");
            ExitCode::from(2)
        }
    }
}
