//! The reports' read model ([`ReportReads`]) and the report tables' writes on PostgreSQL: the
//! SQLite queries with `$n` placeholders, `BOOLEAN` flags, and PostgreSQL's JSON operators
//! where SQLite has `json_extract`.

use std::str::FromStr;

use chrono::NaiveDate;
use futures_util::future::BoxFuture;
use madoguchi_protocol::SiteId;
use madoguchi_reports::facts::{self, CompletedFacts, DayFacts, StoredSnapshot, StoredTicket};
use madoguchi_reports::{GuidedVisit, ManualCount, TicketRecord};
use sqlx::postgres::{PgPool, PgRow};
use sqlx::{Postgres, Row, Transaction};

use super::{PgStore, text};
use crate::store::rows::{day_str, enum_parse, needs_of, opt_ts, ts};
use crate::store::{ReportReads, StoreError, StoreResult, Write};

fn day(s: &str) -> StoreResult<NaiveDate> {
    NaiveDate::from_str(s).map_err(|e| StoreError::Corrupt(format!("bad day {s:?}: {e}")))
}

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

fn report_ticket(r: &PgRow) -> StoreResult<StoredTicket> {
    let flag = |name: &str| -> StoreResult<bool> { Ok(r.try_get::<bool, _>(name)?) };
    let kiosk: Option<String> = r.try_get("kiosk")?;
    Ok(StoredTicket {
        id: r.try_get("id")?,
        record: TicketRecord {
            service: r.try_get("service")?,
            lang: facts::lang(&r.try_get::<String, _>("lang")?),
            needs: needs_of(flag)?,
            state: enum_parse(&r.try_get::<String, _>("state")?)?,
            counter: r.try_get("counter")?,
            issued_at: ts(&r.try_get::<String, _>("issued_at")?)?,
            called_at: opt_ts(r.try_get("called_at")?)?,
            served_at: opt_ts(r.try_get("served_at")?)?,
            finished_at: opt_ts(r.try_get("finished_at")?)?,
            transfers: count(r.try_get("transfers")?),
            recalls: count(r.try_get("recalls")?),
            by_kiosk: kiosk.is_some(),
        },
    })
}

async fn snapshot(pool: &PgPool, site: &str, d: NaiveDate) -> StoreResult<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT json FROM report_snapshots WHERE site = $1 AND day = $2")
            .bind(text(site))
            .bind(day_str(d))
            .fetch_optional(pool)
            .await?,
    )
}

async fn day_facts(pool: &PgPool, site: &str, d: NaiveDate) -> StoreResult<DayFacts> {
    let day = day_str(d);
    let rows =
        sqlx::query("SELECT at, json FROM commands WHERE site = $1 AND day = $2 ORDER BY seq")
            .bind(text(site))
            .bind(&day)
            .fetch_all(pool)
            .await?;
    let commands = rows
        .iter()
        .map(|r| Ok((ts(&r.try_get::<String, _>("at")?)?, r.try_get("json")?)))
        .collect::<StoreResult<_>>()?;
    let rows = sqlx::query(
        "SELECT id, service, lang, need_braille_form, need_wheelchair, need_written, \
         need_interpreter, need_help, need_other, state, counter, issued_at, called_at, \
         served_at, finished_at, transfers, recalls, kiosk FROM tickets \
         WHERE site = $1 AND day = $2 ORDER BY id",
    )
    .bind(text(site))
    .bind(&day)
    .fetch_all(pool)
    .await?;
    let tickets = rows.iter().map(report_ticket).collect::<StoreResult<_>>()?;
    let rows =
        sqlx::query("SELECT at, reason, lang FROM guided WHERE site = $1 AND day = $2 ORDER BY id")
            .bind(text(site))
            .bind(&day)
            .fetch_all(pool)
            .await?;
    let guided = rows
        .iter()
        .map(|r| {
            Ok(GuidedVisit {
                at: ts(&r.try_get::<String, _>("at")?)?,
                reason: r.try_get("reason")?,
                lang: facts::lang(&r.try_get::<String, _>("lang")?),
            })
        })
        .collect::<StoreResult<_>>()?;
    let rows = sqlx::query("SELECT at, kind FROM alerts WHERE site = $1 AND day = $2 ORDER BY id")
        .bind(text(site))
        .bind(&day)
        .fetch_all(pool)
        .await?;
    let alerts = rows
        .iter()
        .map(|r| Ok((ts(&r.try_get::<String, _>("at")?)?, r.try_get("kind")?)))
        .collect::<StoreResult<_>>()?;
    let rows = sqlx::query(
        "SELECT kind, label_ja, count, entered_by FROM manual_counts \
         WHERE site = $1 AND day = $2 ORDER BY id",
    )
    .bind(text(site))
    .bind(&day)
    .fetch_all(pool)
    .await?;
    let manual = rows
        .iter()
        .map(|r| {
            Ok(ManualCount {
                kind: r.try_get("kind")?,
                label_ja: r.try_get("label_ja")?,
                count: count(r.try_get("count")?),
                entered_by: r.try_get("entered_by")?,
            })
        })
        .collect::<StoreResult<_>>()?;
    Ok(DayFacts {
        snapshot: snapshot(pool, site, d).await?,
        commands,
        tickets,
        guided,
        alerts,
        manual,
    })
}

