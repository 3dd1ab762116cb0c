//! Speech mode's controls by key: the first key starts it with the prompt (every visitor),
//! headphones start it, any key interrupts, * repeats, arrows move the focus, volume and speed
//! stay in bounds, 0 calls staff, the idle countdown, keys that lead nowhere, the home screen's
//! second page of languages, a failed print and the server going down are said.

use std::sync::Arc;
use std::time::Duration;

use madoguchi_kiosk::flow::{Effect, KioskEvent, Screen};
use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::sample;
use madoguchi_kiosk::speech::walk::Headless;
use madoguchi_kiosk::speech::{
    DEFAULT_RATE, DEFAULT_VOLUME, RATE_MAX, RATE_MIN, SpeechKey, SpeechOut, SpeechState,
    VOLUME_STEPS,
};
use madoguchi_kiosk::triage::TriageTree;
use madoguchi_protocol::Lang;

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

fn said(out: &[SpeechOut]) -> Vec<String> {
    out.iter()
        .filter_map(|o| match o {
            SpeechOut::Say(p) => Some(p.iter().map(|p| p.text.clone()).collect::<Vec<_>>()),
            _ => None,
        })
        .flatten()
        .collect()
}

#[test]
fn the_first_key_only_starts_speech_mode_with_a_japanese_and_english_prompt_every_time() {
    let i18n = i18n();
    let mut h = headless();
    for visitor in 0..2 {
        let out = h.press(digit(3));
        assert_eq!(
            h.kiosk.screen,
            Screen::Home,
            "visitor {visitor}: the key chose"
        );
        assert!(h.kiosk.speech);
        let SpeechOut::Say(phrases) = out.last().unwrap() else {
            panic!("{out:?}")
        };
        assert_eq!(
            phrases[..2]
                .iter()
                .map(|p| (p.lang, p.text.clone()))
                .collect::<Vec<_>>(),
            [
                (Lang::Ja, i18n.t(Lang::Ja, "speech-start")),
                (Lang::En, i18n.t(Lang::En, "speech-start")),
            ]
        );
        assert!(out.contains(&SpeechOut::Volume(DEFAULT_VOLUME)));
        // The visitor leaves: the next one hears the prompt again.
        h.answer(KioskEvent::Finish);
        assert!(!h.speech.active());
    }
}

#[test]
fn headphones_start_speech_mode_with_the_prompt() {
    let mut h = headless();
    let step = h.speech.start(&h.view());
    assert_eq!(step.events, [KioskEvent::SpeechOn]);
    assert!(matches!(step.out.last(), Some(SpeechOut::Say(p)) if p.len() > 5));
}

#[test]
fn any_key_interrupts_first_with_a_say_or_a_stop() {
    let keys = [
        SpeechKey::Enter,
        SpeechKey::Back,
        SpeechKey::Up,
        SpeechKey::Down,
        SpeechKey::Plus,
        SpeechKey::Minus,
        SpeechKey::Star,
        SpeechKey::Slash,
        SpeechKey::Hash,
    ]
    .into_iter()
    .chain((0..=9).map(digit));
    let mut h = headless();
    h.press(digit(5));
    h.press(digit(3));
    // Home off, home on, purpose, braille offer, question, confirm, ticket.
    let mut screens = vec![headless(), {
        let mut s = headless();
        s.press(digit(5));
        s
    }];
    screens.push(h.clone());
    for k in [digit(1), digit(1), digit(1)] {
        h.press(k);
        screens.push(h.clone());
    }
    h.press(SpeechKey::Enter);
    while h.answer_next().is_some() {}
    screens.push(h);
    for key in keys {
        for s in &screens {
            let mut s = s.clone();
            let v = s.view();
            let step = s.speech.key(key, &v);
            assert!(
                matches!(step.out.first(), Some(SpeechOut::Say(_) | SpeechOut::Stop)),
                "{key:?} on {}: {:?}",
                v.name,
                step.out
            );
        }
    }
}

#[test]
fn star_repeats_the_same_script_and_arrows_move_the_focus() {
    let mut h = headless();
    h.press(digit(5));
    let first = h.press(digit(3));
    let again = h.press(SpeechKey::Star);
    assert_eq!(said(&first), said(&again));
    let down = said(&h.press(SpeechKey::Down));
    assert_eq!(down.len(), 1);
    assert!(down[0].starts_with("2: Apply"), "{down:?}");
    let up = said(&h.press(SpeechKey::Up));
    assert!(up[0].starts_with("1: Pick up"), "{up:?}");
    // Up from the first choice: the last, "I have a reservation" on the second page.
    let up = said(&h.press(SpeechKey::Up));
    assert!(up[0].starts_with("2: I have a reservation"), "{up:?}");
    let up = said(&h.press(SpeechKey::Up));
    assert!(up[0].starts_with("1: Questions"), "{up:?}");
    // Enter chooses the focus: Questions, which asks no braille question.
    h.press(SpeechKey::Enter);
    assert!(matches!(h.kiosk.screen, Screen::Confirm { .. }));
}

