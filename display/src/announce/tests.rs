//! Announcements tested as clip lists on the shipped configuration, and every clip they can
//! ask for checked on disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use madoguchi_engine::config::Config;
use madoguchi_protocol::{CounterInfo, Lang};

use super::*;
use crate::demo::{call, demo_now};

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets")
}

#[test]
fn vietnamese_ticket_plays_japanese_then_vietnamese_in_order() {
    let c = call("A-023", "3", Lang::Vi, demo_now());
    let mut a = Announcer::new(SoundSettings::default());
    a.enqueue(&c);
    let played: Vec<String> = std::iter::from_fn(|| a.next_clip()).collect();
    assert_eq!(
        strs(&played),
        [
            "sounds/chime.ogg",
            "voice/ja/intro.ogg",
            "voice/ja/letter-a.ogg",
            "voice/ja/no.ogg",
            "voice/ja/n-23.ogg",
            "voice/ja/mid.ogg",
            "voice/ja/n-3.ogg",
            "voice/ja/outro.ogg",
            "sounds/gap.ogg",
            "voice/vi/intro.ogg",
            "voice/vi/letter-a.ogg",
            "voice/vi/n-23.ogg",
            "voice/vi/to-counter.ogg",
            "voice/vi/n-3.ogg",
            "voice/vi/outro.ogg",
            "sounds/gap.ogg",
        ]
    );
}

#[test]
fn japanese_and_easy_japanese_tickets_are_announced_once() {
    for lang in [Lang::Ja, Lang::JaEasy] {
        let clips = announcement(&call("B-105", "12", lang, demo_now())).unwrap();
        assert!(
            clips
                .iter()
                .all(|c| !c.starts_with("voice/") || c.starts_with("voice/ja/"))
        );
        assert_eq!(clips.iter().filter(|c| *c == GAP).count(), 1);
        assert!(clips.contains(&"voice/ja/h-1.ogg".to_string()));
        assert!(clips.contains(&"voice/ja/n-12.ogg".to_string()));
    }
}

#[test]
fn numbers_are_composed_from_parts() {
    assert_eq!(number_parts(0, false), ["n-0"]);
    assert_eq!(number_parts(7, false), ["n-7"]);
    assert_eq!(number_parts(100, false), ["h-1"]);
    assert_eq!(number_parts(123, false), ["h-1", "n-23"]);
    assert_eq!(number_parts(105, true), ["h-1", "zero-join", "n-5"]);
    assert_eq!(number_parts(105, false), ["h-1", "n-5"]);
    assert_eq!(number_parts(2010, false), ["t-2", "n-10"]);
}

/// The shipped city desk of 八幡西 ("市職員窓口1"), called for ticket S-001.
fn city_desk_call(lang: Lang) -> madoguchi_protocol::Call {
    let config = Config::shipped();
    let site = config.site("yahatanishi").unwrap();
    let desk = site.counter("city-1").unwrap();
    call_to(&config.counter_info(desk), "S-001", lang)
}

#[test]
fn a_city_desk_is_announced_as_that_desk_not_as_counter_1() {
    let ja = sentence(Lang::Ja, &city_desk_call(Lang::Ja)).unwrap();
    assert_eq!(
        strs(&ja),
        [
            "voice/ja/intro.ogg",
            "voice/ja/letter-s.ogg",
            "voice/ja/no.ogg",
            "voice/ja/n-1.ogg",
            "voice/ja/mid.ogg",
            "voice/ja/desk-city.ogg",
            "voice/ja/n-1.ogg",
            "voice/ja/desk-outro.ogg",
        ]
    );
    let said: String = ja.iter().filter_map(|c| phrases().text_of(c)).collect();
    assert_eq!(said, "受付番号Sの1番の方、市職員窓口1番へお越しください。");
    let en = sentence(Lang::En, &city_desk_call(Lang::En)).unwrap();
    let said: Vec<String> = en.iter().filter_map(|c| phrases().text_of(c)).collect();
    assert_eq!(
        said.join(" "),
        "Number S 1 please go to the city staff desk 1 Thank you."
    );
}

#[test]
fn a_call_without_number_or_desk_cannot_be_announced() {
    let mut c = call("D-004", "6", Lang::Ko, demo_now());
    c.counter = "x".into();
    c.counter_name = "窓口".into();
    c.counter_number = None;
    let err = announcement(&c).unwrap_err();
    assert!(matches!(err, VoiceError::Unnamed { .. }));
    assert!(err.to_string().contains("counter x"), "{err}");
}

/// The part of a sentence that names the counter: what follows the ticket's number and the
/// phrase after it (ja/ko/zh `mid`), in clip names without folder and extension.
fn counter_part(lang: Lang, clips: &[String]) -> Vec<String> {
    let names: Vec<String> = clips
        .iter()
        .map(|c| {
            c.rsplit('/')
                .next()
                .unwrap()
                .trim_end_matches(".ogg")
                .to_string()
        })
        .collect();
    let script = script_for(lang);
    // Ticket "A-123" is said "h-1 n-23"; the counter part starts after it (and after "mid").
    let after = names.iter().position(|n| n == "n-23").unwrap() + 1;
    let skip = usize::from(script.parts.contains(&Part::Phrase("mid")));
    names[after + skip..].to_vec()
}

