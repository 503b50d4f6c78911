//! `patient-info export`: a handout to a file (PDF or plain text), the same
//! one the window saves.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{ArgGroup, Args, ValueEnum};

use super::Setup;
use super::terminal::Terminal;
use crate::content::{self, LoadReport};
use crate::diagnostic::{Diagnostic, Hidden};
use crate::export::{self, Existing, Format};
use crate::handout::{self, Handout, Options, Selection};
use crate::i18n::Text;

/// Which part of the content a handout holds: exactly one of these.
#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["section", "tab", "questions", "all"])))]
pub struct SelectionArgs {
    /// One section, by id (`patient-info list` shows them).
    #[arg(long, value_name = "ID")]
    pub section: Option<String>,
    /// One tab, by id.
    #[arg(long, value_name = "ID")]
    pub tab: Option<String>,
    /// The « Mes questions » sheet with these questions ticked.
    #[arg(long, value_name = "ID,ID,…", value_delimiter = ',')]
    pub questions: Option<Vec<String>>,
    /// The whole booklet: cover, contents, the four tabs and the glossary.
    #[arg(long)]
    pub all: bool,
}

/// What to export and where.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub what: SelectionArgs,
    /// Large print: 16 pt text instead of 12 pt, 12 pt page header and footer.
    #[arg(long)]
    pub large_print: bool,
    /// `pdf` to print, or `txt`: the same words as plain text, in reading
    /// order (for screen readers).
    #[arg(long, value_enum, default_value_t = FormatArg::Pdf)]
    pub format: FormatArg,
    /// The file to write, or `-` for the standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// Replace FILE if it exists (without this, an existing file is left
    /// alone and the export fails).
    #[arg(long)]
    pub overwrite: bool,
    /// The clinic's name, printed in the footer and as the PDF's author
    /// (`clinic_name` of the settings by default).
    #[arg(long, value_name = "NAME")]
    pub clinic: Option<String>,
}

/// A file format as the command line spells it; the core's [`Format`]
/// knows nothing of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A PDF ready to print.
    Pdf,
    /// The same words as plain UTF-8 text, for screen readers.
    Txt,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Txt => Format::Txt,
        }
    }
}

impl SelectionArgs {
    /// The selection the arguments name (clap makes sure there is one).
    pub fn selection(&self) -> Selection {
        if let Some(id) = &self.section {
            Selection::Section(id.clone())
        } else if let Some(id) = &self.tab {
            Selection::Tab(id.clone())
        } else if let Some(ids) = &self.questions {
            Selection::Questions(ids.iter().map(|id| id.trim().to_string()).collect())
        } else {
            Selection::All
        }
    }
}

/// Exports: the file's path goes to `out` (or the file itself with
/// `-o -`), problems to `err`.
/// Returns whether a file was written.
pub fn run(
    setup: &Setup,
    args: &ExportArgs,
    out: &mut Terminal<impl Write>,
    err: &mut impl Write,
) -> io::Result<bool> {
    let lang = setup.lang;
    let clinic = args
        .clinic
        .clone()
        .or(setup.settings.settings.clinic_name.clone());
    let Some(handout) = build(setup, &args.what, args.large_print, clinic, err)? else {
        return Ok(false);
    };
    let (bytes, pages) = match Format::from(args.format) {
        Format::Pdf => match handout.to_pdf() {
            Ok(pdf) => (pdf.bytes, Some(pdf.pages)),
            Err(e) => {
                writeln!(err, "{}", e.message(lang))?;
                return Ok(false);
            }
        },
        Format::Txt => (handout.to_text().into_bytes(), None),
    };
    if args.output.as_os_str() == "-" {
        // The file itself: bytes, not text to escape.
        out.raw().write_all(&bytes)?;
        out.raw().flush()?;
        return Ok(true);
    }
    let existing = if args.overwrite {
        Existing::Replace
    } else {
        Existing::Refuse
    };
    match export::save(&bytes, &args.output, existing) {
        Ok(path) => {
            let size = format!(
                "{} {}",
                bytes.len().div_ceil(1024),
                Text::ExportKilobytes.get(lang)
            );
            let what = match pages {
                Some(pages) => format!("{}, {size}", crate::i18n::pages(pages, lang)),
                None => size,
            };
            writeln!(
                out,
                "{} {} ({what})",
                Text::ExportSaved.get(lang),
                path.display()
            )?;
            Ok(true)
        }
        Err(e) => {
            writeln!(err, "{}", e.message(lang))?;
            // The window has no such option; the command line does.
            if matches!(e, export::ExportError::Exists(_)) {
                writeln!(err, "{}", Text::ExportOverwriteHint.get(lang))?;
            }
            Ok(false)
        }
    }
}

/// Loads the content and builds the handout, or writes why it cannot be
/// built (an error hiding part of what was asked for, an unknown id) to
/// `err`. Errors elsewhere in the content do not stop it: they hide their
/// own section, entry or question only.
pub(super) fn build(
    setup: &Setup,
    what: &SelectionArgs,
    large_print: bool,
    clinic: Option<String>,
    err: &mut impl Write,
) -> io::Result<Option<Handout>> {
    let lang = setup.lang;
    let report = content::load(&setup.source, lang, setup.today);
    let selection = what.selection();
    let blocking = blocking(&report, &selection);
    if !blocking.is_empty() {
        for d in blocking {
            writeln!(err, "{}", d.render(lang))?;
        }
        writeln!(err, "{}", Text::ExportContentErrors.get(lang))?;
        return Ok(None);
    }
    let options = Options {
        large_print,
        clinic,
        clinic_phone: setup.settings.settings.clinic_phone.clone(),
        ..Options::now()
    };
    match handout::build(&report.library, &selection, &options) {
        Ok(handout) => Ok(Some(handout)),
        Err(e) => {
            writeln!(err, "{}", e.message(lang))?;
            Ok(None)
        }
    }
}

/// The errors that hide part of what `selection` would print, so that a
/// handout is never silently incomplete: for the whole booklet, every
/// error; for a tab, those hiding it or one of its sections; for a section
/// or questions, those hiding them. When the id asked for is not in the
/// library at all, every error (it may be in a part that did not load).
fn blocking<'r>(report: &'r LoadReport, selection: &Selection) -> Vec<&'r Diagnostic> {
    let lib = &report.library;
    let hides = |d: &&Diagnostic| match selection {
        Selection::All => true,
        Selection::Section(id) => {
            lib.section(id).is_none()
                || matches!(&d.hides, Hidden::Section { section: Some(s), .. } if s == id)
        }
        Selection::Tab(id) => {
            lib.tab(id).is_none()
                || matches!(
                    &d.hides,
                    Hidden::TabFile { tab } | Hidden::Tab { tab } | Hidden::Section { tab, .. }
                        if tab == id
                )
        }
        Selection::Questions(ids) => {
            ids.iter().any(|id| lib.question(id).is_none())
                || matches!(&d.hides, Hidden::QuestionsFile | Hidden::Questions)
                || matches!(&d.hides, Hidden::Question { id } if id.as_ref().is_none_or(|id| ids.contains(id)))
        }
    };
    report.errors().filter(hides).collect()
}
