//! Booked card pickups: check-in, the R range, refusals, replay, and the calling rule with its
//! cap (a property test: no walk-in starves behind bookings).

use std::collections::BTreeMap;

use madoguchi_protocol::{Lang, Needs, TicketState, Timestamp};
use proptest::prelude::*;

use super::{call, issue, wed};
use crate::{Command, Config, CounterConfig, EngineError, Recorded, SiteQueue};

/// 折尾 with `n` counters serving only pickup (target 30, max 60 min).
fn pickup_site(n: u32) -> Config {
    let mut config = Config::shipped();
    let site = config.sites.iter_mut().find(|s| s.id == "orio").unwrap();
    site.services = vec!["pickup".to_string()];
    site.counters = (1..=n)
        .map(|i| CounterConfig {
            id: i.to_string(),
            number: Some(i),
            desk: None,
            area: "handover".to_string(),
            services: BTreeMap::from([("pickup".to_string(), 1)]),
        })
        .collect();
    config.validate("test").unwrap();
    config
}

fn queue(n: u32) -> SiteQueue {
    SiteQueue::new(&pickup_site(n), "orio", wed(0, 0).date_naive()).unwrap()
}

fn check_in(id: i64, slot: Timestamp) -> Command {
    Command::CheckIn {
        id,
        reference: format!("REF{id}"),
        service: "pickup".into(),
        lang: Lang::Ja,
        needs: Needs::default(),
        kiosk: Some("kiosk-1".into()),
        slot_start: slot,
        slot_end: slot + chrono::Duration::minutes(30),
    }
}

fn called(q: &mut SiteQueue, counter: &str, now: Timestamp) -> Option<String> {
    q.apply(&call(counter), now)
        .unwrap()
        .ticket
        .map(|t| t.number)
}

#[test]
fn a_check_in_issues_an_r_number_with_its_slot_and_call_from() {
    let mut q = queue(1);
    let t = q
        .apply(&check_in(1, wed(10, 30)), wed(10, 0))
        .unwrap()
        .ticket
        .unwrap();
    assert_eq!(t.number, "R-001");
    assert_eq!(t.service, "pickup");
    let slot = t.booking.unwrap();
    assert_eq!(slot.slot_start, wed(10, 30));
    assert_eq!(slot.call_from, wed(10, 25));
    q.apply(&issue(2, "pickup"), wed(10, 1)).unwrap();
    let t = q.apply(&check_in(3, wed(11, 0)), wed(10, 2)).unwrap();
    assert_eq!(t.ticket.unwrap().number, "R-002");
    // Walk-ins keep their own range.
    assert_eq!(q.ticket(2).unwrap().number, "A-001");
}

#[test]
fn late_and_other_day_check_ins_are_refused_and_change_nothing() {
    let mut q = queue(1);
    // Slot 09:00–09:30, grace 10 min: 09:40 still issues, 09:41 is late.
    let late = q.apply(&check_in(1, wed(9, 0)), wed(9, 41)).unwrap_err();
    assert_eq!(late.code(), "booking_late");
    assert!(late.to_string().contains("normal ticket"), "{late}");
    let tomorrow = check_in(2, wed(10, 0) + chrono::Duration::days(1));
    assert_eq!(
        q.apply(&tomorrow, wed(9, 0)).unwrap_err(),
        EngineError::BookingNotToday
    );
    assert!(q.tickets().is_empty());
    let t = q.apply(&check_in(3, wed(9, 0)), wed(9, 40)).unwrap();
    assert_eq!(t.ticket.unwrap().number, "R-001", "refusals used no number");
}

#[test]
fn a_reference_is_checked_in_once_also_after_replay() {
    let mut q = queue(1);
    let first = check_in(1, wed(10, 0));
    let out = q.apply(&first, wed(9, 50)).unwrap();
    let mut again = check_in(2, wed(10, 0));
    if let Command::CheckIn { reference, .. } = &mut again {
        *reference = "REF1".into();
    }
    let err = q.apply(&again, wed(9, 51)).unwrap_err();
    assert_eq!(err.code(), "booking_used");
    assert!(err.to_string().contains("R-001"), "{err}");
    let mut replayed = queue(1);
    replayed
        .replay(&Recorded::of(&first, &out), wed(9, 50))
        .unwrap();
    assert_eq!(replayed.checked_in("REF1"), Some(1));
    assert_eq!(
        replayed.apply(&again, wed(9, 51)).unwrap_err().code(),
        "booking_used"
    );
}

