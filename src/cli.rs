//! The command line: `check` and `list` for content editors, `export` and
//! `print` for nurses. With no subcommand the program opens its window.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

mod check;
mod export;
mod print;
mod search;
pub mod terminal;
mod words;

pub use check::{CheckArgs, Mode, Verdict, check_with};
pub use export::{ExportArgs, FormatArg, SelectionArgs};
pub use print::PrintArgs;
pub use search::SearchArgs;

use crate::Lang;
use crate::content::{self, ContentSource};
use crate::setup::{Request, Setup};
use terminal::Terminal;

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
    pub lang: Option<LangArg>,

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
    /// when there is no error (warnings allowed), 1 otherwise. With
    /// `--release`, an unreviewed or overdue tab is an error.
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
    /// Search the content as the window does (accents, capitals and typos
    /// forgiven): one result a line, `ID<TAB>TITLE<TAB>SENTENCE`, best
    /// first. Exits with 0 when something is found, 1 when nothing is (with
    /// a suggestion on the error output), 2 on a usage error.
    Search(SearchArgs),
}

/// A language as the command line spells it (`fr`, `en`); the core's
/// [`Lang`] knows nothing of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

impl Cli {
    /// What the command line asks for, before the settings are read.
    pub fn request(&self) -> Request {
        Request {
            content: self.content.clone(),
            lang: self.lang.map(Lang::from),
            settings: self.settings.clone(),
            kiosk: self.kiosk,
        }
    }
}

/// Runs a subcommand and returns the process exit code. Everything it
/// writes goes through [`terminal::Terminal`] (control characters escaped),
/// and an output that cannot be written is a failure.
pub fn run(setup: &Setup, command: &Command) -> ExitCode {
    let stdout = io::stdout();
    let mut out = Terminal::new(stdout.lock());
    let stderr = io::stderr();
    let mut err = Terminal::new(stderr.lock());
    let today = setup.today;
    let result = match command {
        Command::Check(args) if args.watch => return check::watch(setup, args, &mut out),
        Command::Check(args) => check::check_once(setup, args, &mut out),
        Command::List => list(&setup.source, setup.lang, today, &mut out),
        Command::Export(args) => export::run(setup, args, &mut out, &mut err),
        Command::Print(args) => print::run(setup, args, &mut out, &mut err),
        // Search escapes what it prints itself, line by line.
        Command::Search(args) => return search::run(setup, args),
    };
    terminal::exit_code(result, &mut out, &mut err, setup.lang)
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
    let mut err = Terminal::new(stderr.lock());
    for d in report.errors() {
        writeln!(err, "{}", d.render(lang))?;
    }
    Ok(!report.has_errors())
}
