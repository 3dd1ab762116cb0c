//! Tests of the flow with fixed times: every path of the shipped tree, the 3-tap pickup, idle
//! timeout, language switches, offline and closed handling.

use std::sync::Arc;
use std::time::Duration;

use madoguchi_protocol::{Lang, Needs};

use super::*;
use crate::i18n::Localizer;
use crate::sample;
use crate::triage::{Node, TriageTree};

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

fn kiosk() -> KioskState {
    let i18n = Localizer::shipped().unwrap();
    let tree = Arc::new(TriageTree::shipped(&i18n).unwrap());
    let mut k = KioskState::new(tree);
    k.apply(KioskEvent::SiteLoaded(Box::new(sample::site())), secs(0));
    k
}

fn purpose_index(k: &KioskState, label: &str) -> usize {
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
        vec![Effect::Issue(madoguchi_protocol::IssueTicketRequest {
            service: "pickup".into(),
            lang: Lang::Vi,
            needs: Needs::default(),
        })]
    );
}

/// Walks every answer of every question from every purpose; returns the outcomes reached.
fn walk(k: &KioskState, outcomes: &mut Vec<(Vec<usize>, Screen, Vec<Effect>)>, path: Vec<usize>) {
    let Screen::Question { node } = &k.screen else {
        return;
    };
    let Some(Node::Question { answers, .. }) = k.tree.nodes.get(node) else {
        panic!("question screen without a question node: {node}");
    };
    for i in 0..answers.len() {
        let mut next = k.clone();
        let effects = next.apply(KioskEvent::Answer(i), secs(5));
        let mut p = path.clone();
        p.push(i);
        match &next.screen {
            Screen::Question { .. } => walk(&next, outcomes, p),
            other => outcomes.push((p, other.clone(), effects)),
        }
    }
}

#[test]
fn every_path_of_the_shipped_tree_ends_in_a_ticket_or_guidance() {
    let base = kiosk();
    let mut all = Vec::new();
    for (i, p) in base.tree.purposes.clone().iter().enumerate() {
        let mut k = base.clone();
        k.apply(KioskEvent::ChooseLang(Lang::En), secs(1));
        let effects = k.apply(KioskEvent::ChoosePurpose(i), secs(2));
        let mut outcomes = Vec::new();
        match &k.screen {
            Screen::Question { .. } => walk(&k, &mut outcomes, Vec::new()),
            other => outcomes.push((Vec::new(), other.clone(), effects)),
        }
        assert!(!outcomes.is_empty(), "{} leads nowhere", p.label);
        for (path, screen, effects) in outcomes {
            match &screen {
                Screen::Confirm { service, .. } => {
                    assert!(k.offers(service), "{}: {path:?} → {service}", p.label);
                    assert!(effects.is_empty());
                }
                Screen::Guidance { .. } => {
                    assert!(
                        matches!(effects.as_slice(), [Effect::Guided(g)] if g.lang == Lang::En && !g.reason.is_empty()),
                        "{}: {path:?} guidance must be reported, got {effects:?}",
                        p.label
                    );
                }
                other => panic!("{}: {path:?} ended on {other:?}", p.label),
            }
            all.push((p.label.clone(), path, screen));
        }
    }
    let service_of = |label: &str, path: &[usize]| {
        all.iter()
            .find(|(l, p, _)| l == label && p == path)
            .map(|(_, _, s)| s.clone())
            .unwrap()
    };
    let confirm = |s: Screen| match s {
        Screen::Confirm { service, .. } => service,
        other => panic!("expected a ticket, got {other:?}"),
    };
    let guidance = |s: Screen| match s {
        Screen::Guidance { text } => text,
        other => panic!("expected guidance, got {other:?}"),
    };
    // The seed's outcomes: not a resident → guidance; licence + own phone → online guidance;
    // no application ID → guidance; no form and no PASiD ID → the form counter.
    assert_eq!(
        guidance(service_of("purpose-apply", &[1])),
        "g-not-resident"
    );
    assert_eq!(
        guidance(service_of("purpose-apply", &[0, 0, 0, 0])),
        "g-licence-online"
    );
    assert_eq!(
        confirm(service_of("purpose-apply", &[0, 0, 0, 1, 0])),
        "online"
    );
    assert_eq!(
        guidance(service_of("purpose-apply", &[0, 0, 0, 1, 1])),
        "g-no-application-id"
    );
    assert_eq!(confirm(service_of("purpose-apply", &[0, 1, 1, 1])), "form");
    assert_eq!(confirm(service_of("purpose-apply", &[0, 1, 1, 0])), "apply");
    assert_eq!(
        confirm(service_of("purpose-apply", &[0, 1, 0, 0, 0])),
        "apply"
    );
    assert_eq!(
        confirm(service_of("purpose-apply", &[0, 1, 0, 0, 1])),
        "assist"
    );
    assert_eq!(confirm(service_of("purpose-pickup", &[0])), "pickup");
    assert_eq!(guidance(service_of("purpose-ecert", &[1])), "g-bring-card");
    assert!(all.len() >= 20, "only {} paths", all.len());
}

