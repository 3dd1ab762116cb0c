//! The board against the shipped configuration and locales: every counter of every site
//! named right in every caption language, and no number still on its way to a counter ever
//! missing from what is drawn, however many counters call at once.

use std::path::Path;

use chrono::TimeDelta;
use madoguchi_engine::{Command, Config, SiteQueue};
use madoguchi_protocol::{EventBody, Lang, Needs, TicketState, Timestamp};

use super::*;
use crate::demo::{self, Day, at, demo_now};
use crate::i18n::Texts;

fn texts() -> Texts {
    Texts::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales"))
}

/// Windows the board is installed on: full HD, 4K, and a portrait screen.
const WINDOWS: [(f32, f32); 3] = [(1920.0, 1080.0), (3840.0, 2160.0), (1080.0, 1920.0)];

#[test]
fn every_counter_of_every_site_is_named_in_every_caption_language() {
    let config = Config::shipped();
    let t = texts();
    let now = at(9, 0, 0);
    assert_eq!(config.sites.len(), 13);
    for site in &config.sites {
        // One call to each counter, made by the engine as the server makes it.
        let mut q = SiteQueue::new(&config, &site.id, now.date_naive()).unwrap();
        let mut calls = Vec::new();
        for (i, counter) in site.counters.iter().enumerate() {
            let service = counter.services.iter().find(|(_, w)| **w > 0).unwrap().0;
            let id = i64::try_from(i).unwrap() + 1;
            let issue = Command::Issue {
                id,
                service: service.clone(),
                lang: Lang::Vi,
                needs: Needs::default(),
                kiosk: None,
            };
            q.apply(&issue, now).unwrap();
            let called = Command::CallNext {
                counter: counter.id.clone(),
            };
            match q.apply(&called, now).unwrap().event {
                Some(EventBody::Called { call, .. }) => calls.push((counter, call)),
                other => panic!("{} {}: {other:?}", site.id, counter.id),
            }
        }
        let view = BoardView::from_board(&q.board(now, "", 0), Filter::default(), now);
        for lang in Lang::ALL {
            let mut seen: Vec<(String, String)> = Vec::new();
            for (counter, call) in &calls {
                let label = config.counter_label(counter);
                let where_ = format!("{} {} in {}", site.id, counter.id, lang.code());
                let cv = view.calls.iter().find(|c| c.number == call.number).unwrap();
                let line = CallLine::of(cv, &t, lang, now);
                // Japanese: exactly the configuration's written name.
                assert_eq!(line.counter_ja, label.name_ja(), "{where_}");
                match lang {
                    Lang::Ja | Lang::JaEasy => assert_eq!(line.counter_caption, None),
                    Lang::En => {
                        assert_eq!(line.counter_caption, Some(label.name_en()), "{where_}")
                    }
                    _ => {
                        let caption = line.counter_caption.clone();
                        let caption = caption.unwrap_or_else(|| panic!("{where_}: no caption"));
                        assert!(!caption.contains('{') && !caption.contains("desk-"));
                        if let Some(n) = counter.number {
                            assert!(caption.contains(&n.to_string()), "{where_}: {caption}");
                        }
                    }
                }
                // Never the id (`city-1`), never a number the counter does not have.
                for s in line.texts().iter().skip(1) {
                    if counter.id.parse::<u32>().is_err() {
                        assert!(!s.contains(&counter.id), "{where_}: {s}");
                    }
                    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
                    let own = counter.number.map(|n| n.to_string()).unwrap_or_default();
                    assert_eq!(digits, own, "{where_}: {s}");
                }
                // No other counter of the site reads the same.
                let key = (
                    line.counter_ja.clone(),
                    line.counter_caption.clone().unwrap_or_default(),
                );
                assert!(!seen.contains(&key), "{where_}: {key:?} names two counters");
                seen.push(key);
                // And the drawn screen has this very line.
                for (w, h) in WINDOWS {
                    let screen = Screen::new(&view, &t, lang, now, Space::window(w, h));
                    assert!(screen.rows().any(|r| *r == line), "{where_} not drawn");
                }
            }
        }
    }
}

