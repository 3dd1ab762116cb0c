//! `madoguchi-server bench`: the real server in-process on loopback with a temporary database
//! (same SQLite settings as production, `--open-all-hours` so it runs at any time), many
//! concurrent HTTP clients issuing tickets and then calling them at counters, against the
//! ceiling of the same machine in the same run: raw SQLite insert+commit, one row per
//! transaction, with the same journal and `synchronous` settings. Prints a markdown table and
//! a last line `summary: issue_per_s=N ceiling_per_s=N ratio=R p99_ms=N`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use madoguchi_engine::Config;
use madoguchi_protocol::Role;
use serde_json::json;
use sqlx::Connection;
use sqlx::sqlite::SqliteConnection;

use crate::clock::{Clock, SystemClock};
use crate::store::{Store, connect_options, open_sqlite};

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Concurrent HTTP clients.
    #[arg(long, default_value_t = 64)]
    pub clients: usize,
    /// Seconds per phase (issue, then call-next).
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
}

/// Requests done in a phase and their latencies.
#[derive(Debug, Default)]
struct Phase {
    ok: usize,
    errors: usize,
    /// Services that ran out of numbers for the day (issue phase).
    exhausted: usize,
    latencies: Vec<Duration>,
    elapsed: Duration,
}

impl Phase {
    fn per_second(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    fn percentile_ms(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return 0.0;
        }
        let mut sorted = self.latencies.clone();
        sorted.sort();
        let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
        sorted[rank.min(sorted.len() - 1)].as_secs_f64() * 1000.0
    }

    fn merge(&mut self, other: Phase) {
        self.ok += other.ok;
        self.errors += other.errors;
        self.exhausted += other.exhausted;
        self.latencies.extend(other.latencies);
    }
}

/// Raw SQLite: one insert per transaction, committed, for `seconds`. Returns the commits per
/// second and the commits as a [`Phase`] (their latencies show the disk's fsync spread).
async fn ceiling(path: &std::path::Path, seconds: u64) -> anyhow::Result<(f64, Phase)> {
    let mut conn = SqliteConnection::connect_with(&connect_options(path)).await?;
    sqlx::query("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, at TEXT NOT NULL, json TEXT NOT NULL)")
        .execute(&mut conn)
        .await?;
    let payload = "x".repeat(300);
    let start = Instant::now();
    let mut n = 0u64;
    let mut phase = Phase::default();
    while start.elapsed() < Duration::from_secs(seconds) {
        let t0 = Instant::now();
        let mut tx = conn.begin().await?;
        sqlx::query("INSERT INTO t (at, json) VALUES (?, ?)")
            .bind("2026-11-25T10:00:00+09:00")
            .bind(&payload)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        phase.latencies.push(t0.elapsed());
        n += 1;
    }
    Ok((n as f64 / start.elapsed().as_secs_f64(), phase))
}

