//! The kiosk's Fluent files: complete in every language, really translated, formatted without
//! bidi marks, and drawable with the kiosk's fonts (no tofu).

use madoguchi_kiosk::i18n::{Arg, Localizer};
use madoguchi_kiosk::ui::fonts;
use madoguchi_kiosk::view;
use madoguchi_protocol::{Lang, WaitRange};

#[test]
fn every_japanese_key_exists_in_every_language_and_no_other() {
    let i18n = Localizer::shipped().unwrap();
    let reference = i18n.keys(Lang::Ja);
    assert!(reference.len() > 80, "{}", reference.len());
    for lang in Lang::ALL {
        let keys = i18n.keys(lang);
        let missing: Vec<_> = reference.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&reference).collect();
        assert!(
            missing.is_empty(),
            "locales/{lang}/kiosk.ftl lacks {missing:?}"
        );
        assert!(
            extra.is_empty(),
            "locales/{lang}/kiosk.ftl has keys ja lacks: {extra:?}"
        );
    }
}

#[test]
fn a_missing_key_is_detected_and_falls_back_to_japanese() {
    let sources = Lang::ALL.map(|l| {
        let text = madoguchi_kiosk::i18n::source(l).to_owned();
        let text = if l == Lang::Vi {
            text.lines()
                .filter(|line| !line.starts_with("back ="))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            text
        };
        (l, text)
    });
    let i18n = Localizer::from_sources(sources).unwrap();
    assert!(!i18n.has(Lang::Vi, "back"));
    assert_eq!(i18n.t(Lang::Vi, "back"), i18n.t(Lang::Ja, "back"));
    assert_eq!(i18n.t(Lang::Vi, "no-such-key"), "no-such-key");
}

#[test]
fn a_broken_file_is_refused_with_a_sentence() {
    let err = Localizer::from_sources([(Lang::En, "back = {".to_owned())]).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("locales/en/kiosk.ftl") && msg.contains("Fix the file"),
        "{msg}"
    );
}

/// Whether `text` has words outside its `{ $arguments }` (`wait-range` is `10–20` in most
/// languages: nothing to translate).
fn has_words(text: &str) -> bool {
    let mut depth = 0;
    text.chars().any(|c| {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        depth == 0 && c.is_alphabetic()
    })
}

#[test]
fn every_language_is_translated_not_copied_from_english() {
    let i18n = Localizer::shipped().unwrap();
    for lang in Lang::ALL {
        if lang == Lang::En {
            continue;
        }
        let same: Vec<String> = i18n
            .keys(Lang::Ja)
            .into_iter()
            .filter(|k| i18n.t(lang, k) == i18n.t(Lang::En, k) && has_words(&i18n.t(Lang::En, k)))
            .collect();
        // A few words are the same in English (e.g. "Interpreter" in Tagalog).
        assert!(
            same.len() <= 6,
            "{lang}: {} texts are English: {same:?}",
            same.len()
        );
    }
}

#[test]
fn arguments_are_formatted_without_bidi_isolation_marks() {
    let i18n = Localizer::shipped().unwrap();
    for lang in Lang::ALL {
        let text = i18n.t_args(lang, "ticket-ahead", &[("count", Arg::Num(17))]);
        assert!(text.contains("17"), "{lang}: {text}");
        assert!(
            !text.contains('\u{2068}') && !text.contains('\u{2069}'),
            "{lang}: {text:?}"
        );
    }
    assert_eq!(
        i18n.t_args(Lang::En, "ticket-eta", &[("range", "10–20".into())]),
        "Estimated wait: about 10–20 min"
    );
}

#[test]
fn every_language_writes_a_wait_as_a_range_and_nobody_ahead_as_next() {
    let i18n = Localizer::shipped().unwrap();
    let range = |low_min, high_min| WaitRange { low_min, high_min };
    for lang in Lang::ALL {
        for (key, next) in [
            ("ticket-eta", "ticket-eta-next"),
            ("purpose-wait-eta", "purpose-wait-none"),
        ] {
            let text = view::wait_text(&i18n, lang, key, next, range(10, 20));
            let (low, high) = (text.find("10"), text.find("20"));
            assert!(
                matches!((low, high), (Some(l), Some(h)) if l < h),
                "{lang} {key}: {text}"
            );
            assert!(
                !text.contains("{") && !text.contains('\u{2068}'),
                "{lang}: {text:?}"
            );
            assert_eq!(
                view::wait_text(&i18n, lang, key, next, range(0, 0)),
                i18n.t(lang, next),
                "{lang} {key}"
            );
            assert_ne!(i18n.t(lang, next), next, "{lang}: {next} missing");
            // A range of one number reads as that number, not "15–15".
            let one = view::wait_text(&i18n, lang, key, next, range(15, 15));
            assert!(one.contains("15") && !one.contains("15–15") && !one.contains("15〜15"));
        }
    }
    let en = |low_min, high_min| {
        view::wait_text(
            &i18n,
            Lang::En,
            "ticket-eta",
            "ticket-eta-next",
            range(low_min, high_min),
        )
    };
    assert_eq!(en(10, 20), "Estimated wait: about 10–20 min");
    assert_eq!(en(0, 0), "You are next.");
    let ja = view::wait_text(
        &i18n,
        Lang::Ja,
        "ticket-eta",
        "ticket-eta-next",
        range(10, 20),
    );
    assert_eq!(ja, "待ち時間の目安: 約10〜20分");
}

