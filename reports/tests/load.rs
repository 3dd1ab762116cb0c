//! The loader against a temporary SQLite database made with the server's migrations and this
//! crate's schema, rows written as the server writes them; and the engine's shipped calendar.
#![allow(
    clippy::unwrap_used,
    reason = "a failed unwrap is a failed test or a broken sample"
)]

mod common;

use chrono::NaiveDate;
use madoguchi_engine::{Command, Config};
use madoguchi_protocol::{Lang, Needs};
use madoguchi_reports::load::{self, DaySnapshot};
use madoguchi_reports::*;
use sqlx::SqlitePool;
use sqlx::sqlite::SqlitePoolOptions;

async fn pool(dir: &tempfile::TempDir) -> SqlitePool {
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
    let pool = SqlitePoolOptions::new().connect(&url).await.unwrap();
    sqlx::migrate!("../server/migrations")
        .run(&pool)
        .await
        .unwrap();
    load::ensure_schema(&pool).await.unwrap();
    load::ensure_schema(&pool).await.unwrap(); // idempotent
    pool
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn t(day: &str, hm: &str) -> String {
    format!("{day}T{hm}:00+09:00")
}

async fn command(pool: &SqlitePool, day: &str, seq: i64, hm: &str, cmd: Command) {
    sqlx::query(
        "INSERT INTO commands (site, day, seq, at, json) VALUES ('yahatanishi', ?, ?, ?, ?)",
    )
    .bind(day)
    .bind(seq)
    .bind(t(day, hm))
    .bind(serde_json::to_string(&cmd).unwrap())
    .execute(pool)
    .await
    .unwrap();
}

#[allow(clippy::too_many_arguments, reason = "one column each")]
async fn ticket(
    pool: &SqlitePool,
    id: i64,
    day: &str,
    service: &str,
    state: &str,
    times: [Option<&str>; 4],
    transfers: i64,
    kiosk: Option<&str>,
) {
    let [issued, called, served, finished] = times.map(|x| x.map(|hm| t(day, hm)));
    sqlx::query(
        "INSERT INTO tickets (id, site, day, service, number, lang, need_wheelchair, state, counter, \
         issued_at, called_at, served_at, finished_at, transfers, recalls, kiosk, status_token) \
         VALUES (?, 'yahatanishi', ?, ?, 'A-001', ?, ?, ?, '1', ?, ?, ?, ?, ?, 1, ?, ?)",
    )
    .bind(id)
    .bind(day)
    .bind(service)
    .bind(if id == 2 { "vi" } else { "ja" })
    .bind(i64::from(id == 2))
    .bind(state)
    .bind(issued)
    .bind(called)
    .bind(served)
    .bind(finished)
    .bind(transfers)
    .bind(kiosk)
    .bind(format!("token-{id}"))
    .execute(pool)
    .await
    .unwrap();
}

fn issue(id: i64, service: &str) -> Command {
    Command::Issue {
        id,
        service: service.into(),
        lang: Lang::Ja,
        needs: Needs::default(),
        kiosk: None,
    }
}

async fn fill(pool: &SqlitePool) {
    let day = "2026-11-24";
    command(pool, day, 0, "09:00", issue(1, "pickup")).await;
    command(pool, day, 1, "09:05", issue(2, "ecert")).await;
    command(
        pool,
        day,
        2,
        "12:00",
        Command::Pause {
            counter: "1".into(),
        },
    )
    .await;
    command(
        pool,
        day,
        3,
        "13:00",
        Command::Reopen {
            counter: "1".into(),
        },
    )
    .await;
    command(pool, "2026-11-25", 0, "10:00", issue(3, "pickup")).await;
    // Ticket 1 came for a card pickup and ended at the city staff desk after a transfer.
    ticket(
        pool,
        1,
        day,
        "city",
        "done",
        [Some("09:00"), Some("09:10"), Some("09:11"), Some("09:20")],
        1,
        Some("kiosk-1"),
    )
    .await;
    ticket(
        pool,
        2,
        day,
        "ecert",
        "no_show",
        [Some("09:05"), Some("09:30"), None, None],
        0,
        None,
    )
    .await;
    ticket(
        pool,
        3,
        "2026-11-25",
        "pickup",
        "done",
        [Some("10:00"), Some("10:05"), Some("10:06"), Some("10:16")],
        0,
        Some("kiosk-1"),
    )
    .await;
    for kind in ["assist", "print_failed"] {
        sqlx::query(
            "INSERT INTO alerts (site, day, at, kind, detail) VALUES ('yahatanishi', ?, ?, ?, '')",
        )
        .bind(day)
        .bind(t(day, "11:00"))
        .bind(kind)
        .execute(pool)
        .await
        .unwrap();
    }
    sqlx::query("INSERT INTO guided (site, day, at, kiosk, reason, lang) VALUES ('yahatanishi', ?, ?, 'kiosk-1', 'not_resident', 'en')")
        .bind(day)
        .bind(t(day, "11:30"))
        .execute(pool)
        .await
        .unwrap();
    let now = common::at(d(day), "17:30");
    load::add_manual_count(
        pool,
        "yahatanishi",
        d(day),
        "phone",
        "電話対応",
        4,
        "staff1",
        now,
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_stored_day_loads_into_the_daily_report() {
    let dir = tempfile::tempdir().unwrap();
    let pool = pool(&dir).await;
    fill(&pool).await;
    let config = Config::shipped();
    let input = load::load_daily(&pool, &config, "yahatanishi", d("2026-11-24"))
        .await
        .unwrap();
    let r = daily_report(&input);
    assert_eq!(r.site_name_ja, config.site("yahatanishi").unwrap().name_ja);
    assert!(r.working_day());
    assert_eq!(
        (r.totals.issued, r.totals.done, r.totals.no_show),
        (2, 1, 1)
    );
    assert_eq!(
        (r.totals.transfers, r.totals.recalls, r.totals.by_staff),
        (1, 2, 1)
    );
    let pickup = r.services.iter().find(|s| s.id == "pickup").unwrap();
    assert_eq!(
        pickup.counts.issued, 1,
        "counted by the service it was issued for"
    );
    assert_eq!(pickup.wait.mean_min, Some(10.0));
    assert_eq!(pickup.service_time.mean_min, Some(9.0));
    assert_eq!(
        r.services
            .iter()
            .find(|s| s.id == "city")
            .unwrap()
            .counts
            .issued,
        0
    );
    assert_eq!(r.needs.wheelchair, 1);
    assert_eq!(r.langs.iter().find(|(l, _)| *l == Lang::Vi).unwrap().1, 1);
    assert_eq!((r.assist, r.print_failed, r.guided_total), (1, 1, 1));
    assert_eq!(r.manual[0].count, 4);
    assert_eq!(r.manual[0].entered_by, ["staff1"]);
    // Counter 1 was paused from 12:00 to 13:00; every other counter stayed open.
    let counters = config.site("yahatanishi").unwrap().counters.len() as u32;
    let hour = |h| r.hours_rows.iter().find(|x| x.hour == h).unwrap();
    assert_eq!(hour(11).counters_open, counters);
    assert_eq!(hour(12).counters_open, counters - 1);
    assert_eq!(hour(13).counters_open, counters);
}

#[tokio::test]
async fn a_past_day_keeps_its_snapshot_when_the_configuration_changes() {
    let dir = tempfile::tempdir().unwrap();
    let pool = pool(&dir).await;
    fill(&pool).await;
    let config = Config::shipped();
    let now = common::at(d("2026-11-26"), "08:00");
    for day in ["2026-11-24", "2026-11-25"] {
        load::snapshot_day(&pool, &config, "yahatanishi", d(day), now)
            .await
            .unwrap();
    }
    let mut changed = config.clone();
    for s in changed.services.iter_mut().filter(|s| s.id == "pickup") {
        s.name_ja = "改名された用件".into();
        s.report_category = Some("e_certificate".into());
    }
    let before = load::load_daily(&pool, &config, "yahatanishi", d("2026-11-24"))
        .await
        .unwrap();
    let after = load::load_daily(&pool, &changed, "yahatanishi", d("2026-11-24"))
        .await
        .unwrap();
    assert_eq!(daily_report(&before), daily_report(&after));
    // A second snapshot does not overwrite the first.
    let again = load::snapshot_day(&pool, &changed, "yahatanishi", d("2026-11-24"), now)
        .await
        .unwrap();
    assert_eq!(
        Some(again),
        DaySnapshot::from_config(&config, "yahatanishi", d("2026-11-24"))
    );
    // A day without a snapshot follows today's configuration.
    let fresh = load::load_daily(&pool, &changed, "yahatanishi", d("2026-11-27"))
        .await
        .unwrap();
    assert!(fresh.services.iter().any(|s| s.name_ja == "改名された用件"));

    // Closing the 24th afterwards changes neither that day's report nor its working day.
    changed.special_days.push(madoguchi_engine::SpecialDay {
        date: "2026-11-24".into(),
        sites: Some(vec!["yahatanishi".into()]),
        hours: None,
        note: "後から追加した休業日".into(),
    });
    let closed = load::load_daily(&pool, &changed, "yahatanishi", d("2026-11-24"))
        .await
        .unwrap();
    assert!(closed.hours.is_some());
    assert!(
        !changed
            .calendar()
            .is_working_day("yahatanishi", d("2026-11-24"))
    );
    let m = load::load_monthly(&pool, &changed, 2026, 11, Baseline::shipped())
        .await
        .unwrap();
    let r = monthly_report(&m);
    let pickup = r
        .tables
        .iter()
        .find(|t| t.id == TableId::CardPickup)
        .unwrap();
    let yn = pickup
        .columns
        .iter()
        .position(|c| c.site == "yahatanishi")
        .unwrap();
    assert_eq!(
        pickup.month.current[yn],
        Some(2),
        "tickets 1 and 3; the no-show is not counted"
    );
}

#[tokio::test]
async fn monthly_working_days_come_from_the_engine_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let pool = pool(&dir).await;
    let config = Config::shipped();
    let m = load::load_monthly(&pool, &config, 2026, 11, Baseline::shipped())
        .await
        .unwrap();
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
