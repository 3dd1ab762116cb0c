//! The board view model tested as data: snapshots in, events in, what the screen shows out.

use chrono::TimeDelta;
use madoguchi_protocol::{EventBody, Lang, TicketState};

use super::*;
use crate::demo::{self, at, busy_board, call, called, demo_now, event, ticket};

fn view() -> BoardView {
    BoardView::from_board(&busy_board(), Filter::default(), demo_now())
}

fn numbers<'a>(calls: impl Iterator<Item = &'a CallView>) -> Vec<String> {
    calls.map(|c| c.number.clone()).collect()
}

#[test]
fn snapshot_splits_current_and_past_calls() {
    let v = view();
    assert_eq!(
        numbers(v.now_calling()),
        ["A-046", "B-018", "A-045", "D-031", "C-007", "A-044"]
    );
    assert_eq!(numbers(v.recent(3)), ["A-043", "B-017", "A-042"]);
    assert_eq!(v.areas, ["交付窓口", "申請窓口"]);
    assert_eq!(
        numbers(v.now_calling_in("申請窓口")),
        ["B-018", "D-031", "C-007"]
    );
    assert_eq!(v.last_event_id, 120);
    assert!(v.is_open());
    // Calls of the last minute are highlighted; older ones are old news.
    let lit: Vec<_> = v
        .calls
        .iter()
        .filter(|c| c.highlighted(demo_now()))
        .collect();
    assert_eq!(numbers(lit.into_iter()), ["A-046", "B-018"]);
}

#[test]
fn call_goes_on_top_highlighted_and_is_announced() {
    let mut v = view();
    let now = demo_now() + TimeDelta::seconds(5);
    let c = call("A-047", "1", Lang::Vi, now);
    let outcome = v.apply(&called(121, c.clone()), now);
    assert_eq!(outcome, Outcome::Announce(c));
    assert_eq!(v.calls[0].number, "A-047");
    assert!(v.calls[0].highlighted(now));
    // Counter 1's previous number is finished for the board.
    assert_eq!(numbers(v.recent(1)), ["A-046"]);
    assert_eq!(v.last_event_id, 121);
    // The highlight ends after HIGHLIGHT_SECONDS.
    let later = now + TimeDelta::seconds(HIGHLIGHT_SECONDS);
    assert!(v.tick(later));
    assert!(!v.calls[0].highlighted(later));
    assert!(!v.tick(later), "a second tick changes nothing");
}

#[test]
fn recall_is_highlighted_and_announced_again_without_a_duplicate_row() {
    let mut v = view();
    let now = demo_now() + TimeDelta::seconds(30);
    let mut c = call("A-045", "2", Lang::Ne, now);
    c.recalls = 1;
    assert_eq!(v.apply(&called(121, c.clone()), now), Outcome::Announce(c));
    assert_eq!(v.calls.iter().filter(|x| x.number == "A-045").count(), 1);
    assert_eq!(v.calls[0].number, "A-045");
    assert_eq!(v.calls[0].recalls, 1);
    assert!(v.calls[0].highlighted(now));
}

#[test]
fn transfer_takes_the_number_off_until_it_is_called_again() {
    let mut v = view();
    let now = demo_now();
    let t = ticket("A-046", Lang::Vi, TicketState::Waiting, now);
    let body = EventBody::Transferred {
        ticket: t,
        from_service: "pickup".into(),
        to_counter: Some("4".into()),
        queues: demo::queues(),
    };
    assert_eq!(v.apply(&event(121, now, body), now), Outcome::Applied);
    assert!(v.calls.iter().all(|c| c.number != "A-046"));
    let again = call("A-046", "4", Lang::Vi, now + TimeDelta::seconds(40));
    let outcome = v.apply(&called(122, again.clone()), again.at);
    assert_eq!(outcome, Outcome::Announce(again));
    assert_eq!(v.calls[0].counter, "4");
}

#[test]
fn no_show_moves_to_missed_and_requeue_removes_it() {
    let mut v = view();
    let now = demo_now();
    let t = ticket("A-045", Lang::Ne, TicketState::NoShow, now);
    let body = EventBody::NoShow {
        ticket: t.clone(),
        queues: demo::queues(),
    };
    assert_eq!(v.apply(&event(121, now, body), now), Outcome::Applied);
    assert_eq!(numbers(v.missed()), ["A-045"]);
    assert!(!numbers(v.now_calling()).contains(&"A-045".to_string()));
    let body = EventBody::Requeued {
        ticket: t,
        queues: demo::queues(),
    };
    v.apply(&event(122, now, body), now);
    assert_eq!(v.missed().count(), 0);
}

#[test]
fn done_moves_the_call_to_past() {
    let mut v = view();
    let now = demo_now();
    let body = EventBody::Done {
        ticket: ticket("B-018", Lang::Ja, TicketState::Done, now),
        queues: demo::queues(),
    };
    v.apply(&event(121, now, body), now);
    assert_eq!(numbers(v.recent(1)), ["B-018"]);
}

