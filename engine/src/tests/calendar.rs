//! Calendar tests: weekly hours, holidays, year-end, 休日開庁, changed hours, next opening.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};

use super::at;
use crate::Config;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

#[test]
fn weekday_hours_and_thursday_evening_at_wards_only() {
    let cal = Config::shipped().calendar();
    assert_eq!(
        cal.hours("moji", d(2026, 11, 25)),
        Some((t(8, 30), t(17, 15)))
    );
    assert_eq!(
        cal.hours("moji", d(2026, 11, 26)),
        Some((t(8, 30), t(19, 0)))
    );
    assert_eq!(
        cal.hours("orio", d(2026, 11, 26)),
        Some((t(8, 30), t(17, 15)))
    );
    // Thursday 18:30: open at a ward office, closed at a branch office.
    assert!(cal.is_open("kokurakita", at(2026, 11, 26, 18, 30)));
    assert!(!cal.is_open("orio", at(2026, 11, 26, 18, 30)));
    assert!(!cal.is_open("moji", at(2026, 11, 25, 8, 29)));
    assert!(cal.is_open("moji", at(2026, 11, 25, 8, 30)));
    assert!(!cal.is_open("moji", at(2026, 11, 25, 17, 15)));
    // Weekend.
    assert!(!cal.is_working_day("moji", d(2026, 11, 28)));
    assert!(!cal.is_working_day("moji", d(2026, 11, 29)));
    assert_eq!(cal.hours("nowhere", d(2026, 11, 25)), None);
}

#[test]
fn now_in_another_offset_is_converted_to_jst() {
    let cal = Config::shipped().calendar();
    // 00:30 UTC is 09:30 JST on a Wednesday.
    let utc = Utc
        .with_ymd_and_hms(2026, 11, 25, 0, 30, 0)
        .unwrap()
        .fixed_offset();
    assert!(cal.is_open("moji", utc));
    // 09:00 UTC is 18:00 JST: closed on a Wednesday.
    let utc = Utc
        .with_ymd_and_hms(2026, 11, 25, 9, 0, 0)
        .unwrap()
        .fixed_offset();
    assert!(!cal.is_open("moji", utc));
}

#[test]
fn national_holidays_and_year_end_are_closed() {
    let cal = Config::shipped().calendar();
    // 勤労感謝の日, a Monday.
    assert!(!cal.is_working_day("moji", d(2026, 11, 23)));
    // 2027-01-11 成人の日.
    assert!(!cal.is_working_day("orio", d(2027, 1, 11)));
    // Year-end: 30 Dec (Wednesday) and 3 Jan closed; 4 Jan (Monday) open.
    assert!(!cal.is_working_day("kokurakita", d(2026, 12, 30)));
    assert!(!cal.is_working_day("kokurakita", d(2026, 12, 29)));
    assert!(!cal.is_working_day("kokurakita", d(2027, 1, 3)));
    assert!(cal.is_working_day("kokurakita", d(2026, 12, 28)));
    assert!(cal.is_working_day("kokurakita", d(2027, 1, 4)));
}

#[test]
fn override_list_corrects_the_holiday_library() {
    let cal = Config::shipped().calendar();
    // 2021: スポーツの日 moved to Friday 23 July; Monday 11 October was a working day.
    assert!(cal.is_holiday(d(2021, 7, 23)));
    assert!(!cal.is_working_day("moji", d(2021, 7, 23)));
    assert!(!cal.is_holiday(d(2021, 10, 11)));
    assert!(cal.is_working_day("moji", d(2021, 10, 11)));
}

#[test]
fn extra_opening_day_and_changed_hours_are_data() {
    let cal = Config::shipped().calendar();
    // 休日開庁 on Sunday 2027-03-28 at 小倉北 and 八幡西 only.
    assert_eq!(
        cal.hours("kokurakita", d(2027, 3, 28)),
        Some((t(9, 0), t(16, 0)))
    );
    assert!(cal.is_open("yahatanishi", at(2027, 3, 28, 10, 0)));
    assert!(!cal.is_working_day("moji", d(2027, 3, 28)));
    // Short day at 大里.
    assert_eq!(
        cal.hours("dairi", d(2027, 2, 10)),
        Some((t(8, 30), t(12, 0)))
    );
    assert!(!cal.is_open("dairi", at(2027, 2, 10, 13, 0)));
    assert!(cal.is_open("sone", at(2027, 2, 10, 13, 0)));
}

#[test]
fn next_opening_skips_closed_days() {
    let cal = Config::shipped().calendar();
    // Before opening: the same morning.
    assert_eq!(
        cal.next_opening("moji", at(2026, 11, 25, 7, 0)),
        Some(at(2026, 11, 25, 8, 30))
    );
    // Friday evening: Monday morning.
    assert_eq!(
        cal.next_opening("moji", at(2026, 11, 27, 18, 0)),
        Some(at(2026, 11, 30, 8, 30))
    );
    // Year-end: 4 January.
    assert_eq!(
        cal.next_opening("moji", at(2026, 12, 28, 17, 30)),
        Some(at(2027, 1, 4, 8, 30))
    );
    // Saturday before the 休日開庁 Sunday.
    assert_eq!(
        cal.next_opening("kokurakita", at(2027, 3, 27, 12, 0)),
        Some(at(2027, 3, 28, 9, 0))
    );
    // During opening hours the next opening is the next working day's.
    assert_eq!(
        cal.next_opening("moji", at(2026, 11, 25, 10, 0)),
        Some(at(2026, 11, 26, 8, 30))
    );
    assert_eq!(cal.next_opening("nowhere", at(2026, 11, 25, 10, 0)), None);
}