/// The tickets a visitor may still be looking for on the board at `now`: called (or at the
/// counter) and not finished, and no-shows of the last 10 minutes.
fn still_looking(q: &SiteQueue, now: Timestamp) -> (Vec<String>, Vec<String>) {
    let recent = |t: &madoguchi_protocol::Ticket| {
        t.called_at
            .is_some_and(|c| now - c <= TimeDelta::minutes(10))
    };
    let at_counter = q
        .tickets()
        .iter()
        .filter(|t| matches!(t.state, TicketState::Called | TicketState::Serving))
        .map(|t| t.number.clone())
        .collect();
    let missed = q
        .tickets()
        .iter()
        .filter(|t| t.state == TicketState::NoShow && recent(t))
        .map(|t| t.number.clone())
        .collect();
    (at_counter, missed)
}

fn assert_all_visible(view: &BoardView, q: &SiteQueue, now: Timestamp, langs: &[Lang]) {
    let t = texts();
    let (at_counter, missed) = still_looking(q, now);
    for &lang in langs {
        for (w, h) in WINDOWS {
            let screen = Screen::new(view, &t, lang, now, Space::window(w, h));
            let rows: Vec<&str> = screen.rows().map(|r| r.number.as_str()).collect();
            for n in &at_counter {
                assert!(
                    rows.contains(&n.as_str()),
                    "{n} not drawn at {now} ({w}x{h})"
                );
            }
            let missed_drawn: Vec<&str> = screen
                .missed
                .calls
                .iter()
                .map(|c| c.number.as_str())
                .collect();
            for n in &missed {
                assert!(missed_drawn.contains(&n.as_str()), "missed {n} not drawn");
            }
            assert!(
                screen.grid.size >= 3.0,
                "rows too small: {}",
                screen.grid.size
            );
        }
    }
}

#[test]
fn every_call_not_yet_served_is_drawn_while_every_yahatanishi_counter_calls() {
    let mut day = Day::new(demo::SITE).unwrap();
    day.run_until(at(9, 0, 0), |_, _| {});
    let mut view = BoardView::from_board(&day.board(""), Filter::default(), day.now);
    // The morning goes on; every event is folded in as it comes, and after each one every
    // number still at a counter is in the drawn grid.
    let mut checked = 0;
    day.run_until(demo_now(), |event, q| {
        assert_ne!(view.apply(event, event.at), Outcome::Reload);
        let langs: &[Lang] = if checked % 25 == 0 {
            &[Lang::Ja, Lang::En, Lang::Vi, Lang::Ne, Lang::ZhHans]
        } else {
            &[Lang::Vi]
        };
        assert_all_visible(&view, q, event.at, langs);
        checked += 1;
    });
    assert!(checked > 100, "a stream of calls: {checked} events");
    // At 10:00 all eleven counters call, in four areas, and all of them are drawn.
    assert_eq!(view.now_calling().count(), 11);
    let screen = Screen::new(
        &view,
        &texts(),
        Lang::Vi,
        day.now,
        Space::window(1920.0, 1080.0),
    );
    let sections: usize = screen.grid.columns.iter().map(|c| c.sections.len()).sum();
    assert_eq!(sections, 4);
    assert_eq!(screen.rows().count(), 11);
    assert!(
        !screen.missed.calls.is_empty(),
        "the no-show is on the board"
    );
    // A display that reconnects now draws the same from the snapshot.
    let fresh = BoardView::from_board(&day.board(""), Filter::default(), day.now);
    assert_all_visible(&fresh, &day.queue, day.now, &Lang::ALL);
}

