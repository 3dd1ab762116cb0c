//! The board view model tested as data: snapshots in, events in, what the screen shows out.
//! The snapshot is 八幡西 at 10:00 after a scripted morning on the engine (`crate::demo`).

use chrono::TimeDelta;
use madoguchi_protocol::{EventBody, Lang, TicketState};

use super::*;
use crate::demo::{self, busy_board, call, called, demo_now, event, ticket};

fn view() -> BoardView {
    BoardView::from_board(&busy_board(), Filter::default(), demo_now())
}

fn numbers<'a>(calls: impl Iterator<Item = &'a CallView>) -> Vec<String> {
    calls.map(|c| c.number.clone()).collect()
}

/// The number called at `counter` in the snapshot.
fn current_at(v: &BoardView, counter: &str) -> String {
    v.now_calling()
        .find(|c| c.counter == counter)
        .map(|c| c.number.clone())
        .unwrap_or_else(|| panic!("counter {counter} is not calling"))
}

#[test]
fn snapshot_has_every_counter_calling_in_four_areas() {
    let board = busy_board();
    let v = view();
    assert_eq!(v.now_calling().count(), 11, "eleven counters calling");
    let areas: Vec<&str> = v.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        areas,
        ["受付・サポート", "交付窓口", "オンライン窓口", "市職員窓口"]
    );
    let keys: Vec<&str> = v.areas.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(
        keys,
        ["area-support", "area-handover", "area-online", "area-city"]
    );
    assert_eq!(v.now_calling_in("交付窓口").count(), 5);
    assert!(v.recent(3).count() > 0, "finished calls as well");
    assert_eq!(v.last_event_id, board.last_event_id);
    assert!(v.is_open());
    for c in v.now_calling() {
        let counter = board.counters.iter().find(|k| k.id == c.counter).unwrap();
        assert_eq!(c.counter_name, counter.name);
        assert_eq!(c.desk_key, counter.desk_key);
    }
}

#[test]
fn call_goes_on_top_highlighted_and_is_announced() {
    let mut v = view();
    let before = current_at(&v, "1");
    let now = demo_now() + TimeDelta::seconds(5);
    let c = call("A-900", "1", Lang::Vi, now);
    let outcome = v.apply(&called(v.last_event_id + 1, c.clone()), now);
    assert_eq!(outcome, Outcome::Announce(c));
    assert_eq!(v.calls[0].number, "A-900");
    assert!(v.calls[0].highlighted(now));
    // Counter 1's previous number is finished for the board.
    assert_eq!(numbers(v.recent(1)), [before]);
    // The highlight ends after HIGHLIGHT_SECONDS.
    let later = now + TimeDelta::seconds(HIGHLIGHT_SECONDS);
    v.tick(later);
    assert!(!v.calls[0].highlighted(later));
    assert!(!v.tick(later), "a second tick changes nothing");
}

#[test]
fn recall_is_highlighted_and_announced_again_without_a_duplicate_row() {
    let mut v = view();
    let n = current_at(&v, "2");
    let now = demo_now() + TimeDelta::seconds(30);
    let mut c = call(&n, "2", Lang::Ne, now);
    c.recalls = 1;
    let id = v.last_event_id + 1;
    assert_eq!(v.apply(&called(id, c.clone()), now), Outcome::Announce(c));
    assert_eq!(v.calls.iter().filter(|x| x.number == n).count(), 1);
    assert_eq!(v.calls[0].number, n);
    assert_eq!(v.calls[0].recalls, 1);
    assert!(v.calls[0].highlighted(now));
}

#[test]
fn transfer_takes_the_number_off_until_it_is_called_again() {
    let mut v = view();
    let n = current_at(&v, "3");
    let now = demo_now();
    let body = EventBody::Transferred {
        ticket: ticket(&n, Lang::Vi, TicketState::Waiting, now),
        from_service: "pickup".into(),
        to_counter: Some("city-1".into()),
        queues: demo::queues(),
    };
    let id = v.last_event_id + 1;
    assert_eq!(v.apply(&event(id, now, body), now), Outcome::Applied);
    assert!(v.calls.iter().all(|c| c.number != n));
    let again = call(&n, "city-1", Lang::Vi, now + TimeDelta::seconds(40));
    let outcome = v.apply(&called(id + 1, again.clone()), again.at);
    assert_eq!(outcome, Outcome::Announce(again));
    assert_eq!(v.calls[0].counter, "city-1");
    assert_eq!(v.calls[0].desk_key.as_deref(), Some("desk-city"));
}

