//! `patient-info print`: a handout straight to a printer, the same one the
//! window's « Imprimer » button sends.

use std::io::{self, Write};

use clap::Args;

use super::Setup;
use super::export::{SelectionArgs, build};
use crate::i18n::Text;
use crate::print::{self, PrintJob};

/// What to print, where and how many.
#[derive(Debug, Clone, Args)]
pub struct PrintArgs {
    #[command(flatten)]
    pub what: SelectionArgs,
    /// Large print: 16 pt text instead of 12 pt, 12 pt page header and footer.
    #[arg(long)]
    pub large_print: bool,
    /// The print queue (`lpstat -p` lists them); `printer` of the settings,
    /// else the system's default printer.
    #[arg(long, value_name = "NAME")]
    pub printer: Option<String>,
    /// How many copies (`copies` of the settings by default).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=20))]
    pub copies: Option<u32>,
    /// The clinic's name for the footer (`clinic_name` of the settings by
    /// default).
    #[arg(long, value_name = "NAME")]
    pub clinic: Option<String>,
}

/// Prints; the job id goes to `out`, problems to `err`. Returns whether the
/// print service accepted the job.
pub fn run(
    setup: &Setup,
    args: &PrintArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<bool> {
    let lang = setup.lang;
    let settings = &setup.settings.settings;
    let clinic = args.clinic.clone().or(settings.clinic_name.clone());
    let Some(handout) = build(setup, &args.what, args.large_print, clinic, err)? else {
        return Ok(false);
    };
    let (pdf, layout) = match handout.to_pdf_and_layout() {
        Ok(made) => made,
        Err(e) => {
            writeln!(err, "{}", e.message(lang))?;
            return Ok(false);
        }
    };
    let job = PrintJob {
        pdf: pdf.bytes,
        layout: print::Layout::new(layout),
        title: handout.title.clone(),
        printer: args.printer.clone().or(settings.printer.clone()),
        copies: args.copies.unwrap_or(settings.copies),
        duplex: settings.duplex,
    };
    match print::print(&job) {
        Ok(queued) => {
            let printer = queued
                .printer
                .unwrap_or_else(|| Text::DefaultPrinter.get(lang).to_string());
            writeln!(
                out,
                "{} {printer} ({} {}, {})",
                Text::PrintQueued.get(lang),
                Text::PrintJob.get(lang),
                queued.job_id,
                crate::i18n::pages(pdf.pages, lang)
            )?;
            Ok(true)
        }
        Err(e) => {
            writeln!(err, "{}", e.message(lang))?;
            Ok(false)
        }
    }
}
