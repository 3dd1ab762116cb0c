//! Booked card pickups (交付予約) in the reports: how many bookings the day (or month) had,
//! how many were checked in, late (checked in after the slot started) or not shown, and how
//! long booked visitors waited against their slot (from the slot start, or from a late
//! check-in, to the call). Aggregates only: no reference, ticket number or single time.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use madoguchi_protocol::Timestamp;
use serde::{Deserialize, Serialize};

use crate::DurationStats;
use crate::view::{Cell, Section};

/// One booking of a site's day, without its reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingRecord {
    pub slot_start: Timestamp,
    pub slot_end: Timestamp,
    /// When it was checked in at a kiosk (`None`: not shown).
    pub checked_in_at: Option<Timestamp>,
    /// When its ticket was first called (`None`: not called).
    pub called_at: Option<Timestamp>,
}

impl BookingRecord {
    /// The JST date of the slot.
    pub fn date(&self) -> NaiveDate {
        self.slot_start.with_timezone(&crate::jst()).date_naive()
    }

    /// Checked in after the slot started.
    pub fn late(&self) -> bool {
        self.checked_in_at.is_some_and(|c| c > self.slot_start)
    }

    /// Seconds from the slot start (or a late check-in) to the call.
    fn wait_secs(&self) -> Option<i64> {
        let from = self.checked_in_at?.max(self.slot_start);
        self.called_at.map(|c| (c - from).num_seconds())
    }
}

/// The bookings of a day or a month.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct BookingCounts {
    pub booked: u32,
    pub checked_in: u32,
    /// Of `checked_in`: after the slot started.
    pub late: u32,
    pub not_shown: u32,
    /// Booked visitors' wait against their slot: from the slot start (or a late check-in) to
    /// the call (a call before the slot start counts as 0).
    pub wait_vs_slot: DurationStats,
}

impl BookingCounts {
    pub fn of(records: &[&BookingRecord]) -> BookingCounts {
        let checked_in = records.iter().filter(|b| b.checked_in_at.is_some()).count();
        BookingCounts {
            booked: records.len() as u32,
            checked_in: checked_in as u32,
            late: records.iter().filter(|b| b.late()).count() as u32,
            not_shown: (records.len() - checked_in) as u32,
            wait_vs_slot: DurationStats::from_seconds(
                records.iter().filter_map(|b| b.wait_secs()).collect(),
            ),
        }
    }
}

/// The bookings of each month from January to `month` of `year`.
pub fn by_month(records: &[BookingRecord], year: i32, month: u32) -> Vec<(u32, BookingCounts)> {
    let mut months: BTreeMap<u32, Vec<&BookingRecord>> = (1..=month).map(|m| (m, vec![])).collect();
    for b in records {
        let d = b.date();
        if d.year() == year
            && let Some(v) = months.get_mut(&d.month())
        {
            v.push(b);
        }
    }
    months
        .into_iter()
        .map(|(m, v)| (m, BookingCounts::of(&v)))
        .collect()
}

const HEADER: &[&str] = &[
    "期間",
    "予約数",
    "受付済み",
    "うち予約時刻後の受付",
    "来庁なし",
    "予約時刻からの待ち 平均(分)",
    "同 90%(分)",
    "同 最大(分)",
];

fn row(label: &str, c: &BookingCounts) -> Vec<Cell> {
    vec![
        Cell::text(label),
        Cell::int(c.booked),
        Cell::int(c.checked_in),
        Cell::int(c.late),
        Cell::int(c.not_shown),
        Cell::opt_num(c.wait_vs_slot.mean_min),
        Cell::opt_num(c.wait_vs_slot.p90_min),
        Cell::opt_num(c.wait_vs_slot.max_min),
    ]
}

/// The 日報's section.
pub fn day_section(c: &BookingCounts) -> Section {
    let mut s = Section::new("交付予約", HEADER);
    s.row(row("本日", c));
    s
}

/// The 月報's section (every site together), one row per month and the total.
pub fn month_section(rows: &[(u32, BookingCounts)], total: &BookingCounts, year: i32) -> Section {
    let mut s = Section::new(format!("交付予約 ({year}年、全区)"), HEADER);
    for (m, c) in rows {
        s.row(row(&format!("{m}月"), c));
    }
    s.row(row("計", total));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-11-25T{h:02}:{m:02}:00+09:00")).unwrap()
    }

    #[test]
    fn counts_late_not_shown_and_waits_against_the_slot() {
        let on_time = BookingRecord {
            slot_start: t(10, 0),
            slot_end: t(10, 30),
            checked_in_at: Some(t(9, 50)),
            called_at: Some(t(10, 6)),
        };
        let late = BookingRecord {
            slot_start: t(11, 0),
            slot_end: t(11, 30),
            checked_in_at: Some(t(11, 20)),
            called_at: Some(t(11, 22)),
        };
        let early_call = BookingRecord {
            slot_start: t(12, 0),
            slot_end: t(12, 30),
            checked_in_at: Some(t(11, 40)),
            called_at: Some(t(11, 56)),
        };
        let gone = BookingRecord {
            slot_start: t(14, 0),
            slot_end: t(14, 30),
            checked_in_at: None,
            called_at: None,
        };
        let all = [on_time, late, early_call, gone];
        let c = BookingCounts::of(&all.iter().collect::<Vec<_>>());
        assert_eq!((c.booked, c.checked_in, c.late, c.not_shown), (4, 3, 1, 1));
        // 6, 2 (from the late check-in) and 0 (called before the slot) minutes.
        assert_eq!(c.wait_vs_slot.n, 3);
        assert_eq!(c.wait_vs_slot.max_min, Some(6.0));
        assert!((c.wait_vs_slot.mean_min.unwrap() - 8.0 / 3.0).abs() < 1e-9);
        let months = by_month(&all, 2026, 11);
        assert_eq!(months.len(), 11);
        assert_eq!(months[10].1.booked, 4);
        assert_eq!(months[0].1.booked, 0);
        let s = day_section(&c);
        assert_eq!(s.rows.len(), 1);
    }
}
