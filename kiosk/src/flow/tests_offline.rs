//! The server down and a lease held: the kiosk keeps issuing (the visitor is not stopped by the
//! offline screen), the offline ticket's screen says the counter knows and that the wait is not
//! known yet, and a used-up lease sends the visitor to the counter in every language with
//! nothing printed.

use madoguchi_protocol::{Lang, Needs, OfflineTicketRequest};

use super::tests::{kiosk, secs, to_confirm};
use super::*;
use crate::i18n::Localizer;
use crate::{sample, ticket, view};

fn offline_ticket() -> KioskEvent {
    let request = OfflineTicketRequest {
        service: "pickup".into(),
        lang: Lang::Vi,
        needs: Needs::default(),
        number: 980,
        issued_at: sample::time(),
    };
    KioskEvent::Issued {
        attempt: 1,
        issued: Box::new(ticket::offline_issued(
            "yahatanishi",
            "kiosk-2",
            "A-980".into(),
            &request,
        )),
    }
}

#[test]
fn with_a_lease_the_kiosk_keeps_issuing_while_the_server_is_down() {
    let i18n = Localizer::shipped().expect("locales");
    let mut k = kiosk();
    k.apply(KioskEvent::LeaseHeld(true), secs(1));
    k.apply(KioskEvent::ServerDown, secs(2));
    assert_eq!(
        k.screen,
        Screen::Home,
        "no offline screen while the lease lasts"
    );
    to_confirm(&mut k, secs(10));
    k.apply(KioskEvent::SwitchLang(Lang::Vi), secs(10));
    let effects = k.apply(KioskEvent::Confirm, secs(10));
    assert!(matches!(
        effects.as_slice(),
        [Effect::Issue { attempt: 1, .. }]
    ));
    let effects = k.apply(offline_ticket(), secs(10));
    assert!(
        matches!(effects.as_slice(), [Effect::Print { issued, .. }] if issued.ticket.offline),
        "{effects:?}"
    );
    assert!(
        !k.online,
        "a ticket from the lease does not mean the server is back"
    );
    let v = view::build(&k, &i18n, secs(10));
    let panel = v.ticket.as_ref().expect("ticket panel");
    assert_eq!(panel.number, "A-980");
    assert_eq!(panel.ahead, i18n.t(Lang::Vi, "ticket-wait-unknown"));
    assert!(panel.qr_url.is_empty(), "no QR that would lead nowhere");
    let said: Vec<&str> = v.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(
        said.contains(&i18n.t(Lang::Vi, "ticket-offline-known").as_str()),
        "{said:?}"
    );
    assert!(
        said.contains(&i18n.t(Lang::Ja, "ticket-offline-known").as_str()),
        "{said:?}"
    );
    // The next visitor can still take a ticket.
    k.apply(KioskEvent::Finish, secs(20));
    assert_eq!(k.screen, Screen::Home);
}

#[test]
fn a_used_up_lease_sends_the_visitor_to_the_counter_in_every_language_and_prints_nothing() {
    let i18n = Localizer::shipped().expect("locales");
    let mut k = kiosk();
    k.apply(KioskEvent::LeaseHeld(true), secs(1));
    k.apply(KioskEvent::ServerDown, secs(2));
    to_confirm(&mut k, secs(10));
    k.apply(KioskEvent::Confirm, secs(10));
    let effects = k.apply(KioskEvent::LeaseUsedUp { attempt: 1 }, secs(10));
    assert!(effects.is_empty(), "nothing printed: {effects:?}");
    assert_eq!(k.screen, Screen::Offline);
    let v = view::build(&k, &i18n, secs(10));
    assert_eq!(v.paragraphs.len(), Lang::ALL.len());
    for p in &v.paragraphs {
        let generic = i18n.t_args(p.lang, "offline-body", &[("place", "".into())]);
        assert_ne!(p.text, generic, "{}", p.lang.code());
        assert!(!p.text.is_empty());
    }
    let ja = v
        .paragraphs
        .iter()
        .find(|p| p.lang == Lang::Ja)
        .expect("ja");
    assert!(ja.text.contains("番号が残っていません"), "{}", ja.text);
    // A late ticket for that attempt is not printed for anyone.
    let effects = k.apply(offline_ticket(), secs(11));
    assert!(matches!(effects.as_slice(), [Effect::Abandon { .. }]));
    // The next visitor is not told about the last one's lease.
    k.apply(KioskEvent::Back, secs(12));
    assert!(!k.lease_out);
}

#[test]
fn without_a_lease_the_offline_screen_stays() {
    let mut k = kiosk();
    k.apply(KioskEvent::LeaseHeld(false), secs(1));
    k.apply(KioskEvent::ServerDown, secs(2));
    assert_eq!(k.screen, Screen::Offline);
}
