//! The speech thread: owns the synthesizers and the sound output, and does what speech mode
//! asks ([`SpeechOut`]). `Say` stops the current speech at once (the player is dropped, an
//! engine still reading an old phrase is killed) and says the new phrases in order: each is
//! synthesized while the one before it plays, and recent phrases come from a cache without
//! any engine. `Prefetch` synthesizes phrases likely to be said next (the home prompt at
//! start) when the thread has nothing else to do. Volume changes at once, the rate from the
//! next synthesized phrase.
//!
//! Sound goes out through [`super::output`]. Without an audio device (CI, Xvfb) it logs once
//! and carries on silently; synthesis still runs.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use super::output::{MakeOutput, NullOutput, Output, RodioOutput, WavDir};
use super::pcm::Pcm;
use super::synth::{CACHE_BYTES, Cache, Job, Key, Scratch};
use super::voice::{self, Engine, SpeechPaths};
use super::{DEFAULT_VOLUME, Phrase, SpeechOut, VOLUME_STEPS};

/// How often a running engine is looked at.
const POLL: Duration = Duration::from_millis(3);
/// Phrases waiting to be prefetched, at most.
const PREFETCH_MAX: usize = 256;

/// Loudness factor of a volume step: 3 dB a step, step [`VOLUME_STEPS`] = as synthesized.
pub fn gain(step: u8) -> f32 {
    let below = VOLUME_STEPS - step.clamp(1, VOLUME_STEPS);
    10f32.powf(-3.0 * f32::from(below) / 20.0)
}

/// Counters the bench and the tests read.
#[derive(Debug, Default)]
pub struct Stats {
    /// Phrases an engine made.
    pub synthesized: AtomicU64,
    /// Phrases to say found in the cache.
    pub cache_hits: AtomicU64,
    /// Phrases handed to the output.
    pub played: AtomicU64,
    /// Phrases no engine could make.
    pub failed: AtomicU64,
    pub cache_bytes: AtomicU64,
}

enum Msg {
    Out(SpeechOut),
    Prefetch(Vec<Phrase>),
}

/// The handle the window holds; dropping it ends the thread.
pub struct SpeechAudio {
    tx: Option<Sender<Msg>>,
    pub stats: Arc<Stats>,
    thread: Option<JoinHandle<()>>,
}

impl SpeechAudio {
    /// Checks the engines (logging what to install) and starts the thread on the default
    /// sound device, or silently without one.
    pub fn spawn(paths: SpeechPaths) -> std::io::Result<SpeechAudio> {
        let engines = voice::check_at_start(&paths);
        let wav_dir = paths.speech_wav_dir.clone();
        let make: MakeOutput = Box::new(move || {
            if let Some(dir) = wav_dir {
                match WavDir::create(dir.clone()) {
                    Ok(out) => {
                        tracing::info!(dir = %dir.display(), "speech is kept as WAV files, not played");
                        return Box::new(out);
                    }
                    Err(e) => {
                        tracing::error!(cause = %e, dir = %dir.display(), "no folder for speech")
                    }
                }
            }
            match RodioOutput::open() {
                Ok(out) => Box::new(out),
                Err(e) => {
                    tracing::warn!(cause = %e, "no audio device: speech is synthesized but not heard");
                    Box::new(NullOutput)
                }
            }
        });
        Self::spawn_with(paths, engines, make)
    }

    /// Starts the thread with the given engines and output.
    pub fn spawn_with(
        paths: SpeechPaths,
        engines: Vec<Engine>,
        make: MakeOutput,
    ) -> std::io::Result<SpeechAudio> {
        let (tx, rx) = mpsc::channel();
        let stats = Arc::new(Stats::default());
        let scratch = Scratch::new()?;
        let worker_stats = stats.clone();
        let thread = std::thread::Builder::new()
            .name("speech".into())
            .spawn(move || {
                // The start check has logged the missing engines already.
                let warned = [Engine::OpenJtalk, Engine::EspeakNg]
                    .into_iter()
                    .filter(|e| !engines.contains(e))
                    .collect();
                let mut w = Worker {
                    paths,
                    engines,
                    scratch,
                    out: make(),
                    cache: Cache::new(CACHE_BYTES),
                    rate: 100,
                    queue: VecDeque::new(),
                    prefetch: VecDeque::new(),
                    job: None,
                    warned,
                    stats: worker_stats,
                };
                w.out.set_volume(gain(DEFAULT_VOLUME));
                w.run(&rx);
            })?;
        Ok(SpeechAudio {
            tx: Some(tx),
            stats,
            thread: Some(thread),
        })
    }

    pub fn send(&self, out: SpeechOut) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Msg::Out(out));
        }
    }

    /// Synthesizes these into the cache when there is nothing to say.
    pub fn prefetch(&self, phrases: Vec<Phrase>) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Msg::Prefetch(phrases));
        }
    }
}

