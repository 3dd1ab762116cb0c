//! State transitions, numbering, requeue grace and transfers.

use madoguchi_protocol::{EventBody, TicketState};

use super::{call, issue, queue, wed};
use crate::{Command, EngineError};

#[test]
fn numbers_run_per_service_from_the_range_start() {
    let mut q = queue("kokurakita");
    let a1 = q.apply(&issue(1, "pickup"), wed(9, 0)).unwrap();
    let a2 = q.apply(&issue(2, "pickup"), wed(9, 1)).unwrap();
    let f1 = q.apply(&issue(3, "ecert"), wed(9, 2)).unwrap();
    assert_eq!(a1.ticket.unwrap().number, "A-001");
    assert_eq!(a2.ticket.unwrap().number, "A-002");
    assert_eq!(f1.ticket.unwrap().number, "F-001");
    assert!(matches!(a1.event, Some(EventBody::Issued { .. })));
    // A new day is a new queue: numbers start again.
    let mut next = crate::SiteQueue::new(
        &crate::Config::shipped(),
        "kokurakita",
        super::at(2026, 11, 26, 0, 0).date_naive(),
    )
    .unwrap();
    let t = next
        .apply(&issue(4, "pickup"), super::at(2026, 11, 26, 9, 0))
        .unwrap();
    assert_eq!(t.ticket.unwrap().number, "A-001");
}

#[test]
fn waiting_called_serving_done() {
    let mut q = queue("moji");
    q.apply(&issue(1, "pickup"), wed(9, 0)).unwrap();
    let called = q.apply(&call("3"), wed(9, 5)).unwrap();
    let t = called.ticket.unwrap();
    assert_eq!(t.state, TicketState::Called);
    assert_eq!(t.counter.as_deref(), Some("3"));
    match called.event {
        Some(EventBody::Called { call, .. }) => {
            assert_eq!(call.counter_name, "3番窓口");
            assert_eq!(call.area, "交付窓口");
            assert_eq!(call.recalls, 0);
        }
        other => panic!("{other:?}"),
    }
    let s = q
        .apply(
            &Command::Start {
                counter: "3".into(),
            },
            wed(9, 6),
        )
        .unwrap();
    assert_eq!(s.ticket.unwrap().state, TicketState::Serving);
    let d = q.apply(&done("3"), wed(9, 16)).unwrap();
    assert_eq!(d.ticket.unwrap().state, TicketState::Done);
    assert_eq!(q.ticket(1).unwrap().finished_at, Some(wed(9, 16)));
    assert!(q.counters().iter().all(|c| c.current.is_none()));
}

fn cmd_counter(f: fn(String) -> Command, c: &str) -> Command {
    f(c.to_string())
}

fn start(c: &str) -> Command {
    cmd_counter(|counter| Command::Start { counter }, c)
}
fn done(c: &str) -> Command {
    cmd_counter(|counter| Command::Done { counter }, c)
}
fn no_show(c: &str) -> Command {
    cmd_counter(|counter| Command::NoShow { counter }, c)
}
fn skip(c: &str) -> Command {
    cmd_counter(|counter| Command::Skip { counter }, c)
}
fn pause(c: &str) -> Command {
    cmd_counter(|counter| Command::Pause { counter }, c)
}
fn reopen(c: &str) -> Command {
    cmd_counter(|counter| Command::Reopen { counter }, c)
}

#[test]
fn issue_is_refused_outside_hours_with_the_next_opening() {
    let mut q = queue("moji");
    let err = q.apply(&issue(1, "pickup"), wed(18, 0)).unwrap_err();
    assert_eq!(
        err,
        EngineError::Closed {
            next_opening: Some(super::at(2026, 11, 26, 8, 30))
        }
    );
    assert_eq!(err.code(), "site_closed");
    assert_eq!(
        q.check_open(wed(18, 0)),
        Err(Some(super::at(2026, 11, 26, 8, 30)))
    );
    assert_eq!(q.check_open(wed(10, 0)), Ok(()));
    // A `now` on another day than the queue's is refused as well.
    let err = q
        .apply(&issue(1, "pickup"), super::at(2026, 11, 26, 10, 0))
        .unwrap_err();
    assert_eq!(err.code(), "site_closed");
    assert!(q.tickets().is_empty());
}

#[test]
fn unknown_and_internal_services_are_refused_at_the_kiosk() {
    let mut q = queue("moji");
    let err = q.apply(&issue(1, "pickupp"), wed(9, 0)).unwrap_err();
    assert_eq!(err, EngineError::UnknownService("pickupp".into()));
    let err = q.apply(&issue(1, "city"), wed(9, 0)).unwrap_err();
    assert_eq!(err.code(), "unknown_service");
    // Branch offices without pickup refuse it.
    let mut d = queue("dairi");
    assert_eq!(
        d.apply(&issue(1, "pickup"), wed(9, 0)).unwrap_err().code(),
        "unknown_service"
    );
    // Staff may issue an internal service by hand (no kiosk).
    let by_hand = Command::Issue {
        id: 2,
        service: "city".into(),
        lang: madoguchi_protocol::Lang::En,
        needs: Default::default(),
        kiosk: None,
    };
    assert_eq!(
        q.apply(&by_hand, wed(9, 0)).unwrap().ticket.unwrap().number,
        "S-001"
    );
    assert_eq!(
        q.apply(&issue(2, "pickup"), wed(9, 1)).unwrap_err(),
        EngineError::DuplicateTicket { id: 2 }
    );
}

