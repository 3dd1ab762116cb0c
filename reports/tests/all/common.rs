//! Fixtures shared by the tests: one known day at 八幡西 and one known month, built by hand so
//! that every figure of the reports can be checked against what was fed.
#![allow(dead_code, reason = "each test file uses a part of the fixtures")]
#![allow(
    clippy::unwrap_used,
    reason = "fixtures: a failed unwrap is a failed test"
)]

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use madoguchi_protocol::{Lang, Needs, TicketState, Timestamp};
use madoguchi_reports::*;

pub fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

pub fn at(date: NaiveDate, hm: &str) -> Timestamp {
    let t = NaiveTime::parse_from_str(hm, "%H:%M").unwrap();
    date.and_time(t).and_local_timezone(jst()).single().unwrap()
}

fn hm(date: NaiveDate, v: Option<&str>) -> Option<Timestamp> {
    v.map(|s| at(date, s))
}

#[allow(clippy::too_many_arguments, reason = "a table row of the fixture")]
fn ticket(
    service: &str,
    lang: Lang,
    issued: &str,
    called: Option<&str>,
    served: Option<&str>,
    finished: Option<&str>,
    state: TicketState,
    needs: Needs,
) -> TicketRecord {
    let d = day();
    TicketRecord {
        service: service.into(),
        lang,
        needs,
        state,
        counter: called.map(|_| "1".to_string()),
        issued_at: at(d, issued),
        called_at: hm(d, called),
        served_at: hm(d, served),
        finished_at: hm(d, finished),
        transfers: 0,
        recalls: 0,
        by_kiosk: true,
    }
}

/// The known day (see the figures worked out in `tests/daily.rs`).
pub fn daily_input() -> DailyInput {
    use TicketState::*;
    let none = Needs::default();
    let mut t2 = ticket(
        "pickup",
        Lang::En,
        "08:50",
        Some("09:05"),
        Some("09:05"),
        Some("09:20"),
        Done,
        Needs {
            wheelchair: true,
            ..none
        },
    );
    t2.transfers = 1;
    let mut t3 = ticket(
        "pickup",
        Lang::Vi,
        "09:10",
        Some("09:30"),
        None,
        None,
        NoShow,
        none,
    );
    t3.recalls = 2;
    let mut t5 = ticket(
        "ecert",
        Lang::Ja,
        "10:00",
        Some("10:30"),
        Some("10:30"),
        Some("10:50"),
        Done,
        none,
    );
    t5.by_kiosk = false;
    let tickets = vec![
        ticket(
            "pickup",
            Lang::Ja,
            "08:35",
            Some("08:40"),
            Some("08:41"),
            Some("08:51"),
            Done,
            none,
        ),
        t2,
        t3,
        ticket(
            "ecert",
            Lang::Ja,
            "09:15",
            Some("09:20"),
            Some("09:21"),
            Some("09:31"),
            Done,
            Needs {
                braille_form: true,
                interpreter: true,
                ..none
            },
        ),
        t5,
        ticket(
            "ecert",
            Lang::Ne,
            "10:05",
            None,
            None,
            None,
            Cancelled,
            none,
        ),
        ticket(
            "express",
            Lang::Ja,
            "16:50",
            None,
            None,
            None,
            Waiting,
            none,
        ),
        ticket(
            "apply",
            Lang::Ko,
            "09:59",
            Some("10:09"),
            None,
            Some("10:39"),
            Done,
            Needs {
                written: true,
                ..none
            },
        ),
    ];
    let d = day();
    let guided = ["not_resident", "no_application_id", "not_resident"]
        .into_iter()
        .map(|r| GuidedVisit {
            at: at(d, "11:00"),
            reason: r.into(),
            lang: Lang::Ja,
        })
        .collect();
    let alert = |kind| AlertRecord {
        at: at(d, "12:00"),
        kind,
    };
    let manual = |kind: &str, label: &str, count, by: &str| ManualCount {
        kind: kind.into(),
        label_ja: label.into(),
        count,
        entered_by: by.into(),
    };
    let span = |c: &str, from, to| CounterSpan {
        counter: c.into(),
        from: at(d, from),
        to: at(d, to),
    };
    DailyInput {
        site: "yahatanishi".into(),
        site_name_ja: "八幡西区役所".into(),
        date: d,
        hours: Some((
            NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
            NaiveTime::from_hms_opt(17, 15, 0).unwrap(),
        )),
        services: vec![
            ServiceMeta::new("pickup", "カード受け取り(交付)"),
            ServiceMeta::new("apply", "申請(カード郵送)"),
            ServiceMeta::new("ecert", "電子証明書の更新"),
            ServiceMeta::new("online", "オンライン窓口"),
        ],
        tickets,
        guided,
        alerts: vec![
            alert(AlertKind::Assist),
            alert(AlertKind::PrintFailed),
            alert(AlertKind::Assist),
        ],
        manual: vec![
            manual("phone", "電話対応", 5, "staff1"),
            manual("phone", "電話対応", 3, "super1"),
            manual("counter_help", "窓口案内", 4, "staff1"),
            manual("phone", "電話対応", 2, "staff1"),
        ],
        counter_spans: vec![
            span("1", "08:30", "12:00"),
            span("2", "09:00", "09:30"),
            span("2", "10:00", "17:15"),
        ],
        bookings: vec![],
    }
}

