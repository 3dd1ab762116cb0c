//! The waiting-counts panel against the shipped configuration and locales: every service of
//! every site listed and fitting, in every caption language, on every installed window.

use std::path::Path;

use madoguchi_engine::{Command, Config, SiteQueue};
use madoguchi_protocol::{Board, Lang, Needs};

use super::*;
use crate::demo::{self, demo_now};
use crate::i18n::Texts;

fn texts() -> Texts {
    Texts::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales"))
}

/// Windows the board is installed on: full HD, 4K, and a portrait screen.
pub(crate) const WINDOWS: [(f32, f32); 3] = [(1920.0, 1080.0), (3840.0, 2160.0), (1080.0, 1920.0)];

/// Each shipped site's board at its busiest: the engine's queues with three-digit ranges of waits
/// (the longest strings), a notice and the offline bar (the least room left).
pub(crate) fn worst_boards() -> Vec<(Board, Vec<String>)> {
    let config = Config::shipped();
    let now = demo_now();
    config
        .sites
        .iter()
        .map(|site| {
            let q = SiteQueue::new(&config, &site.id, now.date_naive()).unwrap();
            let mut board = q.board(now, demo::NOTICE, 0);
            for (i, queue) in board.queues.iter_mut().enumerate() {
                queue.waiting = 188;
                queue.eta_min = 145;
                queue.eta_range = madoguchi_protocol::WaitRange {
                    low_min: 110,
                    high_min: 180,
                };
                queue.counters_open = u32::from(i % 5 != 4);
            }
            (board, site.services.clone())
        })
        .collect()
}

#[test]
fn every_service_of_every_site_is_listed_and_fits_in_every_caption_language() {
    let t = texts();
    let boards = worst_boards();
    assert_eq!(boards.len(), 13);
    let now = demo_now();
    for (board, services) in &boards {
        let mut view = BoardView::from_board(board, Filter::default(), now);
        view.set_offline(now);
        for lang in Lang::ALL {
            for (w, h) in WINDOWS {
                let space = Space::window(w, h);
                let panel = QueuePanel::new(&view, &t, lang, space);
                let at = format!("{} {} {w}x{h}", board.site, lang.code());
                let listed: Vec<&str> = panel.rows().map(|r| r.service.as_str()).collect();
                assert_eq!(listed, *services, "{at}: the site's services, in order");
                assert!(panel.fits(&view, space), "{at}: {panel:#?}");
                assert!(panel.scale >= queues::SCALE_MIN, "{at}");
                assert!(panel.columns.len() <= 2, "{at}");
                for row in panel.rows() {
                    for s in row.texts() {
                        assert!(!s.is_empty() && !s.contains("display-"), "{at}: {s:?}");
                        assert!(!s.contains("service-") && !s.contains('{'), "{at}: {s}");
                    }
                }
            }
        }
    }
}

#[test]
fn twelve_services_at_yahatanishi_stay_readable_on_every_window() {
    let t = texts();
    let (board, services) = worst_boards()
        .into_iter()
        .find(|(b, _)| b.site == demo::SITE)
        .unwrap();
    assert_eq!(services.len(), 12);
    let view = BoardView::from_board(&board, Filter::default(), demo_now());
    for lang in Lang::ALL {
        for (w, h) in WINDOWS {
            let panel = QueuePanel::new(&view, &t, lang, Space::window(w, h));
            assert_eq!(panel.rows().count(), 12);
            // Three-digit ranges of waits (about 110–180 min) under a notice: the service name
            // is at least 0.5 × 2.6 vmin (14 px on a 1080-pixel screen; 0.55 when the board
            // wrote one number); shorter waits and no notice leave more.
            assert!(
                panel.scale >= 0.5,
                "{} {w}x{h}: {}",
                lang.code(),
                panel.scale
            );
        }
    }
    // Portrait: the panel is wide and short, so two columns.
    let panel = QueuePanel::new(&view, &t, Lang::En, Space::window(1080.0, 1920.0));
    assert_eq!(panel.columns.len(), 2);
    let prefixes: Vec<&str> = panel.columns[1].iter().map(|r| r.prefix.as_str()).collect();
    assert_eq!(
        prefixes,
        ["G", "H", "K", "P", "Q", "S"],
        "the site's order runs on"
    );
}