#[test]
fn no_show_moves_to_missed_and_requeue_removes_it() {
    let mut v = view();
    let n = current_at(&v, "2");
    let now = demo_now();
    let t = ticket(&n, Lang::Ne, TicketState::NoShow, now);
    let body = EventBody::NoShow {
        ticket: t.clone(),
        queues: demo::queues(),
    };
    let id = v.last_event_id + 1;
    assert_eq!(v.apply(&event(id, now, body), now), Outcome::Applied);
    assert!(numbers(v.missed()).contains(&n));
    assert!(!numbers(v.now_calling()).contains(&n));
    let body = EventBody::Requeued {
        ticket: t,
        queues: demo::queues(),
    };
    v.apply(&event(id + 1, now, body), now);
    assert!(!numbers(v.missed()).contains(&n));
}

#[test]
fn done_moves_the_call_to_past() {
    let mut v = view();
    let n = current_at(&v, "5");
    let now = demo_now();
    let body = EventBody::Done {
        ticket: ticket(&n, Lang::Ja, TicketState::Done, now),
        queues: demo::queues(),
    };
    v.apply(&event(v.last_event_id + 1, now, body), now);
    assert_eq!(numbers(v.recent(1)), [n]);
}

#[test]
fn reconnect_replays_missed_events_and_clears_the_offline_mark() {
    let mut v = view();
    let last = v.last_event_id;
    let down = demo_now();
    v.set_offline(down);
    v.set_offline(down + TimeDelta::seconds(10));
    assert_eq!(
        v.offline_since,
        Some(down),
        "the mark keeps the first moment"
    );
    let back = down + TimeDelta::minutes(5);
    let old = call("A-901", "1", Lang::Ko, down + TimeDelta::seconds(30));
    let fresh = call("A-902", "2", Lang::Vi, back - TimeDelta::seconds(2));
    v.set_online();
    assert_eq!(v.offline_since, None);
    let dup = event(last, down, EventBody::Notice { text: "x".into() });
    assert_eq!(v.apply(&dup, back), Outcome::Ignored);
    assert_eq!(v.apply(&called(last + 1, old), back), Outcome::Applied);
    assert_eq!(
        v.apply(&called(last + 2, fresh.clone()), back),
        Outcome::Announce(fresh)
    );
    assert_eq!(
        numbers(v.now_calling()).get(..2),
        Some(&["A-902".to_string(), "A-901".to_string()][..])
    );
    assert!(!v.calls[1].highlighted(back), "old news is not highlighted");
    assert_eq!(v.last_event_id, last + 2);
    assert_eq!(v.last_update, back, "the board knows when it last changed");
}

#[test]
fn a_gap_in_ids_asks_for_a_reload_and_leaves_the_board_alone() {
    let mut v = view();
    let before = v.clone();
    let now = demo_now();
    let c = call("A-900", "1", Lang::Ja, now);
    assert_eq!(
        v.apply(&called(v.last_event_id + 3, c), now),
        Outcome::Reload
    );
    assert_eq!(v, before);
}

#[test]
fn day_change_asks_for_a_reload() {
    let mut v = view();
    let now = demo_now();
    let e = event(v.last_event_id + 1, now, EventBody::DayChanged);
    assert_eq!(v.apply(&e, now), Outcome::Reload);
}

#[test]
fn notice_and_queues_follow_events() {
    let mut v = view();
    let now = demo_now();
    let id = v.last_event_id + 1;
    let text = "まもなく受付終了".to_string();
    v.apply(&event(id, now, EventBody::Notice { text }), now);
    assert_eq!(v.notice, "まもなく受付終了");
    let mut queues = demo::queues();
    queues[0].waiting = 15;
    queues[0].eta_min = 61;
    let body = EventBody::Issued {
        ticket: ticket("A-960", Lang::Id, TicketState::Waiting, now),
        queues,
    };
    v.apply(&event(id + 1, now, body), now);
    assert_eq!(v.queues[0].waiting, 15);
    assert_eq!(v.queues[0].band, WaitBand::Long);
    assert!(v.recent_langs.contains(&Lang::Id));
}

#[test]
fn counter_filter_hides_other_counters_and_their_services() {
    let filter = Filter {
        counters: vec!["city-1".into(), "city-2".into()],
        services: vec![],
    };
    let mut v = BoardView::from_board(&busy_board(), filter, demo_now());
    let counters: Vec<&str> = v.now_calling().map(|c| c.counter.as_str()).collect();
    assert_eq!(counters.len(), 2);
    assert!(counters.iter().all(|c| c.starts_with("city-")));
    let services: Vec<_> = v.queues.iter().map(|q| q.service.as_str()).collect();
    assert_eq!(services, ["overseas", "city"]);
    let areas: Vec<&str> = v.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(areas, ["市職員窓口"]);
    let now = demo_now();
    let id = v.last_event_id + 1;
    let elsewhere = call("A-900", "1", Lang::Vi, now);
    assert_eq!(v.apply(&called(id, elsewhere), now), Outcome::Applied);
    assert!(v.calls.iter().all(|c| c.number != "A-900"));
    assert_eq!(v.last_event_id, id, "ids still advance");
    let here = call("S-100", "city-2", Lang::Ja, now);
    assert_eq!(
        v.apply(&called(id + 1, here.clone()), now),
        Outcome::Announce(here)
    );
}

