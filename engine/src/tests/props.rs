//! Property tests over random command sequences (walk-ins and booked check-ins): numbering,
//! terminal states, paused counters, transfers keeping their place, errors leaving the state
//! unchanged, and call-next's short cuts equal to a scan of every waiting ticket.

use std::collections::HashSet;

use madoguchi_protocol::{Lang, Needs, TicketState};
use proptest::prelude::*;

use super::wed;
use crate::queue::QueueKey;
use crate::{Command, Config, Policy, SiteQueue};

/// A command with indexes into the site's services, counters and issued tickets.
#[derive(Debug, Clone)]
enum Op {
    Issue(usize, bool),
    CallNext(usize),
    Recall(usize, Option<usize>),
    Start(usize),
    Done(usize),
    NoShow(usize),
    Skip(usize),
    Requeue(usize),
    Cancel(usize),
    Transfer(usize, Option<usize>, Option<usize>),
    Pause(usize),
    Reopen(usize),
    Printed(usize),
    /// A booking of a service checked in, its slot starting this many minutes from now.
    CheckIn(usize, i64),
}

fn op() -> impl Strategy<Value = Op> {
    let i = 0usize..64;
    prop_oneof![
        4 => (i.clone(), any::<bool>()).prop_map(|(s, k)| Op::Issue(s, k)),
        4 => i.clone().prop_map(Op::CallNext),
        1 => (i.clone(), proptest::option::of(i.clone())).prop_map(|(c, t)| Op::Recall(c, t)),
        2 => i.clone().prop_map(Op::Start),
        2 => i.clone().prop_map(Op::Done),
        1 => i.clone().prop_map(Op::NoShow),
        1 => i.clone().prop_map(Op::Skip),
        1 => i.clone().prop_map(Op::Requeue),
        1 => i.clone().prop_map(Op::Cancel),
        2 => (i.clone(), proptest::option::of(i.clone()), proptest::option::of(i.clone()))
            .prop_map(|(t, s, c)| Op::Transfer(t, s, c)),
        1 => i.clone().prop_map(Op::Pause),
        1 => i.clone().prop_map(Op::Reopen),
        1 => i.clone().prop_map(Op::Printed),
        2 => (i, -45i64..60).prop_map(|(s, m)| Op::CheckIn(s, m)),
    ]
}

struct World {
    q: SiteQueue,
    services: Vec<String>,
    counters: Vec<String>,
    next_id: i64,
    /// The latest `call_from` of a booking checked in (minutes), so the drain waits for it.
    latest_call_from: i64,
}

impl World {
    fn new(site: &str) -> World {
        let config = Config::shipped();
        let q = SiteQueue::new(&config, site, wed(0, 0).date_naive()).unwrap();
        let site = config.site(site).unwrap();
        World {
            services: site.services.clone(),
            counters: site.counters.iter().map(|c| c.id.clone()).collect(),
            q,
            next_id: 1,
            latest_call_from: 0,
        }
    }

    fn ticket_id(&self, i: usize) -> i64 {
        // Mostly existing tickets, sometimes one that does not exist.
        (i as i64 % (self.next_id + 1)) + 1
    }

    fn command(&mut self, op: &Op, minute: i64) -> Command {
        let svc = |i: usize| self.services[i % self.services.len()].clone();
        let ctr = |i: usize| self.counters[i % self.counters.len()].clone();
        match *op {
            Op::Issue(s, by_hand) => {
                let id = self.next_id;
                self.next_id += 1;
                Command::Issue {
                    id,
                    service: svc(s),
                    lang: Lang::Ja,
                    needs: Needs::default(),
                    kiosk: if by_hand { None } else { Some("k".into()) },
                }
            }
            Op::CallNext(c) => Command::CallNext { counter: ctr(c) },
            Op::Recall(c, t) => Command::Recall {
                counter: ctr(c),
                ticket: t.map(|t| self.ticket_id(t)),
            },
            Op::Start(c) => Command::Start { counter: ctr(c) },
            Op::Done(c) => Command::Done { counter: ctr(c) },
            Op::NoShow(c) => Command::NoShow { counter: ctr(c) },
            Op::Skip(c) => Command::Skip { counter: ctr(c) },
            Op::Requeue(t) => Command::Requeue {
                ticket: self.ticket_id(t),
            },
            Op::Cancel(t) => Command::Cancel {
                ticket: self.ticket_id(t),
            },
            Op::Transfer(t, s, c) => Command::Transfer {
                ticket: self.ticket_id(t),
                to_service: s.map(svc),
                to_counter: c.map(ctr),
            },
            Op::Pause(c) => Command::Pause { counter: ctr(c) },
            Op::Reopen(c) => Command::Reopen { counter: ctr(c) },
            Op::Printed(t) => Command::MarkPrinted {
                ticket: self.ticket_id(t),
                printed: t % 2 == 0,
            },
            Op::CheckIn(s, from_now) => {
                let id = self.next_id;
                self.next_id += 1;
                let start = minute + from_now;
                let window = i64::from(self.q.bookings().window_before_min);
                self.latest_call_from = self.latest_call_from.max(start - window);
                let slot = |m: i64| wed(0, 0) + chrono::Duration::minutes(m);
                Command::CheckIn {
                    id,
                    reference: format!("R{id}"),
                    service: svc(s),
                    lang: Lang::Ja,
                    needs: Needs::default(),
                    kiosk: Some("k".into()),
                    slot_start: slot(start),
                    slot_end: slot(start + 30),
                }
            }
        }
    }
}

