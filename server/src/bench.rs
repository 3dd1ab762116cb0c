//! `madoguchi-server bench`: the real server in-process on loopback with a temporary database,
//! many concurrent HTTP clients issuing tickets and calling them, against the ceiling of raw
//! SQLite insert+commit with the same settings. Prints a markdown table and a summary line.

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    #[arg(long, default_value_t = 64)]
    pub clients: usize,
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
}

pub async fn run(args: BenchArgs) -> anyhow::Result<()> {
    anyhow::bail!("bench is not written yet ({args:?})")
}