#[test]
fn the_booking_prefix_must_be_its_own() {
    let mut config = pickup_site(1);
    config.bookings.prefix = "A".into();
    let err = config.validate("madoguchi.toml").unwrap_err();
    assert_eq!(err.field, "bookings.prefix");
    assert!(err.message.contains("pickup"), "{err}");
    let mut config = pickup_site(1);
    config.bookings.max_in_row = 0;
    assert_eq!(
        config.validate("x").unwrap_err().field,
        "bookings.max_in_row"
    );
}

#[test]
fn a_booked_ticket_is_called_ahead_of_walk_ins_once_its_window_opens() {
    let mut q = queue(1);
    q.apply(&issue(1, "pickup"), wed(10, 0)).unwrap();
    q.apply(&issue(2, "pickup"), wed(10, 1)).unwrap();
    // Checked in early: 10:05 for a 10:30 slot; called from 10:25.
    q.apply(&check_in(3, wed(10, 30)), wed(10, 5)).unwrap();
    assert_eq!(called(&mut q, "1", wed(10, 10)).as_deref(), Some("A-001"));
    assert_eq!(
        called(&mut q, "1", wed(10, 24)).as_deref(),
        Some("A-002"),
        "not before call_from"
    );
    q.apply(&issue(4, "pickup"), wed(10, 24)).unwrap();
    assert_eq!(called(&mut q, "1", wed(10, 25)).as_deref(), Some("R-001"));
    assert_eq!(called(&mut q, "1", wed(10, 30)).as_deref(), Some("A-003"));
}

#[test]
fn a_booked_ticket_alone_waits_for_its_call_from() {
    let mut q = queue(1);
    q.apply(&check_in(1, wed(11, 0)), wed(10, 0)).unwrap();
    assert_eq!(called(&mut q, "1", wed(10, 54)), None);
    assert_eq!(called(&mut q, "1", wed(10, 55)).as_deref(), Some("R-001"));
}

#[test]
fn the_maximum_wait_rule_comes_before_bookings() {
    let mut q = queue(1);
    q.apply(&issue(1, "pickup"), wed(9, 0)).unwrap();
    q.apply(&check_in(2, wed(10, 5)), wed(9, 59)).unwrap();
    // A-001 has waited 61 min > max 60: it goes first although R-001 is due.
    assert_eq!(called(&mut q, "1", wed(10, 1)).as_deref(), Some("A-001"));
    assert_eq!(called(&mut q, "1", wed(10, 2)).as_deref(), Some("R-001"));
}

#[test]
fn the_cap_lets_a_long_waiting_walk_in_through_after_two_booked_calls() {
    let mut q = queue(1);
    q.apply(&issue(1, "pickup"), wed(10, 0)).unwrap();
    for id in 2..=5 {
        q.apply(&check_in(id, wed(10, 5)), wed(10, 0)).unwrap();
    }
    // 10:20: A-001 has waited 20 min ≥ 15: two booked calls, then the walk-in.
    assert_eq!(called(&mut q, "1", wed(10, 20)).as_deref(), Some("R-001"));
    assert_eq!(called(&mut q, "1", wed(10, 21)).as_deref(), Some("R-002"));
    assert_eq!(called(&mut q, "1", wed(10, 22)).as_deref(), Some("A-001"));
    assert_eq!(called(&mut q, "1", wed(10, 23)).as_deref(), Some("R-003"));
}

#[test]
fn without_a_long_waiting_walk_in_bookings_are_not_capped() {
    let mut q = queue(1);
    for id in 1..=3 {
        q.apply(&check_in(id, wed(10, 0)), wed(9, 50)).unwrap();
    }
    q.apply(&issue(4, "pickup"), wed(10, 0)).unwrap();
    for n in ["R-001", "R-002", "R-003", "A-001"] {
        assert_eq!(called(&mut q, "1", wed(10, 1)).as_deref(), Some(n));
    }
}

