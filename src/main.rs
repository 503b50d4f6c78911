//! `patient-info`: with no subcommand, the reading window; otherwise the
//! command line for content editors and nurses. Either way the settings are
//! read once, into a [`Setup`] handed to the one that runs.

// On Windows the window opens without a console window behind it; the
// subcommands join the console of the shell that started them instead.
#![cfg_attr(all(windows, feature = "gui"), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use patient_info::cli::{self, Cli};
use patient_info::setup::Setup;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help, --version and mistakes print to the terminal.
            patient_info::console::attach_to_parent();
            error.exit()
        }
    };
    let setup = Setup::new(&cli.request());
    match &cli.command {
        Some(command) => {
            patient_info::console::attach_to_parent();
            cli::run(&setup, command)
        }
        None => open_window(setup),
    }
}

/// Opens the reading window; an error (no display, no renderer) is printed
/// and ends the program with 1.
#[cfg(feature = "gui")]
fn open_window(setup: Setup) -> ExitCode {
    // Before iced starts any thread: the window draws only with its own
    // fonts, so fontconfig is told to list none of the system's (see
    // `system_fonts`).
    let _ = patient_info::system_fonts::use_only_built_in();
    match patient_info::ui::run(patient_info::ui::Config::from_setup(&setup)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("patient-info: {error}");
            ExitCode::from(1)
        }
    }
}

/// Without the window (built with `--no-default-features`), the help.
#[cfg(not(feature = "gui"))]
fn open_window(_setup: Setup) -> ExitCode {
    use clap::CommandFactory;
    let _ = Cli::command().print_help();
    ExitCode::SUCCESS
}
