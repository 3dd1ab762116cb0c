//! Speech mode along every path of the shipped triage tree at 八幡西, driven by keys alone (no
//! taps): what each screen says in Japanese, English and Vietnamese, the exact script of key
//! screens, and the language of every phrase in every language.

use std::sync::Arc;

use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::sample;
use madoguchi_kiosk::speech::script::{self, Pages};
use madoguchi_kiosk::speech::walk::{Headless, Heard, every_path};
use madoguchi_kiosk::speech::{Phrase, SpeechKey};
use madoguchi_kiosk::triage::TriageTree;
use madoguchi_kiosk::view::ScreenView;
use madoguchi_protocol::Lang;

fn i18n() -> Arc<Localizer> {
    Arc::new(Localizer::shipped().expect("shipped locales"))
}

fn headless(i18n: &Arc<Localizer>) -> Headless {
    let tree = Arc::new(TriageTree::shipped(i18n).expect("shipped tree"));
    Headless::new(tree, i18n.clone(), sample::site())
}

/// What a phrase must never be: empty, a locale key, a Fluent placeholder.
fn broken(p: &Phrase) -> Option<String> {
    let t = p.text.trim();
    let looks_like_key = !t.is_empty()
        && t.contains('-')
        && t.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    (t.is_empty() || looks_like_key || t.contains('{') || t.contains('$'))
        .then(|| format!("{}: {:?}", p.lang, p.text))
}

/// A text as a phrase carries it: its start, before any bracket or separator (the ear drops
/// Japanese a voice cannot read and turns separators into pauses).
fn label_start(label: &str) -> String {
    label
        .split(['(', '（', '・', '·', '/', '…'])
        .next()
        .unwrap_or_default()
        .trim()
        .chars()
        .take(8)
        .collect()
}

/// The whole-screen checks: title first, every choice of the page with its key, focus last.
fn check_screen(h: &Heard, lang: Lang) -> Vec<String> {
    let at = format!("{lang} {:?} {}", h.keys, h.screen);
    let mut problems = Vec::new();
    let v: &ScreenView = &h.view;
    // Speech mode starting says the prompt in Japanese and English first.
    let phrases: &[Phrase] = if h.keys.len() == 1 {
        &h.phrases[2..]
    } else {
        &h.phrases
    };
    let own_title = v
        .title
        .iter()
        .find(|t| t.lang == v.lang)
        .or(v.title.first());
    if let Some(title) = own_title
        && !phrases
            .first()
            .is_some_and(|p| p.text.starts_with(&label_start(&title.text)))
    {
        problems.push(format!(
            "{at}: title {:?} not first: {:?}",
            title.text,
            phrases.first()
        ));
    }
    if v.entry.is_some() {
        // The reservation pad: its keys type, so it says how to type instead of choices.
        let how = h.phrases.iter().any(|p| {
            p.text.contains("Enter")
                || p.text.contains("エンター")
                || p.text.contains("Nhấn")
                || p.text.contains("nhấn")
        });
        if !how {
            problems.push(format!("{at}: the pad does not say how to type"));
        }
        return problems;
    }
    let choices = script::choices(v);
    let pages = Pages {
        choices: choices.len(),
    };
    for (i, c) in choices.iter().enumerate() {
        let (page, digit) = pages.key_of(i);
        if page != 0 {
            continue;
        }
        let start = label_start(&c.label);
        let said = phrases
            .iter()
            .any(|p| p.text.contains(&digit.to_string()) && p.text.contains(&start));
        if !said {
            problems.push(format!(
                "{at}: choice {digit} {:?} not said with its key",
                c.label
            ));
        }
    }
    if let Some(first) = choices
        .iter()
        .find(|c| c.event == madoguchi_kiosk::flow::KioskEvent::Confirm)
        .or(choices.first())
    {
        let start = label_start(&first.label);
        if !phrases.last().is_some_and(|p| p.text.contains(&start)) {
            problems.push(format!("{at}: focus on {:?} not said last", first.label));
        }
    }
    problems
}

