//! Shell functions for the server: load, compute and render a report in one call, with the
//! defaults that make it two clicks (yesterday's 日報, last month's 月報, XLSX), and an axum
//! response with a download file name. Authorization stays with the server's handlers.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Months, NaiveDate};
use madoguchi_engine::Config;
use madoguchi_protocol::Timestamp;
use serde::Deserialize;
use sqlx::SqlitePool;

use crate::load::{self, LoadError};
use crate::write::{Format, csv, html, xlsx};
use crate::{Baseline, daily_report, jst, monthly_report, parse_month};

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Xlsx(#[from] xlsx::XlsxWriteError),
    #[error("{0}")]
    BadRequest(String),
}

impl ReportError {
    /// HTTP status and `ApiError` code of this error.
    pub fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ReportError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            ReportError::Load(LoadError::UnknownSite(_)) => (StatusCode::NOT_FOUND, "unknown_site"),
            ReportError::Load(LoadError::Db(_)) => {
                (StatusCode::SERVICE_UNAVAILABLE, "storage_unavailable")
            }
            ReportError::Load(LoadError::Corrupt(_)) | ReportError::Xlsx(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, "report_failed")
            }
        }
    }
}

impl IntoResponse for ReportError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let body = madoguchi_protocol::ApiError {
            code: code.to_string(),
            message: self.to_string(),
            next_opening: None,
        };
        (status, axum::Json(body)).into_response()
    }
}

/// A rendered report, ready to send or save.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub format: Format,
    /// e.g. `nippo-yahatanishi-2026-11-24.xlsx`, `geppo-2026-11.xlsx`.
    pub file_name: String,
}

impl IntoResponse for Rendered {
    fn into_response(self) -> Response {
        let disposition = match self.format {
            Format::Html => format!("inline; filename=\"{}\"", self.file_name),
            _ => format!("attachment; filename=\"{}\"", self.file_name),
        };
        let mut res = (StatusCode::OK, self.bytes).into_response();
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.format.content_type()),
        );
        if let Ok(v) = HeaderValue::from_str(&disposition) {
            h.insert(header::CONTENT_DISPOSITION, v);
        }
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        res
    }
}

/// Query of `GET /api/sites/{site}/reports/daily?date=YYYY-MM-DD&format=xlsx|csv|html`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DailyQuery {
    /// Default: yesterday (JST).
    pub date: Option<String>,
    /// Default: xlsx.
    pub format: Option<String>,
}

/// Query of `GET /api/reports/monthly?month=YYYY-MM&format=xlsx|csv|html`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MonthlyQuery {
    /// Default: last month (JST).
    pub month: Option<String>,
    pub format: Option<String>,
}

/// Body of `POST /api/sites/{site}/manual-counts` (staff): work without a ticket.
#[derive(Debug, Clone, Deserialize)]
pub struct ManualCountRequest {
    /// Default: today (JST).
    pub date: Option<String>,
    /// e.g. `phone`.
    pub kind: String,
    /// e.g. `電話対応`.
    pub label_ja: String,
    pub count: u32,
}

fn format_of(text: Option<&str>) -> Result<Format, ReportError> {
    text.map_or(Ok(Format::Xlsx), |f| {
        f.parse().map_err(ReportError::BadRequest)
    })
}

/// Parses `YYYY-MM-DD`, or gives `default`.
pub fn date_or(text: Option<&str>, default: NaiveDate) -> Result<NaiveDate, ReportError> {
    text.map_or(Ok(default), |s| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
            ReportError::BadRequest(format!(
                "\"{s}\" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-24"
            ))
        })
    })
}

/// Parses `YYYY-MM`, or gives `default`.
pub fn month_or(text: Option<&str>, default: (i32, u32)) -> Result<(i32, u32), ReportError> {
    text.map_or(Ok(default), |s| {
        parse_month(s).ok_or_else(|| {
            ReportError::BadRequest(format!(
                "\"{s}\" is not a month; write it as YYYY-MM, e.g. 2026-11"
            ))
        })
    })
}

