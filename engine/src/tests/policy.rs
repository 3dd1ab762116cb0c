//! Call-next policy, transfers, waits and the board.

use madoguchi_protocol::{EventBody, TicketState};

use super::{call, issue, wed};
use crate::{Command, Config, Policy, SiteQueue};

fn by_hand(id: i64, service: &str) -> Command {
    Command::Issue {
        id,
        service: service.into(),
        lang: madoguchi_protocol::Lang::Vi,
        needs: Default::default(),
        kiosk: None,
    }
}

fn transfer(ticket: i64, to_service: Option<&str>, to_counter: Option<&str>) -> Command {
    Command::Transfer {
        ticket,
        to_service: to_service.map(str::to_string),
        to_counter: to_counter.map(str::to_string),
    }
}

/// 門司 with counter 4 serving only ecert (weight 10) and pin (weight 1), both targets 20 min.
fn weighted() -> SiteQueue {
    let mut config = Config::shipped();
    for s in &mut config.services {
        if s.id == "pin" || s.id == "ecert" {
            s.target_wait_min = 20;
            s.max_wait_min = Some(40);
        }
    }
    let moji = config.sites.iter_mut().find(|s| s.id == "moji").unwrap();
    for c in &mut moji.counters {
        c.services.remove("pin");
        c.services.remove("ecert");
        if c.id == "4" {
            c.services = [("ecert".to_string(), 10), ("pin".to_string(), 1)].into();
        }
    }
    config.validate("edited").unwrap();
    SiteQueue::new(&config, "moji", wed(0, 0).date_naive()).unwrap()
}

#[test]
fn weights_decide_between_services() {
    let mut q = weighted();
    q.apply(&issue(1, "pin"), wed(9, 0)).unwrap();
    q.apply(&issue(2, "ecert"), wed(9, 5)).unwrap();
    // pin: (360+60)×1/1200 < ecert: (60+60)×10/1200.
    assert_eq!(
        q.clone()
            .apply(&call("4"), wed(9, 6))
            .unwrap()
            .ticket
            .unwrap()
            .id,
        2
    );
    // Fifo takes the oldest instead.
    let mut fifo = q.clone().with_policy(Policy::Fifo);
    assert_eq!(fifo.policy(), Policy::Fifo);
    assert_eq!(
        fifo.apply(&call("4"), wed(9, 6))
            .unwrap()
            .ticket
            .unwrap()
            .id,
        1
    );
}

#[test]
fn maximum_wait_beats_weights_and_transfers() {
    let mut q = weighted();
    q.apply(&issue(1, "pin"), wed(9, 0)).unwrap();
    q.apply(&issue(2, "ecert"), wed(9, 30)).unwrap();
    q.apply(&issue(3, "face"), wed(9, 30)).unwrap();
    q.apply(&call("3"), wed(9, 31)).unwrap();
    q.apply(&transfer(3, Some("ecert"), None), wed(9, 35))
        .unwrap();
    // At 09:39 nothing is overdue: the transfer goes first.
    assert_eq!(
        q.clone()
            .apply(&call("4"), wed(9, 39))
            .unwrap()
            .ticket
            .unwrap()
            .id,
        3
    );
    // At 09:41 the pin ticket has waited 41 > 40 minutes: it goes first.
    assert_eq!(
        q.apply(&call("4"), wed(9, 41)).unwrap().ticket.unwrap().id,
        1
    );
}

