//! The speech shell with the real engines (Open JTalk, espeak-ng; scripts/setup.sh installs
//! them) and a recording output instead of a sound card: every language is spoken, the cache
//! answers repeats, a new `Say` drops what was queued, volume and rate apply.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::sample;
use madoguchi_kiosk::speech::audio::{SpeechAudio, Stats};
use madoguchi_kiosk::speech::output::{MakeOutput, Output};
use madoguchi_kiosk::speech::pcm::Pcm;
use madoguchi_kiosk::speech::voice::{self, Engine, SpeechPaths};
use madoguchi_kiosk::speech::{Phrase, SpeechOut, synth, walk};
use madoguchi_protocol::Lang;

/// What the output was asked to do.
#[derive(Debug, Clone, PartialEq)]
enum Did {
    Play { text: String, ms: u128 },
    Stop,
    Volume(f32),
}

#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<Did>>>);

impl Recorder {
    fn log(&self) -> Vec<Did> {
        self.0.lock().map(|l| l.clone()).unwrap_or_default()
    }
    fn played(&self) -> Vec<String> {
        self.log()
            .into_iter()
            .filter_map(|d| match d {
                Did::Play { text, .. } => Some(text),
                _ => None,
            })
            .collect()
    }
    fn make(&self) -> MakeOutput {
        let r = self.clone();
        Box::new(move || Box::new(r) as Box<dyn Output>)
    }
    fn push(&self, d: Did) {
        if let Ok(mut l) = self.0.lock() {
            l.push(d);
        }
    }
}

impl Output for Recorder {
    fn append(&mut self, text: &str, pcm: &Pcm) {
        self.push(Did::Play {
            text: text.to_owned(),
            ms: pcm.duration().as_millis(),
        });
    }
    fn stop(&mut self) {
        self.push(Did::Stop);
    }
    fn set_volume(&mut self, gain: f32) {
        self.push(Did::Volume(gain));
    }
}

/// The engines installed here; a test that needs a missing one says so and is skipped.
fn engines() -> Vec<Engine> {
    let paths = SpeechPaths::default();
    [Engine::OpenJtalk, Engine::EspeakNg]
        .into_iter()
        .filter(|e| match paths.problem(*e) {
            None => true,
            Some(p) => {
                eprintln!("SKIPPED for {}: {p}", e.name());
                false
            }
        })
        .collect()
}

fn phrase(lang: Lang, text: &str) -> Phrase {
    Phrase {
        lang,
        text: text.to_owned(),
    }
}