#[test]
fn numbers_exhausted_when_the_range_ends() {
    let mut config = crate::Config::shipped();
    let s = config
        .services
        .iter_mut()
        .find(|s| s.id == "inquiry")
        .unwrap();
    s.first = 998;
    config.validate("edited").unwrap();
    let mut q = crate::SiteQueue::new(&config, "moji", wed(0, 0).date_naive()).unwrap();
    assert_eq!(
        q.apply(&issue(1, "inquiry"), wed(9, 0))
            .unwrap()
            .ticket
            .unwrap()
            .number,
        "Q-998"
    );
    assert_eq!(
        q.apply(&issue(2, "inquiry"), wed(9, 0))
            .unwrap()
            .ticket
            .unwrap()
            .number,
        "Q-999"
    );
    let err = q.apply(&issue(3, "inquiry"), wed(9, 0)).unwrap_err();
    assert_eq!(err, EngineError::NumbersExhausted("inquiry".into()));
    assert_eq!(q.tickets().len(), 2);
}

#[test]
fn call_next_finishes_the_current_ticket_first() {
    let mut q = queue("moji");
    q.apply(&issue(1, "pickup"), wed(9, 0)).unwrap();
    q.apply(&issue(2, "pickup"), wed(9, 1)).unwrap();
    q.apply(&call("3"), wed(9, 2)).unwrap();
    q.apply(&start("3"), wed(9, 3)).unwrap();
    let next = q.apply(&call("3"), wed(9, 13)).unwrap();
    assert_eq!(next.ticket.unwrap().id, 2);
    assert_eq!(q.ticket(1).unwrap().state, TicketState::Done);
    // Nothing left: the current one is finished, and no one is called.
    let empty = q.apply(&call("3"), wed(9, 20)).unwrap();
    assert_eq!(empty.ticket, None);
    assert!(matches!(empty.event, Some(EventBody::Done { .. })));
    assert_eq!(q.ticket(2).unwrap().state, TicketState::Done);
    let empty = q.apply(&call("3"), wed(9, 21)).unwrap();
    assert_eq!(
        empty,
        crate::Outcome {
            ticket: None,
            event: None
        }
    );
}

#[test]
fn paused_counter_refuses_call_next_and_reopens() {
    let mut q = queue("moji");
    q.apply(&issue(1, "pickup"), wed(9, 0)).unwrap();
    let p = q.apply(&pause("3"), wed(9, 1)).unwrap();
    assert!(matches!(p.event, Some(EventBody::CounterPaused { .. })));
    assert!(!q.counters().iter().find(|c| c.id == "3").unwrap().open);
    assert_eq!(
        q.apply(&call("3"), wed(9, 2)).unwrap_err(),
        EngineError::CounterPaused("3".into())
    );
    assert_eq!(q.ticket(1).unwrap().state, TicketState::Waiting);
    let r = q.apply(&reopen("3"), wed(9, 3)).unwrap();
    assert!(matches!(r.event, Some(EventBody::CounterOpened { .. })));
    assert_eq!(
        q.apply(&call("3"), wed(9, 4)).unwrap().ticket.unwrap().id,
        1
    );
    assert_eq!(
        q.apply(&call("zz"), wed(9, 4)).unwrap_err().code(),
        "unknown_counter"
    );
}

#[test]
fn no_show_can_be_requeued_within_grace_at_its_place() {
    let mut q = queue("moji");
    for id in 1..=3 {
        q.apply(&issue(id, "pickup"), wed(9, id as u32)).unwrap();
    }
    q.apply(&call("3"), wed(9, 10)).unwrap();
    assert!(matches!(
        q.apply(&no_show("3"), wed(9, 12)).unwrap().event,
        Some(EventBody::NoShow { .. })
    ));
    assert_eq!(q.ticket(1).unwrap().state, TicketState::NoShow);
    assert_eq!(q.position(2, wed(9, 12)).unwrap().0, 0);
    // Within 30 minutes: back at its original place, ahead of 2 and 3.
    let back = q
        .apply(&Command::Requeue { ticket: 1 }, wed(9, 40))
        .unwrap();
    assert_eq!(back.ticket.unwrap().state, TicketState::Waiting);
    assert_eq!(q.position(1, wed(9, 40)).unwrap().0, 0);
    assert_eq!(q.position(2, wed(9, 40)).unwrap().0, 1);
    // After the grace period it is refused.
    q.apply(&call("3"), wed(9, 41)).unwrap();
    q.apply(&no_show("3"), wed(9, 42)).unwrap();
    let err = q
        .apply(&Command::Requeue { ticket: 1 }, wed(10, 13))
        .unwrap_err();
    assert_eq!(err.code(), "invalid_state");
    assert!(err.to_string().contains("A-001"), "{err}");
    // A serving ticket cannot be a no-show.
    q.apply(&call("3"), wed(10, 14)).unwrap();
    q.apply(&start("3"), wed(10, 15)).unwrap();
    assert_eq!(
        q.apply(&no_show("3"), wed(10, 16)).unwrap_err().code(),
        "invalid_state"
    );
}

