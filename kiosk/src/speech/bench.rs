//! `madoguchi-kiosk speech-bench`: per language, the time from the key that chooses the
//! language on the home screen to the first phrase of the purpose screen ready to play
//! (speech state → flow → view → speech thread → engine → samples handed to the output), with
//! an empty cache and with the phrase cached (as the kiosk prefetches it at start); the size
//! on disk of everything speech needs, measured from the files; and this process's memory
//! with the speech thread running and its cache filled.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use anyhow::Context;
use madoguchi_protocol::Lang;

use super::audio::SpeechAudio;
use super::output::Output;
use super::pcm::Pcm;
use super::synth::Key;
use super::voice::{self, Engine, SpeechPaths};
use super::{SpeechKey, SpeechOut, SpeechState};
use crate::flow::{KioskEvent, KioskState};
use crate::i18n::Localizer;
use crate::triage::TriageTree;
use crate::{sample, view};

/// The goal for the first sound after a key.
const GOAL_MS: f64 = 300.0;

/// Tells the bench when each phrase reaches the output.
struct Timed(Sender<(String, Instant)>);

impl Output for Timed {
    fn append(&mut self, text: &str, _pcm: &Pcm) {
        let _ = self.0.send((text.to_owned(), Instant::now()));
    }
    fn stop(&mut self) {}
    fn set_volume(&mut self, _gain: f32) {}
}

fn timed_audio(
    paths: &SpeechPaths,
    engines: &[Engine],
) -> anyhow::Result<(SpeechAudio, Receiver<(String, Instant)>)> {
    let (tx, rx) = mpsc::channel();
    let audio = SpeechAudio::spawn_with(
        paths.clone(),
        engines.to_vec(),
        Box::new(move || Box::new(Timed(tx)) as Box<dyn Output>),
    )?;
    Ok((audio, rx))
}

fn fresh(tree: &Arc<TriageTree>, i18n: &Arc<Localizer>) -> (KioskState, SpeechState) {
    let mut k = KioskState::new(tree.clone());
    k.apply(
        KioskEvent::SiteLoaded(Box::new(sample::site())),
        Duration::ZERO,
    );
    let mut s = SpeechState::with_texts(i18n.clone());
    s.start(&view::build(&k, i18n, Duration::ZERO));
    (k, s)
}

/// The keys that choose `lang` on the home screen once speech mode has started, whatever its
/// design: a digit, or moving down then Enter.
pub fn keys_to_choose(
    tree: &Arc<TriageTree>,
    i18n: &Arc<Localizer>,
    lang: Lang,
) -> Option<Vec<SpeechKey>> {
    let mut candidates: Vec<Vec<SpeechKey>> = (0..=9).map(|d| vec![SpeechKey::Digit(d)]).collect();
    for n in 0..=Lang::ALL.len() {
        let mut keys = vec![SpeechKey::Down; n];
        keys.push(SpeechKey::Enter);
        candidates.push(keys);
    }
    candidates.into_iter().find(|keys| {
        let (k, mut s) = fresh(tree, i18n);
        let mut events = Vec::new();
        for key in keys {
            events = s.key(*key, &view::build(&k, i18n, Duration::ZERO)).events;
        }
        events.contains(&KioskEvent::ChooseLang(lang))
    })
}

