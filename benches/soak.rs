//! Soak: 10,000 random interactions driven through `App::update` in kiosk
//! mode — tabs, sections, glossary words and letters, text size, language,
//! contrast, ticks, search, focus, pointer input — with synthetic time, so idle
//! resets happen along the way, and the view built after each step as the
//! window does. Resident memory (`/proc/self/statm`) is read before and
//! after; the growth must stay under 2 MB, and the program exits with 1
//! when it does not.
//!
//! `cargo bench --bench soak` (release profile). `SOAK_SEED=n` replays
//! another sequence. Under `cargo test` (no `--bench`) it does nothing.

use std::process::{Command, ExitCode};
use std::time::Duration;

use chrono::NaiveDate;
use iced::time::Instant;
use patient_info::Lang;
use patient_info::content::ContentSource;
use patient_info::ui::keys::Shortcut;
use patient_info::ui::{App, Config, Message, TabKey, glossary, kiosk, questions, reader, search};

const INTERACTIONS: usize = 10_000;
/// Interactions before the first reading: both languages loaded, every
/// screen built once, the allocator warmed up.
const WARM_UP: usize = 1_000;
const MAX_GROWTH_BYTES: i64 = 2 * 1024 * 1024;

/// A small, fixed pseudo-random sequence (xorshift64*): the same run every
/// time for a given seed.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// What the run did, to show that every kind of interaction happened.
#[derive(Debug, Default)]
struct Tally {
    messages: usize,
    resets: usize,
    warnings: usize,
}

/// One random interaction, as a patient (or the clock) would cause it: one
/// message, or the ticks of a reader walking away.
fn interaction(app: &App, dice: &mut Dice, clock: &mut Instant) -> Vec<Message> {
    if dice.below(100) == 0 {
        // Walks away: the clock starts, the warning shows, the reset comes.
        return [1, 120, 30]
            .map(|step| {
                *clock += Duration::from_secs(step);
                Message::Kiosk(kiosk::Message::Tick(*clock))
            })
            .to_vec();
    }
    vec![one(app, dice, clock)]
}

fn one(app: &App, dice: &mut Dice, clock: &mut Instant) -> Message {
    let library = app.library();
    match dice.below(15) {
        0 | 1 => {
            let tabs = app.tabs();
            let key = tabs.get(dice.below(tabs.len())).map(|(k, _)| *k);
            Message::Open(key.unwrap_or(TabKey::Content(0)))
        }
        2 | 3 => {
            let sections = app.reader.tab(library).map(|t| &t.sections);
            let id = sections
                .and_then(|s| s.get(dice.below(s.len())))
                .map(|s| s.id.clone())
                .unwrap_or_default();
            Message::Reader(reader::Message::OpenSection(id))
        }
        4 => Message::Reader(reader::Message::ShowDefinition(
            dice.below(library.glossary.terms.len()),
        )),
        5 => Message::Reader(reader::Message::CloseDefinition),
        6 => {
            let letters = glossary::letters(&library.glossary);
            let letter = letters.get(dice.below(letters.len() + 1)).copied();
            Message::Glossary(glossary::Message::ShowLetter(letter))
        }
        7 => [
            Message::TextLarger,
            Message::TextSmaller,
            Message::TextReset,
        ][dice.below(3)]
        .clone(),
        8 => Message::SetLang(Lang::ALL[dice.below(Lang::ALL.len())]),
        9 => Message::ToggleContrast,
        10 => {
            let q = &library.questions;
            match q.get(dice.below(q.len() + 1)) {
                Some(q) => Message::Questions(questions::Message::Toggle(q.id.clone())),
                None => Message::Questions(questions::Message::ClearAll),
            }
        }
        11 => [
            Message::Key(Shortcut::FocusNext),
            Message::Key(Shortcut::FocusPrevious),
            Message::Key(Shortcut::Escape),
            Message::Pointer,
            Message::Kiosk(kiosk::Message::Input),
        ][dice.below(5)]
        .clone(),
        12 => {
            // Searching: open the screen, type a word (or the word twice
            // over, which finds nothing), clear, open a result.
            const WORDS: [&str; 6] = ["foie", "cirrhose", "traitement", "liver", "ess", "zz"];
            match dice.below(4) {
                0 => Message::OpenSearch,
                1 => Message::Search(search::Message::Query(
                    WORDS[dice.below(WORDS.len())].repeat(1 + dice.below(2)),
                )),
                2 => Message::Search(search::Message::Clear),
                _ => Message::Search(search::Message::Open(dice.below(4))),
            }
        }
        _ => {
            // The clock: mostly a second or a few, sometimes long enough
            // for the warning or the full reset.
            let step = match dice.below(20) {
                0 => 200,
                1 => 125,
                n => 1 + n as u64 % 4,
            };
            *clock += Duration::from_secs(step);
            Message::Kiosk(kiosk::Message::Tick(*clock))
        }
    }
}

