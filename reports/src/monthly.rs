//! The citywide monthly report (月報): completed tickets per category, site and month from
//! January to the report month, laid out like the tables at the end of the seed, with the 2025
//! figures beside them, the change, working days and per-working-day averages (一日当たり).

use std::collections::BTreeMap;

use chrono::Datelike;
use madoguchi_protocol::SiteKind;
use serde::{Deserialize, Serialize};

use crate::sites::{self, ALL_SITES};
use crate::{Category, MonthlyInput, TableId};

/// A column of a monthly table: a site, or 全区.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub site: String,
    pub name_ja: String,
    /// False for a site madoguchi does not run (its current figures are `None`, shown as "-").
    pub counted: bool,
}

/// The difference between this year and the baseline year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub diff: i64,
    /// Percent change; `None` when the baseline is 0.
    pub pct: Option<f64>,
}

impl Change {
    pub fn between(current: Option<u64>, baseline: Option<u64>) -> Option<Change> {
        let (c, b) = (current?, baseline?);
        let diff = c as i64 - b as i64;
        let pct = (b > 0).then(|| diff as f64 * 100.0 / b as f64);
        Some(Change { diff, pct })
    }
}

/// One month's line: a value per column for this year and for the baseline year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthRow {
    pub month: u32,
    pub current: Vec<Option<u64>>,
    pub baseline: Vec<Option<u64>>,
    pub working_days: Vec<u32>,
    pub baseline_working_days: Vec<u32>,
}

/// Totals (計), working days and 一日当たり of a period, per column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodSummary {
    pub current: Vec<Option<u64>>,
    pub baseline: Vec<Option<u64>>,
    pub working_days: Vec<u32>,
    pub baseline_working_days: Vec<u32>,
    pub per_day: Vec<Option<f64>>,
    pub baseline_per_day: Vec<Option<f64>>,
    pub change: Vec<Option<Change>>,
}

/// One of the seed's tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlyTable {
    pub id: TableId,
    pub title_ja: String,
    pub category: Category,
    pub columns: Vec<Column>,
    /// January to the report month.
    pub rows: Vec<MonthRow>,
    /// The report month alone.
    pub month: PeriodSummary,
    /// January to the report month (計 and 一日当たり).
    pub year_to_date: PeriodSummary,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlyReport {
    pub year: i32,
    pub month: u32,
    pub baseline_year: i32,
    pub tables: Vec<MonthlyTable>,
    /// Completed tickets of services the city's tables do not count (online window, face
    /// updates, …), summed over all sites for the report month, by service id.
    pub uncounted: Vec<(String, u64)>,
    /// Bookings (交付予約) of every site, per month from January, and their total.
    #[serde(default)]
    pub bookings: Vec<(u32, crate::BookingCounts)>,
    #[serde(default)]
    pub bookings_total: crate::BookingCounts,
}

/// Computes the monthly report.
pub fn monthly_report(input: &MonthlyInput) -> MonthlyReport {
    // (table, column site, month) → count, for this year up to the report month.
    let mut counts: BTreeMap<(TableId, String, u32), u64> = BTreeMap::new();
    let mut uncounted: BTreeMap<String, u64> = BTreeMap::new();
    for c in &input.counts {
        let m = c.date.month();
        if c.date.year() != input.year || m > input.month {
            continue;
        }
        let Some(category) = c.category else {
            if m == input.month {
                *uncounted.entry(c.service.clone()).or_default() += c.count;
            }
            continue;
        };
        let kind = input
            .site_kinds
            .get(&c.site)
            .copied()
            .or_else(|| sites::by_id(&c.site).map(|s| s.kind));
        let table = TableId::for_count(category, kind);
        let column = if table.citywide() {
            ALL_SITES.to_string()
        } else {
            c.site.clone()
        };
        *counts.entry((table, column, m)).or_default() += c.count;
    }

    let tables = TableId::ALL
        .iter()
        .map(|&id| build_table(input, id, &counts))
        .collect();
    MonthlyReport {
        year: input.year,
        month: input.month,
        baseline_year: input.baseline.year,
        tables,
        uncounted: uncounted.into_iter().collect(),
        bookings: crate::bookings::by_month(&input.bookings, input.year, input.month),
        bookings_total: crate::BookingCounts::of(
            &input
                .bookings
                .iter()
                .filter(|b| b.date().year() == input.year && b.date().month() <= input.month)
                .collect::<Vec<_>>(),
        ),
    }
}

