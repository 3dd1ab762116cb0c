//! `madoguchi-report`: the reports on their own, against a server database file, for use
//! before (or besides) `madoguchi-server report …`.
//!
//! `madoguchi-report --db madoguchi.db [--config config/madoguchi.toml] daily --site yahatanishi --date 2026-11-24 --format xlsx`

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Parser;
use madoguchi_engine::Config;
use madoguchi_reports::{ReportArgs, ReportKind, cli};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

#[derive(Debug, Parser)]
#[command(
    name = "madoguchi-report",
    about = "Daily (日報) and monthly (月報) reports of madoguchi"
)]
struct Opts {
    /// The server's SQLite database.
    #[arg(long)]
    db: PathBuf,
    /// The configuration (default: the shipped one).
    #[arg(long)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    kind: ReportKind,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    // A person reads this: the error's sentence, never a backtrace.
    match run(Opts::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(opts: Opts) -> anyhow::Result<()> {
    let config = match &opts.config {
        Some(p) => Config::load(p)?,
        None => Config::shipped(),
    };
    if !opts.db.exists() {
        anyhow::bail!(
            "there is no database at {}; give the file madoguchi-server serve --db uses",
            opts.db.display()
        );
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(SqliteConnectOptions::new().filename(&opts.db))
        .await
        .with_context(|| format!("could not open the database {}", opts.db.display()))?;
    let now = chrono::Utc::now().with_timezone(&madoguchi_reports::jst());
    cli(&pool, &config, ReportArgs { kind: opts.kind }, now).await
}
