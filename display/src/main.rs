//! The madoguchi waiting-room display: calls, queues, chime and voice.
//!
//! `madoguchi-display` shows a site's board; `screenshot` saves a picture of a demo board;
//! `bench` measures call → display latency against a running server; `test-voice` plays or
//! lists one call as the display would say it. With sound on, the display refuses to start
//! when the voice cannot name every counter of its site.

use std::process::ExitCode;

use clap::Parser;
use madoguchi_display::config::{Cli, Command};
use madoguchi_display::{app, bench, test_voice};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let exit = match cli.command {
        None | Some(Command::Run) => {
            if !cli.display.mute
                && let Err(err) = test_voice::check_site(&cli.display)
            {
                eprintln!("{err:#}");
                return ExitCode::FAILURE;
            }
            app::run(&cli.display)
        }
        Some(Command::TestVoice(test)) => {
            return match test_voice::run(&cli.display, &test) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("test-voice: {err:#}");
                    ExitCode::FAILURE
                }
            };
        }
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