fn build_table(
    input: &MonthlyInput,
    id: TableId,
    counts: &BTreeMap<(TableId, String, u32), u64>,
) -> MonthlyTable {
    let mut column_ids: Vec<String> = id.seed_columns().iter().map(|s| s.to_string()).collect();
    for (table, site, _) in counts.keys() {
        if *table == id && !column_ids.contains(site) {
            column_ids.push(site.clone());
        }
    }
    let columns: Vec<Column> = column_ids
        .iter()
        .map(|site| Column {
            site: site.clone(),
            name_ja: sites::name_ja(site),
            counted: site == ALL_SITES || sites::by_id(site).is_none_or(|s| s.runs_madoguchi),
        })
        .collect();
    let category = id.category();
    let wd = |table: &crate::WorkingDays, site: &str, m: u32| -> u32 {
        table.get(site).map_or(0, |days| days[(m - 1) as usize])
    };
    let rows: Vec<MonthRow> = (1..=input.month)
        .map(|m| MonthRow {
            month: m,
            current: columns
                .iter()
                .map(|c| {
                    c.counted
                        .then(|| counts.get(&(id, c.site.clone(), m)).copied().unwrap_or(0))
                })
                .collect(),
            baseline: columns
                .iter()
                .map(|c| input.baseline.get(category, &c.site, m))
                .collect(),
            working_days: columns
                .iter()
                .map(|c| wd(&input.working_days, &c.site, m))
                .collect(),
            baseline_working_days: columns
                .iter()
                .map(|c| wd(&input.baseline_working_days, &c.site, m))
                .collect(),
        })
        .collect();
    let month = summarize(&columns, rows.last().into_iter());
    let year_to_date = summarize(&columns, rows.iter());
    MonthlyTable {
        id,
        title_ja: id.title_ja().to_string(),
        category,
        columns,
        rows,
        month,
        year_to_date,
    }
}

fn sum_opt<'a>(values: impl Iterator<Item = &'a Option<u64>>) -> Option<u64> {
    values.fold(None, |acc, v| match (acc, v) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
    })
}

fn per_day(count: Option<u64>, days: u32) -> Option<f64> {
    let c = count?;
    (days > 0).then(|| c as f64 / f64::from(days))
}

fn summarize<'a>(
    columns: &[Column],
    rows: impl Iterator<Item = &'a MonthRow> + Clone,
) -> PeriodSummary {
    let n = columns.len();
    let current: Vec<Option<u64>> = (0..n)
        .map(|i| sum_opt(rows.clone().map(|r| &r.current[i])))
        .collect();
    let baseline: Vec<Option<u64>> = (0..n)
        .map(|i| sum_opt(rows.clone().map(|r| &r.baseline[i])))
        .collect();
    let working_days: Vec<u32> = (0..n)
        .map(|i| rows.clone().map(|r| r.working_days[i]).sum())
        .collect();
    let baseline_working_days: Vec<u32> = (0..n)
        .map(|i| rows.clone().map(|r| r.baseline_working_days[i]).sum())
        .collect();
    PeriodSummary {
        per_day: (0..n)
            .map(|i| per_day(current[i], working_days[i]))
            .collect(),
        baseline_per_day: (0..n)
            .map(|i| per_day(baseline[i], baseline_working_days[i]))
            .collect(),
        change: (0..n)
            .map(|i| Change::between(current[i], baseline[i]))
            .collect(),
        current,
        baseline,
        working_days,
        baseline_working_days,
    }
}

/// The kind of a site id as the statistics know it (unknown ids: ward).
pub fn site_kind(site: &str) -> SiteKind {
    sites::by_id(site).map_or(SiteKind::Ward, |s| s.kind)
}
