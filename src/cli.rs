//! The command line: `check` and `list` for content editors, `export` and
//! `print` for nurses. With no subcommand the program opens its window.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

mod export;
mod print;
mod words;

pub use export::{ExportArgs, SelectionArgs};
pub use print::PrintArgs;

use crate::content::{self, ContentSource, LoadReport};
use crate::i18n::Text;
use crate::readability::{MAX_SENTENCE_WORDS, MIN_SCORE, SectionScore, Stats};
use crate::settings::{self, Loaded};
use crate::{Diagnostic, Lang};

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
    Check,
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
        Command::Check => check_settings(&setup, &mut out)
            .and_then(|()| check(&setup.source, setup.lang, today(), &mut out)),
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

/// Lists what the settings file said that was ignored. Settings are lenient:
/// these are warnings, never errors.
fn check_settings(setup: &Setup, out: &mut impl Write) -> io::Result<()> {
    let lang = setup.lang;
    let Some(path) = &setup.settings.path else {
        // No file was read; an explicit one that is missing is a warning.
        for w in &setup.settings.warnings {
            writeln!(out, "{}", w.render(lang))?;
        }
        return Ok(());
    };
    writeln!(
        out,
        "{} {}: {} {}",
        Text::SettingsFile.get(lang),
        path.display(),
        setup.settings.warnings.len(),
        Text::Warnings.get(lang)
    )?;
    for w in &setup.settings.warnings {
        writeln!(out, "{}", w.render(lang))?;
    }
    writeln!(out)?;
    Ok(())
}

/// Checks every language present; `lang` is the language of the messages.
/// Returns whether the content is free of errors.
pub fn check(
    source: &ContentSource,
    lang: Lang,
    today: NaiveDate,
    out: &mut impl Write,
) -> io::Result<bool> {
    match source {
        ContentSource::Embedded | ContentSource::Memory(_) => {
            writeln!(out, "{}", Text::ContentBuiltIn.get(lang))?
        }
        ContentSource::Dir(dir) => {
            writeln!(out, "{} {}", Text::ContentFolder.get(lang), dir.display())?
        }
    }
    let languages = source.languages();
    if languages.is_empty() {
        writeln!(out, "{}", Text::NoContent.get(lang))?;
        return Ok(false);
    }
    // French is always expected, even when its folder is missing entirely.
    let mut reports: Vec<LoadReport> = vec![content::load(source, Lang::Fr, today)];
    if languages.contains(&Lang::En) {
        reports.push(content::load(source, Lang::En, today));
    }
    let mut cross = Vec::new();
    if let [fr, en] = reports.as_slice() {
        cross.extend(fr.compare_ids(en));
        cross.extend(en.compare_ids(fr));
    }

    let mut clean = true;
    for report in &reports {
        let own: Vec<&Diagnostic> = report
            .diagnostics
            .iter()
            .chain(cross.iter().filter(|d| belongs_to(d, report.library.lang)))
            .collect();
        let errors = own.iter().filter(|d| d.is_error()).count();
        let warnings = own.len() - errors;
        clean &= errors == 0;
        writeln!(out)?;
        writeln!(
            out,
            "== {} {}: {errors} {}, {warnings} {}",
            Text::CheckedLanguage.get(lang),
            report.library.lang,
            Text::Errors.get(lang),
            Text::Warnings.get(lang)
        )?;
        for d in own {
            writeln!(out, "{}", d.render(lang))?;
        }
        words::warn_overlong(&report.library, lang, out)?;
        readability(report, lang, out)?;
    }
    writeln!(out)?;
    let verdict = if clean {
        Text::ContentOk
    } else {
        Text::ContentHasErrors
    };
    writeln!(out, "{}", verdict.get(lang))?;
    Ok(clean)
}

/// Whether a cross-language diagnostic points into this language's files.
fn belongs_to(d: &Diagnostic, lang: Lang) -> bool {
    let sep = |c: char| c == '/' || c == '\\';
    d.file.split(sep).rev().nth(1) == Some(lang.code())
}

/// The per-section reading-ease table, with flags, for one language.
fn readability(report: &LoadReport, lang: Lang, out: &mut impl Write) -> io::Result<()> {
    let content_lang = report.library.lang;
    let scores: Vec<SectionScore> = report
        .library
        .tabs
        .iter()
        .flat_map(|t| {
            t.sections
                .iter()
                .map(move |s| SectionScore::of(&t.id, s, content_lang))
        })
        .collect();
    if scores.is_empty() {
        return Ok(());
    }
    let score_name = match content_lang {
        Lang::Fr => "Kandel–Moles",
        Lang::En => "Flesch",
    };
    writeln!(out)?;
    writeln!(out, "{} [{score_name}]", Text::ReadabilityHeading.get(lang))?;
    writeln!(
        out,
        "{:<11} {:<28} {:>6} {:>12} {:>10} {:>10}",
        Text::ColumnTab.get(lang),
        Text::ColumnSection.get(lang),
        Text::ColumnScore.get(lang),
        Text::ColumnWordsPerSentence.get(lang),
        Text::ColumnSyllablesPerWord.get(lang),
        Text::ColumnLongest.get(lang),
    )?;
    for s in &scores {
        let mut flags = Vec::new();
        if s.score < MIN_SCORE {
            flags.push(Text::FlagLowScore.get(lang));
        }
        if s.stats.longest_sentence() > MAX_SENTENCE_WORDS {
            flags.push(Text::FlagLongSentence.get(lang));
        }
        let flag = if flags.is_empty() {
            String::new()
        } else {
            format!("  <-- {}", flags.join(", "))
        };
        writeln!(
            out,
            "{:<11} {:<28} {:>6.1} {:>12.1} {:>10.2} {:>10}{flag}",
            s.tab,
            s.section,
            s.score,
            s.stats.words_per_sentence(),
            s.stats.syllables_per_word(),
            s.stats.longest_sentence(),
        )?;
        if s.stats.longest_sentence() > MAX_SENTENCE_WORDS {
            writeln!(
                out,
                "    {}: « {} »",
                Text::LongestSentence.get(lang),
                s.stats.longest
            )?;
        }
    }
    let all = Stats {
        sentence_lengths: scores
            .iter()
            .flat_map(|s| s.stats.sentence_lengths.clone())
            .collect(),
        ..Stats::default()
    };
    writeln!(
        out,
        "{}: {:.1}",
        Text::MedianWords.get(lang),
        all.median_sentence()
    )?;
    Ok(())
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
