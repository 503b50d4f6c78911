//! `patient-info`: with no subcommand, the reading window; otherwise the
//! command line for content editors and nurses.

// On Windows the window opens without a console window behind it; the
// subcommands join the console of the shell that started them instead.
#![cfg_attr(all(windows, feature = "gui"), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use patient_info::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help, --version and mistakes print to the terminal.
            patient_info::console::attach_to_parent();
            error.exit()
        }
    };
    match &cli.command {
        Some(command) => {
            patient_info::console::attach_to_parent();
            cli::run(&cli, command)
        }
        None => open_window(&cli),
    }
}

/// Opens the reading window; an error (no display, no renderer) is printed
/// and ends the program with 1.
#[cfg(feature = "gui")]
fn open_window(cli: &Cli) -> ExitCode {
    match patient_info::ui::run(patient_info::ui::Config::from_cli(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("patient-info: {error}");
            ExitCode::from(1)
        }
    }
}

/// Without the window (built with `--no-default-features`), the help.
#[cfg(not(feature = "gui"))]
fn open_window(_cli: &Cli) -> ExitCode {
    use clap::CommandFactory;
    let _ = Cli::command().print_help();
    ExitCode::SUCCESS
}
