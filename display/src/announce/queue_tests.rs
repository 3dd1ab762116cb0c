//! The announcement queue's failure paths, without audio hardware: a failed clip is retried
//! once or skipped, the rest of the announcement and the next one still play, and a run of
//! failures is reported once (and its end too).

use madoguchi_protocol::Lang;

use super::*;
use crate::demo::{call, demo_now};

fn queued(calls: &[&str]) -> Announcer {
    let mut a = Announcer::new(SoundSettings::default());
    for (i, number) in calls.iter().enumerate() {
        a.enqueue(&call(number, &(i + 1).to_string(), Lang::Ja, demo_now()));
    }
    a
}

fn clips_of(number: &str, counter: &str) -> Vec<String> {
    announcement(&call(number, counter, Lang::Ja, demo_now())).unwrap()
}

/// Plays everything, each clip ending well unless `fails` says it fails; returns what was
/// started, in order.
fn run(a: &mut Announcer, mut fails: impl FnMut(&str, usize) -> bool) -> Vec<String> {
    let mut started = Vec::new();
    while let Some(clip) = a.next_clip() {
        let tries = started.iter().filter(|c| **c == clip).count();
        started.push(clip.clone());
        if fails(&clip, tries) {
            a.failed();
        } else {
            a.played();
        }
        assert!(started.len() < 1000, "the queue does not drain");
    }
    started
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
        .flat_map(|c| announcement(c).unwrap())
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
fn a_clip_that_fails_once_is_retried_and_the_announcement_goes_on() {
    let mut a = queued(&["A-023"]);
    let started = run(&mut a, |clip, tries| {
        clip == "voice/ja/n-23.ogg" && tries == 0
    });
    let mut expected = clips_of("A-023", "1");
    let at = expected
        .iter()
        .position(|c| c == "voice/ja/n-23.ogg")
        .unwrap();
    expected.insert(at, "voice/ja/n-23.ogg".into());
    assert_eq!(started, expected);
    assert!(a.take_reports().is_empty());
    assert!(a.is_idle());
}

#[test]
fn a_clip_that_fails_twice_is_skipped_and_the_next_announcement_plays() {
    let mut a = queued(&["A-023", "B-005"]);
    let started = run(&mut a, |clip, _| clip == "voice/ja/n-23.ogg");
    assert_eq!(
        started.iter().filter(|c| *c == "voice/ja/n-23.ogg").count(),
        2
    );
    let first = clips_of("A-023", "1");
    let second = clips_of("B-005", "2");
    // Everything else of the first announcement and all of the second were started.
    for clip in first.iter().chain(&second) {
        assert!(started.contains(clip), "{clip} never played");
    }
    assert!(started.ends_with(&second));
    assert!(
        a.take_reports().is_empty(),
        "two failures are not yet a failing sound"
    );
}

#[test]
fn failures_in_a_row_are_reported_once_and_the_recovery_too() {
    let mut a = queued(&["A-001", "A-002", "A-003"]);
    let mut broken = true;
    let mut seen = 0;
    let started = run(&mut a, |clip, _| {
        if clip == CHIME {
            seen += 1;
            // The sound card comes back before the third announcement.
            broken = seen < 3;
        }
        broken
    });
    let reports = a.take_reports();
    assert_eq!(reports.len(), 2, "{reports:?}");
    assert!(matches!(
        &reports[0],
        Report::SoundFailing { failures, .. } if *failures == FAILURE_LIMIT
    ));
    assert_eq!(reports[1], Report::SoundBack);
    // The third announcement played whole.
    assert!(started.ends_with(&clips_of("A-003", "3")));
    assert!(!a.is_failing());
}

#[test]
fn a_dead_sound_card_costs_one_try_per_announcement_not_a_backlog() {
    let mut a = queued(&["A-001", "A-002", "A-003", "A-004", "A-005"]);
    let started = run(&mut a, |_, _| true);
    // chime, chime again, first phrase: reported; then one chime per later announcement.
    assert_eq!(started.len(), 3 + 4, "{started:?}");
    let reports = a.take_reports();
    assert_eq!(reports.len(), 1, "reported once, not per clip: {reports:?}");
    assert!(a.is_failing());
    assert!(a.is_idle());
    // A new call is still tried: the card may be back.
    a.enqueue(&call("A-006", "1", Lang::Ja, demo_now()));
    assert_eq!(a.next_clip().as_deref(), Some(CHIME));
    a.played();
    assert_eq!(a.take_reports(), [Report::SoundBack]);
}

#[test]
fn a_call_the_voice_cannot_name_is_reported_not_half_said() {
    let mut a = Announcer::new(SoundSettings::default());
    let mut c = call("A-001", "1", Lang::Vi, demo_now());
    c.counter_number = None;
    a.enqueue(&c);
    assert!(a.is_idle());
    let reports = a.take_reports();
    assert!(matches!(
        &reports[..],
        [Report::Unsayable(VoiceError::Unnamed { .. })]
    ));
}
