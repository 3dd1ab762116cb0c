//! The SQLite loader: reads the server's tables (`tickets`, `commands`, `guided`, `alerts`;
//! schema in `server/src/store/mod.rs`) and this crate's (`manual_counts`,
//! `report_snapshots`; `reports/migrations/0100_reports.sql`) into report inputs.
//!
//! A past day's report never changes with the configuration: the site's name, hours,
//! services (names and report categories) and counters of a day are frozen in
//! `report_snapshots` the first time [`snapshot_day`] runs for it (the server should call it
//! when a day opens; the CLI and the HTTP handlers call it for every past day they report), and
//! the loaders prefer the snapshot to the configuration. Counts are by the service a ticket was
//! issued for (from its `issue` command), not the one it ended in after transfers.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use madoguchi_engine::{Command, Config};
use madoguchi_protocol::{CounterId, Lang, SiteKind, TicketState, Timestamp};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqlitePool};

use crate::spans::CounterToggle;
use crate::{Category, ServiceMeta};

mod daily;
mod monthly;

pub use daily::load_daily;
pub use monthly::load_monthly;

/// The SQL of this crate's tables (idempotent).
pub const SCHEMA_SQL: &str = include_str!("../../migrations/0100_reports.sql");

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("there is no site \"{0}\"; use a site id of the configuration, e.g. yahatanishi")]
    UnknownSite(String),
    #[error("the database could not be read: {0}")]
    Db(#[from] sqlx::Error),
    #[error(
        "a stored row could not be read ({0}); is the database from another madoguchi version?"
    )]
    Corrupt(String),
}

/// What the configuration said about a site on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DaySnapshot {
    pub site_name_ja: String,
    pub site_kind: SiteKind,
    pub hours: Option<(NaiveTime, NaiveTime)>,
    pub services: Vec<ServiceMeta>,
    pub counters: Vec<CounterId>,
}

impl DaySnapshot {
    /// The snapshot today's configuration gives for `site` on `date`.
    pub fn from_config(config: &Config, site: &str, date: NaiveDate) -> Option<DaySnapshot> {
        let s = config.site(site)?;
        let services = config
            .site_services(s)
            .into_iter()
            .chain(
                config
                    .services
                    .iter()
                    .filter(|x| !x.kiosk && !s.services.contains(&x.id))
                    .cloned(),
            )
            .map(|svc| ServiceMeta {
                category: svc
                    .report_category
                    .as_deref()
                    .and_then(Category::from_code)
                    .or_else(|| Category::of_service(&svc.id)),
                id: svc.id,
                name_ja: svc.name_ja,
            })
            .collect();
        Some(DaySnapshot {
            site_name_ja: s.name_ja.clone(),
            site_kind: s.kind,
            hours: config.calendar().hours(site, date),
            services,
            counters: s.counters.iter().map(|c| c.id.clone()).collect(),
        })
    }
}

/// Creates this crate's tables if they are missing.
pub async fn ensure_schema(pool: &SqlitePool) -> Result<(), LoadError> {
    sqlx::raw_sql(SCHEMA_SQL).execute(pool).await?;
    Ok(())
}

fn day_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Freezes what the configuration says about `site` on `date`, unless already frozen, and
/// returns the stored snapshot.
pub async fn snapshot_day(
    pool: &SqlitePool,
    config: &Config,
    site: &str,
    date: NaiveDate,
    now: Timestamp,
) -> Result<DaySnapshot, LoadError> {
    if let Some(s) = stored_snapshot(pool, site, date).await? {
        return Ok(s);
    }
    let snap = DaySnapshot::from_config(config, site, date)
        .ok_or_else(|| LoadError::UnknownSite(site.to_string()))?;
    let json = serde_json::to_string(&snap).map_err(|e| LoadError::Corrupt(e.to_string()))?;
    sqlx::query(
        "INSERT OR IGNORE INTO report_snapshots (site, day, json, taken_at) VALUES (?, ?, ?, ?)",
    )
    .bind(site)
    .bind(day_text(date))
    .bind(json)
    .bind(now.to_rfc3339())
    .execute(pool)
    .await?;
    Ok(stored_snapshot(pool, site, date).await?.unwrap_or(snap))
}