fn wait_until(what: &str, stats: &Stats, done: impl Fn(&Stats) -> bool) {
    let start = Instant::now();
    while !done(stats) {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out waiting for {what}: {stats:?}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn played(s: &Stats) -> u64 {
    s.played.load(std::sync::atomic::Ordering::Relaxed)
}

fn count(a: &std::sync::atomic::AtomicU64) -> u64 {
    a.load(std::sync::atomic::Ordering::Relaxed)
}

#[test]
fn every_language_has_a_voice_that_says_the_purpose_title() {
    let i18n = Localizer::shipped().expect("locales");
    let have = engines();
    let paths = SpeechPaths::default();
    let threads: Vec<_> = Lang::ALL
        .into_iter()
        .filter(|l| have.contains(&voice::voice(*l).engine))
        .map(|lang| {
            let text = i18n.t(lang, "purpose-title");
            let paths = paths.clone();
            std::thread::spawn(move || (lang, synth::synthesize(&paths, lang, 100, &text)))
        })
        .collect();
    for t in threads {
        let (lang, pcm) = t.join().expect("thread");
        let pcm = pcm.unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        assert!(
            pcm.audible() && pcm.duration() > Duration::from_millis(300),
            "{lang:?}: {:?}",
            pcm.duration()
        );
        assert!(pcm.rate >= 16000, "{lang:?}: {} Hz", pcm.rate);
    }
}

#[test]
fn a_repeated_phrase_comes_from_the_cache_and_a_prefetched_one_needs_no_engine() {
    if !engines().contains(&Engine::EspeakNg) {
        return;
    }
    let out = Recorder::default();
    let audio =
        SpeechAudio::spawn_with(SpeechPaths::default(), engines(), out.make()).expect("thread");
    let s = audio.stats.clone();
    let hello = phrase(Lang::En, "Card pickup");
    audio.send(SpeechOut::Say(vec![hello.clone()]));
    wait_until("the first phrase", &s, |s| played(s) == 1);
    audio.send(SpeechOut::Say(vec![hello.clone()]));
    wait_until("the repeat", &s, |s| played(s) == 2);
    assert_eq!((count(&s.synthesized), count(&s.cache_hits)), (1, 1));

    audio.prefetch(vec![phrase(Lang::Vi, "Nhận thẻ")]);
    wait_until("the prefetch", &s, |s| count(&s.synthesized) == 2);
    assert_eq!(played(&s), 2, "prefetching says nothing");
    audio.send(SpeechOut::Say(vec![phrase(Lang::Vi, "Nhận thẻ")]));
    wait_until("the prefetched phrase", &s, |s| played(s) == 3);
    assert_eq!((count(&s.synthesized), count(&s.cache_hits)), (2, 2));
    assert!(count(&s.cache_bytes) > 0);
}

#[test]
fn a_new_say_drops_the_old_queue_and_stop_silences() {
    let have = engines();
    if !have.contains(&Engine::OpenJtalk) {
        return;
    }
    let out = Recorder::default();
    let audio = SpeechAudio::spawn_with(SpeechPaths::default(), have, out.make()).expect("thread");
    let s = audio.stats.clone();
    let old: Vec<Phrase> = (1..=6)
        .map(|n| phrase(Lang::Ja, &format!("古い案内の{n}番目の文です。")))
        .collect();
    audio.send(SpeechOut::Say(old));
    // Interrupt while the old phrases are being made and played.
    wait_until("the first old phrase", &s, |s| played(s) >= 1);
    let new = vec![phrase(Lang::Ja, "新しい案内"), phrase(Lang::Ja, "一番")];
    audio.send(SpeechOut::Say(new));
    wait_until("the new phrases", &s, |_| {
        out.played()
            .ends_with(&["新しい案内".to_owned(), "一番".to_owned()])
    });
    let log = out.log();
    let last_stop = log.iter().rposition(|d| *d == Did::Stop).expect("a stop");
    let after: Vec<_> = log[last_stop..]
        .iter()
        .filter(|d| matches!(d, Did::Play { .. }))
        .collect();
    assert_eq!(
        after.len(),
        2,
        "only the new phrases after the stop: {log:?}"
    );
    assert!(
        out.played()
            .iter()
            .filter(|t| t.starts_with("古い"))
            .count()
            < 6,
        "the old queue was cut short: {log:?}"
    );

    audio.send(SpeechOut::Stop);
    audio.send(SpeechOut::Say(vec![]));
    drop(audio);
    assert_eq!(out.log().last(), Some(&Did::Stop));
}

#[test]
fn volume_applies_at_once_and_rate_from_the_next_phrase() {
    if !engines().contains(&Engine::EspeakNg) {
        return;
    }
    let out = Recorder::default();
    let audio =
        SpeechAudio::spawn_with(SpeechPaths::default(), engines(), out.make()).expect("thread");
    let s = audio.stats.clone();
    let text = "Please choose what you came for";
    audio.send(SpeechOut::Volume(10));
    audio.send(SpeechOut::Say(vec![phrase(Lang::En, text)]));
    wait_until("normal rate", &s, |s| played(s) == 1);
    audio.send(SpeechOut::Rate(150));
    audio.send(SpeechOut::Say(vec![phrase(Lang::En, text)]));
    wait_until("fast rate", &s, |s| played(s) == 2);
    assert_eq!(count(&s.synthesized), 2, "a new rate is a new phrase");
    let ms: Vec<u128> = out
        .log()
        .into_iter()
        .filter_map(|d| match d {
            Did::Play { ms, .. } => Some(ms),
            _ => None,
        })
        .collect();
    assert!(ms[1] * 10 < ms[0] * 8, "150 % is shorter: {ms:?}");
    assert!(out.log().contains(&Did::Volume(1.0)));
}

#[test]
fn a_language_without_its_engine_is_skipped_and_the_rest_is_said() {
    if !engines().contains(&Engine::EspeakNg) {
        return;
    }
    let out = Recorder::default();
    let audio = SpeechAudio::spawn_with(SpeechPaths::default(), vec![Engine::EspeakNg], out.make())
        .expect("thread");
    let s = audio.stats.clone();
    audio.send(SpeechOut::Say(vec![
        phrase(Lang::Ja, "日本語"),
        phrase(Lang::En, "English"),
    ]));
    wait_until("the English phrase", &s, |s| played(s) == 1);
    assert_eq!(out.played(), vec!["English".to_owned()]);
}

/// Every phrase speech mode says along every path of the triage tree (as `speech-script`
/// prints it) in Japanese, English and Vietnamese — the languages a blind tester completes the
/// paths in — synthesized by its engine to audible speech. The other espeak-ng languages are
/// sampled by their purpose title above: espeak-ng reads any text of its language, while Open
/// JTalk's dictionary is what could miss a word. ~410 phrases (~140 Japanese, ~170 ms each),
/// one thread per core: ~15 s on 2 idle cores.
#[test]
fn every_phrase_of_the_japanese_english_and_vietnamese_scripts_is_synthesized() {
    let have = engines();
    if have.len() < 2 {
        return;
    }
    let i18n = Arc::new(Localizer::shipped().expect("locales"));
    let tree = Arc::new(madoguchi_kiosk::triage::TriageTree::shipped(&i18n).expect("tree"));
    let mut phrases = std::collections::BTreeSet::new();
    for lang in [Lang::Ja, Lang::En, Lang::Vi] {
        let headless = walk::Headless::new(tree.clone(), i18n.clone(), sample::site());
        for heard in walk::every_path(headless, lang) {
            for p in heard.phrases {
                phrases.insert((p.lang, synth::Key::new(p.lang, 100, &p.text).text));
            }
        }
    }
    let japanese = phrases
        .iter()
        .filter(|(l, _)| voice::voice(*l).engine == Engine::OpenJtalk)
        .count();
    assert!(japanese > 50, "the Japanese script has {japanese} phrases");
    let phrases: Vec<(Lang, String)> = phrases.into_iter().collect();
    let start = Instant::now();
    let n = std::thread::available_parallelism().map_or(2, |n| n.get().max(2));
    let threads: Vec<_> = (0..n)
        .map(|t| {
            let mine: Vec<(Lang, String)> = phrases.iter().skip(t).step_by(n).cloned().collect();
            std::thread::spawn(move || {
                let paths = SpeechPaths::default();
                mine.into_iter()
                    .filter_map(
                        |(lang, text)| match synth::synthesize(&paths, lang, 100, &text) {
                            Ok(pcm)
                                if pcm.audible() && pcm.duration() > Duration::from_millis(100) =>
                            {
                                None
                            }
                            Ok(pcm) => Some(format!(
                                "{lang:?} {text:?}: {:?} of silence",
                                pcm.duration()
                            )),
                            Err(e) => Some(format!("{lang:?} {text:?}: {e}")),
                        },
                    )
                    .collect::<Vec<String>>()
            })
        })
        .collect();
    let failed: Vec<String> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("thread"))
        .collect();
    eprintln!(
        "{} phrases ({japanese} by Open JTalk) synthesized in {:?}",
        phrases.len(),
        start.elapsed()
    );
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn without_a_sound_card_speech_can_be_kept_as_wav_files_and_a_transcript() {
    if !engines().contains(&Engine::EspeakNg) {
        return;
    }
    let dir = std::env::temp_dir().join(format!("madoguchi-heard-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let paths = SpeechPaths {
        speech_wav_dir: Some(dir.clone()),
        ..SpeechPaths::default()
    };
    let audio = SpeechAudio::spawn(paths).expect("thread");
    audio.send(SpeechOut::Say(vec![
        phrase(Lang::En, "Card pickup"),
        phrase(Lang::Vi, "Nhận thẻ"),
    ]));
    wait_until("two phrases", &audio.stats.clone(), |s| played(s) == 2);
    drop(audio);
    let heard = std::fs::read_to_string(dir.join("heard.txt")).expect("transcript");
    assert_eq!(
        heard, "-- stop\n0001.wav\tCard pickup\n0002.wav\tNhận thẻ\n",
        "a Say first stops what was being said"
    );
    let wav = std::fs::read(dir.join("0002.wav")).expect("wav");
    let pcm = madoguchi_kiosk::speech::pcm::parse_wav(&wav).expect("a WAV file");
    assert!(pcm.audible());
    let _ = std::fs::remove_dir_all(&dir);
}
