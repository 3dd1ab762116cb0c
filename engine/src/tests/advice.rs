//! Live advice and a counter's weights for today, on the shipped 八幡西 configuration.

use std::collections::BTreeMap;

use madoguchi_protocol::{AdviceMove, EventBody, Lang, Needs};

use super::{call, issue, queue, wed};
use crate::{Command, Config, EngineError, Recorded, SiteQueue, command_of};

fn weights(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
    pairs.iter().map(|(s, w)| (s.to_string(), *w)).collect()
}

fn staff_issue(id: i64, service: &str) -> Command {
    Command::Issue {
        id,
        service: service.into(),
        lang: Lang::Ja,
        needs: Needs::default(),
        kiosk: None,
    }
}

#[test]
fn set_weights_changes_what_the_counter_calls_next() {
    let mut q = queue("yahatanishi");
    // Counter 1 weighs inquiry 8, ecert 3: an inquiry issued a minute later goes first.
    q.apply(&issue(1, "ecert"), wed(9, 0)).unwrap();
    q.apply(&issue(2, "inquiry"), wed(9, 1)).unwrap();
    let mut other = q.clone();
    let first = other.apply(&call("1"), wed(9, 2)).unwrap();
    assert_eq!(first.ticket.unwrap().id, 2);

    let out = q
        .apply(
            &Command::SetWeights {
                counter: "1".into(),
                weights: weights(&[("ecert", 10), ("inquiry", 1)]),
            },
            wed(9, 2),
        )
        .unwrap();
    let Some(EventBody::CounterWeights {
        counter, weights, ..
    }) = out.event
    else {
        panic!("expected a counter_weights event, got {:?}", out.event);
    };
    assert_eq!(counter, "1");
    assert_eq!(weights["ecert"], 10);
    assert_eq!(weights["inquiry"], 1);
    // Services not named keep their weight.
    assert_eq!(weights["form"], 8);
    assert_eq!(q.weights("1").unwrap(), weights);
    let next = q.apply(&call("1"), wed(9, 2)).unwrap();
    assert_eq!(
        next.ticket.unwrap().id,
        1,
        "counter 1 now takes ecert first"
    );
}

#[test]
fn bad_weights_are_refused_and_change_nothing() {
    let mut q = queue("yahatanishi");
    let before = q.weights("city-1").unwrap();
    for (counter, w) in [
        ("city-1", weights(&[("ecert", 5)])),
        ("city-1", weights(&[("city", 0)])),
        ("city-1", weights(&[("city", 11)])),
        ("city-1", BTreeMap::new()),
    ] {
        let err = q
            .apply(
                &Command::SetWeights {
                    counter: counter.into(),
                    weights: w,
                },
                wed(9, 0),
            )
            .unwrap_err();
        assert!(matches!(err, EngineError::BadWeights { .. }), "{err:?}");
        assert_eq!(err.code(), "invalid_weights");
    }
    assert_eq!(q.weights("city-1").unwrap(), before);
    let same = q
        .apply(
            &Command::SetWeights {
                counter: "city-1".into(),
                weights: weights(&[("city", 10)]),
            },
            wed(9, 0),
        )
        .unwrap();
    assert_eq!(same.event, None, "an unchanged counter answers no event");
}

#[test]
fn weights_survive_replay_and_reset_the_next_day() {
    let config = Config::shipped();
    let mut q = SiteQueue::new(&config, "yahatanishi", wed(0, 0).date_naive()).unwrap();
    let cmd = Command::SetWeights {
        counter: "5".into(),
        weights: weights(&[("ecert", 10)]),
    };
    let out = q.apply(&cmd, wed(9, 0)).unwrap();
    let row = serde_json::to_string(&Recorded::of(&cmd, &out)).unwrap();
    assert!(row.contains("\"cmd\":\"set_weights\""), "{row}");
    let mut again = SiteQueue::new(&config, "yahatanishi", wed(0, 0).date_naive()).unwrap();
    again
        .replay(&serde_json::from_str(&row).unwrap(), wed(9, 0))
        .unwrap();
    assert_eq!(again.weights("5").unwrap()["ecert"], 10);
    let tomorrow = SiteQueue::new(
        &config,
        "yahatanishi",
        wed(0, 0).date_naive().succ_opt().unwrap(),
    )
    .unwrap();
    assert_eq!(tomorrow.weights("5").unwrap()["ecert"], 3);
}

/// Arrivals per minute for the next hour.
fn forecast(pairs: &[(&str, f64)]) -> BTreeMap<String, f64> {
    pairs.iter().map(|(s, r)| (s.to_string(), *r)).collect()
}

#[test]
fn a_quiet_site_gets_no_advice() {
    let mut q = queue("yahatanishi");
    q.apply(&issue(1, "ecert"), wed(9, 0)).unwrap();
    let live = q.live_advice(
        wed(9, 1),
        &forecast(&[("ecert", 0.1), ("pickup", 0.1)]),
        true,
    );
    assert!(live.advice.is_empty(), "{:#?}", live.advice);
    let ecert = live.services.iter().find(|s| s.service == "ecert").unwrap();
    assert_eq!(ecert.target_min, 20);
    assert_eq!(ecert.waiting, 1);
    assert!(ecert.in_30_min <= 1 && ecert.in_60_min <= 1, "{ecert:?}");
}