fn run(app: &mut App, dice: &mut Dice, clock: &mut Instant, n: usize, tally: &mut Tally) {
    for _ in 0..n {
        for message in interaction(app, dice, clock) {
            let was_used = app.kiosk.clock_running();
            let _ = app.update(message);
            tally.messages += 1;
            if was_used && !app.kiosk.clock_running() {
                tally.resets += 1;
            }
            tally.warnings += usize::from(app.kiosk.warning.is_some());
            // The window builds its view after every update.
            drop(app.view());
        }
    }
}

/// Resident memory of this process, in bytes.
fn rss_bytes(page: u64) -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let resident: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(resident * page)
}

fn page_size() -> u64 {
    Command::new("getconf")
        .arg("PAGESIZE")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(4096)
}

fn mb(bytes: i64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() -> ExitCode {
    if !std::env::args().any(|a| a == "--bench") {
        return ExitCode::SUCCESS;
    }
    let seed = std::env::var("SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_CAFE_u64)
        .max(1);
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let mut config = Config::new(ContentSource::Embedded, Lang::Fr, today);
    config.kiosk = true;
    config.settings.idle_timeout_s = 120;
    config.settings.idle_warning_s = 30;
    let page = page_size();
    let Some(start) = rss_bytes(page) else {
        eprintln!("soak: /proc/self/statm cannot be read (Linux only)");
        return ExitCode::from(2);
    };
    let mut app = App::new(config);
    let mut dice = Dice(seed);
    let mut clock = Instant::now();
    let mut tally = Tally::default();

    run(&mut app, &mut dice, &mut clock, WARM_UP, &mut tally);
    let before = rss_bytes(page).unwrap_or(0);
    let mut measured = Tally::default();
    run(&mut app, &mut dice, &mut clock, INTERACTIONS, &mut measured);
    let after = rss_bytes(page).unwrap_or(0);

    let growth = after as i64 - before as i64;
    println!("soak: seed {seed:#x}, {WARM_UP} warm-up interactions, then {INTERACTIONS} measured");
    println!(
        "soak: {} updates, {} idle resets, {} updates with « Êtes-vous toujours là ? » showing",
        measured.messages, measured.resets, measured.warnings
    );
    println!(
        "soak: RSS {:.1} MB at start, {:.1} MB after warm-up, {:.1} MB after {INTERACTIONS}",
        mb(start as i64),
        mb(before as i64),
        mb(after as i64)
    );
    println!(
        "soak: growth over the {INTERACTIONS} interactions: {:+.3} MB (target < {:.0} MB)",
        mb(growth),
        mb(MAX_GROWTH_BYTES)
    );
    if measured.resets == 0 {
        eprintln!("soak: no idle reset happened; the run did not test them");
        return ExitCode::from(1);
    }
    if growth >= MAX_GROWTH_BYTES {
        eprintln!("soak: memory grew by more than the target");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
