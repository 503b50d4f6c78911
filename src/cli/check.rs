//! `patient-info check`: every problem of the content (and of the settings)
//! as `file:line:col: error: message`, the shape compilers print and that
//! editors' problem matchers and `grep -n` readers already know; then the
//! reading ease of each section. `--quiet` keeps only the problems;
//! `--watch` checks again after each save in the content folder.

use std::io::{self, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::Setup;
use crate::content::{self, ContentSource, LoadReport};
use crate::i18n::Text;
use crate::readability::{MAX_SENTENCE_WORDS, MIN_SCORE, SectionScore, Stats};
use crate::watch::{Change, Watcher};
use crate::{Diagnostic, Lang, Severity};

/// How `check` runs.
#[derive(Debug, Clone, Default, Args)]
pub struct CheckArgs {
    /// Print only the problems, one per line: no readability table, no
    /// summary. Nothing at all when the content is clean.
    #[arg(long, short)]
    pub quiet: bool,
    /// Check again after each save in the content folder, until Ctrl+C.
    /// Needs a folder (`--content DIR` or `content_dir` in the settings).
    #[arg(long)]
    pub watch: bool,
    /// Before shipping: a tab that no clinician has reviewed, or whose next
    /// review date has passed, is an error (exit 1), not a warning.
    #[arg(long)]
    pub release: bool,
}

/// The settings' warnings, then the content's check.
pub(super) fn check_once(
    setup: &Setup,
    args: &CheckArgs,
    out: &mut impl Write,
) -> io::Result<bool> {
    check_settings(setup, args.quiet, out)?;
    check_with(
        &setup.source,
        setup.lang,
        setup.today,
        Mode {
            quiet: args.quiet,
            release: args.release,
        },
        out,
    )
}

/// How a check reports: only the problems, and whether review reminders
/// are errors.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mode {
    pub quiet: bool,
    pub release: bool,
}

