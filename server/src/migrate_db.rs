//! `migrate-db --from FILE.db --to postgres://…`: an office's SQLite history into the city's
//! PostgreSQL database (the copy itself is `store::sqlite_to_postgres`), with the rows copied
//! per table printed.

use std::path::PathBuf;

use anyhow::bail;

use crate::store::{Database, sqlite_to_postgres};

#[derive(Debug, clap::Args)]
pub struct MigrateArgs {
    /// The office's SQLite file (the `--db` its server ran with; stop that server first).
    #[arg(long)]
    pub from: PathBuf,
    /// The city database: `postgres://user:password@host:port/database` (it must exist).
    #[arg(long)]
    pub to: Database,
}

pub async fn run(args: MigrateArgs) -> anyhow::Result<()> {
    let Database::Postgres(url) = &args.to else {
        bail!(
            "--to must be a PostgreSQL URL (postgres://user:password@host:port/database); {} is a file.",
            args.to
        );
    };
    let counts = sqlite_to_postgres(&args.from, url).await?;
    let total: u64 = counts.iter().map(|(_, n)| n).sum();
    for (table, n) in &counts {
        println!("{table:<18} {n:>9}");
    }
    println!(
        "{total} rows of {} copied into {} (one transaction; ids and event ids kept).",
        args.from.display(),
        args.to
    );
    Ok(())
}
