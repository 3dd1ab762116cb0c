//! Bookings at the kiosk: typing a reference, the check-in request and its answers (the ticket,
//! each refusal with its way on, no server), and an answer that comes after the kiosk gave up.

use madoguchi_protocol::{CheckInRequest, Lang, Needs};

use super::tests::{kiosk, secs};
use super::*;
use crate::sample;

/// The reservation pad in `lang`, `reference` typed on it key by key.
fn typed(lang: Lang, reference: &str) -> KioskState {
    let mut k = kiosk();
    k.apply(KioskEvent::ChooseLang(lang), secs(1));
    k.apply(KioskEvent::StartBooking, secs(2));
    for c in reference.chars() {
        k.apply(KioskEvent::BookingKey(EntryKey::Char(c)), secs(3));
    }
    k
}

/// `reference` typed and sent: the kiosk waits for check-in attempt 1.
fn sent(lang: Lang, reference: &str) -> KioskState {
    let mut k = typed(lang, reference);
    let effects = k.apply(KioskEvent::SubmitBooking, secs(4));
    assert_eq!(
        effects,
        vec![Effect::CheckIn {
            attempt: 1,
            request: CheckInRequest {
                reference: reference.to_uppercase(),
                lang,
                needs: Needs::default(),
            },
        }]
    );
    assert!(matches!(k.screen, Screen::CheckingIn { .. }));
    k
}

fn refused(k: &mut KioskState, code: &str, site: Option<&str>) {
    k.apply(
        KioskEvent::CheckInRefused {
            attempt: 1,
            code: code.into(),
            site: site.map(str::to_owned),
        },
        secs(5),
    );
}

fn refusal(k: &KioskState) -> Refusal {
    match &k.screen {
        Screen::BookingRefused { refusal, .. } => refusal.clone(),
        other => panic!("not a refusal: {other:?}"),
    }
}

#[test]
fn a_typed_reference_is_checked_in_and_its_ticket_printed() {
    let mut k = typed(Lang::Vi, "r26");
    k.apply(KioskEvent::BookingKey(EntryKey::Erase), secs(3));
    k.apply(KioskEvent::BookingKey(EntryKey::Char('1')), secs(3));
    k.apply(KioskEvent::BookingKey(EntryKey::Char('-')), secs(3));
    k.apply(KioskEvent::BookingKey(EntryKey::Char('7')), secs(3));
    assert_eq!(
        k.screen,
        Screen::BookingEntry {
            text: "R21-7".into(),
            letters: false
        }
    );
    // A second Enter while waiting sends nothing more.
    let effects = k.apply(KioskEvent::SubmitBooking, secs(4));
    assert!(
        matches!(effects.as_slice(), [Effect::CheckIn { attempt: 1, request }] if request.reference == "R21-7")
    );
    assert!(k.apply(KioskEvent::SubmitBooking, secs(4)).is_empty());
    assert!(k.apply(KioskEvent::Back, secs(4)).is_empty());
    assert!(matches!(k.screen, Screen::CheckingIn { .. }));
    let issued = Box::new(sample::booked(Lang::Vi));
    let effects = k.apply(
        KioskEvent::Issued {
            attempt: 1,
            issued: issued.clone(),
        },
        secs(5),
    );
    assert_eq!(
        effects,
        vec![Effect::Print {
            issued,
            lang: Lang::Vi
        }]
    );
    assert!(matches!(&k.screen, Screen::Ticket { issued, .. } if issued.ticket.number == "R-004"));
}

#[test]
fn nothing_is_sent_for_an_empty_reference() {
    let mut k = typed(Lang::En, "-");
    assert!(k.apply(KioskEvent::SubmitBooking, secs(4)).is_empty());
    k.apply(KioskEvent::BookingKey(EntryKey::Clear), secs(4));
    assert!(k.apply(KioskEvent::SubmitBooking, secs(4)).is_empty());
    k.apply(KioskEvent::Back, secs(5));
    assert_eq!(k.screen, Screen::Purpose);
}

#[test]
fn an_unknown_reference_can_be_typed_again_as_it_was() {
    let mut k = sent(Lang::Ja, "R123");
    refused(&mut k, "booking_unknown", None);
    assert_eq!(refusal(&k), Refusal::Unknown);
    assert!(refusal(&k).retype());
    k.apply(KioskEvent::Retype, secs(6));
    assert_eq!(
        k.screen,
        Screen::BookingEntry {
            text: "R123".into(),
            letters: false
        }
    );
    k.apply(KioskEvent::BookingKey(EntryKey::Erase), secs(6));
    k.apply(KioskEvent::BookingKey(EntryKey::Char('4')), secs(6));
    let effects = k.apply(KioskEvent::SubmitBooking, secs(7));
    assert!(
        matches!(effects.as_slice(), [Effect::CheckIn { attempt: 2, request }] if request.reference == "R124")
    );
}