#[test]
fn services_the_site_does_not_offer_are_hidden_or_fall_back() {
    let mut k = kiosk();
    let mut site = sample::site();
    site.services
        .retain(|s| s.id != "online" && s.id != "form" && s.id != "express");
    k.apply(KioskEvent::SiteLoaded(Box::new(site)), secs(0));
    let labels: Vec<&str> = k.purposes().iter().map(|(_, p)| p.label.as_str()).collect();
    assert!(!labels.contains(&"purpose-express"), "{labels:?}");
    assert!(labels.contains(&"purpose-apply"));
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
    // No online window at all: guidance instead of a ticket for nowhere.
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
    assert_eq!(
        k.screen,
        Screen::Guidance {
            text: "g-not-offered".into()
        }
    );
    assert!(matches!(effects.as_slice(), [Effect::Guided(g)] if g.reason == "service_not_offered"));
}

fn to_confirm(k: &mut KioskState, now: Duration) {
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
    let [Effect::Issue(req)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(req.needs.wheelchair && !req.needs.braille_form);
    assert!(k.apply(KioskEvent::Confirm, secs(3)).is_empty());
    let issued = sample::issued("pickup", Lang::Ne, req.needs);
    let effects = k.apply(KioskEvent::Issued(Box::new(issued.clone())), secs(3));
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
    // A stray second answer does not replace the ticket.
    let other = sample::issued("pickup", Lang::Ne, Needs::default());
    assert!(
        k.apply(KioskEvent::Issued(Box::new(other)), secs(5))
            .is_empty()
    );
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
fn a_slow_server_shows_offline_within_two_seconds_and_recovers() {
    let mut k = kiosk();
    to_confirm(&mut k, secs(10));
    k.apply(KioskEvent::Confirm, secs(10));
    k.apply(KioskEvent::Tick, Duration::from_millis(11_900));
    assert!(matches!(k.screen, Screen::Issuing { .. }));
    k.apply(KioskEvent::Tick, secs(12));
    assert_eq!(k.screen, Screen::Offline);
    // The late answer still reaches the visitor: the number is never lost.
    let issued = sample::issued("pickup", Lang::Ne, Needs::default());
    let effects = k.apply(KioskEvent::Issued(Box::new(issued)), secs(13));
    assert!(matches!(effects.as_slice(), [Effect::Print { .. }]));
    assert!(matches!(k.screen, Screen::Ticket { .. }));
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
    k.apply(KioskEvent::IssueFailed, secs(8));
    assert_eq!(k.screen, Screen::Offline);
    assert!(!k.pending_issue);
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
    k.apply(KioskEvent::IssueClosed { next_opening: next }, secs(4));
    assert_eq!(k.screen, Screen::Closed { next_opening: next });
    assert!(!k.pending_issue);
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
