//! What a supervisor asks for and what they get, without I/O: the two-click defaults
//! (yesterday's 日報, last month's 月報, XLSX), the checks of a manual count, and a report
//! rendered with its download file name. The server reads the facts and sends the bytes.

use chrono::{Datelike, Months, NaiveDate};
use madoguchi_protocol::Timestamp;
use serde::Deserialize;

use crate::facts::FactsError;
use crate::write::{Format, csv, html, xlsx};
use crate::{DailyReport, MonthlyReport, jst, parse_month};

/// A report that cannot be made, with a sentence for the person who asked.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Facts(#[from] FactsError),
    #[error(transparent)]
    Xlsx(#[from] xlsx::XlsxWriteError),
    #[error("{0}")]
    BadRequest(String),
}

/// A rendered report, ready to send or save.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub format: Format,
    /// e.g. `nippo-yahatanishi-2026-11-24.xlsx`, `geppo-2026-11.xlsx`.
    pub file_name: String,
}

impl Rendered {
    /// `Content-Disposition`: HTML opens in the browser, the others download.
    pub fn disposition(&self) -> String {
        match self.format {
            Format::Html => format!("inline; filename=\"{}\"", self.file_name),
            _ => format!("attachment; filename=\"{}\"", self.file_name),
        }
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

impl ManualCountRequest {
    /// The day the count is for (default: `now`'s JST date), once the request is checked.
    pub fn checked_date(&self, now: Timestamp) -> Result<NaiveDate, ReportError> {
        let today = now.with_timezone(&jst()).date_naive();
        let date = date_or(self.date.as_deref(), today)?;
        if self.kind.trim().is_empty() || self.label_ja.trim().is_empty() {
            return Err(ReportError::BadRequest(
                "say what was counted: give kind (e.g. phone) and label_ja (e.g. 電話対応)".into(),
            ));
        }
        if self.kind.chars().count() > 32
            || self.label_ja.chars().count() > 64
            || self.count > 10_000
        {
            return Err(ReportError::BadRequest(
                "keep kind under 32 characters, label_ja under 64 and count at most 10000".into(),
            ));
        }
        Ok(date)
    }
}

/// Parses a format name, or gives XLSX.
pub fn format_or_xlsx(text: Option<&str>) -> Result<Format, ReportError> {
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

/// Whether `date` is over at `now` (JST): its configuration is then frozen before reporting.
pub fn is_past(date: NaiveDate, now: Timestamp) -> bool {
    date < now.with_timezone(&jst()).date_naive()
}

/// The 日報 in `format`, named `nippo-SITE-DATE.EXT`.
pub fn render_daily(report: &DailyReport, format: Format) -> Result<Rendered, ReportError> {
    let bytes = match format {
        Format::Xlsx => xlsx::daily_xlsx(report)?,
        Format::Csv => csv::daily_csv(report).into_bytes(),
        Format::Html => html::daily_html(report).into_bytes(),
    };
    Ok(Rendered {
        bytes,
        format,
        file_name: format!(
            "nippo-{}-{}.{}",
            report.site,
            report.date,
            format.extension()
        ),
    })
}

/// The 月報 in `format`, named `geppo-YYYY-MM.EXT`.
pub fn render_monthly(report: &MonthlyReport, format: Format) -> Result<Rendered, ReportError> {
    let bytes = match format {
        Format::Xlsx => xlsx::monthly_xlsx(report)?,
        Format::Csv => csv::monthly_csv(report).into_bytes(),
        Format::Html => html::monthly_html(report).into_bytes(),
    };
    Ok(Rendered {
        bytes,
        format,
        file_name: format!(
            "geppo-{}-{:02}.{}",
            report.year,
            report.month,
            format.extension()
        ),
    })
}