#[test]
fn transfer_keeps_number_and_goes_ahead_of_later_and_waiting_tickets() {
    let mut q = super::queue("moji");
    q.apply(&by_hand(10, "city"), wed(9, 0)).unwrap();
    for id in 1..=3 {
        q.apply(&issue(id, "pickup"), wed(9, id as u32)).unwrap();
    }
    q.apply(&call("3"), wed(9, 5)).unwrap();
    q.apply(
        &Command::Start {
            counter: "3".into(),
        },
        wed(9, 6),
    )
    .unwrap();
    let out = q
        .apply(&transfer(1, Some("city"), None), wed(9, 10))
        .unwrap();
    let t = out.ticket.unwrap();
    assert_eq!(
        (t.number.as_str(), t.service.as_str(), t.transfers),
        ("A-001", "city", 1)
    );
    assert_eq!(t.state, TicketState::Waiting);
    assert!(
        matches!(out.event, Some(EventBody::Transferred { ref from_service, .. }) if from_service == "pickup")
    );
    assert!(q.counters().iter().all(|c| c.current.is_none()));
    assert_eq!(q.position(1, wed(9, 10)).unwrap().0, 0);
    assert_eq!(q.position(10, wed(9, 10)).unwrap().0, 1);
    assert_eq!(
        q.apply(&call("city-1"), wed(9, 11))
            .unwrap()
            .ticket
            .unwrap()
            .id,
        1
    );
    // Back to pickup, reserved for counter 3: counter 1 and 2 leave it alone.
    q.apply(&transfer(1, Some("pickup"), Some("3")), wed(9, 20))
        .unwrap();
    assert_eq!(q.position(1, wed(9, 20)).unwrap().0, 0);
    assert_eq!(q.ticket(1).unwrap().number, "A-001");
    assert_eq!(
        q.apply(&call("1"), wed(9, 21)).unwrap().ticket.unwrap().id,
        2
    );
    assert_eq!(
        q.apply(&call("3"), wed(9, 22)).unwrap().ticket.unwrap().id,
        1
    );
    // Transfer to a counter that does not serve the service is refused, state unchanged.
    let before = q.tickets().to_vec();
    let err = q
        .apply(&transfer(3, None, Some("city-1")), wed(9, 23))
        .unwrap_err();
    assert_eq!(err.code(), "invalid_state");
    assert_eq!(
        q.apply(&transfer(3, Some("nope"), None), wed(9, 23))
            .unwrap_err()
            .code(),
        "unknown_service"
    );
    assert_eq!(
        q.apply(&transfer(3, None, None), wed(9, 23))
            .unwrap_err()
            .code(),
        "invalid_state"
    );
    assert_eq!(q.tickets(), &before[..]);
}

#[test]
fn a_transfer_to_a_paused_counter_goes_to_any_counter() {
    let mut q = super::queue("moji");
    q.apply(&issue(1, "pickup"), wed(9, 0)).unwrap();
    q.apply(&issue(2, "pickup"), wed(9, 1)).unwrap();
    q.apply(&transfer(2, None, Some("3")), wed(9, 2)).unwrap();
    assert_eq!(
        q.clone()
            .apply(&call("2"), wed(9, 3))
            .unwrap()
            .ticket
            .unwrap()
            .id,
        1
    );
    q.apply(
        &Command::Pause {
            counter: "3".into(),
        },
        wed(9, 3),
    )
    .unwrap();
    assert_eq!(
        q.apply(&call("2"), wed(9, 4)).unwrap().ticket.unwrap().id,
        2
    );
}

#[test]
fn the_choice_is_deterministic_with_ties_by_id() {
    let mut q = super::queue("kokurakita");
    q.apply(&issue(7, "pickup"), wed(9, 0)).unwrap();
    q.apply(&issue(5, "pickup"), wed(9, 0)).unwrap();
    let a = q.clone().apply(&call("3"), wed(9, 1)).unwrap();
    let b = q.clone().apply(&call("3"), wed(9, 1)).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.ticket.unwrap().id, 5);
}

/// 門司 where only counter 3 serves pickup (so it is one whole counter).
fn one_pickup_counter() -> SiteQueue {
    let mut config = Config::shipped();
    let moji = config.sites.iter_mut().find(|s| s.id == "moji").unwrap();
    for c in &mut moji.counters {
        c.services.remove("pickup");
        if c.id == "3" {
            c.services = [("pickup".to_string(), 8)].into();
        }
    }
    config.validate("edited").unwrap();
    SiteQueue::new(&config, "moji", wed(0, 0).date_naive()).unwrap()
}

#[test]
fn waits_follow_people_ahead_counters_and_measured_times() {
    let mut q = one_pickup_counter();
    for id in 1..=3 {
        q.apply(&issue(id, "pickup"), wed(9, 0)).unwrap();
    }
    let pickup = |q: &SiteQueue| {
        q.queues(wed(9, 0))
            .into_iter()
            .find(|s| s.service == "pickup")
            .unwrap()
    };
    // Prior 10 minutes, one counter: 3 waiting → 30 minutes for a new ticket.
    assert_eq!(
        (
            pickup(&q).waiting,
            pickup(&q).eta_min,
            pickup(&q).counters_open
        ),
        (3, 30, 1)
    );
    assert_eq!(q.position(3, wed(9, 0)), Some((2, 20)));
    assert_eq!(q.position(1, wed(9, 0)), Some((0, 0)));
    q.apply(&call("3"), wed(9, 1)).unwrap();
    q.apply(
        &Command::Start {
            counter: "3".into(),
        },
        wed(9, 1),
    )
    .unwrap();
    q.apply(
        &Command::Done {
            counter: "3".into(),
        },
        wed(9, 3),
    )
    .unwrap();
    // One 2-minute service: mean (10×3 + 2) / 4 = 8; 2 waiting → 16.
    assert_eq!(pickup(&q).eta_min, 16);
    assert_eq!(q.position(1, wed(9, 3)), Some((0, 0)));
    assert_eq!(q.position(99, wed(9, 3)), None);
    // Counter paused: no counter open, the estimate assumes it reopens.
    q.apply(
        &Command::Pause {
            counter: "3".into(),
        },
        wed(9, 4),
    )
    .unwrap();
    assert_eq!(pickup(&q).counters_open, 0);
    assert_eq!(pickup(&q).eta_min, 16);
}

