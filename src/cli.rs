//! The command line: `check` and `list` for content editors, `export` and
//! `print` for nurses. With no subcommand the program opens its window.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

mod check;
mod export;
mod print;

pub use check::{CheckArgs, check};
pub use export::{ExportArgs, SelectionArgs};
pub use print::PrintArgs;

use crate::Lang;
use crate::content::{self, ContentSource};
use crate::settings::{self, Loaded};

/// Explains to liver-cancer patients why treatments can stop working, and
/// what can be done. With no command, opens the reading window.
#[derive(Debug, Parser)]
#[command(name = "patient-info", version)]
pub struct Cli {
    /// Read the content from this folder (holding fr/ and en/) instead of
    /// the copy built into the program.
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// Language of the content and of the messages (`default_language` of
    /// the settings, else French).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    /// The settings file (else `settings.ron` in the config folder, else
    /// defaults). See resources/settings.example.ron.
    #[arg(long, global = true, value_name = "FILE")]
    pub settings: Option<PathBuf>,

    /// Waiting-room mode: fullscreen, no way out without the staff code,
    /// reset after inactivity, no file dialog (also `kiosk: true`).
    #[arg(long)]
    pub kiosk: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every language of the content: list each problem with
    /// file:line:column, then the reading ease of each section. Exits with 0
    /// when there is no error (warnings allowed), 1 otherwise.
    Check(CheckArgs),
    /// Print each tab and section id with its title.
    List,
    /// Save a handout as PDF (or plain text): one section, one tab, the
    /// questions sheet or the whole booklet. Exits with 1 when nothing was
    /// written (unknown id, content errors, a file that exists or cannot be
    /// written), 2 on a usage error.
    Export(ExportArgs),
    /// Send a handout to a printer (CUPS `lp`): the same selection as
    /// `export`. Exits with 1 when the printer did not take it.
    Print(PrintArgs),
}

/// What applies once the command line and the settings file are read: the
/// command line first, then the settings, then the defaults.
#[derive(Debug, Clone)]
pub struct Setup {
    pub settings: Loaded,
    pub source: ContentSource,
    pub lang: Lang,
    pub kiosk: bool,
}

impl Cli {
    /// Reads the settings file and combines it with the command line.
    pub fn setup(&self) -> Setup {
        let loaded = settings::load(self.settings.as_deref());
        let s = &loaded.settings;
        let source = self
            .content
            .clone()
            .or(s.content_dir.clone())
            .map_or(ContentSource::Embedded, ContentSource::Dir);
        let lang = self.lang.unwrap_or(s.default_language);
        let kiosk = self.kiosk || s.kiosk;
        Setup {
            source,
            lang,
            kiosk,
            settings: loaded,
        }
    }

    /// Where the content comes from.
    pub fn source(&self) -> ContentSource {
        self.setup().source
    }

    /// The language that applies.
    pub fn language(&self) -> Lang {
        self.setup().lang
    }
}

/// Today, for overdue reviews.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Runs a subcommand and returns the process exit code.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let setup = cli.setup();
    let ok = match command {
        Command::Check(args) => return check::run(&setup, args, &mut out),
        Command::List => list(&setup.source, setup.lang, today(), &mut out),
        Command::Export(args) => {
            let stderr = io::stderr();
            return done(export::run(cli, args, &mut out, &mut stderr.lock()));
        }
        Command::Print(args) => {
            let stderr = io::stderr();
            return done(print::run(cli, args, &mut out, &mut stderr.lock()));
        }
    };
    // A closed pipe (`patient-info list | head`) is not the content's fault.
    match ok {
        Ok(true) | Err(_) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
    }
}

/// The exit code of a command that writes or prints: 1 unless it did.
fn done(result: io::Result<bool>) -> ExitCode {
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) | Err(_) => ExitCode::from(1),
    }
}

/// Prints each tab and section id with its title; problems go to stderr.
pub fn list(
    source: &ContentSource,
    lang: Lang,
    today: NaiveDate,
    out: &mut impl Write,
) -> io::Result<bool> {
    let report = content::load(source, lang, today);
    for tab in &report.library.tabs {
        writeln!(out, "{:<30} {}", tab.id, tab.title)?;
        for section in &tab.sections {
            writeln!(out, "  {:<28} {}", section.id, section.title)?;
        }
    }
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for d in report.errors() {
        writeln!(err, "{}", d.render(lang))?;
    }
    Ok(!report.has_errors())
}
