//! Working days of the 月報 from the engine's shipped calendar, with nothing stored yet.
#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use chrono::NaiveDate;
use madoguchi_engine::Config;
use madoguchi_reports::facts::{month_span, monthly_input, monthly_sites};
use madoguchi_reports::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn monthly_working_days_come_from_the_engine_calendar() {
    let config = Config::shipped();
    let sites = monthly_sites(&config, Vec::new());
    assert_eq!(sites, config.site_ids());
    assert_eq!(
        month_span(2026, 11).unwrap(),
        (d("2026-01-01"), d("2026-11-30"))
    );
    let completed = sites.into_iter().map(|s| (s, Default::default())).collect();
    let m = monthly_input(&config, (2026, 11), Baseline::shipped(), completed, &[]);
    // November 2026: 21 weekdays less 文化の日 (3rd) and 勤労感謝の日 (23rd).
    assert_eq!(m.working_days["yahatanishi"][10], 19);
    // 2025: 261 weekdays less 14 weekday holidays and 6 weekdays of 29 Dec – 3 Jan = 241.
    // (The seed's 一日当たり divides by 240: the city counted one day fewer.)
    assert_eq!(m.baseline_working_days["moji"].iter().sum::<u32>(), 241);
    assert_eq!(m.baseline_working_days["orio"].iter().sum::<u32>(), 241);
    assert_eq!(m.baseline_working_days["moji"][0], 19); // January: 23 weekdays − 1–3 Jan − 13 Jan
    let r = monthly_report(&m);
    assert!(
        r.tables
            .iter()
            .all(|t| t.month.current.iter().flatten().all(|&c| c == 0))
    );
}

#[test]
fn a_holiday_opening_counts_as_a_working_day() {
    let cal = Config::shipped().calendar();
    let works = |site: &str, date: NaiveDate| cal.is_working_day(site, date);
    // The shipped 休日開庁: Sunday 28 March 2027 at 小倉北 and 八幡西.
    let t = calendar::working_days_table(2027, &["kokurakita", "moji"], &works);
    assert_eq!(t["kokurakita"][2], t["moji"][2] + 1);
    assert_eq!(t[sites::ALL_SITES][2], t["kokurakita"][2]);
    assert!(!works("moji", d("2026-11-23")));
    assert!(!works("moji", d("2026-12-30")));
}