/// Checks, then checks again after each save, until the process is stopped
/// (Ctrl+C). Problems go to `out` as always; what the watch is doing (which
/// file was saved, the verdict of each round) goes to the standard error, so
/// that `out` stays what `check` prints.
pub(super) fn watch(setup: &Setup, args: &CheckArgs, out: &mut impl Write) -> ExitCode {
    let lang = setup.lang;
    let stderr = io::stderr();
    let mut err = stderr.lock();
    let ContentSource::Dir(dir) = &setup.source else {
        let _ = writeln!(err, "{}", Say::WatchNeedsFolder.get(lang));
        return ExitCode::from(2);
    };
    // Watching starts before the first check, so that a save made while it
    // runs is not missed.
    let (_watcher, changes) = match Watcher::channel(dir) {
        Ok(watching) => watching,
        Err(e) => {
            let _ = writeln!(err, "{}", e.message(lang));
            return ExitCode::from(1);
        }
    };
    let round = |out: &mut dyn Write, err: &mut dyn Write| -> io::Result<()> {
        let mut out = out;
        let clean = check_once(setup, args, &mut out)?;
        out.flush()?;
        let verdict = if clean {
            Say::WatchClean
        } else {
            Say::WatchErrors
        };
        writeln!(
            err,
            "[{}] {} {} {}",
            chrono::Local::now().format("%H:%M:%S"),
            verdict.get(lang),
            Say::Watching.get(lang),
            dir.display()
        )
    };
    if round(out, &mut err).is_err() {
        return ExitCode::SUCCESS;
    }
    for change in changes {
        let shown = match &change {
            Change::Saved(paths) => writeln!(
                err,
                "[{}] {} {}",
                chrono::Local::now().format("%H:%M:%S"),
                Say::Saved.get(lang),
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            // Events were lost: check anyway, the files may have changed.
            Change::Failed(e) => writeln!(err, "{}", e.message(lang)),
        };
        if shown.and_then(|()| round(out, &mut err)).is_err() {
            // The terminal or pipe is gone: nobody reads any more.
            return ExitCode::SUCCESS;
        }
    }
    // The watcher's thread ended: the system stopped the watch.
    ExitCode::from(1)
}

/// Lists what the settings file said that was ignored. Settings are lenient:
/// these are warnings, never errors.
fn check_settings(setup: &Setup, quiet: bool, out: &mut impl Write) -> io::Result<()> {
    let lang = setup.lang;
    let path = match &setup.settings.path {
        Some(path) if !quiet => path,
        // No file was read (an explicit one that is missing is a warning),
        // or only the problems are wanted.
        Some(_) | None => {
            for w in &setup.settings.warnings {
                writeln!(out, "{}", w.render(lang))?;
            }
            return Ok(());
        }
    };
    writeln!(
        out,
        "{} {}: {}",
        Text::SettingsFile.get(lang),
        path.display(),
        crate::i18n::warnings(setup.settings.warnings.len(), lang)
    )?;
    for w in &setup.settings.warnings {
        writeln!(out, "{}", w.render(lang))?;
    }
    writeln!(out)?;
    Ok(())
}

/// [`check`], printing only the problems when `quiet`.
pub fn check_with(
    source: &ContentSource,
    lang: Lang,
    today: NaiveDate,
    mode: Mode,
    out: &mut impl Write,
) -> io::Result<bool> {
    let Mode { quiet, release } = mode;
    if !quiet {
        match source {
            ContentSource::Embedded | ContentSource::Memory(_) => {
                writeln!(out, "{}", Text::ContentBuiltIn.get(lang))?
            }
            ContentSource::Dir(dir) => {
                writeln!(out, "{} {}", Text::ContentFolder.get(lang), dir.display())?
            }
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

    let (mut all_errors, mut reviews) = (0, 0);
    for report in &reports {
        let own: Vec<Diagnostic> = report
            .diagnostics
            .iter()
            .chain(cross.iter().filter(|d| belongs_to(d, report.library.lang)))
            .map(|d| gate(d, release))
            .collect();
        let errors = own.iter().filter(|d| d.is_error()).count();
        let warnings = own.len() - errors;
        all_errors += errors;
        reviews += own
            .iter()
            .filter(|d| !d.is_error() && d.is_review())
            .count();
        if !quiet {
            writeln!(out)?;
            writeln!(
                out,
                "== {} {}: {}, {}",
                Text::CheckedLanguage.get(lang),
                report.library.lang,
                crate::i18n::errors(errors, lang),
                crate::i18n::warnings(warnings, lang)
            )?;
        }
        for d in own {
            writeln!(out, "{}", d.render(lang))?;
        }
        super::words::warn_overlong(&report.library, lang, out)?;
        if !quiet {
            readability(report, lang, out)?;
        }
    }
    let verdict = Verdict::of(all_errors, reviews);
    if !quiet {
        writeln!(out)?;
        writeln!(out, "{}", verdict.text(lang))?;
    }
    Ok(verdict.passes())
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

/// The words of `check --watch`, in both languages (the rest of `check`
/// speaks through [`Text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Say {
    WatchNeedsFolder,
    Watching,
    WatchClean,
    WatchErrors,
    Saved,
}

impl Say {
    fn get(self, lang: Lang) -> &'static str {
        use Say::*;
        match (self, lang) {
            (WatchNeedsFolder, Lang::Fr) => {
                "--watch surveille un dossier de contenu : indiquez-le avec --content DOSSIER (ou `content_dir` dans les réglages). La copie intégrée au programme ne change pas."
            }
            (WatchNeedsFolder, Lang::En) => {
                "--watch watches a content folder: name it with --content DIR (or `content_dir` in the settings). The copy built into the program never changes."
            }
            (Watching, Lang::Fr) => "Ctrl+C pour arrêter. Surveillance de",
            (Watching, Lang::En) => "Ctrl+C to stop. Watching",
            (WatchClean, Lang::Fr) => "Pas d'erreur.",
            (WatchClean, Lang::En) => "No error.",
            (WatchErrors, Lang::Fr) => "Le contenu a des erreurs.",
            (WatchErrors, Lang::En) => "The content has errors.",
            (Saved, Lang::Fr) => "Enregistré :",
            (Saved, Lang::En) => "Saved:",
        }
    }
}

/// The diagnostic as this run reports it: with `--release`, a review
/// reminder is an error.
pub fn gate(d: &Diagnostic, release: bool) -> Diagnostic {
    let mut d = d.clone();
    if release && d.is_review() {
        d.severity = Severity::Error;
    }
    d
}

/// The last line of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// No error, every tab reviewed and up to date.
    Ship,
    /// No error, but some tab is not reviewed (or overdue): fine while
    /// writing, not for patients.
    NotYetReviewed,
    /// Errors to fix (with `--release`, review reminders count).
    Errors,
}

impl Verdict {
    /// The verdict for `errors` errors and `reviews` review reminders that
    /// are still warnings.
    pub fn of(errors: usize, reviews: usize) -> Self {
        if errors > 0 {
            Verdict::Errors
        } else if reviews > 0 {
            Verdict::NotYetReviewed
        } else {
            Verdict::Ship
        }
    }

    /// Whether `check` exits with 0.
    pub fn passes(self) -> bool {
        match self {
            Verdict::Ship | Verdict::NotYetReviewed => true,
            Verdict::Errors => false,
        }
    }

    /// What `check` says last.
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Verdict::Ship, _) => Text::ContentOk.get(lang),
            (Verdict::NotYetReviewed, Lang::Fr) => {
                "Le contenu n’a pas d’erreur, mais au moins un onglet n’est pas relu par un soignant (ou sa relecture est en retard)\u{a0}: il ne doit pas encore être publié. `check --release` le refuse."
            }
            (Verdict::NotYetReviewed, Lang::En) => {
                "The content has no error, but at least one tab is not reviewed by a clinician (or its review is overdue): it must not ship yet. `check --release` refuses it."
            }
            (Verdict::Errors, _) => Text::ContentHasErrors.get(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Problem;

    fn diagnostic(kind: Problem) -> Diagnostic {
        Diagnostic::new(Severity::Warning, "fr/basics.ron", (8, 9), kind)
    }

    #[test]
    fn release_turns_review_reminders_into_errors_and_nothing_else() {
        let overdue = diagnostic(Problem::ReviewOverdue {
            due: "2020-01-01".into(),
        });
        assert_eq!(gate(&overdue, false).severity, Severity::Warning);
        assert_eq!(gate(&overdue, true).severity, Severity::Error);
        assert_eq!(
            gate(&diagnostic(Problem::NotReviewed), true).severity,
            Severity::Error
        );
        let other = diagnostic(Problem::UnclosedEmphasis);
        assert_eq!(gate(&other, true).severity, Severity::Warning);
    }

    #[test]
    fn an_unreviewed_tab_never_reads_as_ready_to_ship() {
        assert_eq!(Verdict::of(0, 0), Verdict::Ship);
        assert_eq!(Verdict::of(0, 2), Verdict::NotYetReviewed);
        assert_eq!(Verdict::of(1, 2), Verdict::Errors);
        assert!(Verdict::NotYetReviewed.passes());
        assert!(!Verdict::Errors.passes());
        for lang in Lang::ALL {
            assert!(
                !Verdict::NotYetReviewed
                    .text(lang)
                    .contains(Verdict::Ship.text(lang))
            );
        }
    }
}
