//! `patient-info`: with no subcommand, the reading window; otherwise the
//! command line for content editors and nurses.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use patient_info::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => {
            // The window arrives with the `ui` module; until then, help.
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
