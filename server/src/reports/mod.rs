//! Reports through the storage boundary: reads a day's or a year's facts from any [`Store`]
//! (SQLite or PostgreSQL), lets `madoguchi-reports` compute and render them, and freezes a
//! past day's configuration before its first report. The HTTP routes (`http/reports.rs`) and
//! the `report` subcommand ([`cli`]) call these; authorization stays with the routes.

pub mod cli;

use axum::http::StatusCode;
use chrono::NaiveDate;
use madoguchi_engine::Config;
use madoguchi_protocol::Timestamp;
use madoguchi_reports::facts::{self, DaySnapshot, FactsError};
use madoguchi_reports::request::{
    self, DailyQuery, ManualCountRequest, MonthlyQuery, date_or, defaults, format_or_xlsx, month_or,
};
use madoguchi_reports::{
    Baseline, DailyInput, Format, MonthlyInput, Rendered, ReportError, daily_report, monthly_report,
};

use crate::error::AppError;
use crate::store::{ManualCountRow, SnapshotRow, Store, StoreError, Write};

/// A report that could not be made: the request or the stored data (a sentence for the
/// person who asked), or the database.
#[derive(Debug, thiserror::Error)]
pub enum ReportFailure {
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<FactsError> for ReportFailure {
    fn from(e: FactsError) -> ReportFailure {
        ReportFailure::Report(e.into())
    }
}

pub type ReportResult<T> = Result<T, ReportFailure>;

/// A failed report as an `ApiError` with its status: the request's fault (400), a site that
/// does not exist (404), unreadable stored data (500) or the database (503).
impl From<ReportFailure> for AppError {
    fn from(err: ReportFailure) -> AppError {
        let (status, code) = match &err {
            ReportFailure::Report(ReportError::BadRequest(_)) => {
                (StatusCode::BAD_REQUEST, "bad_request")
            }
            ReportFailure::Report(ReportError::Facts(FactsError::UnknownSite(_))) => {
                (StatusCode::NOT_FOUND, "unknown_site")
            }
            ReportFailure::Report(_) => (StatusCode::INTERNAL_SERVER_ERROR, "report_failed"),
            ReportFailure::Store(e) => {
                tracing::error!(cause = %e, "a report could not read the database");
                (StatusCode::SERVICE_UNAVAILABLE, "storage_unavailable")
            }
        };
        AppError::new(status, code, err.to_string())
    }
}

/// Freezes what the configuration says about `site` on `date`, unless already frozen, and
/// returns the stored snapshot.
pub async fn snapshot_day(
    store: &dyn Store,
    config: &Config,
    site: &str,
    date: NaiveDate,
    now: Timestamp,
) -> ReportResult<DaySnapshot> {
    if let Some(json) = store.report_snapshot(site, date).await? {
        return Ok(DaySnapshot::from_json(&json)?);
    }
    let snap = DaySnapshot::from_config(config, site, date)
        .ok_or_else(|| FactsError::UnknownSite(site.to_string()))?;
    let row = SnapshotRow {
        site: site.to_owned(),
        day: date,
        json: snap.to_json()?,
        at: now,
    };
    store.commit(vec![Write::ReportSnapshot(row)]).await?;
    // Another request may have frozen it first: the stored one counts.
    match store.report_snapshot(site, date).await? {
        Some(json) => Ok(DaySnapshot::from_json(&json)?),
        None => Ok(snap),
    }
}

/// Everything the daily report of `site` on `date` needs.
pub async fn load_daily(
    store: &dyn Store,
    config: &Config,
    site: &str,
    date: NaiveDate,
) -> ReportResult<DailyInput> {
    let facts = store.report_day(site, date).await?;
    let mut input = facts::daily_input(config, site, date, facts)?;
    input.bookings = store
        .bookings(site, date)
        .await?
        .iter()
        .map(booking_record)
        .collect();
    Ok(input)
}

/// A stored booking as the reports count it (no reference).
fn booking_record(b: &crate::store::BookingRow) -> madoguchi_reports::BookingRecord {
    madoguchi_reports::BookingRecord {
        slot_start: b.slot_start,
        slot_end: b.slot_end,
        checked_in_at: b.checked_in.as_ref().map(|c| c.at),
        called_at: b.called_at,
    }
}

/// Everything the monthly report of `year`-`month` needs, compared with `baseline`.
pub async fn load_monthly(
    store: &dyn Store,
    config: &Config,
    year: i32,
    month: u32,
    baseline: Baseline,
) -> ReportResult<MonthlyInput> {
    let (from, to) = facts::month_span(year, month)?;
    let sites = facts::monthly_sites(config, store.report_sites(from, to).await?);
    let mut completed = Vec::with_capacity(sites.len());
    for site in sites {
        let facts = store.report_completed(&site, from, to).await?;
        completed.push((site, facts));
    }
    let snapshots = store.report_snapshots(from, to).await?;
    let mut input = facts::monthly_input(config, (year, month), baseline, completed, &snapshots);
    for site in config.site_ids() {
        input.bookings.extend(
            store
                .bookings_between(&site, from, to)
                .await?
                .iter()
                .map(booking_record),
        );
    }
    Ok(input)
}

/// The daily report of `site` on `date` in `format`. Freezes the day's configuration snapshot
/// when the day is over (before `now`'s date).
pub async fn daily(
    store: &dyn Store,
    config: &Config,
    site: &str,
    date: NaiveDate,
    format: Format,
    now: Timestamp,
) -> ReportResult<Rendered> {
    if request::is_past(date, now) {
        snapshot_day(store, config, site, date, now).await?;
    }
    let input = load_daily(store, config, site, date).await?;
    Ok(request::render_daily(&daily_report(&input), format)?)
}

/// The monthly report of `year`-`month` in `format`, against the shipped 2025 figures unless
/// another `baseline` is given.
pub async fn monthly(
    store: &dyn Store,
    config: &Config,
    (year, month): (i32, u32),
    format: Format,
    baseline: Option<Baseline>,
) -> ReportResult<Rendered> {
    let baseline = baseline.unwrap_or_else(Baseline::shipped);
    let input = load_monthly(store, config, year, month, baseline).await?;
    Ok(request::render_monthly(&monthly_report(&input), format)?)
}

/// `GET /api/sites/{site}/reports/daily` after the caller was allowed to see `site`.
pub async fn daily_for_query(
    store: &dyn Store,
    config: &Config,
    site: &str,
    q: &DailyQuery,
    now: Timestamp,
) -> ReportResult<Rendered> {
    let (yesterday, _) = defaults(now);
    let date = date_or(q.date.as_deref(), yesterday)?;
    let format = format_or_xlsx(q.format.as_deref())?;
    daily(store, config, site, date, format, now).await
}

/// `GET /api/reports/monthly` after the caller was allowed to see the city's figures.
pub async fn monthly_for_query(
    store: &dyn Store,
    config: &Config,
    q: &MonthlyQuery,
    now: Timestamp,
) -> ReportResult<Rendered> {
    let (_, last_month) = defaults(now);
    let month = month_or(q.month.as_deref(), last_month)?;
    monthly(
        store,
        config,
        month,
        format_or_xlsx(q.format.as_deref())?,
        None,
    )
    .await
}

/// The row a checked manual count writes; `user` is who entered it.
pub fn manual_count(
    site: &str,
    user: &str,
    req: &ManualCountRequest,
    now: Timestamp,
) -> Result<ManualCountRow, ReportError> {
    Ok(ManualCountRow {
        site: site.to_owned(),
        day: req.checked_date(now)?,
        kind: req.kind.clone(),
        label_ja: req.label_ja.clone(),
        count: req.count,
        entered_by: user.to_owned(),
        at: now,
    })
}