/// Everything observable about a queue, for "unchanged on error".
fn snapshot(q: &SiteQueue, now: madoguchi_protocol::Timestamp) -> String {
    format!(
        "{:?}|{:?}|{:?}|{:?}",
        q.tickets(),
        q.counters(),
        q.queues(now),
        q.calls(usize::MAX)
    )
}

/// Invariants that hold after every command.
fn check_invariants(q: &SiteQueue, now: madoguchi_protocol::Timestamp) {
    let numbers: HashSet<&str> = q.tickets().iter().map(|t| t.number.as_str()).collect();
    assert_eq!(
        numbers.len(),
        q.tickets().len(),
        "a number was issued twice"
    );
    for status in q.queues(now) {
        let waiting: Vec<_> = q
            .tickets()
            .iter()
            .filter(|t| t.service == status.service && t.state == TicketState::Waiting)
            .collect();
        assert_eq!(waiting.len() as u32, status.waiting);
        let mut places: Vec<(u32, bool)> = waiting
            .iter()
            .map(|t| (q.position(t.id, now).unwrap().0, t.transfers > 0))
            .collect();
        places.sort();
        for (k, (place, _)) in places.iter().enumerate() {
            assert_eq!(*place as usize, k, "positions are not a ranking");
        }
        // Transfers never lose their place: no untransferred ticket is ahead of one.
        for pair in places.windows(2) {
            assert!(
                pair[0].1 || !pair[1].1,
                "a transfer lost its place: {places:?}"
            );
        }
    }
    for c in q.counters() {
        if let Some(number) = &c.current {
            let t = q.tickets().iter().find(|t| &t.number == number).unwrap();
            assert!(matches!(
                t.state,
                TicketState::Called | TicketState::Serving
            ));
            assert_eq!(t.counter.as_ref(), Some(&c.id));
        }
    }
}

/// The policy's choice by ranking every waiting ticket (what `choose` did before it ranked only
/// transfers and each queue's first arrival).
fn choose_by_scan(q: &SiteQueue, c: usize, now: madoguchi_protocol::Timestamp) -> Option<usize> {
    let counter = &q.counters[c];
    let now_us = now.timestamp_micros();
    let mut best: Option<((u8, i64, i64, i64), usize)> = None;
    for (service, weight) in &counter.weights {
        let Some(cfg) = q.service_cfg(service) else {
            continue;
        };
        let target_s = i64::from(cfg.target_wait_min.max(1)) * 60;
        let max_wait_us = i64::from(cfg.max_wait()) * 60_000_000;
        let capped = q.booked_capped(service, now_us);
        for key in q.waiting.get(service).into_iter().flatten() {
            let Some(&i) = q.index.get(&key.id) else {
                continue;
            };
            let reserved_here = match &q.meta[i].reserved {
                None => false,
                Some(r) if *r == counter.id => true,
                Some(r) => {
                    if q.counters.iter().any(|x| x.id == *r && x.open) {
                        continue;
                    }
                    false
                }
            };
            let booked = q.tickets[i].booking.as_ref();
            if booked.is_some_and(|b| b.call_from.timestamp_micros() > now_us) {
                continue;
            }
            let wait_us = (now_us - key.entered).max(0);
            let rank = match q.policy {
                Policy::Fifo => (0, 0, key.entered, key.id),
                Policy::Madoguchi => {
                    if wait_us > max_wait_us {
                        (0, 0, key.entered, key.id)
                    } else if reserved_here {
                        (1, 0, key.entered, key.id)
                    } else if key.class == 0 {
                        (2, 0, key.entered, key.id)
                    } else if booked.is_some() && !capped {
                        (3, 0, key.entered, key.id)
                    } else {
                        let score = (wait_us / 1_000_000 + 60)
                            .saturating_mul(i64::from(*weight))
                            .saturating_mul(1_000_000)
                            / target_s;
                        (
                            if booked.is_some() { 5 } else { 4 },
                            -score,
                            key.entered,
                            key.id,
                        )
                    }
                }
            };
            if best.is_none_or(|(b, _)| rank < b) {
                best = Some((rank, i));
            }
        }
    }
    best.map(|(_, i)| i)
}

