//! The madoguchi waiting-room display: calls, queues, chime and voice.
//!
//! `madoguchi-display` shows a site's board; `screenshot` saves a picture of a demo board;
//! `bench` measures call → display latency against a running server.

use std::process::ExitCode;

use clap::Parser;
use madoguchi_display::config::{Cli, Command};
use madoguchi_display::{app, bench};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let exit = match cli.command {
        None | Some(Command::Run) => app::run(&cli.display),
        Some(Command::Screenshot(shot)) => {
            if !shot.demo {
                eprintln!("screenshot needs --demo (it draws the built-in board, no network).");
                return ExitCode::FAILURE;
            }
            app::screenshot(&cli.display, &shot)
        }
        Some(Command::Bench(args)) => {
            return match bench::run(&cli.display, &args) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("bench failed: {err:#}");
                    ExitCode::FAILURE
                }
            };
        }
    };
    if exit.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
