//! Replay rebuilds what was answered, whatever the configuration says today.

use madoguchi_protocol::TicketState;

use super::{call, issue, wed};
use crate::{Called, Command, Config, Recorded, SiteQueue};

/// Runs `commands` live on `config` and returns the rows the server would store.
fn live(config: &Config, commands: &[(Command, u32)]) -> (SiteQueue, Vec<(Recorded, u32)>) {
    let mut q = SiteQueue::new(config, "yahatanishi", wed(0, 0).date_naive()).unwrap();
    let mut rows = Vec::new();
    for (c, minute) in commands {
        let outcome = q.apply(c, wed(9, *minute)).unwrap();
        // Through JSON, as stored.
        let json = serde_json::to_string(&Recorded::of(c, &outcome)).unwrap();
        rows.push((serde_json::from_str(&json).unwrap(), *minute));
    }
    (q, rows)
}

fn replayed(config: &Config, rows: &[(Recorded, u32)]) -> Result<SiteQueue, crate::EngineError> {
    let mut q = SiteQueue::new(config, "yahatanishi", wed(0, 0).date_naive())?;
    for (r, minute) in rows {
        q.replay(r, wed(9, *minute))?;
    }
    Ok(q)
}

fn morning() -> Vec<(Command, u32)> {
    vec![
        (issue(1, "pickup"), 0),
        (issue(2, "pickup"), 1),
        (issue(3, "ecert"), 2),
        (call("3"), 5),
        (issue(4, "pickup"), 6),
        (call("4"), 7),
        (call("3"), 20),
    ]
}

fn numbers(q: &SiteQueue) -> Vec<(i64, String, TicketState, Option<String>)> {
    q.tickets()
        .iter()
        .map(|t| (t.id, t.number.clone(), t.state, t.counter.clone()))
        .collect()
}

#[test]
fn a_closure_added_after_issuing_keeps_every_number_and_the_next_one_follows() {
    let config = Config::shipped();
    let (live_q, rows) = live(&config, &morning());
    // A typhoon: the day becomes a closed special day after the tickets were issued.
    let mut typhoon = config.clone();
    typhoon.special_days.push(crate::SpecialDay {
        date: "2026-11-25".into(),
        sites: None,
        hours: None,
        note: "台風".into(),
    });
    let mut q = replayed(&typhoon, &rows).unwrap();
    assert_eq!(numbers(&q), numbers(&live_q));
    // Numbering continues after the last issued number (live issue is refused: closed).
    assert!(q.apply(&issue(5, "pickup"), wed(9, 30)).is_err());
    let mut open = replayed(&config, &rows).unwrap();
    let out = open.apply(&issue(5, "pickup"), wed(9, 30)).unwrap();
    assert_eq!(out.ticket.unwrap().number, "A-004");
}

#[test]
fn changed_weights_do_not_change_who_was_called() {
    let config = Config::shipped();
    let (live_q, rows) = live(&config, &morning());
    // Counter 3 now prefers e-certificates: a re-decided replay would call ticket 3 first.
    let mut changed = config.clone();
    let site = changed
        .sites
        .iter_mut()
        .find(|s| s.id == "yahatanishi")
        .unwrap();
    let c3 = site.counters.iter_mut().find(|c| c.id == "3").unwrap();
    c3.services.insert("ecert".into(), 10);
    c3.services.insert("pickup".into(), 1);
    let q = replayed(&changed, &rows).unwrap();
    assert_eq!(numbers(&q), numbers(&live_q));
    assert!(
        rows.iter()
            .any(|(r, _)| matches!(r.called, Some(Called::Ticket(_))))
    );
}

#[test]
fn a_removed_counter_or_renamed_service_is_an_error_not_a_warning() {
    let config = Config::shipped();
    let (_, rows) = live(&config, &morning());
    let mut removed = config.clone();
    let site = removed
        .sites
        .iter_mut()
        .find(|s| s.id == "yahatanishi")
        .unwrap();
    site.counters.retain(|c| c.id != "4");
    assert!(matches!(
        replayed(&removed, &rows),
        Err(crate::EngineError::UnknownCounter(c)) if c == "4"
    ));
    let mut renamed = config.clone();
    for s in &mut renamed.services {
        if s.id == "ecert" {
            s.id = "e-cert".into();
        }
    }
    for site in &mut renamed.sites {
        for s in &mut site.services {
            if s == "ecert" {
                *s = "e-cert".into();
            }
        }
    }
    assert!(matches!(
        replayed(&renamed, &rows),
        Err(crate::EngineError::UnknownService(s)) if s == "ecert"
    ));
}

#[test]
fn rows_stored_before_facts_were_recorded_still_replay_without_hours_checks() {
    let config = Config::shipped();
    let (live_q, rows) = live(&config, &morning());
    let old: Vec<(Recorded, u32)> = rows
        .iter()
        .map(|(r, m)| {
            let json = serde_json::to_string(&r.command).unwrap();
            (serde_json::from_str(&json).unwrap(), *m)
        })
        .collect();
    assert!(
        old.iter()
            .all(|(r, _)| r.number.is_none() && r.called.is_none())
    );
    let mut closed = config.clone();
    closed.special_days.push(crate::SpecialDay {
        date: "2026-11-25".into(),
        sites: Some(vec!["yahatanishi".into()]),
        hours: None,
        note: "臨時休業".into(),
    });
    assert_eq!(numbers(&replayed(&closed, &old).unwrap()), numbers(&live_q));
}