#[test]
fn volume_and_speed_stay_within_their_bounds() {
    let mut s = SpeechState::new();
    let mut h = headless();
    h.press(digit(5));
    let v = h.view();
    s.start(&v);
    let mut last = None;
    for _ in 0..20 {
        last = s
            .key(SpeechKey::Plus, &v)
            .out
            .into_iter()
            .find(|o| matches!(o, SpeechOut::Volume(_)));
    }
    assert_eq!(last, Some(SpeechOut::Volume(VOLUME_STEPS)));
    for _ in 0..20 {
        last = s
            .key(SpeechKey::Minus, &v)
            .out
            .into_iter()
            .find(|o| matches!(o, SpeechOut::Volume(_)));
    }
    assert_eq!(last, Some(SpeechOut::Volume(1)));
    // After the key guide, + and − change the speed, until another key.
    assert!(matches!(
        s.key(SpeechKey::Slash, &v).out.last(),
        Some(SpeechOut::Say(_))
    ));
    for _ in 0..20 {
        last = s
            .key(SpeechKey::Plus, &v)
            .out
            .into_iter()
            .find(|o| matches!(o, SpeechOut::Rate(_)));
    }
    assert_eq!(last, Some(SpeechOut::Rate(RATE_MAX)));
    for _ in 0..20 {
        last = s
            .key(SpeechKey::Minus, &v)
            .out
            .into_iter()
            .find(|o| matches!(o, SpeechOut::Rate(_)));
    }
    assert_eq!(last, Some(SpeechOut::Rate(RATE_MIN)));
    s.key(SpeechKey::Star, &v);
    assert!(
        s.key(SpeechKey::Plus, &v)
            .out
            .contains(&SpeechOut::Volume(2))
    );
    // The visitor leaves: defaults again.
    s.reset();
    assert!(!s.active());
    assert_eq!((s.volume(), s.rate()), (DEFAULT_VOLUME, DEFAULT_RATE));
}

#[test]
fn zero_calls_staff_and_the_answer_is_said() {
    let i18n = i18n();
    let mut h = headless();
    h.press(digit(5));
    h.press(digit(3));
    let out = h.press(digit(0));
    assert!(matches!(h.pending.last(), Some(Effect::Assist(_))));
    assert!(
        said(&out).contains(&i18n.t(Lang::En, "staff-coming")),
        "{out:?}"
    );
    h.kiosk.staff = madoguchi_kiosk::flow::StaffCall::Requested;
    let out = h.answer(KioskEvent::AssistResult(false));
    assert_eq!(said(&out), [i18n.t(Lang::En, "staff-call-failed")]);
}

#[test]
fn the_idle_countdown_is_said_and_any_key_answers_it() {
    let i18n = i18n();
    let mut h = headless();
    h.press(digit(5));
    h.press(digit(3));
    h.now += Duration::from_secs(61);
    let out = h.answer(KioskEvent::Tick);
    let heard = said(&out);
    assert!(heard.contains(&i18n.t(Lang::En, "idle-title")), "{heard:?}");
    assert!(
        heard.contains(&i18n.t(Lang::En, "speech-any-key")),
        "{heard:?}"
    );
    // Louder is not an input of the flow, but it answers the countdown.
    let step = h.speech.key(SpeechKey::Plus, &h.view());
    assert_eq!(step.events, [KioskEvent::StillHere]);
}

#[test]
fn keys_that_lead_nowhere_say_so() {
    let i18n = i18n();
    let mut h = headless();
    h.press(digit(5));
    let out = h.press(SpeechKey::Back);
    assert_eq!(said(&out), [i18n.t(Lang::Ja, "speech-no-back")]);
    h.press(digit(3));
    // Nine purposes: no more page; a braille offer has two choices.
    h.press(digit(1));
    let out = h.press(digit(7));
    assert_eq!(
        said(&out),
        [i18n.t_args(Lang::En, "speech-no-choice", &[("key", 7u32.into())])]
    );
    let out = h.press(SpeechKey::Hash);
    assert_eq!(out.first(), Some(&SpeechOut::Stop));
    assert_eq!(h.view().name, "purpose");
}

#[test]
fn the_home_screen_pages_its_eleven_languages_with_nine() {
    let mut h = headless();
    h.press(digit(5));
    let page2 = said(&h.press(digit(9)));
    assert!(
        page2[0].contains("Tagalog") || page2[0].contains('1'),
        "{page2:?}"
    );
    h.press(digit(3));
    assert_eq!(h.kiosk.lang, Lang::Pt);
}

#[test]
fn a_failed_print_and_the_server_going_down_are_said() {
    let i18n = i18n();
    let mut h = headless();
    for k in [5, 3, 1, 2, 1].map(digit) {
        h.press(k);
    }
    h.press(SpeechKey::Enter);
    h.answer_next();
    let out = h.answer(KioskEvent::Printed(Err("paper out".into())));
    let heard = said(&out);
    assert_eq!(
        heard[0],
        i18n.t(Lang::En, "ticket-print-failed"),
        "{heard:?}"
    );
    assert!(
        heard.iter().any(|t| t.contains("23")),
        "the number again: {heard:?}"
    );

    let mut h = headless();
    h.press(digit(5));
    h.press(digit(3));
    let heard = said(&h.answer(KioskEvent::ServerDown));
    assert_eq!(heard[0], i18n.t(Lang::En, "offline-title"), "{heard:?}");
    assert!(heard.len() >= 2, "{heard:?}");
}