#[test]
fn replay_keeps_the_r_numbers_slots_and_the_cap_count() {
    let config = pickup_site(1);
    let mut live = SiteQueue::new(&config, "orio", wed(0, 0).date_naive()).unwrap();
    let commands = [
        (issue(1, "pickup"), wed(10, 0)),
        (check_in(2, wed(10, 5)), wed(10, 0)),
        (check_in(3, wed(10, 5)), wed(10, 0)),
        (check_in(4, wed(10, 5)), wed(10, 0)),
        (call("1"), wed(10, 20)),
        (call("1"), wed(10, 21)),
    ];
    let mut rows = Vec::new();
    for (c, at) in &commands {
        let out = live.apply(c, *at).unwrap();
        let json = serde_json::to_string(&Recorded::of(c, &out)).unwrap();
        rows.push((serde_json::from_str::<Recorded>(&json).unwrap(), *at));
    }
    // Replayed after the late grace and outside the hours: facts, not re-decided.
    let mut config = config;
    config.bookings.late_grace_min = 0;
    let mut again = SiteQueue::new(&config, "orio", wed(0, 0).date_naive()).unwrap();
    for (r, at) in &rows {
        again.replay(r, *at).unwrap();
    }
    assert_eq!(again.tickets(), live.tickets());
    // The cap count came back too: the walk-in goes next on both.
    assert_eq!(
        called(&mut again, "1", wed(10, 22)).as_deref(),
        Some("A-001")
    );
    let t = again.apply(&check_in(5, wed(10, 5)), wed(10, 22)).unwrap();
    assert_eq!(t.ticket.unwrap().number, "R-004");
}

#[derive(Debug, Clone)]
enum Op {
    Walk,
    Book(u32),
    Call,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => Just(Op::Walk),
        3 => (0u32..90).prop_map(Op::Book),
        4 => Just(Op::Call),
    ]
}

proptest! {
    /// Whatever bookings arrive, while a walk-in has waited the cap's 15 minutes at most 2
    /// booked calls come in a row, a due booked ticket goes ahead of walk-ins otherwise, no
    /// booked ticket is called before its call_from, and no walk-in waits beyond the maximum
    /// (60 min) plus one service step while calls go on.
    #[test]
    fn no_walk_in_starves_behind_bookings(ops in proptest::collection::vec((op(), 0i64..4), 1..200)) {
        let mut q = queue(1);
        let mut minute = 9 * 60;
        let mut id = 0;
        let mut in_row = 0;
        for (op, step) in ops {
            minute += step;
            let now = wed(0, 0) + chrono::Duration::minutes(minute);
            id += 1;
            match op {
                Op::Walk => { q.apply(&issue(id, "pickup"), now).unwrap(); }
                Op::Book(ahead) => {
                    let slot = now + chrono::Duration::minutes(i64::from(ahead) - 20);
                    let _ = q.apply(&check_in(id, slot), now);
                }
                Op::Call => {
                    let waiting: Vec<_> = q.tickets().iter()
                        .filter(|t| t.state == TicketState::Waiting).cloned().collect();
                    let oldest_walk_in = waiting.iter().filter(|t| t.booking.is_none())
                        .map(|t| t.issued_at).min();
                    let long = oldest_walk_in.is_some_and(|at| now - at >= chrono::Duration::minutes(15));
                    let due_booked = waiting.iter().any(|t| t.booking.as_ref().is_some_and(|b| b.call_from <= now));
                    let Some(t) = q.apply(&call("1"), now).unwrap().ticket else { continue };
                    if let Some(b) = &t.booking {
                        prop_assert!(b.call_from <= now, "{} called before its call_from", t.number);
                        let own_max = now - b.call_from.max(t.issued_at) > chrono::Duration::minutes(60);
                        if long && !own_max {
                            prop_assert!(in_row < 2, "a third booked call in a row while a walk-in waited");
                        }
                        in_row += 1;
                    } else {
                        if due_booked && !long {
                            prop_assert!(now - t.issued_at > chrono::Duration::minutes(60),
                                "walk-in {} went ahead of a due booking", t.number);
                        }
                        in_row = 0;
                    }
                    if let (Some(at), Some(b)) = (oldest_walk_in, &t.booking)
                        && now - at > chrono::Duration::minutes(60)
                    {
                        // Only a booking that entered its queue (call_from) before the walk-in.
                        prop_assert!(b.call_from.max(t.issued_at) <= at,
                            "a booking went ahead of a walk-in past the maximum wait");
                    }
                }
            }
        }
    }
}