/// What a counter's part must be, from the configuration alone.
fn expected_part(lang: Lang, info: &CounterInfo) -> Vec<String> {
    let western = script_for(lang).parts.contains(&Part::Phrase("to-counter"));
    let zero = script_for(lang).zero_join;
    let num = |n: u32| number_parts(n, zero);
    let mut part = Vec::new();
    match (&info.desk_key, info.number) {
        (None, Some(n)) if western => {
            part.push("to-counter".to_string());
            part.extend(num(n));
            part.push("outro".into());
        }
        (None, Some(n)) => {
            part.extend(num(n));
            part.push("outro".into());
        }
        (Some(d), n) => {
            if western {
                part.push("to-desk".into());
            }
            part.push(d.clone());
            part.extend(n.map(num).unwrap_or_default());
            part.push(match (western, n) {
                (true, _) => "outro".into(),
                (false, Some(_)) => "desk-outro".into(),
                (false, None) => "desk-outro-plain".into(),
            });
        }
        (None, None) => panic!("counter {} has no number and no desk", info.id),
    }
    part
}

#[test]
fn every_counter_of_every_shipped_site_is_named_in_every_voice_language() {
    let config = Config::shipped();
    let desk_keys: Vec<String> = config.desks.iter().map(|d| d.name_key.clone()).collect();
    let mut checked = 0;
    for site in &config.sites {
        for lang in VOICE_LANGS {
            let mut said_by: BTreeMap<Vec<String>, String> = BTreeMap::new();
            for counter in &site.counters {
                let info = config.counter_info(counter);
                let call = call_to(&info, "A-123", lang);
                let clips = sentence(lang, &call).unwrap();
                let part = counter_part(lang, &clips);
                let ctx = format!("{} {} in {lang}: {part:?}", site.id, info.id);
                assert_eq!(part, expected_part(lang, &info), "{ctx}");
                // A desk never sounds like a numbered counter, and names only its own desk.
                let western = script_for(lang).parts.contains(&Part::Phrase("to-counter"));
                let numbered_phrase = if western { "to-counter" } else { "outro" };
                for key in &desk_keys {
                    let own = info.desk_key.as_ref() == Some(key);
                    assert_eq!(part.contains(key), own, "{ctx}");
                }
                if info.desk_key.is_some() {
                    assert!(!part.iter().any(|p| p == numbered_phrase), "{ctx}");
                }
                // What is said contains the counter's written name (ja, en).
                let texts: Vec<String> =
                    clips.iter().filter_map(|c| phrases().text_of(c)).collect();
                match lang {
                    Lang::Ja => assert!(texts.concat().contains(&info.name), "{ctx}"),
                    Lang::En => assert!(
                        texts
                            .join(" ")
                            .to_lowercase()
                            .contains(&info.name_en.to_lowercase()),
                        "{ctx}"
                    ),
                    _ => {}
                }
                // No two counters of a site sound the same.
                if let Some(other) = said_by.insert(part.clone(), info.id.clone()) {
                    panic!("{} and {other} are said alike: {ctx}", info.id);
                }
                for clip in announcement(&call).unwrap() {
                    assert!(assets().join(&clip).is_file(), "{clip} missing ({ctx})");
                }
                checked += 1;
            }
        }
        let infos: Vec<CounterInfo> = site
            .counters
            .iter()
            .map(|c| config.counter_info(c))
            .collect();
        assert_eq!(check_counters(&assets(), &infos), [], "{}", site.id);
    }
    assert!(checked > 100, "only {checked} counter × language checks");
    assert!(
        config
            .sites
            .iter()
            .flat_map(|s| &s.counters)
            .any(|c| c.desk.is_some() && c.number.is_none()),
        "the shipped configuration has an unnumbered desk (branch offices)"
    );
}

/// The shipped city desk 1 of 門司.
fn moji_city_desk() -> CounterInfo {
    let config = Config::shipped();
    let site = config.site("moji").unwrap();
    config.counter_info(site.counter("city-1").unwrap())
}

#[test]
fn a_desk_without_a_phrase_is_a_configuration_error_naming_counter_language_and_file() {
    let mut counter = moji_city_desk();
    counter.desk_key = Some("desk-nowhere".into());
    let err = check_counter(&assets(), &counter).unwrap_err().to_string();
    assert!(err.contains("counter city-1 (市職員窓口1)"), "{err}");
    assert!(err.contains("in ja"), "{err}");
    assert!(err.contains("voice/ja/desk-nowhere.ogg"), "{err}");
}