#[test]
fn service_filter_limits_calls_and_queues() {
    let filter = Filter {
        counters: vec![],
        services: vec!["ecert".into()],
    };
    let v = BoardView::from_board(&busy_board(), filter, demo_now());
    assert!(!v.calls.is_empty());
    assert!(v.calls.iter().all(|c| c.service == "ecert"));
    assert_eq!(v.queues.len(), 1);
    assert_eq!(v.queues[0].service, "ecert");
}

#[test]
fn closed_board_has_hours_and_next_opening_and_no_calls() {
    let board = demo::closed_board();
    let v = BoardView::from_board(&board, Filter::default(), board.now);
    assert!(!v.is_open());
    match &v.opening {
        Opening::Closed {
            hours_today,
            next_opening,
        } => {
            assert_eq!(hours_today.as_ref().map(|h| h.0.as_str()), Some("08:30"));
            assert_eq!(*next_opening, Some(demo::at(8, 30, 0) + TimeDelta::days(1)));
        }
        Opening::Open => panic!("closed board shown as open"),
    }
    assert_eq!(v.now_calling().count(), 0);
}

#[test]
fn wait_bands_have_their_edges_where_the_issue_says() {
    assert_eq!(WaitBand::of(0), WaitBand::Short);
    assert_eq!(WaitBand::of(19), WaitBand::Short);
    assert_eq!(WaitBand::of(20), WaitBand::Medium);
    assert_eq!(WaitBand::of(60), WaitBand::Medium);
    assert_eq!(WaitBand::of(61), WaitBand::Long);
}

#[test]
fn captions_rotate_through_ja_en_and_recent_languages() {
    let v = view();
    let langs = v.caption_langs();
    assert_eq!(&langs[..2], &[Lang::Ja, Lang::En]);
    for l in busy_board().calls.iter().map(|c| c.lang) {
        if l != Lang::JaEasy {
            assert!(langs.contains(&l), "{l} missing from {langs:?}");
        }
    }
    assert!(langs.len() > 5, "{langs:?}");
    assert_eq!(langs.iter().filter(|l| **l == Lang::Ja).count(), 1);
    let t0 = demo_now();
    let mut seen = Vec::new();
    for i in 0..langs.len() {
        let t = t0 + TimeDelta::seconds(CAPTION_SECONDS * i64::try_from(i).unwrap());
        seen.push(caption_lang(&langs, t));
        // Within a slot (the demo clock starts on one) the language holds still.
        let end = t + TimeDelta::seconds(CAPTION_SECONDS - 1);
        assert_eq!(caption_lang(&langs, t), caption_lang(&langs, end));
    }
    seen.sort();
    let mut expected = langs.clone();
    expected.sort();
    assert_eq!(seen, expected, "every language gets its turn");
}

#[test]
fn a_counter_serving_a_long_visit_keeps_its_number_however_many_calls_follow() {
    let mut v = view();
    let kept = current_at(&v, "city-1");
    let mut id = v.last_event_id;
    for i in 0..(HISTORY_LEN * 2) {
        id += 1;
        let now = demo_now() + TimeDelta::seconds(i64::try_from(i).unwrap() * 20);
        let counter = ["1", "2", "3"][i % 3];
        let c = call(&format!("A-{:03}", 700 + i), counter, Lang::Ja, now);
        v.apply(&called(id, c), now);
    }
    assert!(numbers(v.now_calling()).contains(&kept));
    let past = v
        .calls
        .iter()
        .filter(|c| c.state != CallState::Current)
        .count();
    assert!(past <= HISTORY_LEN);
}

#[test]
fn a_braille_form_call_keeps_its_mark_from_snapshot_and_event() {
    let mut board = busy_board();
    let number = board.calls[0].number.clone();
    board.calls[0].staff_to_visitor = true;
    let mut v = BoardView::from_board(&board, Filter::default(), demo_now());
    let marked: Vec<&str> = v
        .calls
        .iter()
        .filter(|c| c.staff_to_visitor)
        .map(|c| c.number.as_str())
        .collect();
    assert_eq!(marked, [number.as_str()]);
    let now = demo_now() + TimeDelta::seconds(5);
    let mut c = call("A-901", "2", Lang::Ja, now);
    c.staff_to_visitor = true;
    v.apply(&called(v.last_event_id + 1, c), now);
    assert!(v.calls[0].staff_to_visitor, "{:?}", v.calls[0]);
}