#[test]
fn every_text_has_glyphs_in_its_language_font_family() {
    let i18n = Localizer::shipped().unwrap();
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        let faces: Vec<ttf_parser::Face> = fonts::faces(lang)
            .into_iter()
            .map(|b| ttf_parser::Face::parse(b, 0).unwrap())
            .collect();
        assert!(faces.len() >= 5);
        let mut texts: Vec<String> = i18n
            .keys(Lang::Ja)
            .iter()
            .map(|k| i18n.t(lang, k))
            .collect();
        texts.push(lang.native_name().to_owned());
        texts.push("● ○ ・".to_owned());
        for text in texts {
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                if !faces.iter().any(|f| f.glyph_index(c).is_some()) {
                    missing.push(format!("{lang}: {c:?} in {text}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "no glyph for:\n{}", missing.join("\n"));
}

#[test]
fn han_characters_take_the_face_of_the_language() {
    // 直 differs between Japanese and Chinese forms: the first face that has it must be the
    // language's own (BIZ UDGothic for ja, Noto Sans SC/TC for zh).
    let first_with = |lang: Lang, c: char| {
        fonts::faces(lang)
            .into_iter()
            .find(|b| {
                ttf_parser::Face::parse(b, 0)
                    .unwrap()
                    .glyph_index(c)
                    .is_some()
            })
            .map(|b| {
                ttf_parser::Face::parse(b, 0)
                    .unwrap()
                    .names()
                    .into_iter()
                    .filter_map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    };
    assert!(
        first_with(Lang::Ja, '直').contains("BIZ UD"),
        "{}",
        first_with(Lang::Ja, '直')
    );
    assert!(first_with(Lang::JaEasy, '直').contains("BIZ UD"));
    assert!(
        first_with(Lang::ZhHans, '直').contains("SC"),
        "{}",
        first_with(Lang::ZhHans, '直')
    );
    assert!(
        first_with(Lang::ZhHant, '直').contains("TC"),
        "{}",
        first_with(Lang::ZhHant, '直')
    );
}

/// Office words for reception methods and systems that mean nothing to a visitor.
const JARGON: [&str; 10] = [
    "申請時来庁",
    "交付時来庁",
    "券面",
    "卡面",
    "マイナアシスト",
    "PASiD",
    "J-LIS",
    "住基ネット",
    "来庁方式",
    "受付方式",
];

#[test]
fn no_kiosk_text_in_any_language_uses_office_jargon() {
    let i18n = Localizer::shipped().unwrap();
    let mut found = Vec::new();
    for lang in Lang::ALL {
        for key in i18n.keys(lang) {
            let text = i18n.t(lang, &key);
            for word in JARGON.iter().filter(|w| text.contains(**w)) {
                found.push(format!("{lang} {key}: {word} in {text}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "jargon on the kiosk:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_easy_japanese_text_spells_document_words_with_their_reading() {
    // やさしい日本語: kanji only where the visitor's own papers or the office's signs use it, and
    // then after the word in kana, e.g. こうふつうちしょ（交付通知書）.
    let i18n = Localizer::shipped().unwrap();
    let is_kanji = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    for key in i18n.keys(Lang::JaEasy) {
        if key.starts_with("area-") || key.starts_with("desk-") || key.starts_with("counter-") {
            continue; // places.ftl
        }
        let text = i18n.t(Lang::JaEasy, &key);
        let mut depth = 0;
        for c in text.chars() {
            match c {
                '（' => depth += 1,
                '）' => depth -= 1,
                c if is_kanji(c) && depth == 0 => {
                    panic!("ja-easy {key}: kanji {c} outside a reading bracket in {text}")
                }
                _ => {}
            }
        }
    }
    let q = i18n.t(Lang::JaEasy, "q-resident");
    assert!(q.contains("く（区）") && !q.contains("くに"), "{q}");
    assert!(
        i18n.t(Lang::JaEasy, "doc-notice-postcard")
            .contains("こうふつうちしょ（交付通知書）")
    );
}
