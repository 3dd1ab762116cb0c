//! Stored facts → report inputs, without a database: what counts as issued-for, which alerts
//! count, the frozen snapshot before the configuration, and the errors a person reads.
#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use crate::common;

use madoguchi_engine::{Command, Config};
use madoguchi_protocol::{Lang, Needs};
use madoguchi_reports::facts::{
    CompletedFacts, DayFacts, DaySnapshot, FactsError, StoredTicket, daily_input, monthly_input,
};
use madoguchi_reports::*;

fn json(cmd: &Command) -> String {
    serde_json::to_string(cmd).unwrap()
}

#[test]
fn a_day_counts_tickets_by_the_service_they_were_issued_for() {
    let config = Config::shipped();
    let date = common::day();
    let offline = Command::IssueOffline {
        id: 8,
        service: "pickup".into(),
        lang: Lang::Ja,
        needs: Needs::default(),
        kiosk: "kiosk-1".into(),
        number: 901,
        issued_at: common::at(date, "09:00"),
    };
    let mut record = common::daily_input().tickets[0].clone();
    record.service = "city".into();
    let facts = DayFacts {
        commands: vec![
            (common::at(date, "09:00"), json(&offline)),
            (
                common::at(date, "09:01"),
                "{\"cmd\":\"from_the_future\"}".into(),
            ),
        ],
        tickets: vec![StoredTicket { id: 8, record }],
        alerts: vec![
            (common::at(date, "10:00"), "assist".into()),
            (common::at(date, "10:01"), "display_sound".into()),
        ],
        ..DayFacts::default()
    };
    let input = daily_input(&config, "yahatanishi", date, facts).unwrap();
    assert_eq!(
        input.tickets[0].service, "pickup",
        "an offline issue counts too"
    );
    assert_eq!(
        input.alerts.len(),
        1,
        "only assist and print_failed are reported"
    );
    assert_eq!(
        input.site_name_ja,
        config.site("yahatanishi").unwrap().name_ja
    );
}

#[test]
fn a_frozen_snapshot_wins_and_a_broken_one_is_named() {
    let config = Config::shipped();
    let date = common::day();
    let mut snap = DaySnapshot::from_config(&config, "yahatanishi", date).unwrap();
    snap.site_name_ja = "旧名称".into();
    let facts = DayFacts {
        snapshot: Some(snap.to_json().unwrap()),
        ..DayFacts::default()
    };
    let input = daily_input(&config, "yahatanishi", date, facts).unwrap();
    assert_eq!(input.site_name_ja, "旧名称");
    // A site gone from the configuration still reports from its snapshot.
    let facts = DayFacts {
        snapshot: Some(snap.to_json().unwrap()),
        ..DayFacts::default()
    };
    assert!(daily_input(&config, "closed-office", date, facts).is_ok());
    let err = daily_input(&config, "hakata", date, DayFacts::default()).unwrap_err();
    assert!(matches!(err, FactsError::UnknownSite(_)));
    assert!(err.to_string().contains("hakata"));
    let broken = DayFacts {
        snapshot: Some("{".into()),
        ..DayFacts::default()
    };
    let err = daily_input(&config, "yahatanishi", date, broken).unwrap_err();
    assert!(
        err.to_string().contains("another madoguchi version"),
        "{err}"
    );
}

#[test]
fn a_transferred_ticket_counts_for_its_first_service_in_the_month() {
    let config = Config::shipped();
    let date = common::day();
    let facts = CompletedFacts {
        untransferred: vec![(date, "pickup".into(), 2)],
        transferred: vec![(7, date, "city".into()), (9, date, "city".into())],
        // Ticket 9's issue command is missing: it counts where it ended.
        issued_for: vec![(date, 7, "pickup".into())],
    };
    let m = monthly_input(
        &config,
        (2026, 11),
        Baseline::shipped(),
        vec![("yahatanishi".into(), facts)],
        &[],
    );
    let count = |service: &str| {
        m.counts
            .iter()
            .find(|c| c.service == service)
            .map(|c| c.count)
    };
    assert_eq!((count("pickup"), count("city")), (Some(3), Some(1)));
}