async fn stored_snapshot(
    pool: &SqlitePool,
    site: &str,
    date: NaiveDate,
) -> Result<Option<DaySnapshot>, LoadError> {
    let json: Option<String> =
        sqlx::query_scalar("SELECT json FROM report_snapshots WHERE site = ? AND day = ?")
            .bind(site)
            .bind(day_text(date))
            .fetch_optional(pool)
            .await?;
    json.map(|j| serde_json::from_str(&j).map_err(|e| LoadError::Corrupt(format!("snapshot: {e}"))))
        .transpose()
}

/// The frozen snapshot of the day, or today's configuration's.
async fn snapshot_or_config(
    pool: &SqlitePool,
    config: &Config,
    site: &str,
    date: NaiveDate,
) -> Result<DaySnapshot, LoadError> {
    match stored_snapshot(pool, site, date).await? {
        Some(s) => Ok(s),
        None => DaySnapshot::from_config(config, site, date)
            .ok_or_else(|| LoadError::UnknownSite(site.to_string())),
    }
}

/// Stores a staff-entered count of work without a ticket.
#[allow(clippy::too_many_arguments, reason = "one column each")]
pub async fn add_manual_count(
    pool: &SqlitePool,
    site: &str,
    date: NaiveDate,
    kind: &str,
    label_ja: &str,
    count: u32,
    entered_by: &str,
    now: Timestamp,
) -> Result<(), LoadError> {
    sqlx::query(
        "INSERT INTO manual_counts (site, day, kind, label_ja, count, entered_by, entered_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(site)
    .bind(day_text(date))
    .bind(kind)
    .bind(label_ja)
    .bind(i64::from(count))
    .bind(entered_by)
    .bind(now.to_rfc3339())
    .execute(pool)
    .await?;
    Ok(())
}

fn ts(text: &str) -> Result<Timestamp, LoadError> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map_err(|_| LoadError::Corrupt(format!("time \"{text}\"")))
}

fn opt_ts(text: Option<String>) -> Result<Option<Timestamp>, LoadError> {
    text.as_deref().map(ts).transpose()
}

fn lang(code: &str) -> Lang {
    Lang::from_code(code).unwrap_or(Lang::Ja)
}

fn state(name: &str) -> Result<TicketState, LoadError> {
    serde_json::from_value(serde_json::Value::String(name.to_string()))
        .map_err(|_| LoadError::Corrupt(format!("ticket state \"{name}\"")))
}

/// The day's commands: issue commands (ticket id → issued-for service) and counter toggles.
async fn day_commands(
    pool: &SqlitePool,
    site: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(HashMap<i64, String>, Vec<CounterToggle>), LoadError> {
    let rows = sqlx::query(
        "SELECT at, json FROM commands WHERE site = ? AND day >= ? AND day <= ? ORDER BY day, seq",
    )
    .bind(site)
    .bind(day_text(from))
    .bind(day_text(to))
    .fetch_all(pool)
    .await?;
    let mut issued = HashMap::new();
    let mut toggles = Vec::new();
    for row in rows {
        let json: String = row.try_get("json")?;
        // Commands of another engine version are skipped, not fatal: the ticket row remains.
        let Ok(cmd) = serde_json::from_str::<Command>(&json) else {
            continue;
        };
        match cmd {
            Command::Issue { id, service, .. } | Command::IssueOffline { id, service, .. } => {
                issued.insert(id, service);
            }
            Command::Pause { counter } => {
                let at: String = row.try_get("at")?;
                toggles.push(CounterToggle {
                    at: ts(&at)?,
                    counter,
                    open: false,
                });
            }
            Command::Reopen { counter } => {
                let at: String = row.try_get("at")?;
                toggles.push(CounterToggle {
                    at: ts(&at)?,
                    counter,
                    open: true,
                });
            }
            _ => {}
        }
    }
    Ok((issued, toggles))
}
