//! `madoguchi-sim --scenario FILE [--out DIR]`: the simulator's command line. Errors are
//! printed as sentences (never a backtrace) with exit code 1.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match madoguchi_sim::run_cli(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e:#}");
            ExitCode::FAILURE
        }
    }
}
