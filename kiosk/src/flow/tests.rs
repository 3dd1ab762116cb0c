//! Tests of the flow with fixed times: the 3-tap pickup, needs, idle timeout, language switches,
//! offline and closed handling. Every path of the tree on every site is in `tests_paths.rs`;
//! late answers and the offline screen for the next visitor in `tests_late.rs`.

use std::sync::Arc;
use std::time::Duration;

use madoguchi_protocol::{Lang, Needs};

use super::*;
use crate::i18n::Localizer;
use crate::sample;
use crate::triage::TriageTree;

pub(super) fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

pub(super) fn kiosk() -> KioskState {
    let i18n = Localizer::shipped().unwrap();
    let tree = Arc::new(TriageTree::shipped(&i18n).unwrap());
    let mut k = KioskState::new(tree);
    k.apply(KioskEvent::SiteLoaded(Box::new(sample::site())), secs(0));
    k
}

pub(super) fn purpose_index(k: &KioskState, label: &str) -> usize {
    k.tree
        .purposes
        .iter()
        .position(|p| p.label == label)
        .unwrap()
}

#[test]
fn card_pickup_with_the_postcard_takes_three_taps_after_the_language() {
    let mut k = kiosk();
    k.apply(KioskEvent::ChooseLang(Lang::Vi), secs(1));
    assert_eq!(k.screen, Screen::Purpose);
    let taps = [
        KioskEvent::ChoosePurpose(purpose_index(&k, "purpose-pickup")),
        KioskEvent::Answer(0),
        KioskEvent::Confirm,
    ];
    let mut effects = Vec::new();
    for (i, tap) in taps.into_iter().enumerate() {
        effects = k.apply(tap, secs(2 + i as u64));
    }
    assert_eq!(
        effects,
        vec![Effect::Issue {
            attempt: 1,
            request: madoguchi_protocol::IssueTicketRequest {
                service: "pickup".into(),
                lang: Lang::Vi,
                needs: Needs::default(),
            }
        }]
    );
}

#[test]
fn services_the_site_does_not_offer_fall_back_or_name_the_office_that_does() {
    let mut k = kiosk();
    let mut site = sample::site();
    site.services
        .retain(|s| s.id != "online" && s.id != "form" && s.id != "express");
    k.apply(KioskEvent::SiteLoaded(Box::new(site)), secs(0));
    let labels: Vec<&str> = k.purposes().iter().map(|(_, p)| p.label.as_str()).collect();
    assert!(labels.contains(&"purpose-express"), "{labels:?}");
    // No form counter here: the ticket falls back to the application desk.
    k.apply(KioskEvent::ChooseLang(Lang::Ja), secs(1));
    k.apply(
        KioskEvent::ChoosePurpose(purpose_index(&k, "purpose-apply")),
        secs(1),
    );
    for a in [0, 1, 1, 1] {
        k.apply(KioskEvent::Answer(a), secs(2));
    }
    assert!(
        matches!(&k.screen, Screen::Confirm { service, .. } if service == "apply"),
        "{:?}",
        k.screen
    );
    // No online window at all: guidance naming an office that has one, and a question ticket.
    k.apply(KioskEvent::Finish, secs(3));
    k.apply(KioskEvent::ChooseLang(Lang::Ja), secs(3));
    k.apply(
        KioskEvent::ChoosePurpose(purpose_index(&k, "purpose-apply")),
        secs(3),
    );
    let mut effects = Vec::new();
    for a in [0, 0, 0, 1, 0] {
        effects = k.apply(KioskEvent::Answer(a), secs(4));
    }
    let Screen::Guidance {
        text,
        offers,
        elsewhere: Some(e),
    } = &k.screen
    else {
        panic!("{:?}", k.screen)
    };
    assert_eq!(text, "g-not-offered");
    assert_eq!(e.service, "online");
    assert_ne!(e.office.id, "yahatanishi");
    assert_eq!(offers.last().map(|o| o.service.as_str()), Some(QUESTIONS));
    assert!(matches!(effects.as_slice(), [Effect::Guided(g)] if g.reason == "service_not_offered"));
    // The express purpose goes straight to the office that does it.
    k.apply(KioskEvent::Finish, secs(5));
    k.apply(KioskEvent::ChooseLang(Lang::Ja), secs(5));
    k.apply(
        KioskEvent::ChoosePurpose(purpose_index(&k, "purpose-express")),
        secs(5),
    );
    assert!(
        matches!(&k.screen, Screen::Guidance { elsewhere: Some(e), .. } if e.service == "express"),
        "{:?}",
        k.screen
    );
    // Its question ticket leads to the confirm screen.
    k.apply(KioskEvent::TakeOffer(0), secs(6));
    assert!(
        matches!(&k.screen, Screen::Confirm { service, .. } if service == QUESTIONS),
        "{:?}",
        k.screen
    );
}