impl Drop for SpeechAudio {
    fn drop(&mut self) {
        self.tx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

struct Worker {
    paths: SpeechPaths,
    engines: Vec<Engine>,
    scratch: Scratch,
    out: Box<dyn Output>,
    cache: Cache,
    rate: u16,
    /// Phrases of the current `Say` not yet handed to the output.
    queue: VecDeque<Phrase>,
    prefetch: VecDeque<Phrase>,
    /// The engine at work, and whether for the current `Say`.
    job: Option<(Job, bool)>,
    warned: HashSet<Engine>,
    stats: Arc<Stats>,
}

impl Worker {
    fn run(&mut self, rx: &Receiver<Msg>) {
        loop {
            let msg = if self.job.is_some() {
                match rx.recv_timeout(POLL) {
                    Ok(m) => Some(m),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            } else {
                match rx.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return,
                }
            };
            if let Some(m) = msg {
                self.handle(m);
                while let Ok(m) = rx.try_recv() {
                    self.handle(m);
                }
            }
            self.pump();
            self.poll_job();
            self.start_next();
        }
    }

    fn key(&self, p: &Phrase) -> Key {
        Key::new(p.lang, self.rate, &p.text)
    }

    fn handle(&mut self, msg: Msg) {
        match msg {
            Msg::Out(SpeechOut::Say(phrases)) => {
                tracing::debug!(phrases = phrases.len(), "say");
                self.out.stop();
                self.queue = phrases.into();
                let front = self.queue.front().map(|p| self.key(p));
                // Keep an engine already reading the new first phrase; kill any other.
                if self
                    .job
                    .as_ref()
                    .is_some_and(|(j, _)| Some(&j.key) != front.as_ref())
                {
                    self.job = None;
                }
                if let Some((_, for_say)) = &mut self.job {
                    *for_say = true;
                }
            }
            Msg::Out(SpeechOut::Stop) => {
                self.out.stop();
                self.queue.clear();
                if self.job.as_ref().is_some_and(|(_, for_say)| *for_say) {
                    self.job = None;
                }
            }
            Msg::Out(SpeechOut::Volume(step)) => self.out.set_volume(gain(step)),
            Msg::Out(SpeechOut::Rate(rate)) => self.rate = rate,
            Msg::Prefetch(phrases) => {
                self.prefetch.extend(phrases);
                while self.prefetch.len() > PREFETCH_MAX {
                    self.prefetch.pop_front();
                }
            }
        }
    }

    /// Whether an engine for `key` is here; logs once per engine when not.
    fn can_say(&mut self, key: &Key) -> bool {
        let engine = key.voice.engine;
        if self.engines.contains(&engine) {
            return true;
        }
        if self.warned.insert(engine) {
            tracing::warn!(
                engine = engine.name(),
                "a phrase is not spoken: {}",
                engine.install_hint()
            );
        }
        false
    }

    /// Hands the output every phrase at the front of the queue that is ready.
    fn pump(&mut self) {
        while let Some(p) = self.queue.front() {
            let key = self.key(p);
            if let Some(pcm) = self.cache.get(&key) {
                self.stats.cache_hits.fetch_add(1, Ordering::Relaxed);
                self.play(&key, &pcm);
            } else if !self.can_say(&key) {
                self.queue.pop_front();
            } else {
                break;
            }
        }
    }

    fn play(&mut self, key: &Key, pcm: &Pcm) {
        tracing::debug!(text = key.text, ms = pcm.duration().as_millis(), "speaking");
        self.out.append(&key.text, pcm);
        self.stats.played.fetch_add(1, Ordering::Relaxed);
        self.queue.pop_front();
    }

    fn poll_job(&mut self) {
        let Some((job, _)) = &mut self.job else {
            return;
        };
        let Some(result) = job.poll() else {
            return;
        };
        let key = job.key.clone();
        self.job = None;
        let is_front = self.queue.front().is_some_and(|p| self.key(p) == key);
        match result {
            Ok(pcm) => {
                self.stats.synthesized.fetch_add(1, Ordering::Relaxed);
                self.cache.insert(key.clone(), pcm.clone());
                self.stats
                    .cache_bytes
                    .store(self.cache.bytes() as u64, Ordering::Relaxed);
                if is_front {
                    self.play(&key, &pcm);
                    self.pump();
                }
            }
            Err(e) => {
                self.stats.failed.fetch_add(1, Ordering::Relaxed);
                tracing::error!(cause = %e, text = key.text, "a phrase could not be synthesized");
                if is_front {
                    self.queue.pop_front();
                    self.pump();
                }
            }
        }
    }

    /// Starts an engine on the next phrase to say, else on the next one to prefetch.
    fn start_next(&mut self) {
        while self.job.is_none() {
            let (key, for_say) = if let Some(p) = self.queue.front() {
                (self.key(p), true)
            } else if let Some(p) = self.prefetch.pop_front() {
                let key = self.key(&p);
                if self.cache.contains(&key) || !self.can_say(&key) {
                    continue;
                }
                (key, false)
            } else {
                return;
            };
            match Job::start(&self.paths, &self.scratch, key) {
                Ok(job) => self.job = Some((job, for_say)),
                Err(e) => {
                    self.stats.failed.fetch_add(1, Ordering::Relaxed);
                    tracing::error!(cause = %e, "a phrase could not be synthesized");
                    if for_say {
                        self.queue.pop_front();
                        self.pump();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volume_steps_are_3_db_apart_and_the_top_step_is_full() {
        assert!((gain(VOLUME_STEPS) - 1.0).abs() < 1e-6);
        assert!((gain(VOLUME_STEPS - 1) - 0.708).abs() < 0.01);
        assert!(gain(1) > 0.0 && gain(1) < 0.05);
        assert_eq!(gain(0), gain(1));
        assert_eq!(gain(200), gain(VOLUME_STEPS));
    }
}