#[test]
fn area_names_follow_the_caption_language() {
    let t = texts();
    let view = BoardView::from_board(&demo::busy_board(), Filter::default(), demo_now());
    for lang in Lang::ALL {
        let screen = Screen::new(&view, &t, lang, demo_now(), Space::window(1920.0, 1080.0));
        for section in screen.grid.columns.iter().flat_map(|c| &c.sections) {
            let area = section.area.as_ref().unwrap();
            match lang {
                Lang::Ja | Lang::JaEasy => assert_eq!(area.caption, None),
                _ => assert!(area.caption.is_some(), "{} in {}", area.ja, lang.code()),
            }
        }
    }
    let en = Screen::new(
        &view,
        &t,
        Lang::En,
        demo_now(),
        Space::window(1920.0, 1080.0),
    );
    let heads: Vec<_> = en
        .grid
        .columns
        .iter()
        .flat_map(|c| &c.sections)
        .map(|s| s.area.as_ref().unwrap().caption.clone().unwrap())
        .collect();
    assert_eq!(
        heads,
        [
            "Reception and support",
            "Card handover",
            "Online window",
            "City staff desks"
        ]
    );
}

#[test]
fn the_date_is_written_in_every_caption_language() {
    let t = texts();
    let now = demo_now();
    assert_eq!(date_line(&t, Lang::Ja, now), "11月25日(水)");
    assert_eq!(date_line(&t, Lang::En, now), "Wed 25 Nov");
    assert_eq!(date_line(&t, Lang::Vi, now), "Thứ Tư, 25/11");
    for lang in Lang::ALL {
        let s = date_line(&t, lang, now);
        assert!(s.contains("25"), "{}: {s}", lang.code());
        assert!(
            !s.contains("display-") && !s.contains('{'),
            "{}: {s}",
            lang.code()
        );
        if !matches!(lang, Lang::Ja | Lang::JaEasy | Lang::ZhHans | Lang::ZhHant) {
            assert!(!s.contains('水'), "{}: {s}", lang.code());
        }
    }
    // Seven weekdays and twelve months in every language.
    for lang in Lang::ALL {
        assert_eq!(t.get(lang, "display-weekdays").split(',').count(), 7);
        assert_eq!(t.get(lang, "display-months").split(',').count(), 12);
    }
}

#[test]
fn the_city_desk_demo_calls_a_named_desk_last() {
    let (board, now) = demo::city_desk_board();
    let view = BoardView::from_board(&board, Filter::default(), now);
    let newest = &view.calls[0];
    assert_eq!(newest.counter, "city-1");
    assert!(newest.highlighted(now));
    let line = CallLine::of(newest, &texts(), Lang::Vi, now);
    assert_eq!(line.counter_ja, "市職員窓口1");
    assert_eq!(
        line.counter_caption.as_deref(),
        Some("Quầy nhân viên thành phố 1")
    );
}

#[test]
fn marked_calls_keep_every_counter_on_the_board_in_every_caption_language() {
    let t = texts();
    let mut board = demo::busy_board();
    // One braille-form call (the usual day), then every call marked (the worst case).
    for marked in [1, board.calls.len()] {
        for call in board.calls.iter_mut().take(marked) {
            call.staff_to_visitor = true;
        }
        let view = BoardView::from_board(&board, Filter::default(), demo_now());
        for lang in Lang::ALL {
            for (w, h) in WINDOWS {
                let screen = Screen::new(&view, &t, lang, demo_now(), Space::window(w, h));
                let at = format!("{marked} marked, {lang} {w}x{h}");
                assert_eq!(screen.rows().count(), 11, "{at}");
                let with_mark = screen.rows().filter(|r| r.staff_mark.is_some()).count();
                assert_eq!(with_mark, marked.min(11), "{at}");
                let least = if marked == 1 { 3.0 } else { layout::NUMBER_MIN };
                assert!(screen.grid.size >= least, "{at}: rows {}", screen.grid.size);
            }
        }
    }
}
