//! Loads one site's day into a [`DailyInput`].

use chrono::NaiveDate;
use madoguchi_engine::Config;
use madoguchi_protocol::Needs;
use sqlx::{Row, SqlitePool};

use super::{LoadError, day_commands, day_text, lang, opt_ts, snapshot_or_config, state, ts};
use crate::spans::counter_spans;
use crate::{AlertKind, AlertRecord, DailyInput, GuidedVisit, ManualCount, TicketRecord, jst};

/// Everything the daily report of `site` on `date` needs.
pub async fn load_daily(
    pool: &SqlitePool,
    config: &Config,
    site: &str,
    date: NaiveDate,
) -> Result<DailyInput, LoadError> {
    let snap = snapshot_or_config(pool, config, site, date).await?;
    let day = day_text(date);
    let (issued_for, toggles) = day_commands(pool, site, date, date).await?;

    let rows = sqlx::query(
        "SELECT id, service, lang, need_braille_form, need_wheelchair, need_written, \
         need_interpreter, need_help, need_other, state, counter, issued_at, called_at, \
         served_at, finished_at, transfers, recalls, kiosk FROM tickets \
         WHERE site = ? AND day = ? ORDER BY id",
    )
    .bind(site)
    .bind(&day)
    .fetch_all(pool)
    .await?;
    let mut tickets = Vec::with_capacity(rows.len());
    for r in rows {
        let id: i64 = r.try_get("id")?;
        let flag = |name: &str| -> Result<bool, LoadError> { Ok(r.try_get::<i64, _>(name)? != 0) };
        let final_service: String = r.try_get("service")?;
        let issued_at: String = r.try_get("issued_at")?;
        let kiosk: Option<String> = r.try_get("kiosk")?;
        tickets.push(TicketRecord {
            service: issued_for.get(&id).cloned().unwrap_or(final_service),
            lang: lang(&r.try_get::<String, _>("lang")?),
            needs: Needs {
                braille_form: flag("need_braille_form")?,
                wheelchair: flag("need_wheelchair")?,
                written: flag("need_written")?,
                interpreter: flag("need_interpreter")?,
                help: flag("need_help")?,
                other: flag("need_other")?,
            },
            state: state(&r.try_get::<String, _>("state")?)?,
            counter: r.try_get("counter")?,
            issued_at: ts(&issued_at)?,
            called_at: opt_ts(r.try_get("called_at")?)?,
            served_at: opt_ts(r.try_get("served_at")?)?,
            finished_at: opt_ts(r.try_get("finished_at")?)?,
            transfers: u32::try_from(r.try_get::<i64, _>("transfers")?).unwrap_or(0),
            recalls: u32::try_from(r.try_get::<i64, _>("recalls")?).unwrap_or(0),
            by_kiosk: kiosk.is_some(),
        });
    }

    let mut guided = Vec::new();
    for r in
        sqlx::query("SELECT at, reason, lang FROM guided WHERE site = ? AND day = ? ORDER BY id")
            .bind(site)
            .bind(&day)
            .fetch_all(pool)
            .await?
    {
        guided.push(GuidedVisit {
            at: ts(&r.try_get::<String, _>("at")?)?,
            reason: r.try_get("reason")?,
            lang: lang(&r.try_get::<String, _>("lang")?),
        });
    }

    let mut alerts = Vec::new();
    for r in sqlx::query("SELECT at, kind FROM alerts WHERE site = ? AND day = ? ORDER BY id")
        .bind(site)
        .bind(&day)
        .fetch_all(pool)
        .await?
    {
        let kind = match r.try_get::<String, _>("kind")?.as_str() {
            "assist" => AlertKind::Assist,
            "print_failed" => AlertKind::PrintFailed,
            _ => continue,
        };
        alerts.push(AlertRecord {
            at: ts(&r.try_get::<String, _>("at")?)?,
            kind,
        });
    }

    let mut manual = Vec::new();
    for r in sqlx::query(
        "SELECT kind, label_ja, count, entered_by FROM manual_counts WHERE site = ? AND day = ? ORDER BY id",
    )
    .bind(site)
    .bind(&day)
    .fetch_all(pool)
    .await?
    {
        manual.push(ManualCount {
            kind: r.try_get("kind")?,
            label_ja: r.try_get("label_ja")?,
            count: u32::try_from(r.try_get::<i64, _>("count")?).unwrap_or(0),
            entered_by: r.try_get("entered_by")?,
        });
    }

    // The window counters can be open in: the opening hours, or on a closed day (a trial
    // with the calendar ignored) from the first to the last ticket time.
    let window = match snap.hours {
        Some((open, close)) => date
            .and_time(open)
            .and_local_timezone(jst())
            .single()
            .zip(date.and_time(close).and_local_timezone(jst()).single()),
        None => {
            let times = tickets.iter().flat_map(|t| {
                [Some(t.issued_at), t.called_at, t.served_at, t.finished_at]
                    .into_iter()
                    .flatten()
            });
            times.clone().min().zip(times.max())
        }
    };
    let counter_spans = window.map_or_else(Vec::new, |(from, to)| {
        counter_spans(&snap.counters, &toggles, from, to)
    });

    Ok(DailyInput {
        site: site.to_string(),
        site_name_ja: snap.site_name_ja,
        date,
        hours: snap.hours,
        services: snap.services,
        tickets,
        guided,
        alerts,
        manual,
        counter_spans,
    })
}