/// Yesterday and last month, seen from `now` in JST.
pub fn defaults(now: Timestamp) -> (NaiveDate, (i32, u32)) {
    let today = now.with_timezone(&jst()).date_naive();
    let yesterday = today.pred_opt().unwrap_or(today);
    let last = today.checked_sub_months(Months::new(1)).unwrap_or(today);
    (yesterday, (last.year(), last.month()))
}

/// The daily report of `site` on `date` in `format`. Freezes the day's configuration snapshot
/// when the day is over (before `now`'s date).
pub async fn daily(
    pool: &SqlitePool,
    config: &Config,
    site: &str,
    date: NaiveDate,
    format: Format,
    now: Timestamp,
) -> Result<Rendered, ReportError> {
    if date < now.with_timezone(&jst()).date_naive() {
        load::snapshot_day(pool, config, site, date, now).await?;
    }
    let input = load::load_daily(pool, config, site, date).await?;
    let report = daily_report(&input);
    let bytes = match format {
        Format::Xlsx => xlsx::daily_xlsx(&report)?,
        Format::Csv => csv::daily_csv(&report).into_bytes(),
        Format::Html => html::daily_html(&report).into_bytes(),
    };
    Ok(Rendered {
        bytes,
        format,
        file_name: format!("nippo-{site}-{date}.{}", format.extension()),
    })
}

/// The monthly report of `year`-`month` in `format`, against the shipped 2025 figures.
pub async fn monthly(
    pool: &SqlitePool,
    config: &Config,
    (year, month): (i32, u32),
    format: Format,
    baseline: Option<Baseline>,
) -> Result<Rendered, ReportError> {
    let input = load::load_monthly(
        pool,
        config,
        year,
        month,
        baseline.unwrap_or_else(Baseline::shipped),
    )
    .await?;
    let report = monthly_report(&input);
    let bytes = match format {
        Format::Xlsx => xlsx::monthly_xlsx(&report)?,
        Format::Csv => csv::monthly_csv(&report).into_bytes(),
        Format::Html => html::monthly_html(&report).into_bytes(),
    };
    Ok(Rendered {
        bytes,
        format,
        file_name: format!("geppo-{year}-{month:02}.{}", format.extension()),
    })
}

/// `GET /api/sites/{site}/reports/daily` after the server checked the caller may see `site`.
pub async fn daily_for_query(
    pool: &SqlitePool,
    config: &Config,
    site: &str,
    q: &DailyQuery,
    now: Timestamp,
) -> Result<Rendered, ReportError> {
    let (yesterday, _) = defaults(now);
    let date = date_or(q.date.as_deref(), yesterday)?;
    daily(
        pool,
        config,
        site,
        date,
        format_of(q.format.as_deref())?,
        now,
    )
    .await
}

/// `GET /api/reports/monthly` after the server checked the caller is an admin (統括管理者).
pub async fn monthly_for_query(
    pool: &SqlitePool,
    config: &Config,
    q: &MonthlyQuery,
    now: Timestamp,
) -> Result<Rendered, ReportError> {
    let (_, last_month) = defaults(now);
    let month = month_or(q.month.as_deref(), last_month)?;
    monthly(pool, config, month, format_of(q.format.as_deref())?, None).await
}

/// `POST /api/sites/{site}/manual-counts` after the server checked the caller is staff of `site`;
/// `user` is the signed-in login, stored as who entered the count.
pub async fn add_manual_count(
    pool: &SqlitePool,
    site: &str,
    user: &str,
    req: &ManualCountRequest,
    now: Timestamp,
) -> Result<(), ReportError> {
    let today = now.with_timezone(&jst()).date_naive();
    let date = date_or(req.date.as_deref(), today)?;
    if req.kind.trim().is_empty() || req.label_ja.trim().is_empty() {
        return Err(ReportError::BadRequest(
            "say what was counted: give kind (e.g. phone) and label_ja (e.g. 電話対応)".into(),
        ));
    }
    if req.kind.chars().count() > 32 || req.label_ja.chars().count() > 64 || req.count > 10_000 {
        return Err(ReportError::BadRequest(
            "keep kind under 32 characters, label_ja under 64 and count at most 10000".into(),
        ));
    }
    load::add_manual_count(
        pool,
        site,
        date,
        &req.kind,
        &req.label_ja,
        req.count,
        user,
        now,
    )
    .await?;
    Ok(())
}