#[test]
fn every_path_by_keys_says_each_screen_title_first_each_choice_with_its_key_and_the_focus() {
    let i18n = i18n();
    for lang in [Lang::Ja, Lang::En, Lang::Vi] {
        let heard = every_path(headless(&i18n), lang);
        let screens: std::collections::BTreeSet<&str> = heard.iter().map(|h| h.screen).collect();
        for want in [
            "home",
            "purpose",
            "braille-offer",
            "question",
            "guidance",
            "confirm",
            "ticket",
            "booking-entry",
        ] {
            assert!(
                screens.contains(want),
                "{lang}: {want} never said: {screens:?}"
            );
        }
        let tickets = heard
            .iter()
            .filter(|h| h.whole && h.screen == "ticket")
            .count();
        assert!(
            tickets >= 40,
            "{lang}: only {tickets} paths end in a ticket"
        );
        let mut problems = Vec::new();
        for h in &heard {
            assert!(!h.phrases.is_empty(), "{lang} {:?}: an empty Say", h.keys);
            problems.extend(h.phrases.iter().filter_map(broken));
            if h.whole && h.screen != "issuing" {
                problems.extend(check_screen(h, lang));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

#[test]
fn every_language_says_every_phrase_in_that_language_but_the_bilingual_start_and_home() {
    let i18n = i18n();
    for lang in Lang::ALL {
        let heard = every_path(headless(&i18n), lang);
        assert!(heard.len() > 100, "{lang}: {}", heard.len());
        let mut problems = Vec::new();
        for h in &heard {
            problems.extend(h.phrases.iter().filter_map(broken));
            // The home screen offers every language in its own, with Japanese and English.
            if h.screen == "home" {
                continue;
            }
            for p in h.phrases.iter().filter(|p| p.lang != lang) {
                problems.push(format!("{lang} {:?} {}: {p:?}", h.keys, h.screen));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

fn texts(phrases: &[Phrase]) -> Vec<&str> {
    phrases.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn the_purpose_screen_in_english_says_this() {
    let i18n = i18n();
    let heard = every_path(headless(&i18n), Lang::En);
    let purpose = heard
        .iter()
        .find(|h| h.whole && h.screen == "purpose")
        .expect("purpose screen said");
    assert_eq!(purpose.keys, [SpeechKey::Digit(5), SpeechKey::Digit(3)]);
    assert_eq!(
        texts(&purpose.phrases),
        [
            "What did you come for today?",
            // Nobody waiting: no range of zero minutes.
            "1: Pick up my My Number Card, 0 waiting",
            "2: Apply for a card (new, renewal, replacement), 3 waiting, about 8 to 18 minutes",
            "3: Express issuance, 2 waiting, about 18 to 39 minutes",
            "4: Renew the electronic certificates, 1 waiting, about 10 to 22 minutes",
            "5: Update the card (new address, etc.), 4 waiting, about 15 to 33 minutes",
            "6: Reset my PIN, 6 waiting, about 12 to 27 minutes",
            "7: I am moving abroad, 0 waiting",
            "8: I lost my My Number Card, 3 waiting, about 8 to 18 minutes",
            // Ten choices with "I have a reservation": nine turns the page.
            "9: more choices",
            "Enter chooses: Pick up my My Number Card",
        ]
    );
}

#[test]
fn the_card_pickup_ticket_in_japanese_says_this() {
    let i18n = i18n();
    let heard = every_path(headless(&i18n), Lang::Ja);
    // 5 starts, 1 日本語, 1 pickup, 1 braille form yes, 1 all documents, Enter get my ticket.
    let path = [5, 1, 1, 1, 1].map(SpeechKey::Digit);
    let ticket: Vec<&Heard> = heard
        .iter()
        .filter(|h| h.screen == "ticket" && h.keys.starts_with(&path) && h.keys.len() == 6)
        .collect();
    assert_eq!(ticket.len(), 2, "{ticket:#?}");
    assert_eq!(
        texts(&ticket[0].phrases),
        [
            "あなたの番号は、Aの23番です。",
            "カードの交付",
            "4階の交付窓口でお呼びします。",
            "前に待っている人: 4人",
            "待ち時間の目安: 約10から20分",
            "用意しておくもの。交付通知書(はがき)、本人確認書類(運転免許証、パスポート、在留カードなど)、通知カード(お持ちの方)、お持ちのマイナンバーカード。",
            "お手伝い。点字記名用の交付申請書。",
            "番号札を印刷しています",
            "1番、終わる",
            "エンターキーで「終わる」を選びます",
        ]
    );
    // The printer's answer, then the ticket again (the answer cut it off).
    assert_eq!(
        texts(&ticket[1].phrases),
        [
            "番号札をお取りください。",
            "あなたの番号は、Aの23番です。",
            "カードの交付",
            "4階の交付窓口でお呼びします。",
            "前に待っている人: 4人",
            "待ち時間の目安: 約10から20分",
        ]
    );
}

#[test]
fn speech_script_prints_a_header_per_screen_and_refuses_unknown_codes_with_the_list() {
    let i18n = i18n();
    let tree = Arc::new(TriageTree::shipped(&i18n).expect("shipped tree"));
    let text = madoguchi_kiosk::commands::speech_script(
        i18n.clone(),
        tree.clone(),
        "yahatanishi",
        Lang::En,
    )
    .unwrap();
    assert!(text.contains("\n## [5 3] purpose\nWhat did you come for today?\n"));
    assert!(text.contains("\n## [5 3 1] braille-offer\n"));
    assert!(
        text.contains("\n(ja) 日本語は 1番\n"),
        "another language is marked"
    );
    let err = madoguchi_kiosk::commands::parse_lang("xx")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("ja, ja-easy, en") && err.contains("\"xx\""),
        "{err}"
    );
    let err = madoguchi_kiosk::commands::speech_script(i18n, tree, "nowhere", Lang::En)
        .unwrap_err()
        .to_string();
    assert!(err.contains("yahatanishi"), "{err}");
}
