//! The reports' read model on both stores: a day written as the server writes it (commands,
//! tickets, alerts, guidance, a manual count) reads back into the 日報 and 月報 with the right
//! figures, and a past day's configuration stays frozen.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate};
use madoguchi_engine::{Command, Config};
use madoguchi_protocol::{Lang, Needs, Ticket, TicketState, Timestamp};
use madoguchi_reports::facts::DaySnapshot;
use madoguchi_reports::request::ManualCountRequest;
use madoguchi_reports::{Baseline, TableId, daily_report, monthly_report};
use madoguchi_server::reports;
use madoguchi_server::store::{AlertRow, Store, Write, open};

use crate::common::{database, temp_db};

pub const SITE: &str = "yahatanishi";

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn t(day: &str, hm: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(&format!("{day}T{hm}:00+09:00")).unwrap()
}

pub async fn store() -> (tempfile::TempDir, Arc<dyn Store>) {
    let (dir, db) = temp_db();
    (dir, open(&database(&db)).await.unwrap())
}

fn command(day: &str, seq: i64, hm: &str, cmd: &Command) -> Write {
    Write::Command {
        site: SITE.into(),
        day: d(day),
        seq,
        at: t(day, hm),
        json: serde_json::to_string(cmd).unwrap(),
    }
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

fn ticket(
    id: i64,
    day: &str,
    service: &str,
    state: TicketState,
    times: [Option<&str>; 4],
    transfers: u32,
    kiosk: Option<&str>,
) -> Write {
    let [issued, called, served, finished] = times.map(|x| x.map(|hm| t(day, hm)));
    Write::Ticket {
        ticket: Ticket {
            id,
            site: SITE.into(),
            service: service.into(),
            number: format!("A-{id:03}"),
            lang: if id == 2 { Lang::Vi } else { Lang::Ja },
            needs: Needs {
                wheelchair: id == 2,
                ..Needs::default()
            },
            state,
            counter: Some("1".into()),
            issued_at: issued.unwrap(),
            called_at: called,
            served_at: served,
            finished_at: finished,
            transfers,
            recalls: 1,
            kiosk: kiosk.map(Into::into),
            printed: None,
            offline: false,
            booking: None,
        },
        day: d(day),
        status_token: format!("token-{id}"),
    }
}

/// Two days at 八幡西, written in one commit as the server would.
async fn fill(store: &dyn Store) {
    let day = "2026-11-24";
    let mut w = vec![
        command(day, 0, "09:00", &issue(1, "pickup")),
        command(day, 1, "09:05", &issue(2, "ecert")),
        command(
            day,
            2,
            "12:00",
            &Command::Pause {
                counter: "1".into(),
            },
        ),
        command(
            day,
            3,
            "13:00",
            &Command::Reopen {
                counter: "1".into(),
            },
        ),
        command("2026-11-25", 0, "10:00", &issue(3, "pickup")),
    ];
    use TicketState::{Done, NoShow};
    let times = |a, b, c, e| [Some(a), Some(b), c, e];
    // Ticket 1 came for a card pickup and ended at the city staff desk after a transfer.
    let t1 = times("09:00", "09:10", Some("09:11"), Some("09:20"));
    w.push(ticket(1, day, "city", Done, t1, 1, Some("kiosk-1")));
    w.push(ticket(
        2,
        day,
        "ecert",
        NoShow,
        times("09:05", "09:30", None, None),
        0,
        None,
    ));
    let t3 = times("10:00", "10:05", Some("10:06"), Some("10:16"));
    w.push(ticket(
        3,
        "2026-11-25",
        "pickup",
        Done,
        t3,
        0,
        Some("kiosk-1"),
    ));
    for (id, kind) in [(1, "assist"), (2, "print_failed")] {
        w.push(Write::Alert(AlertRow {
            id,
            site: SITE.into(),
            at: t(day, "11:00"),
            kind: kind.into(),
            kiosk: None,
            ticket_id: None,
            lang: None,
            detail: String::new(),
            acknowledged_by: None,
        }));
    }
    w.push(Write::Guided {
        site: SITE.into(),
        at: t(day, "11:30"),
        kiosk: "kiosk-1".into(),
        reason: "not_resident".into(),
        lang: Lang::En,
    });
    let req = ManualCountRequest {
        date: Some(day.into()),
        kind: "phone".into(),
        label_ja: "電話対応".into(),
        count: 4,
    };
    let row = reports::manual_count(SITE, "staff1", &req, t(day, "17:30")).unwrap();
    w.push(Write::ManualCount(row));
    store.commit(w).await.unwrap();
}

#[tokio::test]
async fn a_stored_day_loads_into_the_daily_report() {
    let (_dir, store) = store().await;
    fill(&*store).await;
    let config = Config::shipped();
    let input = reports::load_daily(&*store, &config, SITE, d("2026-11-24"))
        .await
        .unwrap();
    let r = daily_report(&input);
    assert_eq!(r.site_name_ja, config.site(SITE).unwrap().name_ja);
    assert!(r.working_day());
    let totals = &r.totals;
    assert_eq!((totals.issued, totals.done, totals.no_show), (2, 1, 1));
    assert_eq!(
        (totals.transfers, totals.recalls, totals.by_staff),
        (1, 2, 1)
    );
    let pickup = r.services.iter().find(|s| s.id == "pickup").unwrap();
    assert_eq!(
        pickup.counts.issued, 1,
        "counted by the service it was issued for"
    );
    assert_eq!(pickup.wait.mean_min, Some(10.0));
    assert_eq!(pickup.service_time.mean_min, Some(9.0));
    let city = r.services.iter().find(|s| s.id == "city").unwrap();
    assert_eq!(city.counts.issued, 0);
    assert_eq!(r.needs.wheelchair, 1);
    assert_eq!(r.langs.iter().find(|(l, _)| *l == Lang::Vi).unwrap().1, 1);
    assert_eq!((r.assist, r.print_failed, r.guided_total), (1, 1, 1));
    assert_eq!(r.manual[0].count, 4);
    assert_eq!(r.manual[0].entered_by, ["staff1"]);
    // Counter 1 was paused from 12:00 to 13:00; every other counter stayed open.
    let counters = config.site(SITE).unwrap().counters.len() as u32;
    let hour = |h| r.hours_rows.iter().find(|x| x.hour == h).unwrap();
    assert_eq!(hour(11).counters_open, counters);
    assert_eq!(hour(12).counters_open, counters - 1);
    assert_eq!(hour(13).counters_open, counters);
}

#[tokio::test]
async fn a_past_day_keeps_its_snapshot_when_the_configuration_changes() {
    let (_dir, store) = store().await;
    let store = &*store;
    fill(store).await;
    let config = Config::shipped();
    let now = t("2026-11-26", "08:00");
    for day in ["2026-11-24", "2026-11-25"] {
        reports::snapshot_day(store, &config, SITE, d(day), now)
            .await
            .unwrap();
    }
    let mut changed = config.clone();
    for s in changed.services.iter_mut().filter(|s| s.id == "pickup") {
        s.name_ja = "改名された用件".into();
        s.report_category = Some("e_certificate".into());
    }
    let load = |config: &Config, day: &str| {
        let config = config.clone();
        let day = d(day);
        async move {
            reports::load_daily(store, &config, SITE, day)
                .await
                .unwrap()
        }
    };
    let before = load(&config, "2026-11-24").await;
    let after = load(&changed, "2026-11-24").await;
    assert_eq!(daily_report(&before), daily_report(&after));
    // A second snapshot does not overwrite the first.
    let again = reports::snapshot_day(store, &changed, SITE, d("2026-11-24"), now)
        .await
        .unwrap();
    assert_eq!(
        Some(again),
        DaySnapshot::from_config(&config, SITE, d("2026-11-24"))
    );
    // A day without a snapshot follows today's configuration.
    let fresh = load(&changed, "2026-11-27").await;
    assert!(fresh.services.iter().any(|s| s.name_ja == "改名された用件"));

    // Closing the 24th afterwards changes neither that day's report nor its working day.
    changed.special_days.push(madoguchi_engine::SpecialDay {
        date: "2026-11-24".into(),
        sites: Some(vec![SITE.into()]),
        hours: None,
        note: "後から追加した休業日".into(),
    });
    assert!(load(&changed, "2026-11-24").await.hours.is_some());
    assert!(!changed.calendar().is_working_day(SITE, d("2026-11-24")));
    let m = reports::load_monthly(store, &changed, 2026, 11, Baseline::shipped())
        .await
        .unwrap();
    assert_eq!(m.working_days[SITE][10], 19, "the frozen 24th still counts");
    let r = monthly_report(&m);
    let pickup = r
        .tables
        .iter()
        .find(|t| t.id == TableId::CardPickup)
        .unwrap();
    let yn = pickup.columns.iter().position(|c| c.site == SITE).unwrap();
    assert_eq!(
        pickup.month.current[yn],
        Some(2),
        "tickets 1 (issued for pickup, transferred) and 3; the no-show is not counted"
    );
}
