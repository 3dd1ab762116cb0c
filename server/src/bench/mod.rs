//! `madoguchi-server bench`: real `serve` processes of this binary on loopback (the shipped
//! configuration, `--open-all-hours` so it runs at any time), many concurrent HTTP clients
//! issuing tickets and then calling them at counters, beside the ceiling of the same machine
//! in the same run: raw insert+commit, one row per transaction, with the same durability
//! settings.
//!
//! Columns: SQLite with one server (a temporary file); with `--pg URL` also PostgreSQL with
//! one server and with two servers on one database (two processes, the clients spread over
//! both as a load balancer spreads them), and PostgreSQL's ceiling (as many connections as
//! clients, `synchronous_commit = on`). Prints a markdown table and a last line
//! `summary: issue_per_s=N ceiling_per_s=N call_per_s=N ratio=R p99_ms=N issue_p99_ms=N
//! call_p99_ms=N` (SQLite; `p99_ms` is the worse of the two operations), followed on the same
//! line by `pg1_…`, `pg2_…` and `pg_ceiling_…` keys when PostgreSQL was measured.
//!
//! Without `--pg` only the SQLite column runs (`bench --seconds 3` for a quick look); the
//! servers inherit the environment, so `MADOGUCHI_TIMING=FILE` profiles them (`timing`).

mod load;
mod servers;

use std::time::Duration;

use anyhow::bail;
use madoguchi_engine::Config;

use self::load::{Phase, Target, percentile_ms};
use self::servers::{ADMIN, ADMIN_PASSWORD, ServerProcess, seed};
use crate::store::Database;
use crate::store::ceiling::{
    CeilingRun, postgres_commit_ceiling, postgres_drop_database, postgres_fresh_database,
    sqlite_commit_ceiling,
};

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Concurrent HTTP clients (and PostgreSQL ceiling connections).
    #[arg(long, default_value_t = 64)]
    pub clients: usize,
    /// Seconds per phase (issue, then call-next); the ceilings run for at most 5 s.
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
    /// Also measure PostgreSQL: a URL of a database on the PostgreSQL server to use
    /// (`postgres://user@host:port/postgres`). The user must be allowed to create databases:
    /// the benchmark creates `madoguchi_bench_*` databases there and drops them at the end.
    /// `scripts/bench-server.sh` starts a throwaway cluster for it.
    #[arg(long)]
    pub pg: Option<Database>,
}

/// One column of the table: a database and its servers under the same load.
struct Column {
    title: &'static str,
    issue: Phase,
    call: Phase,
    ceiling: CeilingRun,
}

impl Column {
    fn ratio(&self) -> f64 {
        self.issue.per_second() / self.ceiling.per_second().max(1e-9)
    }

    fn p99(&self) -> f64 {
        self.issue
            .percentile_ms(99.0)
            .max(self.call.percentile_ms(99.0))
    }
}

/// Seeds `db`, starts `servers` server processes on it, runs both phases, stops them.
async fn measure(
    args: &BenchArgs,
    config: &Config,
    db: &Database,
    servers: usize,
    logs: &std::path::Path,
    label: &str,
) -> anyhow::Result<(Phase, Phase)> {
    let kiosks = seed(db, config).await?;
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(args.clients)
        .build()?;
    let mut running = Vec::new();
    for i in 0..servers {
        let log = logs.join(format!("{label}-server-{i}.log"));
        running.push(ServerProcess::start(&http, db, &log).await?);
    }
    let bases: Vec<String> = running.iter().map(|s| s.base.clone()).collect();
    let sites = config.site_ids();
    let admin = load::admin_session(&http, &bases[0], ADMIN, ADMIN_PASSWORD, &sites[0]).await?;
    let target = Target {
        bases,
        kiosks,
        admin,
    };
    eprintln!(
        "{label}: issuing tickets with {} clients for {} s…",
        args.clients, args.seconds
    );
    let issue = load::issue(&http, config, &target, args.clients, args.seconds).await?;
    eprintln!(
        "{label}: calling tickets at counters for {} s…",
        args.seconds
    );
    let call = load::call_next(&http, config, &target, args.clients, args.seconds).await?;
    for server in running {
        server.stop().await?;
    }
    Ok((issue, call))
}

/// The PostgreSQL columns: the ceiling, one server, two servers, each on a fresh database.
async fn postgres_columns(
    args: &BenchArgs,
    config: &Config,
    url: &str,
    logs: &std::path::Path,
) -> anyhow::Result<Vec<Column>> {
    let ceiling_db = postgres_fresh_database(url, "madoguchi_bench_ceiling").await?;
    let probe = Duration::from_secs(args.seconds.min(5));
    eprintln!(
        "measuring the raw PostgreSQL ceiling with {} connections for {} s…",
        args.clients,
        probe.as_secs()
    );
    let ceiling = postgres_commit_ceiling(&ceiling_db, args.clients, probe).await?;
    let mut columns = Vec::new();
    for (servers, name, title) in [
        (1, "madoguchi_bench_one", "PostgreSQL, 1 server"),
        (2, "madoguchi_bench_two", "PostgreSQL, 2 servers"),
    ] {
        let db: Database = postgres_fresh_database(url, name).await?.parse()?;
        let label = if servers == 1 { "pg1" } else { "pg2" };
        let (issue, call) = measure(args, config, &db, servers, logs, label).await?;
        columns.push(Column {
            title,
            issue,
            call,
            ceiling: ceiling.clone(),
        });
    }
    Ok(columns)
}

