//! The one command: `madoguchi-sim --scenario FILE [--out DIR]` (also reachable as
//! `madoguchi-server simulate ...` through [`run_cli`]). Prints the markdown report, writes
//! it and the SVG chart to `--out` if given, and ends with the summary line.

use std::path::PathBuf;

use clap::Parser;

use crate::SimError;
use crate::chart::waiting_chart;
use crate::compare::compare;
use crate::plan::Plan;
use crate::report::markdown;
use crate::staffing::{self, advice_for, check_advice};

/// Compare separate lines, shared FIFO, madoguchi and the pooled bound on one scenario.
#[derive(Debug, Clone, Parser)]
#[command(name = "simulate", version, about)]
pub struct Args {
    /// The scenario file (TOML), e.g. sim/scenarios/yahatanishi-march-thursday-peak-scenario.toml.
    #[arg(long)]
    pub scenario: PathBuf,
    /// Directory for `<scenario>.md` and `<scenario>.svg` (e.g. docs/sim).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Simulated days, overriding the scenario's `replications`.
    #[arg(long)]
    pub replications: Option<u32>,
    /// Leave out the staffing advice and its simulated check.
    #[arg(long)]
    pub no_advice: bool,
    /// Also simulate a supervisor who follows the live advice this many minutes after
    /// reading it, against one who does not (e.g. 5).
    #[arg(long)]
    pub follow_advice: Option<f64>,
}

/// Runs the comparison; returns the report, whose last line is the summary line.
pub fn run(args: &Args) -> Result<String, SimError> {
    let mut plan = Plan::load(&args.scenario)?;
    if let Some(r) = args.replications {
        if r == 0 {
            return Err(SimError::Scenario {
                file: "--replications".into(),
                field: "replications".into(),
                message: "must be at least 1".into(),
            });
        }
        plan.replications = r;
    }
    let cmp = compare(&plan)?;
    let mut text = markdown(&cmp);
    if let Some(b) = &plan.bookings {
        let result = crate::bookings::simulate(&plan, b)?;
        text.push('\n');
        text.push_str(&crate::bookings::markdown(&result));
    }
    if !args.no_advice {
        let advice = advice_for(&plan);
        let check = check_advice(&plan, &advice)?;
        text.push('\n');
        text.push_str(&staffing::markdown(&advice, Some(&check)));
    }
    if let Some(delay) = args.follow_advice {
        if !(0.0..=120.0).contains(&delay) {
            return Err(SimError::Scenario {
                file: "--follow-advice".into(),
                field: "follow_advice".into(),
                message: "give the delay in minutes, 0 to 120".into(),
            });
        }
        let follow = crate::follow::compare_follow(&plan, delay)?;
        text.push('\n');
        text.push_str(&crate::follow::markdown(&plan, &follow));
    }
    let stem = args
        .scenario
        .file_stem()
        .map_or("scenario".into(), |s| s.to_string_lossy().into_owned());
    if let Some(dir) = &args.out {
        let io = |path: &PathBuf, e: std::io::Error| SimError::Io {
            path: path.display().to_string(),
            message: format!("cannot write ({e}); check that the directory exists and is writable"),
        };
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        let svg = dir.join(format!("{stem}.svg"));
        std::fs::write(&svg, waiting_chart(&cmp)).map_err(|e| io(&svg, e))?;
        text.push_str(&format!("\n![people waiting over the day]({stem}.svg)\n"));
        let md = dir.join(format!("{stem}.md"));
        let body = format!("{text}\n{}\n", cmp.summary().line());
        std::fs::write(&md, body).map_err(|e| io(&md, e))?;
    }
    text.push('\n');
    text.push_str(&cmp.summary().line());
    Ok(text)
}

/// Parses `args` (the words after the command name, e.g. `["--scenario", "x.toml"]`), runs
/// and prints the report. For `madoguchi-server simulate`.
pub fn run_cli(args: &[String]) -> anyhow::Result<()> {
    let argv = std::iter::once("simulate".to_string()).chain(args.iter().cloned());
    let args = match Args::try_parse_from(argv) {
        Ok(args) => args,
        Err(e) if !e.use_stderr() => {
            // --help and --version are answers, not errors.
            print!("{e}");
            return Ok(());
        }
        Err(e) => anyhow::bail!("{}", e.to_string().trim_end()),
    };
    let text = run(&args)?;
    println!("{text}");
    Ok(())
}