#[test]
fn reconnect_replays_missed_events_and_clears_the_offline_mark() {
    let mut v = view();
    let down = demo_now();
    v.set_offline(down);
    v.set_offline(down + TimeDelta::seconds(10));
    assert_eq!(
        v.offline_since,
        Some(down),
        "the mark keeps the first moment"
    );
    // While offline, counter 1 called A-047 (long ago by the time we are back) and
    // counter 2 called A-048 just now.
    let back = down + TimeDelta::minutes(5);
    let old = call("A-047", "1", Lang::Ko, down + TimeDelta::seconds(30));
    let fresh = call("A-048", "2", Lang::Vi, back - TimeDelta::seconds(2));
    v.set_online();
    assert_eq!(v.offline_since, None);
    // The server replays from Last-Event-ID = 120; a duplicate of 120 is ignored.
    let dup = event(120, down, EventBody::Notice { text: "x".into() });
    assert_eq!(v.apply(&dup, back), Outcome::Ignored);
    assert_eq!(v.apply(&called(121, old), back), Outcome::Applied);
    assert_eq!(
        v.apply(&called(122, fresh.clone()), back),
        Outcome::Announce(fresh)
    );
    assert_eq!(
        numbers(v.now_calling()).get(..2),
        Some(&["A-048".to_string(), "A-047".to_string()][..])
    );
    assert!(!v.calls[1].highlighted(back), "old news is not highlighted");
    assert_eq!(v.last_event_id, 122);
}

#[test]
fn a_gap_in_ids_asks_for_a_reload_and_leaves_the_board_alone() {
    let mut v = view();
    let before = v.clone();
    let now = demo_now();
    let c = call("A-047", "1", Lang::Ja, now);
    assert_eq!(v.apply(&called(123, c), now), Outcome::Reload);
    assert_eq!(v, before);
}

#[test]
fn day_change_asks_for_a_reload() {
    let mut v = view();
    let now = demo_now();
    assert_eq!(
        v.apply(&event(121, now, EventBody::DayChanged), now),
        Outcome::Reload
    );
}

#[test]
fn notice_and_queues_follow_events() {
    let mut v = view();
    let now = demo_now();
    v.apply(
        &event(
            121,
            now,
            EventBody::Notice {
                text: "まもなく受付終了".into(),
            },
        ),
        now,
    );
    assert_eq!(v.notice, "まもなく受付終了");
    let mut queues = demo::queues();
    queues[0].waiting = 15;
    queues[0].eta_min = 61;
    let body = EventBody::Issued {
        ticket: ticket("A-060", Lang::Id, TicketState::Waiting, now),
        queues,
    };
    v.apply(&event(122, now, body), now);
    assert_eq!(v.queues[0].waiting, 15);
    assert_eq!(v.queues[0].band, WaitBand::Long);
    assert!(v.recent_langs.contains(&Lang::Id));
}

#[test]
fn counter_filter_hides_other_counters_and_their_services() {
    let filter = Filter {
        counters: vec!["4".into(), "5".into()],
        services: vec![],
    };
    let mut v = BoardView::from_board(&busy_board(), filter, demo_now());
    assert_eq!(numbers(v.now_calling()), ["B-018", "C-007"]);
    let services: Vec<_> = v.queues.iter().map(|q| q.service.as_str()).collect();
    assert_eq!(services, ["apply", "express"]);
    assert_eq!(v.areas, ["申請窓口"]);
    let now = demo_now();
    let elsewhere = call("A-047", "1", Lang::Vi, now);
    assert_eq!(v.apply(&called(121, elsewhere), now), Outcome::Applied);
    assert!(v.calls.iter().all(|c| c.number != "A-047"));
    assert_eq!(v.last_event_id, 121, "ids still advance");
    let here = call("B-019", "5", Lang::Ja, now);
    assert_eq!(
        v.apply(&called(122, here.clone()), now),
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
    assert_eq!(numbers(v.calls.iter()), ["D-031", "D-030"]);
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
            assert_eq!(*next_opening, Some(at(8, 30, 0) + TimeDelta::days(1)));
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
    for l in [
        Lang::Vi,
        Lang::Ne,
        Lang::ZhHans,
        Lang::Ko,
        Lang::Tl,
        Lang::Pt,
        Lang::Id,
    ] {
        assert!(langs.contains(&l), "{l} missing from {langs:?}");
    }
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
fn calls_are_laid_out_per_area_only_while_few_areas_are_calling() {
    let v = view();
    let cols = v.call_columns(2);
    let heads: Vec<_> = cols.iter().map(|(a, c)| (*a, c.len())).collect();
    assert_eq!(heads, [(Some("交付窓口"), 3), (Some("申請窓口"), 3)]);
    // With room for one area column only, everything goes in one list.
    let cols = v.call_columns(1);
    assert_eq!(cols.len(), 1);
    assert_eq!(cols[0].0, None);
    assert_eq!(cols[0].1.len(), 6);
}