pub async fn run(args: BenchArgs) -> anyhow::Result<()> {
    if args.clients == 0 || args.seconds == 0 {
        bail!("--clients and --seconds must be at least 1.");
    }
    let pg_url = match &args.pg {
        None => None,
        Some(Database::Postgres(url)) => Some(url.secret().to_owned()),
        Some(Database::Sqlite(_)) => {
            bail!("--pg takes a PostgreSQL URL, postgres://user@host:port/database.")
        }
    };
    let dir = tempfile::tempdir()?;
    let config = Config::shipped();
    let probe = Duration::from_secs(args.seconds.min(5));
    eprintln!(
        "measuring the raw SQLite ceiling for {} s…",
        probe.as_secs()
    );
    let ceiling = sqlite_commit_ceiling(&dir.path().join("ceiling.db"), probe).await?;
    let db = Database::Sqlite(dir.path().join("bench.db"));
    let (issue, call) = measure(&args, &config, &db, 1, dir.path(), "sqlite").await?;
    let mut columns = vec![Column {
        title: "SQLite, 1 server",
        issue,
        call,
        ceiling,
    }];
    if let Some(url) = &pg_url {
        let pg = postgres_columns(&args, &config, url, dir.path()).await;
        for name in [
            "madoguchi_bench_ceiling",
            "madoguchi_bench_one",
            "madoguchi_bench_two",
        ] {
            if let Err(err) = postgres_drop_database(url, name).await {
                eprintln!("could not drop the benchmark database {name}: {err}");
            }
        }
        columns.extend(pg?);
    }
    print_table(&args, &columns);
    Ok(())
}

fn print_table(args: &BenchArgs, columns: &[Column]) {
    let row = |what: &str, cell: &dyn Fn(&Column) -> String| {
        let cells: Vec<String> = columns.iter().map(cell).collect();
        println!("| {what} | {} |", cells.join(" | "));
    };
    let titles: Vec<&str> = columns.iter().map(|c| c.title).collect();
    println!(
        "| measure ({} clients, {} s per phase) | {} |",
        args.clients,
        args.seconds,
        titles.join(" | ")
    );
    println!("|---|{}", "---|".repeat(columns.len()));
    row("tickets issued per second (durable, HTTP)", &|c| {
        format!("{:.0}", c.issue.per_second())
    });
    row("issue latency p50 / p99", &|c| {
        format!(
            "{:.1} ms / {:.1} ms",
            c.issue.percentile_ms(50.0),
            c.issue.percentile_ms(99.0)
        )
    });
    row("issue errors (503 included)", &|c| {
        format!("{} of {}", c.issue.errors, c.issue.ok + c.issue.errors)
    });
    row(
        "409 numbers_exhausted answers (the client then skips that service)",
        &|c| c.issue.exhausted.to_string(),
    );
    row("call-next per second (durable, HTTP)", &|c| {
        format!("{:.0}", c.call.per_second())
    });
    row("call-next latency p50 / p99", &|c| {
        format!(
            "{:.1} ms / {:.1} ms",
            c.call.percentile_ms(50.0),
            c.call.percentile_ms(99.0)
        )
    });
    row("call-next errors", &|c| {
        format!("{} of {}", c.call.errors, c.call.ok + c.call.errors)
    });
    row(
        &format!(
            "ceiling: raw insert+commit per second (SQLite: 1 connection, WAL, synchronous=FULL; PostgreSQL: {} connections, synchronous_commit=on)",
            args.clients
        ),
        &|c| format!("{:.0}", c.ceiling.per_second()),
    );
    row("raw commit latency p50 / p99", &|c| {
        format!(
            "{:.1} ms / {:.1} ms",
            percentile_ms(&c.ceiling.latencies, 50.0),
            percentile_ms(&c.ceiling.latencies, 99.0)
        )
    });
    row("ratio issue / ceiling", &|c| format!("{:.2}", c.ratio()));
    let mut summary = String::from("summary:");
    for (i, c) in columns.iter().enumerate() {
        let prefix = ["", "pg1_", "pg2_"].get(i).copied().unwrap_or("other_");
        summary += &format!(" {prefix}issue_per_s={:.0}", c.issue.per_second());
        if i == 0 {
            summary += &format!(
                " ceiling_per_s={:.0} call_per_s={:.0}",
                c.ceiling.per_second(),
                c.call.per_second()
            );
        } else {
            summary += &format!(
                " {prefix}call_per_s={:.0} {prefix}errors={}",
                c.call.per_second(),
                c.issue.errors + c.call.errors
            );
        }
        summary += &format!(
            " {prefix}ratio={:.2} {prefix}p99_ms={:.1} {prefix}issue_p99_ms={:.1} {prefix}call_p99_ms={:.1}",
            c.ratio(),
            c.p99(),
            percentile_ms(&c.issue.latencies, 99.0),
            percentile_ms(&c.call.latencies, 99.0)
        );
    }
    if let Some(pg) = columns.get(1) {
        summary += &format!(
            " pg_ceiling_per_s={:.0} pg_ceiling_p99_ms={:.1}",
            pg.ceiling.per_second(),
            percentile_ms(&pg.ceiling.latencies, 99.0)
        );
    }
    println!("{summary}");
}
