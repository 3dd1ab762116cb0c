//! Synthesis jobs and their cache. A job is one engine process reading one phrase into a WAV
//! file; it is polled, not waited on, so the speech thread can kill it the moment the visitor
//! presses another key. The cache keeps the samples of recent phrases (bounded in bytes, least
//! recently used out first): the screens' fixed phrases come back often and then need no
//! process at all.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::Child;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use madoguchi_protocol::Lang;

use super::pcm::{self, Pcm};
use super::voice::{self, Engine, SpeechPaths, Voice};

/// Silence kept before the first sound and after the last of a phrase.
const LEAD: Duration = Duration::from_millis(20);
const TRAIL: Duration = Duration::from_millis(180);

/// What identifies a synthesized phrase.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub voice: Voice,
    /// Rate in percent of normal.
    pub rate: u16,
    pub text: String,
}

impl Key {
    pub fn new(lang: Lang, rate: u16, text: &str) -> Key {
        let voice = voice::voice(lang);
        Key {
            voice,
            rate,
            text: spoken_text(voice.engine, text),
        }
    }
}

/// The text as the engine gets it: on one line (Open JTalk reads a line at a time and would
/// overwrite its file per line); for Open JTalk without the spaces between Japanese words of
/// やさしい日本語, which it would read as 0.4 s pauses each (punctuation still pauses).
fn spoken_text(engine: Engine, text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::with_capacity(text.len());
    for (i, w) in words.iter().enumerate() {
        let japanese_join = engine == Engine::OpenJtalk
            && i > 0
            && out.chars().last().is_some_and(|c| !c.is_ascii())
            && w.chars().next().is_some_and(|c| !c.is_ascii());
        if i > 0 && !japanese_join {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// One engine process at work.
pub struct Job {
    child: Child,
    wav: PathBuf,
    pub key: Key,
}

/// A folder of this process for the engines' WAV files, and unique names in it.
pub struct Scratch {
    dir: PathBuf,
    next: AtomicU64,
}

impl Scratch {
    pub fn new() -> std::io::Result<Scratch> {
        static N: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "madoguchi-speech-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir)?;
        Ok(Scratch {
            dir,
            next: AtomicU64::new(0),
        })
    }

    fn file(&self) -> PathBuf {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        self.dir.join(format!("{n}.wav"))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Job {
    /// Starts the engine on `key`'s text.
    pub fn start(paths: &SpeechPaths, scratch: &Scratch, key: Key) -> Result<Job, String> {
        let wav = scratch.file();
        let mut child = paths
            .command(key.voice, key.rate, &wav)
            .spawn()
            .map_err(|e| format!("{} could not start: {e}", key.voice.engine.name()))?;
        if let Some(mut stdin) = child.stdin.take() {
            // The text is far smaller than a pipe's buffer: this never blocks.
            let _ = stdin.write_all(key.text.as_bytes());
        }
        Ok(Job { child, wav, key })
    }

    /// The samples once the engine has finished; `None` while it runs.
    pub fn poll(&mut self) -> Option<Result<Pcm, String>> {
        match self.child.try_wait() {
            Ok(None) => None,
            Ok(Some(status)) => Some(self.finish(status.success())),
            Err(e) => Some(Err(e.to_string())),
        }
    }

    /// Waits for the engine.
    pub fn wait(mut self) -> Result<Pcm, String> {
        let ok = self.child.wait().map_err(|e| e.to_string())?.success();
        self.finish(ok)
    }

    fn finish(&mut self, ok: bool) -> Result<Pcm, String> {
        let stderr = self
            .child
            .stderr
            .take()
            .map(|mut s| {
                let mut text = String::new();
                let _ = std::io::Read::read_to_string(&mut s, &mut text);
                text
            })
            .unwrap_or_default();
        let engine = self.key.voice.engine.name();
        if !ok {
            return Err(format!("{engine} failed: {}", stderr.trim()));
        }
        let bytes =
            std::fs::read(&self.wav).map_err(|e| format!("{engine} wrote no audio: {e}"))?;
        let pcm = pcm::parse_wav(&bytes).map_err(|e| format!("{engine}'s audio: {e}"))?;
        Ok(pcm::trim_silence(&pcm, LEAD, TRAIL))
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        // A job dropped before it finished was interrupted: stop the engine.
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        let _ = std::fs::remove_file(&self.wav);
    }
}

/// Synthesizes one phrase and waits for it (tests, the bench).
pub fn synthesize(paths: &SpeechPaths, lang: Lang, rate: u16, text: &str) -> Result<Pcm, String> {
    let scratch = Scratch::new().map_err(|e| e.to_string())?;
    Job::start(paths, &scratch, Key::new(lang, rate, text))?.wait()
}

/// Recently said phrases, at most `cap` bytes of samples.
pub struct Cache {
    map: HashMap<Key, (Pcm, u64)>,
    bytes: usize,
    cap: usize,
    clock: u64,
}

/// The cache's default size: about 5 minutes of Open JTalk's 48 kHz speech.
pub const CACHE_BYTES: usize = 32 << 20;

impl Cache {
    pub fn new(cap: usize) -> Cache {
        Cache {
            map: HashMap::new(),
            bytes: 0,
            cap,
            clock: 0,
        }
    }

    pub fn get(&mut self, key: &Key) -> Option<Pcm> {
        self.clock += 1;
        let clock = self.clock;
        self.map.get_mut(key).map(|(pcm, used)| {
            *used = clock;
            pcm.clone()
        })
    }

    pub fn contains(&self, key: &Key) -> bool {
        self.map.contains_key(key)
    }

    pub fn insert(&mut self, key: Key, pcm: Pcm) {
        if pcm.bytes() > self.cap {
            return;
        }
        self.clock += 1;
        self.bytes += pcm.bytes();
        if let Some((old, _)) = self.map.insert(key, (pcm, self.clock)) {
            self.bytes -= old.bytes();
        }
        while self.bytes > self.cap {
            let Some(oldest) = self
                .map
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some((old, _)) = self.map.remove(&oldest) {
                self.bytes -= old.bytes();
            }
        }
    }

    pub fn bytes(&self) -> usize {
        self.bytes
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pcm(n: usize) -> Pcm {
        Pcm {
            rate: 1000,
            channels: 1,
            samples: vec![1i16; n].into(),
        }
    }

    #[test]
    fn the_cache_drops_the_least_recently_used_phrase_beyond_its_size() {
        let mut c = Cache::new(100);
        let k = |t: &str| Key::new(Lang::En, 100, t);
        c.insert(k("a"), pcm(20));
        c.insert(k("b"), pcm(20));
        assert!(c.get(&k("a")).is_some());
        c.insert(k("c"), pcm(20));
        assert_eq!((c.len(), c.bytes()), (2, 80));
        assert!(c.contains(&k("a")) && c.contains(&k("c")) && !c.contains(&k("b")));
        c.insert(k("huge"), pcm(60));
        assert!(!c.contains(&k("huge")), "larger than the whole cache");
    }

    #[test]
    fn keys_differ_by_voice_and_rate_and_ignore_line_breaks() {
        assert_eq!(
            Key::new(Lang::Ja, 100, "一\n二"),
            Key::new(Lang::Ja, 100, "一 二")
        );
        assert_ne!(
            Key::new(Lang::Ja, 100, "a"),
            Key::new(Lang::JaEasy, 100, "a")
        );
        assert_ne!(Key::new(Lang::Ja, 100, "a"), Key::new(Lang::Ja, 120, "a"));
        assert_eq!(Key::new(Lang::Tl, 100, "a"), Key::new(Lang::Id, 100, "a"));
        // やさしい日本語's spaces are for the eye; "A 023" keeps its space.
        assert_eq!(
            Key::new(Lang::JaEasy, 100, "なにを しに きましたか? A 023").text,
            "なにをしにきましたか? A 023"
        );
        assert_eq!(Key::new(Lang::En, 100, " two\n words ").text, "two words");
    }
}