async fn completed(
    pool: &PgPool,
    site: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<CompletedFacts> {
    let rows = sqlx::query(
        "SELECT day, service, COUNT(*) AS n FROM tickets \
         WHERE site = $1 AND day >= $2 AND day <= $3 AND state = 'done' AND transfers = 0 \
         GROUP BY day, service",
    )
    .bind(text(site))
    .bind(day_str(from))
    .bind(day_str(to))
    .fetch_all(pool)
    .await?;
    let untransferred = rows
        .iter()
        .map(|r| {
            let n: i64 = r.try_get("n")?;
            Ok((
                day(&r.try_get::<String, _>("day")?)?,
                r.try_get("service")?,
                u64::try_from(n).unwrap_or(0),
            ))
        })
        .collect::<StoreResult<_>>()?;
    let rows = sqlx::query(
        "SELECT id, day, service FROM tickets WHERE site = $1 AND day >= $2 AND day <= $3 \
         AND state = 'done' AND transfers > 0 ORDER BY day",
    )
    .bind(text(site))
    .bind(day_str(from))
    .bind(day_str(to))
    .fetch_all(pool)
    .await?;
    let transferred: Vec<(i64, NaiveDate, String)> = rows
        .iter()
        .map(|r| {
            let d = day(&r.try_get::<String, _>("day")?)?;
            Ok((r.try_get("id")?, d, r.try_get("service")?))
        })
        .collect::<StoreResult<_>>()?;
    // The `issue` commands of every day with a transferred ticket, in one round trip; only
    // these few fields are needed, so PostgreSQL reads them from the JSON text (`json`, not
    // `jsonb`: faster for three fields of a short object) without sending every command back.
    let mut days: Vec<String> = transferred.iter().map(|t| day_str(t.1)).collect();
    days.dedup();
    let rows = sqlx::query(
        "SELECT day, (j ->> 'id')::BIGINT AS id, j ->> 'service' AS service \
         FROM (SELECT day, json::json AS j FROM commands \
               WHERE site = $1 AND day = ANY($2::TEXT[])) AS c \
         WHERE j ->> 'cmd' IN ('issue', 'check_in')",
    )
    .bind(text(site))
    .bind(&days)
    .fetch_all(pool)
    .await?;
    let mut issued_for = Vec::with_capacity(rows.len());
    for r in rows {
        if let (Ok(id), Ok(service)) =
            (r.try_get::<i64, _>("id"), r.try_get::<String, _>("service"))
        {
            issued_for.push((day(&r.try_get::<String, _>("day")?)?, id, service));
        }
    }
    Ok(CompletedFacts {
        untransferred,
        transferred,
        issued_for,
    })
}

impl ReportReads for PgStore {
    fn report_day(&self, site: &str, day: NaiveDate) -> BoxFuture<'_, StoreResult<DayFacts>> {
        let site = site.to_owned();
        Box::pin(async move { day_facts(self.pool(), &site, day).await })
    }

    fn report_snapshot(
        &self,
        site: &str,
        day: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Option<String>>> {
        let site = site.to_owned();
        Box::pin(async move { snapshot(self.pool(), &site, day).await })
    }

    fn report_snapshots(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<StoredSnapshot>>> {
        Box::pin(async move {
            let rows = sqlx::query(
                "SELECT site, day, json FROM report_snapshots WHERE day >= $1 AND day <= $2",
            )
            .bind(day_str(from))
            .bind(day_str(to))
            .fetch_all(self.pool())
            .await?;
            // A row whose day cannot be read is left out, as a snapshot that cannot be read.
            Ok(rows
                .iter()
                .filter_map(|r| {
                    let d = day(&r.try_get::<String, _>("day").ok()?).ok()?;
                    Some((r.try_get("site").ok()?, d, r.try_get("json").ok()?))
                })
                .collect())
        })
    }

    fn report_sites(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<SiteId>>> {
        Box::pin(async move {
            Ok(sqlx::query_scalar(
                "SELECT DISTINCT site FROM tickets WHERE day >= $1 AND day <= $2",
            )
            .bind(day_str(from))
            .bind(day_str(to))
            .fetch_all(self.pool())
            .await?)
        })
    }

    fn report_completed(
        &self,
        site: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<CompletedFacts>> {
        let site = site.to_owned();
        Box::pin(async move { completed(self.pool(), &site, from, to).await })
    }
}

/// Writes a `ManualCount` or `ReportSnapshot` inside the commit's transaction.
pub(super) async fn write_report(tx: &mut Transaction<'_, Postgres>, w: &Write) -> StoreResult<()> {
    match w {
        Write::ManualCount(m) => {
            sqlx::query(
                "INSERT INTO manual_counts (site, day, kind, label_ja, count, entered_by, \
                 entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(text(&m.site))
            .bind(day_str(m.day))
            .bind(text(&m.kind))
            .bind(text(&m.label_ja))
            .bind(i64::from(m.count))
            .bind(text(&m.entered_by))
            .bind(m.at.to_rfc3339())
            .execute(&mut **tx)
            .await?;
        }
        Write::ReportSnapshot(s) => {
            sqlx::query(
                "INSERT INTO report_snapshots (site, day, json, taken_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (site, day) DO NOTHING",
            )
            .bind(text(&s.site))
            .bind(day_str(s.day))
            .bind(text(&s.json))
            .bind(s.at.to_rfc3339())
            .execute(&mut **tx)
            .await?;
        }
        _ => {}
    }
    Ok(())
}
