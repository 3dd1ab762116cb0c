//! A slow or absent server and the next visitor: an answer for an attempt the kiosk gave up on is
//! never shown or printed for someone else, and the offline screen speaks to whoever comes next.

use std::time::Duration;

use madoguchi_protocol::{Lang, Needs};

use super::tests::{kiosk, secs, to_confirm};
use super::*;
use crate::i18n::Localizer;
use crate::{sample, view};

fn issued(attempt: u64) -> KioskEvent {
    KioskEvent::Issued {
        attempt,
        issued: Box::new(sample::issued("pickup", Lang::Ne, Needs::default())),
    }
}

fn board() -> KioskEvent {
    KioskEvent::BoardLoaded {
        open: true,
        next_opening: None,
        queues: sample::queues(),
    }
}

#[test]
fn an_answer_after_the_kiosk_gave_up_is_not_shown_or_printed() {
    let mut k = kiosk();
    to_confirm(&mut k, secs(10));
    let effects = k.apply(KioskEvent::Confirm, secs(10));
    assert!(matches!(
        effects.as_slice(),
        [Effect::Issue { attempt: 1, .. }]
    ));
    k.apply(KioskEvent::Tick, Duration::from_millis(11_900));
    assert!(matches!(k.screen, Screen::Issuing { .. }));
    k.apply(KioskEvent::Tick, secs(12));
    assert_eq!(k.screen, Screen::Offline);
    assert_eq!(k.pending_issue, None);
    // The late ticket is reported to the server as not printed, and nobody sees it.
    let effects = k.apply(issued(1), secs(13));
    assert!(
        matches!(effects.as_slice(), [Effect::Abandon { issued }] if issued.ticket.number == "A-023"),
        "{effects:?}"
    );
    assert_eq!(k.screen, Screen::Offline);
    // A late failure or "closed" for it changes nothing either.
    k.apply(KioskEvent::IssueFailed { attempt: 1 }, secs(13));
    k.apply(
        KioskEvent::IssueClosed {
            attempt: 1,
            next_opening: None,
        },
        secs(13),
    );
    assert_eq!(k.screen, Screen::Offline);
    // The server is back: the visitor tries again with a new attempt, which is theirs.
    k.apply(board(), secs(15));
    assert!(matches!(k.screen, Screen::Confirm { .. }), "{:?}", k.screen);
    let effects = k.apply(KioskEvent::Confirm, secs(16));
    assert!(matches!(
        effects.as_slice(),
        [Effect::Issue { attempt: 2, .. }]
    ));
    let effects = k.apply(issued(2), secs(16));
    assert!(matches!(effects.as_slice(), [Effect::Print { .. }]));
    assert!(matches!(k.screen, Screen::Ticket { .. }));
}

#[test]
fn an_answer_after_the_idle_reset_does_not_reach_the_next_visitor() {
    let mut k = kiosk();
    to_confirm(&mut k, secs(10));
    k.apply(KioskEvent::Confirm, secs(10));
    k.apply(KioskEvent::Tick, secs(12));
    k.apply(board(), secs(13));
    // The visitor walks away; the idle countdown wipes them.
    k.apply(KioskEvent::Tick, secs(13 + 70));
    assert_eq!(k.screen, Screen::Home);
    assert_eq!(k.lang, Lang::Ja);
    // The next visitor starts an errand of their own.
    k.apply(KioskEvent::ChooseLang(Lang::En), secs(90));
    k.apply(
        KioskEvent::ChoosePurpose(super::tests::purpose_index(&k, "purpose-ecert")),
        secs(91),
    );
    k.apply(KioskEvent::Answer(0), secs(92));
    let before = k.screen.clone();
    let effects = k.apply(issued(1), secs(93));
    assert!(matches!(effects.as_slice(), [Effect::Abandon { .. }]));
    assert_eq!(
        k.screen, before,
        "the old ticket must not replace the new visitor's screen"
    );
    // Their own ticket, asked for now, still arrives while the old one is dropped.
    let effects = k.apply(KioskEvent::Confirm, secs(94));
    assert!(matches!(
        effects.as_slice(),
        [Effect::Issue { attempt: 2, .. }]
    ));
    assert!(matches!(
        k.apply(issued(1), secs(94)).as_slice(),
        [Effect::Abandon { .. }]
    ));
    assert!(matches!(k.screen, Screen::Issuing { .. }));
    assert!(matches!(
        k.apply(issued(2), secs(95)).as_slice(),
        [Effect::Print { .. }]
    ));
}

#[test]
fn the_offline_screen_speaks_every_language_to_the_next_visitor_and_names_the_counter() {
    let i18n = Localizer::shipped().expect("locales");
    let mut k = kiosk();
    k.apply(KioskEvent::ChooseLang(Lang::Vi), secs(1));
    k.apply(KioskEvent::ServerDown, secs(2));
    assert_eq!(k.screen, Screen::Offline);
    // The Vietnamese visitor leaves; the next one finds the kiosk in Japanese, still offline.
    k.apply(KioskEvent::Back, secs(3));
    assert_eq!((k.lang, &k.screen), (Lang::Ja, &Screen::Offline));
    let v = view::build(&k, &i18n, secs(4));
    assert_eq!(v.name, "offline");
    let langs: Vec<Lang> = v.paragraphs.iter().map(|p| p.lang).collect();
    assert_eq!(langs.len(), Lang::ALL.len());
    for lang in Lang::ALL {
        assert!(langs.contains(&lang), "{lang} missing: {langs:?}");
    }
    // Where to go: the area that takes questions, on the site's floor, in each language.
    let site = sample::site();
    let area = site
        .services
        .iter()
        .find(|s| s.id == QUESTIONS)
        .and_then(|s| s.areas.first())
        .expect("the question counters have an area")
        .clone();
    for p in &v.paragraphs {
        assert!(
            p.text.contains(&i18n.t(p.lang, &area.key)) && p.text.contains(&site.floor),
            "{}: {}",
            p.lang,
            p.text
        );
    }
    // "Call staff" does not pretend: the button says it is not working, and a tap calls nobody.
    assert_eq!(
        v.bar.call_staff.label,
        i18n.t(Lang::Ja, "call-staff-offline")
    );
    assert!(k.apply(KioskEvent::CallStaff, secs(5)).is_empty());
    assert_eq!(k.staff, StaffCall::Failed);
    // The language chooser still works offline.
    k.apply(KioskEvent::ToggleLangPicker, secs(6));
    k.apply(KioskEvent::SwitchLang(Lang::Pt), secs(6));
    let v = view::build(&k, &i18n, secs(6));
    assert_eq!(v.paragraphs[0].lang, Lang::Pt);
    assert_eq!(v.title[0].lang, Lang::Pt);
}
