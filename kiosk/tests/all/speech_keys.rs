//! Speech mode by keys alone: a card pickup and an application with the braille-signature form
//! in Japanese, English and Vietnamese, the network's answers fed as they come; the lost-card
//! path's offer; the visual flow without speech mode is unchanged. The controls (start,
//! interrupt, repeat, volume, speed, staff) are in `speech_controls.rs`.

use std::sync::Arc;
use std::time::Duration;

use madoguchi_kiosk::flow::{Effect, KioskEvent, KioskState, Screen};
use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::sample;
use madoguchi_kiosk::speech::walk::Headless;
use madoguchi_kiosk::speech::{SpeechKey, SpeechOut};
use madoguchi_kiosk::triage::TriageTree;
use madoguchi_kiosk::view;
use madoguchi_protocol::{Lang, Needs};

fn i18n() -> Arc<Localizer> {
    Arc::new(Localizer::shipped().expect("shipped locales"))
}

fn headless() -> Headless {
    let i18n = i18n();
    let tree = Arc::new(TriageTree::shipped(&i18n).expect("shipped tree"));
    Headless::new(tree, i18n, sample::site())
}

fn digit(d: u8) -> SpeechKey {
    SpeechKey::Digit(d)
}

/// The key of `lang` on the home screen: 9 first for the second page.
fn lang_keys(lang: Lang) -> Vec<SpeechKey> {
    let i = Lang::ALL
        .iter()
        .position(|l| *l == lang)
        .expect("a language");
    if i < 8 {
        vec![digit(i as u8 + 1)]
    } else {
        vec![digit(9), digit(i as u8 - 7)]
    }
}

fn said(out: &[SpeechOut]) -> Vec<String> {
    out.iter()
        .filter_map(|o| match o {
            SpeechOut::Say(p) => Some(p.iter().map(|p| p.text.clone()).collect::<Vec<_>>()),
            _ => None,
        })
        .flatten()
        .collect()
}

/// Presses `keys`, then Enter on "get my ticket"; feeds the ticket and the printer's answer.
/// Returns the issue request's needs and everything said after Enter.
fn get_ticket(h: &mut Headless, keys: &[SpeechKey]) -> (Needs, Vec<String>) {
    for k in keys {
        h.press(*k);
    }
    assert_eq!(h.kiosk.screen_name(), "confirm", "{keys:?}");
    let mut heard = said(&h.press(SpeechKey::Enter));
    let needs = match h.pending.first() {
        Some(Effect::Issue { request, .. }) => request.needs,
        other => panic!("{keys:?}: Enter did not issue: {other:?}"),
    };
    while let Some(out) = h.answer_next() {
        heard.extend(said(&out));
    }
    assert!(
        matches!(h.kiosk.screen, Screen::Ticket { .. }),
        "{:?}",
        h.kiosk.screen
    );
    (needs, heard)
}

trait ScreenName {
    fn screen_name(&self) -> &'static str;
}

impl ScreenName for KioskState {
    fn screen_name(&self) -> &'static str {
        match self.screen {
            Screen::Confirm { .. } => "confirm",
            Screen::BrailleOffer { .. } => "braille-offer",
            Screen::Question { .. } => "question",
            _ => "other",
        }
    }
}

#[test]
fn keys_alone_get_a_card_pickup_ticket_with_the_braille_form_in_ja_en_vi() {
    let i18n = i18n();
    for lang in [Lang::Ja, Lang::En, Lang::Vi] {
        let mut h = headless();
        // Any key starts speech mode; the language; card pickup; yes to the braille form; all
        // documents brought.
        let mut keys = vec![digit(5)];
        keys.extend(lang_keys(lang));
        keys.extend([digit(1), digit(1), digit(1)]);
        let (needs, heard) = get_ticket(&mut h, &keys);
        assert!(needs.braille_form, "{lang}: {needs:?}");
        let Screen::Ticket { issued, .. } = &h.kiosk.screen else {
            unreachable!()
        };
        assert!(issued.ticket.needs.braille_form);
        let number = i18n.t_args(
            lang,
            "speech-ticket-number",
            &[("letter", "A".into()), ("number", 23u32.into())],
        );
        assert!(heard.contains(&number), "{lang}: {heard:#?}");
        assert!(
            heard.contains(&i18n.t(lang, "ticket-printed")),
            "{lang}: print result not said: {heard:#?}"
        );
    }
}

#[test]
fn keys_alone_apply_for_a_card_with_the_braille_form_in_ja_en_vi() {
    for lang in [Lang::Ja, Lang::En, Lang::Vi] {
        let mut h = headless();
        let mut keys = vec![digit(5)];
        keys.extend(lang_keys(lang));
        // Apply; braille form yes; resident yes; no card yet; have the form; photo ID; mail.
        keys.extend([2, 1, 1, 2, 1, 1, 1].map(digit));
        let (needs, _) = get_ticket(&mut h, &keys);
        assert!(needs.braille_form, "{lang}");
        let issue = h.effects.iter().find_map(|e| match e {
            Effect::Issue { request, .. } => Some(request.clone()),
            _ => None,
        });
        assert_eq!(
            issue.map(|r| (r.service, r.lang)),
            Some(("apply".into(), lang))
        );
    }
}

#[test]
fn the_lost_card_path_offers_the_braille_form_and_no_keeps_it_off() {
    let mut h = headless();
    for k in [digit(5), digit(3), digit(8)] {
        h.press(k);
    }
    assert!(matches!(h.kiosk.screen, Screen::BrailleOffer { .. }));
    let (needs, _) = get_ticket(&mut h, &[digit(2)]);
    assert!(!needs.braille_form);
}

#[test]
fn without_speech_mode_a_tap_on_pickup_goes_straight_to_the_first_question() {
    let i18n = i18n();
    let mut k = KioskState::new(Arc::new(TriageTree::shipped(&i18n).unwrap()));
    k.apply(
        KioskEvent::SiteLoaded(Box::new(sample::site())),
        Duration::ZERO,
    );
    k.apply(KioskEvent::ChooseLang(Lang::En), Duration::ZERO);
    k.apply(KioskEvent::ChoosePurpose(0), Duration::ZERO);
    assert!(
        matches!(k.screen, Screen::Question { .. }),
        "{:?}",
        k.screen
    );
    // The braille offer as a screen: a title, one sentence, yes and no.
    k.apply(KioskEvent::Back, Duration::ZERO);
    k.speech = true;
    k.apply(KioskEvent::ChoosePurpose(0), Duration::ZERO);
    let v = view::build(&k, &i18n, Duration::ZERO);
    assert_eq!(v.name, "braille-offer");
    assert_eq!(v.title[0].text, i18n.t(Lang::En, "braille-title"));
    assert_eq!(v.paragraphs.len(), 1);
    assert_eq!(
        v.buttons
            .iter()
            .map(|b| b.event.clone())
            .collect::<Vec<_>>(),
        [
            KioskEvent::BrailleForm(true),
            KioskEvent::BrailleForm(false)
        ]
    );
    // The reset ends speech mode and forgets the answer.
    k.apply(KioskEvent::BrailleForm(true), Duration::ZERO);
    k.reset(Duration::ZERO);
    assert!(!k.speech && !k.braille_form);
}