/// The choice and the backlog estimate (binary searches over the sorted queues) equal a scan
/// of every waiting ticket, under both policies.
fn check_fast_paths(q: &SiteQueue, now: madoguchi_protocol::Timestamp) {
    for q in [q.clone(), q.clone().with_policy(Policy::Fifo)] {
        for c in 0..q.counters.len() {
            assert_eq!(q.choose(c, now), choose_by_scan(&q, c, now), "counter {c}");
        }
        let keys: Vec<QueueKey> = q
            .waiting
            .values()
            .flatten()
            .copied()
            .chain([QueueKey {
                class: 1,
                entered: now.timestamp_micros(),
                id: madoguchi_protocol::TicketId::MAX,
            }])
            .collect();
        for s in &q.services {
            for key in &keys {
                let deadline = key
                    .entered
                    .saturating_add(i64::from(s.max_wait()) * 60_000_000);
                let serving = |c: &&crate::queue::CounterState| c.weight(&s.id) > 0;
                let mut work = 0.0;
                for other in &q.services {
                    if !q
                        .counters
                        .iter()
                        .filter(serving)
                        .any(|c| c.weight(&other.id) > 0)
                    {
                        continue;
                    }
                    let other_max = i64::from(other.max_wait()) * 60_000_000;
                    let first = q
                        .waiting
                        .get(&other.id)
                        .into_iter()
                        .flatten()
                        .filter(|k| {
                            if other.id == s.id {
                                **k < *key
                            } else if q.policy == Policy::Fifo {
                                k.entered < key.entered
                            } else {
                                k.class == 0 || k.entered.saturating_add(other_max) <= deadline
                            }
                        })
                        .count();
                    work += first as f64 * q.eta.mean_service_min(&other.id);
                }
                let open = q.counters.iter().filter(serving).filter(|c| c.open).count();
                let counters = if open > 0 {
                    open
                } else {
                    q.counters.iter().filter(serving).count()
                };
                let expected = work / counters.max(1) as f64;
                assert_eq!(q.backlog_min(&s.id, *key), expected, "{} {key:?}", s.id);
            }
        }
    }
}

fn run(site: &str, ops: &[(Op, i64)]) {
    let mut w = World::new(site);
    let mut minute = 9 * 60i64;
    for (op, step) in ops {
        minute += step;
        let now = wed(0, 0) + chrono::Duration::minutes(minute);
        let command = w.command(op, minute);
        let before = snapshot(&w.q, now);
        let paused_before: Vec<(String, bool, Option<String>)> =
            w.q.counters()
                .into_iter()
                .map(|c| (c.id, c.open, c.current))
                .collect();
        match w.q.apply(&command, now) {
            Ok(out) => {
                if let (Command::CallNext { counter } | Command::Recall { counter, .. }, Some(t)) =
                    (&command, &out.ticket)
                {
                    let (_, open, current) =
                        paused_before.iter().find(|(id, ..)| id == counter).unwrap();
                    let had_it = current.as_ref() == Some(&t.number);
                    assert!(
                        *open || had_it,
                        "paused counter {counter} was given {}",
                        t.number
                    );
                }
            }
            Err(_) => assert_eq!(
                snapshot(&w.q, now),
                before,
                "state changed on error: {command:?}"
            ),
        }
        check_invariants(&w.q, now);
        check_fast_paths(&w.q, now);
    }
    // Drain the day: reopen every counter, call until every queue is empty (after the last
    // booking's call_from), finish.
    let now = wed(0, 0) + chrono::Duration::minutes(minute.max(w.latest_call_from) + 1);
    for c in w.counters.clone() {
        w.q.apply(&Command::Reopen { counter: c }, now).unwrap();
    }
    for _ in 0..1000 {
        for c in w.counters.clone() {
            w.q.apply(&Command::CallNext { counter: c }, now).unwrap();
        }
        if w.q.queues(now).iter().all(|s| s.waiting == 0) {
            break;
        }
    }
    for c in w.counters.clone() {
        let _ = w.q.apply(&Command::Done { counter: c }, now);
    }
    check_invariants(&w.q, now);
    for t in w.q.tickets() {
        assert!(t.state.is_terminal(), "{} ended {:?}", t.number, t.state);
        assert!(t.finished_at.is_some(), "{} has no end time", t.number);
    }
    assert!(w.q.counters().iter().all(|c| c.current.is_none()));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_days_keep_the_invariants_at_a_ward(ops in proptest::collection::vec((op(), 0i64..4), 0..150)) {
        run("moji", &ops);
    }

    #[test]
    fn random_days_keep_the_invariants_at_a_branch(ops in proptest::collection::vec((op(), 0i64..4), 0..150)) {
        run("sone", &ops);
    }
}