pub(super) fn to_confirm(k: &mut KioskState, now: Duration) {
    k.apply(KioskEvent::ChooseLang(Lang::Ne), now);
    k.apply(
        KioskEvent::ChoosePurpose(purpose_index(k, "purpose-pickup")),
        now,
    );
    k.apply(KioskEvent::Answer(0), now);
}

#[test]
fn needs_travel_on_the_request_and_a_second_confirm_issues_nothing() {
    let mut k = kiosk();
    to_confirm(&mut k, secs(1));
    k.apply(KioskEvent::ToggleNeed(Need::Wheelchair), secs(2));
    k.apply(KioskEvent::ToggleNeed(Need::Braille), secs(2));
    k.apply(KioskEvent::ToggleNeed(Need::Braille), secs(2));
    let effects = k.apply(KioskEvent::Confirm, secs(3));
    let [
        Effect::Issue {
            attempt,
            request: req,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    let attempt = *attempt;
    assert!(req.needs.wheelchair && !req.needs.braille_form);
    assert!(k.apply(KioskEvent::Confirm, secs(3)).is_empty());
    let issued = sample::issued("pickup", Lang::Ne, req.needs);
    let effects = k.apply(
        KioskEvent::Issued {
            attempt,
            issued: Box::new(issued.clone()),
        },
        secs(3),
    );
    assert_eq!(
        effects,
        vec![Effect::Print {
            issued: Box::new(issued),
            lang: Lang::Ne
        }]
    );
    assert!(matches!(
        k.screen,
        Screen::Ticket {
            print: PrintStatus::Printing,
            ..
        }
    ));
    k.apply(KioskEvent::Printed(Err("paper out".into())), secs(4));
    assert!(
        matches!(&k.screen, Screen::Ticket { print: PrintStatus::Failed(r), .. } if r == "paper out")
    );
    // A stray second answer does not replace the ticket: it is reported as not printed.
    let other = sample::issued("pickup", Lang::Ne, Needs::default());
    assert_eq!(
        k.apply(
            KioskEvent::Issued {
                attempt,
                issued: Box::new(other.clone())
            },
            secs(5)
        ),
        vec![Effect::Abandon {
            issued: Box::new(other)
        }]
    );
    assert!(matches!(k.screen, Screen::Ticket { .. }));
}

#[test]
fn idle_shows_a_countdown_then_wipes_the_visitor() {
    let mut k = kiosk();
    to_confirm(&mut k, secs(10));
    k.apply(KioskEvent::ToggleLargeText, secs(10));
    k.apply(KioskEvent::CallStaff, secs(10));
    k.apply(KioskEvent::Tick, secs(69));
    assert_eq!(k.idle_countdown(secs(69)), None);
    k.apply(KioskEvent::Tick, secs(70));
    assert_eq!(k.idle_countdown(secs(70)), Some(10));
    assert_eq!(k.idle_countdown(secs(75)), Some(5));
    // Touching dismisses it.
    k.apply(KioskEvent::StillHere, secs(75));
    assert_eq!(k.idle_countdown(secs(76)), None);
    assert!(matches!(k.screen, Screen::Confirm { .. }));
    k.apply(KioskEvent::Tick, secs(144));
    assert!(matches!(k.screen, Screen::Confirm { .. }));
    k.apply(KioskEvent::Tick, secs(145));
    assert_eq!(k.screen, Screen::Home);
    assert_eq!(k.lang, Lang::Ja);
    assert!(!k.large_text && k.history.is_empty() && k.staff == StaffCall::None);
    assert!(!k.visitor_present());
    assert_eq!(k.idle_countdown(secs(1000)), None);
}

#[test]
fn language_switch_keeps_the_screen_and_back_returns_step_by_step() {
    let mut k = kiosk();
    to_confirm(&mut k, secs(1));
    let before = k.screen.clone();
    k.apply(KioskEvent::ToggleLangPicker, secs(2));
    assert!(k.lang_picker);
    k.apply(KioskEvent::SwitchLang(Lang::Ko), secs(2));
    assert_eq!(
        (k.lang, k.lang_picker, &k.screen),
        (Lang::Ko, false, &before)
    );
    k.apply(KioskEvent::Back, secs(3));
    assert!(matches!(k.screen, Screen::Question { .. }));
    k.apply(KioskEvent::Back, secs(3));
    assert_eq!(k.screen, Screen::Purpose);
    k.apply(KioskEvent::Back, secs(3));
    assert_eq!(k.screen, Screen::Home);
    assert_eq!(
        k.lang,
        Lang::Ko,
        "back keeps the chosen language until the visitor leaves"
    );
}

#[test]
fn an_unreachable_server_resumes_where_the_visitor_was() {
    let mut k = kiosk();
    to_confirm(&mut k, secs(1));
    let before = k.screen.clone();
    k.apply(KioskEvent::ServerDown, secs(2));
    assert_eq!(k.screen, Screen::Offline);
    k.apply(
        KioskEvent::BoardLoaded {
            open: true,
            next_opening: None,
            queues: sample::queues(),
        },
        secs(7),
    );
    assert_eq!(k.screen, before);
    k.apply(KioskEvent::Confirm, secs(8));
    k.apply(KioskEvent::IssueFailed { attempt: 1 }, secs(8));
    assert_eq!(k.screen, Screen::Offline);
    assert!(k.pending_issue.is_none());
}

#[test]
fn closed_site_shows_the_next_opening_and_opens_again() {
    let mut k = kiosk();
    let next = Some(sample::time());
    k.apply(
        KioskEvent::BoardLoaded {
            open: false,
            next_opening: next,
            queues: vec![],
        },
        secs(1),
    );
    assert_eq!(k.screen, Screen::Closed { next_opening: next });
    k.apply(
        KioskEvent::BoardLoaded {
            open: true,
            next_opening: None,
            queues: vec![],
        },
        secs(2),
    );
    assert_eq!(k.screen, Screen::Home);
    to_confirm(&mut k, secs(3));
    k.apply(KioskEvent::Confirm, secs(3));
    k.apply(
        KioskEvent::IssueClosed {
            attempt: 1,
            next_opening: next,
        },
        secs(4),
    );
    assert_eq!(k.screen, Screen::Closed { next_opening: next });
    assert!(k.pending_issue.is_none());
}

#[test]
fn call_staff_works_on_every_screen_and_reports_the_answer() {
    let mut k = kiosk();
    let effects = k.apply(KioskEvent::CallStaff, secs(1));
    assert_eq!(
        effects,
        vec![Effect::Assist(madoguchi_protocol::AssistRequest {
            lang: Lang::Ja
        })]
    );
    assert_eq!(k.staff, StaffCall::Requested);
    k.apply(KioskEvent::AssistResult(false), secs(2));
    assert_eq!(k.staff, StaffCall::Failed);
    to_confirm(&mut k, secs(3));
    let effects = k.apply(KioskEvent::CallStaff, secs(3));
    assert_eq!(
        effects,
        vec![Effect::Assist(madoguchi_protocol::AssistRequest {
            lang: Lang::Ne
        })]
    );
    k.apply(KioskEvent::AssistResult(true), secs(4));
    assert_eq!(k.staff, StaffCall::Coming);
}