/// A morning where e-certificates pile up while the other queues keep their counters busy:
/// one counter taking e-certificates first is enough.
#[test]
fn a_growing_ecert_queue_gets_a_weights_move_that_keeps_it_under_target() {
    let mut q = queue("yahatanishi");
    let mut id = 0;
    for (service, n) in [("ecert", 12), ("pickup", 12), ("inquiry", 6), ("apply", 6)] {
        for _ in 0..n {
            id += 1;
            q.apply(&issue(id, service), wed(9, 0)).unwrap();
        }
    }
    let rates = forecast(&[
        ("ecert", 0.55),
        ("pickup", 0.22),
        ("inquiry", 0.15),
        ("apply", 0.1),
    ]);
    let live = q.live_advice(wed(9, 5), &rates, false);
    let ecert = live
        .advice
        .iter()
        .find(|a| a.service == "ecert")
        .unwrap_or_else(|| panic!("no ecert advice: {live:#?}"));
    assert!(ecert.predicted_min > 20, "{ecert:?}");
    let AdviceMove::SetWeights {
        counter, weights, ..
    } = &ecert.action
    else {
        panic!("expected a weights move: {ecert:?}");
    };
    assert_eq!(weights["ecert"], crate::FIRST);
    assert!(ecert.after_min < ecert.predicted_min, "{ecert:?}");
    // The move is what the model predicted: applied, the prediction drops to `after_min`.
    let before = live
        .services
        .iter()
        .find(|s| s.service == "ecert")
        .unwrap()
        .clone();
    q.apply(&command_of(ecert).unwrap(), wed(9, 5)).unwrap();
    assert_eq!(q.weights(counter).unwrap()["ecert"], crate::FIRST);
    let after = q.live_advice(wed(9, 5), &rates, false);
    let now = after
        .services
        .iter()
        .find(|s| s.service == "ecert")
        .unwrap();
    assert!(
        now.in_60_min.max(now.in_30_min) < before.in_60_min.max(before.in_30_min),
        "{before:?} → {now:?}"
    );
}

/// The city step is served by the city desks only: with one on a break and pickups handed
/// over, no weight helps; reopening helps when allowed, else the advice names the desk needed.
#[test]
fn the_city_desk_on_a_break_gets_reopen_or_an_extra_desk() {
    let mut q = queue("yahatanishi");
    for id in 1..=2 {
        q.apply(&staff_issue(id, "city"), wed(12, 0)).unwrap();
    }
    q.apply(
        &Command::Pause {
            counter: "city-2".into(),
        },
        wed(12, 0),
    )
    .unwrap();
    // 1.5 desks of work (10 min each by the configuration).
    let rates = forecast(&[("city", 0.15)]);

    let reopen = q.live_advice(wed(12, 1), &rates, true);
    let city = reopen.advice.iter().find(|a| a.service == "city").unwrap();
    assert!(
        matches!(&city.action, AdviceMove::Reopen { counter, .. } if counter == "city-2"),
        "{city:?}"
    );
    assert!(city.after_min <= 15, "{city:?}");

    let extra = q.live_advice(wed(12, 1), &rates, false);
    let city: Vec<_> = extra
        .advice
        .iter()
        .filter(|a| a.service == "city")
        .collect();
    assert_eq!(city.len(), 1, "{city:#?}");
    let AdviceMove::ExtraCounter {
        like,
        count,
        from,
        to,
        ..
    } = &city[0].action
    else {
        panic!("expected an extra counter: {city:?}");
    };
    assert_eq!(like, "city-1");
    assert_eq!(*count, 1);
    assert_eq!((from.as_str(), to.as_str()), ("12:00", "13:00"));
    assert!(
        city[0].predicted_min > 15 && city[0].after_min <= 15,
        "{city:?}"
    );
}

/// A counter moved earlier today is advised back to its configured weights once the hour
/// looks well within every target without the move.
#[test]
fn a_move_no_longer_needed_is_advised_back() {
    let mut q = queue("yahatanishi");
    q.apply(
        &Command::SetWeights {
            counter: "5".into(),
            weights: weights(&[("ecert", 10), ("online", 1)]),
        },
        wed(9, 0),
    )
    .unwrap();
    q.apply(&issue(1, "ecert"), wed(9, 0)).unwrap();
    let live = q.live_advice(wed(9, 1), &forecast(&[("ecert", 0.1)]), false);
    let back = live
        .advice
        .iter()
        .find(|a| matches!(&a.action, AdviceMove::SetWeights { counter, usual: true, .. } if counter == "5"))
        .unwrap_or_else(|| panic!("no move back: {live:#?}"));
    assert_eq!(back.service, "ecert", "the service the move favoured");
    q.apply(&command_of(back).unwrap(), wed(9, 1)).unwrap();
    let config = Config::shipped();
    let usual = SiteQueue::new(&config, "yahatanishi", wed(0, 0).date_naive()).unwrap();
    assert_eq!(q.weights("5"), usual.weights("5"));
    // Nothing more to advise.
    let after = q.live_advice(wed(9, 1), &forecast(&[("ecert", 0.1)]), false);
    assert!(after.advice.is_empty(), "{:#?}", after.advice);
}