#[test]
fn a_used_or_not_today_booking_says_so_and_offers_a_normal_ticket() {
    for (code, want) in [
        ("booking_used", Refusal::Used),
        ("booking_not_today", Refusal::NotToday),
    ] {
        let mut k = sent(Lang::En, "R1");
        refused(&mut k, code, None);
        assert_eq!(refusal(&k), want);
        k.apply(KioskEvent::NormalTicket, secs(6));
        assert!(
            matches!(k.screen, Screen::Question { .. } | Screen::Confirm { .. }),
            "{code}: {:?}",
            k.screen
        );
    }
}

#[test]
fn a_booking_for_another_office_names_it_from_the_directory() {
    let mut k = sent(Lang::En, "R1");
    refused(&mut k, "booking_other_site", Some("moji"));
    match refusal(&k) {
        Refusal::OtherSite(Some(office)) => assert_eq!(office.id, "moji"),
        other => panic!("{other:?}"),
    }
    let mut k = sent(Lang::En, "R1");
    refused(&mut k, "booking_other_site", Some("atlantis"));
    assert_eq!(refusal(&k), Refusal::OtherSite(None));
}

#[test]
fn a_late_visitor_is_told_plainly_and_takes_a_normal_pickup_ticket() {
    let mut k = sent(Lang::Vi, "R1");
    refused(&mut k, "booking_late", None);
    assert_eq!(refusal(&k), Refusal::Late);
    assert!(!refusal(&k).retype());
    k.apply(KioskEvent::NormalTicket, secs(6));
    // The pickup's questions lead to its confirm screen and a normal issue.
    while let Screen::Question { .. } = k.screen {
        k.apply(KioskEvent::Answer(0), secs(7));
    }
    assert!(
        matches!(&k.screen, Screen::Confirm { service, .. } if service == BOOKED_QUEUE),
        "{:?}",
        k.screen
    );
    let effects = k.apply(KioskEvent::Confirm, secs(8));
    assert!(matches!(
        effects.as_slice(),
        [Effect::Issue { attempt: 2, .. }]
    ));
}

#[test]
fn without_the_server_the_kiosk_says_bookings_cannot_be_checked() {
    // The request fails.
    let mut k = sent(Lang::En, "R1");
    k.apply(KioskEvent::IssueFailed { attempt: 1 }, secs(5));
    assert_eq!(refusal(&k), Refusal::Offline);
    assert_eq!(k.pending_issue, None);
    // No answer in time.
    let mut k = sent(Lang::En, "R1");
    k.apply(KioskEvent::ServerDown, secs(5));
    assert!(matches!(k.screen, Screen::CheckingIn { .. }));
    k.apply(KioskEvent::Tick, secs(4) + NET_PATIENCE);
    assert_eq!(refusal(&k), Refusal::Offline);
    // Issuing from the lease: the reservation button says so at once.
    let mut k = kiosk();
    k.apply(KioskEvent::LeaseHeld(true), secs(1));
    k.apply(KioskEvent::ServerDown, secs(1));
    k.apply(KioskEvent::ChooseLang(Lang::Ko), secs(2));
    k.apply(KioskEvent::StartBooking, secs(2));
    assert_eq!(refusal(&k), Refusal::Offline);
    k.apply(KioskEvent::NormalTicket, secs(3));
    assert!(matches!(
        k.screen,
        Screen::Question { .. } | Screen::Confirm { .. }
    ));
}

#[test]
fn an_answer_after_the_kiosk_gave_up_is_dropped_and_reported_unprinted() {
    let mut k = sent(Lang::En, "R1");
    k.apply(KioskEvent::Tick, secs(4) + NET_PATIENCE);
    assert_eq!(refusal(&k), Refusal::Offline);
    let issued = Box::new(sample::booked(Lang::En));
    let effects = k.apply(
        KioskEvent::Issued {
            attempt: 1,
            issued: issued.clone(),
        },
        secs(7),
    );
    assert_eq!(effects, vec![Effect::Abandon { issued }]);
    assert_eq!(refusal(&k), Refusal::Offline);
    // A late refusal changes nothing either.
    refused(&mut k, "booking_used", None);
    assert_eq!(refusal(&k), Refusal::Offline);
}

#[test]
fn the_letters_page_and_the_idle_timeout_leave_nothing_behind() {
    let mut k = typed(Lang::En, "12");
    k.apply(KioskEvent::BookingKey(EntryKey::Letters(true)), secs(3));
    k.apply(KioskEvent::BookingKey(EntryKey::Char('Q')), secs(3));
    assert_eq!(
        k.screen,
        Screen::BookingEntry {
            text: "12Q".into(),
            letters: true
        }
    );
    k.apply(KioskEvent::Tick, secs(3) + IDLE_AFTER + COUNTDOWN);
    assert_eq!(k.screen, Screen::Home);
    assert_eq!(k.lang, Lang::Ja);
}