#[test]
fn a_missing_clip_is_a_configuration_error_naming_counter_language_and_file() {
    // Phrases are all there, clips are not: an assets folder without voice/.
    let empty = std::env::temp_dir().join(format!("madoguchi-no-voice-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let err = check_counter(&empty, &moji_city_desk()).unwrap_err();
    assert!(matches!(err, VoiceError::MissingClip { .. }), "{err}");
    let text = err.to_string();
    assert!(
        text.contains("counter city-1 (市職員窓口1) cannot be announced in ja"),
        "{text}"
    );
    assert!(text.contains("/voice/ja/intro.ogg is missing"), "{text}");
}

#[test]
fn the_phrase_table_parses_and_has_every_phrase_of_every_sentence() {
    assert_eq!(phrases_error(), None);
    for lang in VOICE_LANGS {
        let s = script_for(lang);
        for part in [s.parts, s.parts_desk, s.parts_desk_plain].concat() {
            if let Part::Phrase(p) = part {
                assert!(phrases().get(voice_code(lang), p).is_some(), "{lang} {p}");
            }
        }
    }
}

#[test]
fn every_clip_an_announcement_can_ask_for_exists() {
    let missing: Vec<String> = all_clips()
        .into_iter()
        .filter(|c| !assets().join(c).is_file())
        .collect();
    assert!(
        missing.is_empty(),
        "missing clips (run scripts/make-voice.sh): {missing:?}"
    );
    // And the sentences really use only those clips.
    let known = all_clips();
    for lang in Lang::ALL {
        for clip in announcement(&call("C-1234", "10", lang, demo_now())).unwrap() {
            assert!(known.contains(&clip), "{clip} not generated");
        }
    }
}

/// A clip's name without folder and extension (`voice/ja/n-3.ogg` → `n-3`).
fn clip_name(clip: &str) -> String {
    clip.rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".ogg")
        .to_string()
}

#[test]
fn a_braille_form_call_says_the_counter_twice_at_every_shipped_counter_in_every_voice_language() {
    let config = Config::shipped();
    let mut checked = 0;
    for site in &config.sites {
        for counter in &site.counters {
            let info = config.counter_info(counter);
            for lang in VOICE_LANGS {
                let plain = call_to(&info, "A-123", lang);
                let fetched = madoguchi_protocol::Call {
                    staff_to_visitor: true,
                    ..plain.clone()
                };
                let once = sentence(lang, &plain).unwrap();
                let twice = sentence(lang, &fetched).unwrap();
                let ctx = format!("{} {} in {lang}", site.id, info.id);
                let part = expected_part(lang, &info);
                assert_eq!(twice.len(), once.len() + part.len(), "{ctx}");
                assert_eq!(twice[..once.len()], once[..], "{ctx}");
                let again: Vec<String> = twice[once.len()..].iter().map(|c| clip_name(c)).collect();
                assert_eq!(again, part, "{ctx}: the counter's part, said again");
                assert_eq!(
                    twice[once.len()..],
                    once[once.len() - part.len()..],
                    "{ctx}: the same clips, in the same language"
                );
                for clip in announcement(&fetched).unwrap() {
                    assert!(assets().join(&clip).is_file(), "{clip} missing ({ctx})");
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} counter × language checks");
}

#[test]
fn a_braille_form_call_repeats_the_counter_in_japanese_and_in_the_visitors_language() {
    let said = |lang: Lang, clips: &[String]| -> Vec<String> {
        let own = format!("voice/{}/", voice_code(lang));
        clips
            .iter()
            .filter(|c| c.starts_with(&own))
            .filter_map(|c| phrases().text_of(c))
            .collect()
    };
    let mut c = call("A-023", "3", Lang::En, demo_now());
    c.staff_to_visitor = true;
    let clips = announcement(&c).unwrap();
    assert_eq!(
        said(Lang::Ja, &clips).concat(),
        "受付番号Aの23番の方、3番窓口へお越しください。3番窓口へお越しください。"
    );
    assert_eq!(
        said(Lang::En, &clips).join(" "),
        "Number A 23 please go to counter 3 Thank you. please go to counter 3 Thank you."
    );
    // A city desk: the desk and its number again, never "counter 1".
    let mut desk = city_desk_call(Lang::Vi);
    desk.staff_to_visitor = true;
    let ja = sentence(Lang::Ja, &desk).unwrap();
    let text: String = ja.iter().filter_map(|c| phrases().text_of(c)).collect();
    assert_eq!(
        text,
        "受付番号Sの1番の方、市職員窓口1番へお越しください。市職員窓口1番へお越しください。"
    );
    let vi = sentence(Lang::Vi, &desk).unwrap();
    assert_eq!(
        vi.iter().filter(|c| c.ends_with("/desk-city.ogg")).count(),
        2
    );
    // An ordinary call is said once.
    c.staff_to_visitor = false;
    let once = announcement(&c).unwrap();
    assert_eq!(said(Lang::Ja, &once).concat().matches("番窓口").count(), 1);
}