/// Holidays of the test calendar (a stand-in for the engine's, so these tests run on their own).
pub fn holidays() -> Vec<NaiveDate> {
    [(2025, 11, 3), (2025, 11, 24), (2026, 11, 3), (2026, 11, 23)]
        .into_iter()
        .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
        .collect()
}

/// 休日開庁: Sunday 29 November 2026 at 八幡西 only.
pub fn extra_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

pub fn is_working_day(site: &str, d: NaiveDate) -> bool {
    if site == "yahatanishi" && d == extra_day() {
        return true;
    }
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !holidays().contains(&d)
}

pub fn count(site: &str, ymd: (i32, u32, u32), service: &str, n: u64) -> ServedCount {
    ServedCount {
        site: site.into(),
        date: NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2).unwrap(),
        service: service.into(),
        category: Category::of_service(service),
        count: n,
    }
}

/// The known month: November 2026 (and one October count), see `tests/monthly.rs`.
pub fn monthly_input() -> MonthlyInput {
    let sites: Vec<&str> = sites::STAT_SITES
        .iter()
        .filter(|s| s.runs_madoguchi)
        .map(|s| s.id)
        .collect();
    MonthlyInput {
        year: 2026,
        month: 11,
        counts: vec![
            count("yahatanishi", (2026, 11, 2), "pickup", 100),
            count("yahatanishi", (2026, 11, 24), "pickup", 50),
            count("yahatanishi", (2026, 10, 1), "pickup", 30),
            count("yahatanishi", (2026, 11, 29), "pickup", 20), // the 休日開庁 Sunday
            count("yahatanishi", (2026, 11, 24), "assist", 5),
            count("yahatanishi", (2026, 11, 25), "apply", 3),
            count("sone", (2026, 11, 24), "pickup", 7),
            count("dairi", (2026, 11, 24), "pickup", 4),
            count("kokurakita", (2026, 11, 24), "express", 6),
            count("orio", (2026, 11, 24), "express", 2),
            count("moji", (2026, 11, 24), "overseas", 3),
            count("yahatanishi", (2026, 11, 24), "ecert", 120),
            count("orio", (2026, 11, 24), "ecert", 40),
            count("yahatanishi", (2026, 11, 24), "online", 9),
            count("yahatanishi", (2026, 12, 1), "pickup", 1000), // after the report month
            count("yahatanishi", (2025, 11, 4), "pickup", 1000), // another year
        ],
        site_kinds: Default::default(),
        working_days: calendar::working_days_table(2026, &sites, &is_working_day),
        baseline: Baseline::shipped(),
        baseline_working_days: calendar::working_days_table(2025, &sites, &is_working_day),
        bookings: vec![],
    }
}
