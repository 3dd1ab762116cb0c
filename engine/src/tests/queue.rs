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
    let d = q
        .apply(
            &Command::Done {
                counter: "3".into(),
            },
            wed(9, 16),
        )
        .unwrap();
    assert_eq!(d.ticket.unwrap().state, TicketState::Done);
    assert_eq!(q.ticket(1).unwrap().finished_at, Some(wed(9, 16)));
    assert!(q.counters().iter().all(|c| c.current.is_none()));
}
