//! What the server benchmark (`madoguchi-server bench`) asks of a database directly, beside
//! the server: the machine's commit ceiling (one small row inserted and committed per
//! transaction, durable, as fast as the database takes them) and, on PostgreSQL, a fresh
//! database to run on. Here because SQL stays in the storage layer.

use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, Instant};

use sqlx::postgres::{PgConnectOptions, PgConnection};
use sqlx::sqlite::SqliteConnection;
use sqlx::{AssertSqlSafe, Connection, Executor};

use super::{StoreError, StoreResult, connect_options};

/// Commits made by a ceiling probe: each one's latency, and how long the probe ran.
#[derive(Debug, Default, Clone)]
pub struct CeilingRun {
    pub latencies: Vec<Duration>,
    pub elapsed: Duration,
}

impl CeilingRun {
    pub fn per_second(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// A row the size of a stored command.
fn payload() -> String {
    "x".repeat(300)
}

/// Raw SQLite on a new file at `path`, with the server's settings (WAL, `synchronous=FULL`):
/// one connection inserting one row per transaction for `duration`. SQLite has one writer, so
/// more connections would only queue on its lock.
pub async fn sqlite_commit_ceiling(path: &Path, duration: Duration) -> StoreResult<CeilingRun> {
    let mut conn = SqliteConnection::connect_with(&connect_options(path)).await?;
    conn.execute(
        "CREATE TABLE IF NOT EXISTS ceiling_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL, json TEXT NOT NULL)",
    )
    .await?;
    let payload = payload();
    let mut run = CeilingRun::default();
    let start = Instant::now();
    while start.elapsed() < duration {
        let t0 = Instant::now();
        let mut tx = conn.begin().await?;
        sqlx::query("INSERT INTO ceiling_probe (at, json) VALUES (?, ?)")
            .bind("2026-11-25T10:00:00+09:00")
            .bind(&payload)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        run.latencies.push(t0.elapsed());
    }
    run.elapsed = start.elapsed();
    Ok(run)
}

/// The server's connection settings: every commit waits for the WAL on disk.
fn pg_options(url: &str) -> StoreResult<PgConnectOptions> {
    Ok(PgConnectOptions::from_str(url)?
        .application_name("madoguchi-bench")
        .options([("synchronous_commit", "on")]))
}

/// Raw PostgreSQL at `url`: `connections` connections at once, each inserting one row per
/// transaction (`synchronous_commit = on`) for `duration`. PostgreSQL flushes the WAL for
/// commits that arrive together in one fsync, so the ceiling grows with the connections.
pub async fn postgres_commit_ceiling(
    url: &str,
    connections: usize,
    duration: Duration,
) -> StoreResult<CeilingRun> {
    let options = pg_options(url)?;
    let mut conn = PgConnection::connect_with(&options)
        .await
        .map_err(StoreError::Unreachable)?;
    conn.execute(
        "CREATE TABLE IF NOT EXISTS ceiling_probe (id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, json TEXT NOT NULL)",
    )
    .await?;
    let mut conns = vec![conn];
    while conns.len() < connections {
        conns.push(PgConnection::connect_with(&options).await?);
    }
    let start = Instant::now();
    let deadline = start + duration;
    let tasks: Vec<_> = conns
        .into_iter()
        .map(|mut conn| {
            tokio::spawn(async move {
                let payload = payload();
                let mut latencies = Vec::new();
                while Instant::now() < deadline {
                    let t0 = Instant::now();
                    let mut tx = conn.begin().await?;
                    sqlx::query("INSERT INTO ceiling_probe (at, json) VALUES ($1, $2)")
                        .bind("2026-11-25T10:00:00+09:00")
                        .bind(&payload)
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    latencies.push(t0.elapsed());
                }
                conn.close().await?;
                Ok::<_, StoreError>(latencies)
            })
        })
        .collect();
    let mut run = CeilingRun::default();
    for task in tasks {
        let latencies = task
            .await
            .map_err(|e| StoreError::Corrupt(format!("a ceiling connection stopped: {e}")))??;
        run.latencies.extend(latencies);
    }
    run.elapsed = start.elapsed();
    Ok(run)
}

/// Creates the empty database `name` (dropped first if it exists) on the PostgreSQL server of
/// `url` and returns `url` pointing at it. `name` is letters, digits and `_` only.
pub async fn postgres_fresh_database(url: &str, name: &str) -> StoreResult<String> {
    let mut conn = admin(url, name).await?;
    // `name` was checked by `admin`: plain letters, digits and `_`.
    sqlx::query(AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&mut conn)
    .await?;
    sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    let mut fresh = url::Url::parse(url)
        .map_err(|e| StoreError::Corrupt(format!("the database URL is not valid: {e}")))?;
    fresh.set_path(name);
    Ok(fresh.to_string())
}

/// Drops the database `name` made by [`postgres_fresh_database`], closing its connections.
pub async fn postgres_drop_database(url: &str, name: &str) -> StoreResult<()> {
    let mut conn = admin(url, name).await?;
    // `name` was checked by `admin`: plain letters, digits and `_`.
    sqlx::query(AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&mut conn)
    .await?;
    conn.close().await?;
    Ok(())
}

/// A connection to `url` for creating or dropping the database `name`, after checking that
/// the name can go into the statement as it is.
async fn admin(url: &str, name: &str) -> StoreResult<PgConnection> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(StoreError::Corrupt(format!(
            "\"{name}\" is not a plain database name"
        )));
    }
    PgConnection::connect_with(&pg_options(url)?)
        .await
        .map_err(StoreError::Unreachable)
}
