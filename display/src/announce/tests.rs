//! Announcements tested as clip lists, and every clip they can ask for checked on disk.

use std::path::Path;

use madoguchi_protocol::Lang;

use super::*;
use crate::demo::{call, demo_now};

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
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
        let clips = announcement(&call("B-105", "12", lang, demo_now()));
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
fn announcements_queue_in_order_and_a_recall_is_announced_again() {
    let mut a = Announcer::new(SoundSettings::default());
    let first = call("A-001", "1", Lang::En, demo_now());
    let second = call("A-002", "2", Lang::Ja, demo_now());
    a.enqueue(&first);
    a.enqueue(&second);
    a.enqueue(&first);
    let played: Vec<String> = std::iter::from_fn(|| a.next_clip()).collect();
    let expected: Vec<String> = [&first, &second, &first]
        .iter()
        .flat_map(|c| announcement(c))
        .collect();
    assert_eq!(played, expected);
    assert_eq!(played.iter().filter(|c| *c == CHIME).count(), 3);
    assert_eq!(a.pending(), 0);
}

#[test]
fn mute_queues_nothing_and_volume_is_clamped() {
    let mut a = Announcer::new(SoundSettings {
        volume: 0.7,
        mute: true,
    });
    a.enqueue(&call("A-001", "1", Lang::Vi, demo_now()));
    assert_eq!(a.next_clip(), None);
    assert_eq!(a.volume(), 0.0);
    let loud = Announcer::new(SoundSettings {
        volume: 3.0,
        mute: false,
    });
    assert_eq!(loud.volume(), 1.0);
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

#[test]
fn a_counter_without_a_number_uses_the_plain_phrase() {
    let mut c = call("D-004", "6", Lang::Ko, demo_now());
    c.counter = "city-a".into();
    c.counter_name = "市民課".into();
    let clips = sentence(Lang::Ko, &c);
    assert_eq!(
        clips.last().map(String::as_str),
        Some("voice/ko/mid-plain.ogg")
    );
    assert!(clips.iter().all(|c| !c.contains("outro")));
}

#[test]
fn every_clip_an_announcement_can_ask_for_exists() {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets");
    let missing: Vec<String> = all_clips()
        .into_iter()
        .filter(|c| !assets.join(c).is_file())
        .collect();
    assert!(
        missing.is_empty(),
        "missing clips (run scripts/make-voice.sh): {missing:?}"
    );
    // And the sentences really use only those clips.
    let known = all_clips();
    for lang in Lang::ALL {
        for clip in announcement(&call("C-1234", "10", lang, demo_now())) {
            assert!(known.contains(&clip), "{clip} not generated");
        }
    }
}
