//! Headless UI tests: the egui screens driven through the accessibility tree (egui_kittest),
//! with the real flow and view models behind them.

use std::sync::Arc;
use std::time::Duration;

use bevy_egui::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use madoguchi_kiosk::flow::{Effect, KioskEvent, KioskState, Screen};
use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::triage::TriageTree;
use madoguchi_kiosk::ui::{draw, fonts};
use madoguchi_kiosk::{sample, view};
use madoguchi_protocol::Lang;

struct Sim {
    kiosk: KioskState,
    i18n: Arc<Localizer>,
    effects: Vec<Effect>,
    taps: usize,
    ready: bool,
}

fn harness(size: egui::Vec2) -> Harness<'static, Sim> {
    let i18n = Arc::new(Localizer::shipped().expect("locales"));
    let tree = Arc::new(TriageTree::shipped(&i18n).expect("tree"));
    let mut kiosk = KioskState::new(tree);
    kiosk.apply(
        KioskEvent::SiteLoaded(Box::new(sample::site())),
        Duration::ZERO,
    );
    let sim = Sim {
        kiosk,
        i18n,
        effects: Vec::new(),
        taps: 0,
        ready: false,
    };
    let mut h = Harness::builder().with_size(size).build_ui_state(
        |ui, sim: &mut Sim| {
            if !sim.ready {
                fonts::install(ui.ctx());
                sim.ready = true;
                return;
            }
            let v = view::build(&sim.kiosk, &sim.i18n, Duration::from_secs(1));
            for ev in draw::draw(ui, &v) {
                sim.taps += 1;
                let effects = sim.kiosk.apply(ev, Duration::from_secs(1));
                sim.effects.extend(effects);
            }
        },
        sim,
    );
    h.run_steps(3);
    h
}

fn tap(h: &mut Harness<'static, Sim>, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(2);
}

#[test]
fn vietnamese_card_pickup_through_the_screens_in_three_taps() {
    for size in [egui::vec2(1080.0, 1920.0), egui::vec2(1920.0, 1080.0)] {
        let mut h = harness(size);
        tap(&mut h, "Tiếng Việt");
        assert_eq!(h.state().kiosk.lang, Lang::Vi);
        assert_eq!(h.state().kiosk.screen, Screen::Purpose);
        let before = h.state().taps;
        tap(&mut h, "Nhận thẻ My Number");
        tap(&mut h, "Có, tôi có đủ cả");
        tap(&mut h, "Lấy số thứ tự");
        assert_eq!(h.state().taps - before, 3);
        let [Effect::Issue { request: req, .. }] = h.state().effects.as_slice() else {
            panic!("{:?}", h.state().effects)
        };
        assert_eq!((req.service.as_str(), req.lang), ("pickup", Lang::Vi));
        assert!(!req.needs.any());
    }
}

#[test]
fn needs_toggle_language_switch_and_call_staff_from_the_confirm_screen() {
    let mut h = harness(egui::vec2(1080.0, 1920.0));
    tap(&mut h, "नेपाली");
    tap(&mut h, "माइ नम्बर कार्ड लिन");
    tap(&mut h, "हो, सबै छन्");
    tap(&mut h, "ह्वीलचेयर");
    tap(&mut h, "भाषा");
    tap(&mut h, "English");
    assert_eq!(h.state().kiosk.lang, Lang::En);
    tap(&mut h, "Call staff");
    h.get_by_label_contains("A staff member is coming");
    tap(&mut h, "Get my ticket");
    let issue = h.state().effects.iter().find_map(|e| match e {
        Effect::Issue { request, .. } => Some(request.clone()),
        _ => None,
    });
    let req = issue.expect("confirm issued a ticket");
    assert!(req.needs.wheelchair && !req.needs.help);
    assert_eq!(req.lang, Lang::En);
    assert!(
        h.state()
            .effects
            .iter()
            .any(|e| matches!(e, Effect::Assist(a) if a.lang == Lang::En))
    );
}

#[test]
fn every_screen_has_call_staff_and_large_text_and_back_where_it_makes_sense() {
    let mut h = harness(egui::vec2(1080.0, 1920.0));
    h.get_by_label("職員を呼ぶ");
    tap(&mut h, "English");
    for label in ["Back", "Language", "Large text", "Call staff"] {
        h.get_by_label(label);
    }
    tap(&mut h, "Large text");
    assert!(h.state().kiosk.large_text);
    tap(&mut h, "Back");
    assert_eq!(h.state().kiosk.screen, Screen::Home);
}

#[test]
fn the_ticket_screen_shows_number_place_qr_and_print_failure() {
    let mut h = harness(egui::vec2(1080.0, 1920.0));
    tap(&mut h, "English");
    tap(&mut h, "Pick up my My Number Card");
    tap(&mut h, "Yes, I have all of them");
    tap(&mut h, "Get my ticket");
    let issued = sample::issued("pickup", Lang::En, Default::default());
    h.state_mut().kiosk.apply(
        KioskEvent::Issued {
            attempt: 1,
            issued: Box::new(issued.clone()),
        },
        Duration::from_secs(1),
    );
    h.state_mut().kiosk.apply(
        KioskEvent::Printed(Err("paper out".into())),
        Duration::from_secs(1),
    );
    h.run_steps(2);
    h.get_by_label(&issued.ticket.number);
    h.get_by_label(&issued.status_url);
    h.get_by_label_contains("show this screen to the staff");
    // Where the number will be called (floor and counter area), as the printed ticket says.
    let place = view::build(&h.state().kiosk, &h.state().i18n, Duration::from_secs(1))
        .ticket
        .expect("the ticket screen has a ticket")
        .place;
    assert!(
        !place.is_empty(),
        "the sample site names the pickup counters' area"
    );
    h.get_by_label(&place);
    tap(&mut h, "Finish");
    assert_eq!(h.state().kiosk.screen, Screen::Home);
    assert!(h.query_by_label(&issued.ticket.number).is_none());
}