pub async fn run(args: BenchArgs) -> anyhow::Result<()> {
    if args.clients == 0 || args.seconds == 0 {
        bail!("--clients and --seconds must be at least 1.");
    }
    let dir = tempfile::tempdir().context("creating a temporary directory")?;
    eprintln!(
        "measuring the raw SQLite ceiling for {} s…",
        args.seconds.min(5)
    );
    let (ceiling_per_s, raw) = ceiling(&dir.path().join("ceiling.db"), args.seconds.min(5)).await?;

    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let mut config = Config::shipped();
    crate::open_all_hours(&mut config, crate::store::day_of(clock.now()));
    let db = dir.path().join("bench.db");
    let sqlite = open_sqlite(&db).await?;
    let sites = config.site_ids();
    let mut kiosks = Vec::new();
    for site in &sites {
        kiosks.push(
            crate::cli::create_device(
                &sqlite,
                &config,
                Role::Kiosk,
                site,
                &format!("bench-{site}"),
            )
            .await?,
        );
    }
    crate::cli::add_user(
        &sqlite,
        &config,
        "bench-admin",
        Role::Admin,
        None,
        "bench-admin-pw",
    )
    .await?;
    let store: Arc<dyn Store> = Arc::new(sqlite);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let state = crate::state::AppState::new(Arc::new(config.clone()), store, clock, &base).await?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(crate::run(listener, state, async {
        let _ = stopped.await;
    }));
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(args.clients)
        .build()?;
    let login: serde_json::Value = http
        .post(format!("{base}/api/login"))
        .json(&json!({"user": "bench-admin", "password": "bench-admin-pw", "site": sites[0]}))
        .send()
        .await?
        .json()
        .await?;
    let admin = login["token"]
        .as_str()
        .context("bench login failed")?
        .to_owned();

    // Phase 1: every client issues tickets at one site, cycling through its kiosk services.
    eprintln!(
        "issuing tickets with {} clients for {} s…",
        args.clients, args.seconds
    );
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..args.clients {
        let site_index = c % sites.len();
        let site = sites[site_index].clone();
        let services: Vec<String> = config
            .site(&site)
            .map(|s| {
                config
                    .site_services(s)
                    .into_iter()
                    .filter(|x| x.kiosk)
                    .map(|x| x.id)
                    .collect()
            })
            .unwrap_or_default();
        let (http, token, url) = (
            http.clone(),
            kiosks[site_index].clone(),
            format!("{base}/api/sites/{site}/tickets"),
        );
        tasks.push(tokio::spawn(async move {
            let mut phase = Phase::default();
            let mut services = services;
            let mut i = c;
            while Instant::now() < deadline && !services.is_empty() {
                let service = services[i % services.len()].clone();
                let body = json!({"service": service, "lang": "ja"});
                i += 1;
                let t0 = Instant::now();
                let res = http.post(&url).bearer_auth(&token).json(&body).send().await;
                let status = res.as_ref().map(|r| r.status().as_u16()).unwrap_or(0);
                if let Ok(r) = res {
                    let _ = r.bytes().await;
                }
                let elapsed = t0.elapsed();
                if status == 409 {
                    // This service's number range (e.g. 1-999 a day) is used up: leave it.
                    services.retain(|s| *s != service);
                    phase.exhausted += 1;
                    continue;
                }
                phase.latencies.push(elapsed);
                if status == 201 {
                    phase.ok += 1
                } else {
                    phase.errors += 1
                }
            }
            phase
        }));
    }
    let mut issue = Phase::default();
    for t in tasks {
        issue.merge(t.await?);
    }
    issue.elapsed = started.elapsed();

    // Phase 2: one client per counter (up to --clients), call-next until the time is up.
    eprintln!("calling tickets at counters for {} s…", args.seconds);
    // Counters taken round-robin over the sites, so every site's queues are called.
    let per_site: Vec<Vec<(String, String)>> = sites
        .iter()
        .map(|s| {
            config
                .site(s)
                .map(|c| {
                    c.counters
                        .iter()
                        .map(|k| (s.clone(), k.id.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let rounds = per_site.iter().map(Vec::len).max().unwrap_or(0);
    let counters: Vec<(String, String)> = (0..rounds)
        .flat_map(|r| per_site.iter().filter_map(move |cs| cs.get(r).cloned()))
        .take(args.clients)
        .collect();
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (site, counter) in counters {
        let (http, token) = (http.clone(), admin.clone());
        let url = format!("{base}/api/sites/{site}/counters/{counter}/call-next");
        tasks.push(tokio::spawn(async move {
            let mut phase = Phase::default();
            while Instant::now() < deadline {
                let t0 = Instant::now();
                let res = http.post(&url).bearer_auth(&token).send().await;
                let elapsed = t0.elapsed();
                let Ok(res) = res else {
                    phase.errors += 1;
                    continue;
                };
                let ok = res.status().is_success();
                let body: serde_json::Value = res.json().await.unwrap_or_default();
                phase.latencies.push(elapsed);
                if !ok {
                    phase.errors += 1;
                } else if body["ticket"].is_null() {
                    break; // this counter's queues are empty
                } else {
                    phase.ok += 1;
                }
            }
            phase
        }));
    }
    let mut call = Phase::default();
    for t in tasks {
        call.merge(t.await?);
    }
    call.elapsed = started.elapsed();
    let _ = stop.send(());
    server.abort();

    let ratio = issue.per_second() / ceiling_per_s.max(1e-9);
    let p99 = issue.percentile_ms(99.0).max(call.percentile_ms(99.0));
    println!(
        "| measure ({} clients, {} s per phase) | value |",
        args.clients, args.seconds
    );
    println!("|---|---|");
    println!(
        "| tickets issued per second (durable, HTTP) | {:.0} |",
        issue.per_second()
    );
    println!(
        "| issue latency p50 / p99 | {:.1} ms / {:.1} ms |",
        issue.percentile_ms(50.0),
        issue.percentile_ms(99.0)
    );
    println!(
        "| issue errors | {} of {} |",
        issue.errors,
        issue.ok + issue.errors
    );
    println!(
        "| 409 numbers_exhausted answers (the client then skips that service) | {} |",
        issue.exhausted
    );
    println!(
        "| call-next per second (durable, HTTP) | {:.0} |",
        call.per_second()
    );
    println!(
        "| call-next latency p50 / p99 | {:.1} ms / {:.1} ms |",
        call.percentile_ms(50.0),
        call.percentile_ms(99.0)
    );
    println!(
        "| call-next errors | {} of {} |",
        call.errors,
        call.ok + call.errors
    );
    println!(
        "| ceiling: raw SQLite insert+commit per second (WAL, synchronous=FULL) | {ceiling_per_s:.0} |"
    );
    println!(
        "| raw SQLite commit latency p50 / p99 (the disk's fsync) | {:.1} ms / {:.1} ms |",
        raw.percentile_ms(50.0),
        raw.percentile_ms(99.0)
    );
    println!("| ratio issue / ceiling | {ratio:.2} |");
    println!(
        "summary: issue_per_s={:.0} ceiling_per_s={:.0} ratio={:.2} p99_ms={:.1}",
        issue.per_second(),
        ceiling_per_s,
        ratio,
        p99
    );
    Ok(())
}
