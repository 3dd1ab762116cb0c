//! Loads the completed tickets of every site from January to a month into a [`MonthlyInput`].

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use madoguchi_engine::Config;
use sqlx::{Row, SqlitePool};

use super::{DaySnapshot, LoadError, day_text, snapshot_or_config};
use crate::{Baseline, Category, MonthlyInput, ServedCount, calendar};

/// Everything the monthly report of `year`-`month` needs, compared with `baseline`.
pub async fn load_monthly(
    pool: &SqlitePool,
    config: &Config,
    year: i32,
    month: u32,
    baseline: Baseline,
) -> Result<MonthlyInput, LoadError> {
    let from = NaiveDate::from_ymd_opt(year, 1, 1)
        .ok_or_else(|| LoadError::Corrupt(format!("year {year}")))?;
    let to = NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| LoadError::Corrupt(format!("month {year}-{month}")))?;

    let mut site_ids = config.site_ids();
    // Sites that had tickets but are gone from today's configuration still count.
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT site FROM tickets WHERE day >= ? AND day <= ?")
            .bind(day_text(from))
            .bind(day_text(to))
            .fetch_all(pool)
            .await?;
    for s in stored {
        if !site_ids.contains(&s) {
            site_ids.push(s);
        }
    }

    let mut counts = Vec::new();
    let mut site_kinds = BTreeMap::new();
    for site in &site_ids {
        if let Some(s) = config.site(site) {
            site_kinds.insert(site.clone(), s.kind);
        }
        let grouped = completed_by_issued_service(pool, site, from, to).await?;
        let mut categories: BTreeMap<String, BTreeMap<String, Option<Category>>> = BTreeMap::new();
        for ((day, service), n) in grouped {
            let date = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                .map_err(|_| LoadError::Corrupt(format!("day \"{day}\"")))?;
            if !categories.contains_key(&day) {
                // The category as it was that day (snapshot), else as configured today.
                let snap = snapshot_or_config(pool, config, site, date).await.ok();
                let map = snap
                    .map(|s| s.services.into_iter().map(|m| (m.id, m.category)).collect())
                    .unwrap_or_default();
                categories.insert(day.clone(), map);
            }
            let category = categories
                .get(&day)
                .and_then(|m| m.get(&service).copied())
                .unwrap_or_else(|| Category::of_service(&service));
            counts.push(ServedCount {
                site: site.clone(),
                date,
                service,
                category,
                count: n,
            });
        }
    }

    // A day with a snapshot was a working day if the snapshot has opening hours, whatever
    // today's calendar says; other days follow the calendar.
    let mut frozen: HashMap<(String, NaiveDate), bool> = HashMap::new();
    for r in sqlx::query("SELECT site, day, json FROM report_snapshots WHERE day >= ? AND day <= ?")
        .bind(day_text(from))
        .bind(day_text(to))
        .fetch_all(pool)
        .await?
    {
        let day: String = r.try_get("day")?;
        let json: String = r.try_get("json")?;
        if let (Ok(date), Ok(snap)) = (
            NaiveDate::parse_from_str(&day, "%Y-%m-%d"),
            serde_json::from_str::<DaySnapshot>(&json),
        ) {
            frozen.insert((r.try_get("site")?, date), snap.hours.is_some());
        }
    }
    let calendar = config.calendar();
    let is_working_day = |site: &str, d: NaiveDate| {
        frozen
            .get(&(site.to_string(), d))
            .copied()
            .unwrap_or_else(|| calendar.is_working_day(site, d))
    };
    let configured = config.site_ids();
    let refs: Vec<&str> = configured.iter().map(String::as_str).collect();
    Ok(MonthlyInput {
        year,
        month,
        counts,
        site_kinds,
        working_days: calendar::working_days_table(year, &refs, &is_working_day),
        baseline_working_days: calendar::working_days_table(baseline.year, &refs, &is_working_day),
        baseline,
    })
}

/// Completed tickets of `site` between two days, by (day, issued-for service). A ticket that
/// was never transferred is still in the service it was issued for, so only transferred
/// tickets need their `issue` command looked up (day by day, through the commands' index).
async fn completed_by_issued_service(
    pool: &SqlitePool,
    site: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<BTreeMap<(String, String), u64>, LoadError> {
    let mut grouped: BTreeMap<(String, String), u64> = BTreeMap::new();
    let rows = sqlx::query(
        "SELECT day, service, COUNT(*) AS n FROM tickets \
         WHERE site = ? AND day >= ? AND day <= ? AND state = 'done' AND transfers = 0 \
         GROUP BY day, service",
    )
    .bind(site)
    .bind(day_text(from))
    .bind(day_text(to))
    .fetch_all(pool)
    .await?;
    for r in rows {
        let n: i64 = r.try_get("n")?;
        *grouped
            .entry((r.try_get("day")?, r.try_get("service")?))
            .or_default() += u64::try_from(n).unwrap_or(0);
    }
    let transferred = sqlx::query(
        "SELECT id, day, service FROM tickets \
         WHERE site = ? AND day >= ? AND day <= ? AND state = 'done' AND transfers > 0 ORDER BY day",
    )
    .bind(site)
    .bind(day_text(from))
    .bind(day_text(to))
    .fetch_all(pool)
    .await?;
    let mut by_day: BTreeMap<String, Vec<(i64, String)>> = BTreeMap::new();
    for r in transferred {
        by_day
            .entry(r.try_get("day")?)
            .or_default()
            .push((r.try_get("id")?, r.try_get("service")?));
    }
    for (day, tickets) in by_day {
        let date = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
            .map_err(|_| LoadError::Corrupt(format!("day \"{day}\"")))?;
        let issued_for = issued_services(pool, site, date).await?;
        for (id, final_service) in tickets {
            let service = issued_for.get(&id).cloned().unwrap_or(final_service);
            *grouped.entry((day.clone(), service)).or_default() += 1;
        }
    }
    Ok(grouped)
}

/// Ticket id → the service it was issued for, from the day's `issue` commands (read by
/// SQLite's JSON functions: only these few fields of the day's commands are needed here).
async fn issued_services(
    pool: &SqlitePool,
    site: &str,
    date: NaiveDate,
) -> Result<std::collections::HashMap<i64, String>, LoadError> {
    let rows = sqlx::query(
        "SELECT json_extract(json, '$.id') AS id, json_extract(json, '$.service') AS service \
         FROM commands WHERE site = ? AND day = ? AND json_extract(json, '$.cmd') = 'issue'",
    )
    .bind(site)
    .bind(day_text(date))
    .fetch_all(pool)
    .await?;
    let mut map = std::collections::HashMap::with_capacity(rows.len());
    for r in rows {
        if let (Ok(id), Ok(service)) =
            (r.try_get::<i64, _>("id"), r.try_get::<String, _>("service"))
        {
            map.insert(id, service);
        }
    }
    Ok(map)
}
