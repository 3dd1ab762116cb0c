//! Leases: numbers lent to kiosks for an outage never collide with live numbers, and offline
//! tickets join their queue at the place their issue time earns.

use madoguchi_protocol::{Lang, Needs};

use super::{issue, queue, wed};
use crate::{Command, EngineError, lease_command};

fn offline(id: i64, number: u32, kiosk: &str, h: u32, m: u32) -> Command {
    Command::IssueOffline {
        id,
        service: "pickup".into(),
        number,
        lang: Lang::Vi,
        needs: Needs::default(),
        kiosk: kiosk.into(),
        issued_at: wed(h, m),
    }
}

#[test]
fn blocks_come_from_the_top_and_live_numbers_stop_below_them() {
    let mut q = queue("yahatanishi");
    let lease = lease_command(&q, "pickup", "kiosk-1", 20).unwrap();
    assert_eq!(
        lease,
        Command::Lease {
            service: "pickup".into(),
            kiosk: "kiosk-1".into(),
            from: 980,
            to: 999
        }
    );
    q.apply(&lease, wed(8, 30)).unwrap();
    let second = lease_command(&q, "pickup", "kiosk-2", 20).unwrap();
    assert!(matches!(
        second,
        Command::Lease {
            from: 960,
            to: 979,
            ..
        }
    ));
    q.apply(&second, wed(8, 30)).unwrap();
    assert_eq!(q.leases_of("kiosk-2").len(), 1);
    // Live issuing runs from A-001 upwards and can never reach A-960.
    assert_eq!(q.live_last("pickup", 999), 959);
    // The same block twice (a replayed or forged command) is refused.
    assert!(matches!(
        q.apply(&second, wed(8, 31)),
        Err(EngineError::NoLeaseRoom(_))
    ));
}

#[test]
fn offline_tickets_join_at_the_place_their_issue_time_earns() {
    let mut q = queue("yahatanishi");
    q.apply(
        &lease_command(&q, "pickup", "kiosk-2", 20).unwrap(),
        wed(8, 30),
    )
    .unwrap();
    // Server down 9:00-9:30: kiosk-2 issues A-980 at 9:05; live issues resume at 9:20.
    q.apply(&issue(1, "pickup"), wed(8, 50)).unwrap();
    q.apply(&issue(2, "pickup"), wed(9, 20)).unwrap();
    let out = q
        .apply(&offline(3, 980, "kiosk-2", 9, 5), wed(9, 31))
        .unwrap();
    let t = out.ticket.unwrap();
    assert_eq!(t.number, "A-980");
    assert!(t.offline);
    assert_eq!(t.issued_at, wed(9, 5));
    // Called in issue-time order: A-001 (8:50), A-980 (9:05), A-002 (9:20).
    let mut called = Vec::new();
    for _ in 0..3 {
        let out = q
            .apply(
                &Command::CallNext {
                    counter: "3".into(),
                },
                wed(9, 40),
            )
            .unwrap();
        called.push(out.ticket.unwrap().number);
    }
    assert_eq!(called, ["A-001", "A-980", "A-002"]);
}

#[test]
fn a_number_outside_the_kiosks_lease_or_used_twice_is_refused() {
    let mut q = queue("yahatanishi");
    q.apply(
        &lease_command(&q, "pickup", "kiosk-2", 20).unwrap(),
        wed(8, 30),
    )
    .unwrap();
    q.apply(&offline(1, 985, "kiosk-2", 9, 0), wed(9, 30))
        .unwrap();
    for (cmd, why) in [
        (offline(2, 985, "kiosk-2", 9, 1), "used twice"),
        (offline(3, 979, "kiosk-2", 9, 1), "outside the block"),
        (offline(4, 986, "kiosk-1", 9, 1), "another kiosk's block"),
    ] {
        assert!(
            matches!(
                q.apply(&cmd, wed(9, 30)),
                Err(EngineError::NotLeased { .. })
            ),
            "{why}"
        );
    }
    // Yesterday's offline ticket does not join today's queue.
    let yesterday = Command::IssueOffline {
        id: 5,
        service: "pickup".into(),
        number: 986,
        lang: Lang::Ja,
        needs: Needs::default(),
        kiosk: "kiosk-2".into(),
        issued_at: super::at(2026, 11, 24, 16, 0),
    };
    assert_eq!(q.apply(&yesterday, wed(9, 30)), Err(EngineError::WrongDay));
}

#[test]
fn leases_stop_before_they_would_eat_into_live_numbers() {
    let mut q = queue("yahatanishi");
    let mut granted = 0;
    while let Ok(cmd) = lease_command(&q, "pickup", "kiosk-1", 50) {
        q.apply(&cmd, wed(8, 30)).unwrap();
        granted += 1;
    }
    // 999 numbers: blocks down to A-051 at most, leaving A-001…A-050 for live issuing.
    assert_eq!(granted, 18);
    assert!(q.live_last("pickup", 999) >= 50);
    assert!(matches!(
        lease_command(&q, "pickup", "kiosk-1", 50),
        Err(EngineError::NoLeaseRoom(_))
    ));
}