#[test]
fn board_shows_current_calls_first() {
    let mut q = super::queue("moji");
    for id in 1..=3 {
        q.apply(&issue(id, "pickup"), wed(9, 0)).unwrap();
    }
    q.apply(&call("3"), wed(9, 1)).unwrap();
    q.apply(&call("2"), wed(9, 2)).unwrap();
    q.apply(
        &Command::Done {
            counter: "2".into(),
        },
        wed(9, 3),
    )
    .unwrap();
    q.apply(&call("1"), wed(9, 4)).unwrap();
    let board = q.board(wed(9, 5), "本日は混雑しています", 42);
    let numbers: Vec<&str> = board.calls.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(numbers, ["A-003", "A-001", "A-002"]);
    assert!(board.open);
    assert_eq!(board.hours_today, Some(("08:30".into(), "17:15".into())));
    assert_eq!(board.next_opening, None);
    assert_eq!(board.last_event_id, 42);
    assert_eq!(board.site_name, "門司区役所");
    let closed = q.board(wed(18, 0), "", 0);
    assert!(!closed.open);
    assert_eq!(closed.next_opening, Some(super::at(2026, 11, 26, 8, 30)));
}

/// 門司 with every counter but 4 paused: one counter for every kiosk service.
fn one_open_counter(policy: Policy) -> SiteQueue {
    let mut q = super::queue("moji").with_policy(policy);
    for c in ["1", "2", "3", "5"] {
        q.apply(&Command::Pause { counter: c.into() }, wed(8, 30))
            .unwrap();
    }
    q
}

#[test]
fn a_short_queue_behind_a_shared_counter_waits_for_the_backlog() {
    for policy in [Policy::Madoguchi, Policy::Fifo] {
        let mut q = one_open_counter(policy);
        for id in 1..=6 {
            q.apply(&issue(id, "ecert"), wed(9, 0)).unwrap();
        }
        q.apply(&issue(7, "pickup"), wed(9, 1)).unwrap();
        // Nobody ahead in the pickup queue, but counter 4 has six renewals (10 min prior each)
        // to do first: they reach their maximum wait (40 min) before the pickup (60 min).
        assert_eq!(q.position(7, wed(9, 1)), Some((0, 60)), "{policy:?}");
        let pickup = q
            .queues(wed(9, 1))
            .into_iter()
            .find(|s| s.service == "pickup")
            .unwrap();
        // The board's estimate is for a pickup issued now, behind pickup 7 as well.
        assert_eq!(pickup.eta_min, 70, "{policy:?}");
        // A renewal's own queue still decides its estimate: five ahead, 50 min.
        assert_eq!(q.position(6, wed(9, 1)), Some((5, 50)), "{policy:?}");
    }
}

#[test]
fn the_backlog_leaves_out_tickets_that_will_wait_their_turn() {
    // Under madoguchi a renewal issued after a pickup reaches its maximum wait (40 min) at
    // 9:50, before the pickup's (60 min) at 10:00, so it counts; one issued at 9:30 (until
    // 10:10) does not.
    let mut q = one_open_counter(Policy::Madoguchi);
    q.apply(&issue(1, "pickup"), wed(9, 0)).unwrap();
    q.apply(&issue(2, "ecert"), wed(9, 10)).unwrap();
    q.apply(&issue(3, "ecert"), wed(9, 30)).unwrap();
    q.apply(&issue(4, "pickup"), wed(9, 0)).unwrap();
    // Pickup 4: pickup 1 ahead (10 min) + renewal 2 (10 min).
    assert_eq!(q.position(4, wed(9, 30)), Some((1, 20)));
}