#[test]
fn skip_and_recall() {
    let mut q = queue("moji");
    q.apply(&issue(1, "pickup"), wed(9, 0)).unwrap();
    q.apply(&issue(2, "pickup"), wed(9, 1)).unwrap();
    q.apply(&call("3"), wed(9, 2)).unwrap();
    let again = q
        .apply(
            &Command::Recall {
                counter: "3".into(),
                ticket: None,
            },
            wed(9, 3),
        )
        .unwrap();
    match again.event {
        Some(EventBody::Called { call, .. }) => assert_eq!(call.recalls, 1),
        other => panic!("{other:?}"),
    }
    assert_eq!(q.calls(10).len(), 2);
    // Skip: back at its place, ahead of ticket 2.
    assert!(matches!(
        q.apply(&skip("3"), wed(9, 4)).unwrap().event,
        Some(EventBody::Requeued { .. })
    ));
    assert_eq!(q.position(1, wed(9, 4)).unwrap().0, 0);
    // Recall a skipped ticket by id at a free counter.
    let r = q.apply(
        &Command::Recall {
            counter: "8".into(),
            ticket: Some(1),
        },
        wed(9, 5),
    );
    assert_eq!(r.unwrap_err().code(), "unknown_counter");
    let r = q
        .apply(
            &Command::Recall {
                counter: "1".into(),
                ticket: Some(1),
            },
            wed(9, 5),
        )
        .unwrap();
    assert_eq!(r.ticket.unwrap().counter.as_deref(), Some("1"));
    // Counter 1 is now busy: it cannot recall another ticket.
    let err = q
        .apply(
            &Command::Recall {
                counter: "1".into(),
                ticket: Some(2),
            },
            wed(9, 6),
        )
        .unwrap_err();
    assert_eq!(err.code(), "invalid_state");
    assert_eq!(
        q.apply(&start("2"), wed(9, 6)).unwrap_err().code(),
        "no_current_ticket"
    );
}

#[test]
fn cancel_and_mark_printed() {
    let mut q = queue("moji");
    q.apply(&issue(1, "pickup"), wed(9, 0)).unwrap();
    let p = q
        .apply(
            &Command::MarkPrinted {
                ticket: 1,
                printed: false,
            },
            wed(9, 0),
        )
        .unwrap();
    assert_eq!(p.ticket.unwrap().printed, Some(false));
    assert_eq!(p.event, None);
    let c = q.apply(&Command::Cancel { ticket: 1 }, wed(9, 1)).unwrap();
    assert_eq!(c.ticket.unwrap().state, TicketState::Cancelled);
    assert_eq!(q.queues(wed(9, 1))[0].waiting, 0);
    assert_eq!(
        q.apply(&Command::Cancel { ticket: 1 }, wed(9, 2))
            .unwrap_err()
            .code(),
        "invalid_state"
    );
    assert_eq!(
        q.apply(&Command::Cancel { ticket: 9 }, wed(9, 2))
            .unwrap_err()
            .code(),
        "unknown_ticket"
    );
}

#[test]
fn tickets_carry_language_needs_and_kiosk_and_a_no_show_can_be_recalled() {
    let mut q = queue("orio");
    let needs = madoguchi_protocol::Needs {
        wheelchair: true,
        interpreter: true,
        ..Default::default()
    };
    let cmd = Command::Issue {
        id: 1,
        service: "pickup".into(),
        lang: madoguchi_protocol::Lang::Ne,
        needs,
        kiosk: Some("orio-kiosk".into()),
    };
    let t = q.apply(&cmd, wed(9, 0)).unwrap().ticket.unwrap();
    assert_eq!(
        (t.lang, t.needs, t.kiosk.as_deref()),
        (madoguchi_protocol::Lang::Ne, needs, Some("orio-kiosk"))
    );
    q.apply(&call("1"), wed(9, 1)).unwrap();
    q.apply(&no_show("1"), wed(9, 2)).unwrap();
    let again = q
        .apply(
            &Command::Recall {
                counter: "2".into(),
                ticket: Some(1),
            },
            wed(9, 20),
        )
        .unwrap();
    let t = again.ticket.unwrap();
    assert_eq!(
        (t.state, t.counter.as_deref(), t.recalls),
        (TicketState::Called, Some("2"), 1)
    );
    match again.event {
        Some(EventBody::Called { call, .. }) => assert_eq!(call.lang, madoguchi_protocol::Lang::Ne),
        other => panic!("{other:?}"),
    }
}