#[test]
fn a_translated_name_keeps_the_japanese_name_when_there_is_room() {
    let t = texts();
    let (board, _) = worst_boards().remove(0);
    let mut board = board;
    board.queues.truncate(4);
    let view = BoardView::from_board(&board, Filter::default(), demo_now());
    let space = Space::window(1920.0, 1080.0);
    let en = QueuePanel::new(&view, &t, Lang::En, space);
    let first = en.rows().next().unwrap();
    assert_eq!(first.name, "Card pickup");
    assert_eq!(
        first.name_ja.as_deref(),
        Some(board.queues[0].name_ja.as_str())
    );
    assert_eq!(first.wait, "about 110–180 min");
    assert_eq!(first.band_words.as_deref(), Some("very busy"));
    let ja = QueuePanel::new(&view, &t, Lang::Ja, space);
    assert!(ja.rows().all(|r| r.name_ja.is_none()), "Japanese once");
    assert_eq!(ja.rows().next().unwrap().wait, "約110〜180分");
}

#[test]
fn every_caption_language_writes_the_wait_as_a_range_and_one_number_once() {
    let t = texts();
    let (mut board, _) = worst_boards().remove(0);
    board.queues.truncate(2);
    for q in &mut board.queues {
        q.counters_open = 1;
    }
    board.queues[1].eta_range = madoguchi_protocol::WaitRange {
        low_min: 15,
        high_min: 15,
    };
    let view = BoardView::from_board(&board, Filter::default(), demo_now());
    for lang in Lang::ALL {
        let panel = QueuePanel::new(&view, &t, lang, Space::window(1920.0, 1080.0));
        let waits: Vec<&str> = panel.rows().map(|r| r.wait.as_str()).collect();
        let (low, high) = (waits[0].find("110"), waits[0].find("180"));
        assert!(
            matches!((low, high), (Some(l), Some(h)) if l < h),
            "{}: {}",
            lang.code(),
            waits[0]
        );
        assert!(
            waits[1].contains("15") && !waits[1].contains("15–15") && !waits[1].contains("〜"),
            "{}: {}",
            lang.code(),
            waits[1]
        );
    }
}

/// The city staff desk (`city`) is not offered at the kiosk, but it is no staff-only queue:
/// a visitor transferred there keeps the number they hold and waits in it, so the public
/// panel lists it like any other service.
#[test]
fn the_city_staff_desk_queue_is_public_because_transferred_visitors_wait_in_it() {
    let config = Config::shipped();
    let info = config.site_info(demo::SITE).unwrap();
    let city = info.services.iter().find(|s| s.id == "city").unwrap();
    assert!(!city.kiosk, "internal: the kiosk does not issue it");
    let now = demo_now();
    let mut q = SiteQueue::new(&config, demo::SITE, now.date_naive()).unwrap();
    let issue = Command::Issue {
        id: 1,
        service: "pickup".into(),
        lang: Lang::Vi,
        needs: Needs::default(),
        kiosk: None,
    };
    q.apply(&issue, now).unwrap();
    let counter = &config.site(demo::SITE).unwrap().counters[0].id;
    q.apply(
        &Command::CallNext {
            counter: counter.clone(),
        },
        now,
    )
    .unwrap();
    let ticket = q.tickets()[0].id;
    q.apply(
        &Command::Transfer {
            ticket,
            to_service: Some("city".into()),
            to_counter: None,
        },
        now,
    )
    .unwrap();
    let view = BoardView::from_board(&q.board(now, "", 0), Filter::default(), now);
    let panel = QueuePanel::new(&view, &texts(), Lang::Vi, Space::window(1920.0, 1080.0));
    let row = panel.rows().find(|r| r.service == "city").unwrap();
    assert_eq!(row.prefix, "S");
    assert_eq!(
        view.queues
            .iter()
            .find(|q| q.service == "city")
            .unwrap()
            .waiting,
        1
    );
    assert!(
        q.tickets()[0].number.starts_with("A-"),
        "the visitor's number is still A-…"
    );
}