/// One key press to the first phrase of the purpose screen at the output, in ms.
fn first_sound(
    tree: &Arc<TriageTree>,
    i18n: &Arc<Localizer>,
    lang: Lang,
    audio: &SpeechAudio,
    rx: &Receiver<(String, Instant)>,
) -> anyhow::Result<(f64, String)> {
    let keys = keys_to_choose(tree, i18n, lang).unwrap_or_default();
    let (mut k, mut s) = fresh(tree, i18n);
    let (last, before) = keys
        .split_last()
        .map_or((None, &[][..]), |(l, b)| (Some(*l), b));
    for key in before {
        let step = s.key(*key, &view::build(&k, i18n, Duration::ZERO));
        step.events
            .into_iter()
            .for_each(|e| drop(k.apply(e, Duration::ZERO)));
    }
    while rx.try_recv().is_ok() {}
    let start = Instant::now();
    let mut out = Vec::new();
    let events = match last {
        Some(key) => {
            let step = s.key(key, &view::build(&k, i18n, Duration::ZERO));
            out.extend(step.out);
            step.events
        }
        // Speech mode chooses languages some other way: the flow event itself.
        None => vec![KioskEvent::ChooseLang(lang)],
    };
    events
        .into_iter()
        .for_each(|e| drop(k.apply(e, Duration::ZERO)));
    out.extend(s.observe(&view::build(&k, i18n, Duration::ZERO)));
    let first = out
        .iter()
        .rev()
        .find_map(|o| match o {
            SpeechOut::Say(p) if !p.is_empty() => Some(p[0].clone()),
            _ => None,
        })
        .with_context(|| {
            format!(
                "speech mode said nothing on the purpose screen in {}",
                lang.code()
            )
        })?;
    let want = Key::new(first.lang, 100, &first.text).text;
    out.into_iter().for_each(|o| audio.send(o));
    loop {
        let (text, at) = rx
            .recv_timeout(Duration::from_secs(10))
            .with_context(|| format!("no sound for \"{want}\" within 10 s"))?;
        if text == want {
            return Ok((at.duration_since(start).as_secs_f64() * 1000.0, want));
        }
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Runs the bench and prints its table and `summary:` line.
pub fn run(
    paths: &SpeechPaths,
    i18n: &Arc<Localizer>,
    tree: &Arc<TriageTree>,
    iterations: u32,
) -> anyhow::Result<()> {
    let engines = voice::check_at_start(paths);
    anyhow::ensure!(
        !engines.is_empty(),
        "No speech engine is installed: run scripts/setup.sh."
    );
    println!(
        "{:<8} {:<11} {:>10} {:>10} {:>10}  first phrase",
        "lang", "engine", "uncached", "cached", "max_unc"
    );
    let (warm, warm_rx) = timed_audio(paths, &engines)?;
    let (mut worst_unc, mut worst_cached) = (0.0f64, 0.0f64);
    for lang in Lang::ALL {
        let engine = voice::voice(lang).engine;
        if !engines.contains(&engine) {
            println!("{:<8} {:<11} (not installed)", lang.code(), engine.name());
            continue;
        }
        let mut unc = Vec::new();
        let mut text = String::new();
        for _ in 0..iterations {
            // A new speech thread has an empty cache.
            let (audio, rx) = timed_audio(paths, &engines)?;
            let (ms, t) = first_sound(tree, i18n, lang, &audio, &rx)?;
            unc.push(ms);
            text = t;
        }
        first_sound(tree, i18n, lang, &warm, &warm_rx)?;
        let mut cached = Vec::new();
        for _ in 0..iterations {
            cached.push(first_sound(tree, i18n, lang, &warm, &warm_rx)?.0);
        }
        let max_unc = unc.iter().copied().fold(0.0, f64::max);
        let (u, c) = (median(unc), median(cached));
        worst_unc = worst_unc.max(u);
        worst_cached = worst_cached.max(c);
        let short: String = text.chars().take(30).collect();
        println!(
            "{:<8} {:<11} {u:>10.1} {c:>10.1} {max_unc:>10.1}  {short}",
            lang.code(),
            engine.name()
        );
    }
    println!(
        "(ms from the key to the first phrase's samples at the output; median of {iterations}; goal < {GOAL_MS} ms)"
    );
    let disk = disk(paths);
    for (what, bytes) in &disk {
        println!("{what:<46} {:>8.1} MB", *bytes as f64 / 1e6);
    }
    let total: u64 = disk.iter().map(|(_, b)| b).sum();
    let cache_mb = warm.stats.cache_bytes.load(Ordering::Relaxed) as f64 / 1e6;
    let (rss, hwm) = (status_mb("VmRSS:"), status_mb("VmHWM:"));
    println!(
        "speech assets on disk: {:.1} MB; this process: {rss} MB resident ({hwm} MB peak), phrase cache {cache_mb:.1} MB",
        total as f64 / 1e6
    );
    println!(
        "summary: first_sound_ms={} first_sound_cached_ms={} goal_ms={GOAL_MS} speech_disk_mb={:.0} rss_mb={rss} peak_rss_mb={hwm}",
        worst_unc.ceil() as u64,
        worst_cached.ceil() as u64,
        total as f64 / 1e6
    );
    Ok(())
}

/// Sizes of the engines, their libraries and data, and the voice, from the files.
fn disk(paths: &SpeechPaths) -> Vec<(String, u64)> {
    let lib = |name: &str| {
        [
            "/lib/x86_64-linux-gnu",
            "/usr/lib/x86_64-linux-gnu",
            "/usr/lib",
            "/lib",
        ]
        .iter()
        .map(|d| Path::new(d).join(name))
        .find(|p| p.exists())
    };
    let espeak_data = std::process::Command::new(&paths.espeak_ng)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| {
            let s = String::from_utf8_lossy(&o.stdout).into_owned();
            s.split("Data at:").nth(1).map(|d| PathBuf::from(d.trim()))
        });
    let groups: Vec<(String, Vec<Option<PathBuf>>)> = vec![
        (
            "open_jtalk + libHTSEngine".into(),
            vec![paths.program(Engine::OpenJtalk), lib("libHTSEngine.so.1")],
        ),
        (
            "Open JTalk dictionary (naist-jdic)".to_owned(),
            vec![Some(paths.jtalk_dic.clone())],
        ),
        ("HTS voice mei_normal".into(), vec![Some(paths.htsvoice())]),
        (
            "espeak-ng + libespeak-ng, libsonic, libpcaudio".into(),
            vec![
                paths.program(Engine::EspeakNg),
                lib("libespeak-ng.so.1"),
                lib("libsonic.so.0"),
                lib("libpcaudio.so.0"),
            ],
        ),
        ("espeak-ng data (every voice)".into(), vec![espeak_data]),
    ];
    groups
        .into_iter()
        .map(|(what, ps)| (what, ps.into_iter().flatten().map(|p| size(&p)).sum()))
        .collect()
}

/// Bytes of a file (links followed) or of everything under a folder.
fn size(path: &Path) -> u64 {
    let Ok(meta) = std::fs::metadata(path) else {
        return 0;
    };
    if !meta.is_dir() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| size(&e.path())).sum())
        .unwrap_or(0)
}

/// A memory line of /proc/self/status in MB.
fn status_mb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with(field))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb.div_ceil(1024))
}
