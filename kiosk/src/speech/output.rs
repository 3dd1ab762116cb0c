//! Where speech goes: the default sound device through `rodio` directly, the version
//! bevy_audio already builds (so nothing compiles twice). Speech needs a queue of sample
//! buffers, a stop and a volume, not bevy assets, and the kiosk keeps bevy's AudioPlugin off.
//! Dropping a player stops it at once, so every `Say` starts a new one. Without a sound card,
//! `--speech-wav-dir` keeps what would be heard as WAV files and a transcript instead.

use std::io::Write;
use std::num::NonZero;
use std::path::PathBuf;

use super::pcm::{self, Pcm};

/// Where the samples go.
pub trait Output {
    /// Queues a phrase after the ones already queued.
    fn append(&mut self, text: &str, pcm: &Pcm);
    /// Drops everything queued or playing.
    fn stop(&mut self);
    /// Loudness factor (1.0 = as synthesized), now.
    fn set_volume(&mut self, gain: f32);
}

/// Builds the output on the speech thread (a sound device handle may not cross threads).
pub type MakeOutput = Box<dyn FnOnce() -> Box<dyn Output> + Send>;

/// The default sound device through rodio; one player per `Say`.
pub struct RodioOutput {
    device: rodio::MixerDeviceSink,
    player: Option<rodio::Player>,
    gain: f32,
}

impl RodioOutput {
    pub fn open() -> Result<RodioOutput, rodio::DeviceSinkError> {
        let mut device = rodio::DeviceSinkBuilder::open_default_sink()?;
        device.log_on_drop(false);
        Ok(RodioOutput {
            device,
            player: None,
            gain: 1.0,
        })
    }
}

impl Output for RodioOutput {
    fn append(&mut self, _text: &str, pcm: &Pcm) {
        let (Some(channels), Some(rate)) = (NonZero::new(pcm.channels), NonZero::new(pcm.rate))
        else {
            return;
        };
        let gain = self.gain;
        let mixer = self.device.mixer();
        let player = self.player.get_or_insert_with(|| {
            let p = rodio::Player::connect_new(mixer);
            p.set_volume(gain);
            p
        });
        let samples: Vec<f32> = pcm
            .samples
            .iter()
            .map(|s| f32::from(*s) / 32768.0)
            .collect();
        player.append(rodio::buffer::SamplesBuffer::new(channels, rate, samples));
    }

    fn stop(&mut self) {
        // Dropping the player stops it at once.
        self.player = None;
    }

    fn set_volume(&mut self, gain: f32) {
        self.gain = gain;
        if let Some(p) = &self.player {
            p.set_volume(gain);
        }
    }
}

/// No sound device: phrases are made and dropped.
pub struct NullOutput;

impl Output for NullOutput {
    fn append(&mut self, _text: &str, _pcm: &Pcm) {}
    fn stop(&mut self) {}
    fn set_volume(&mut self, _gain: f32) {}
}

/// What would be heard, kept as `0001.wav`, `0002.wav`, … in a folder, with `heard.txt`: one
/// line per phrase (file, text) and `-- stop` where speech was interrupted. For testing speech
/// mode on a machine without a sound card.
pub struct WavDir {
    dir: PathBuf,
    next: u32,
    failed: bool,
}

impl WavDir {
    pub fn create(dir: PathBuf) -> std::io::Result<WavDir> {
        std::fs::create_dir_all(&dir)?;
        Ok(WavDir {
            dir,
            next: 1,
            failed: false,
        })
    }

    fn note(&mut self, line: &str) -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join("heard.txt"))?;
        writeln!(f, "{line}")
    }

    fn write(&mut self, text: &str, pcm: &Pcm) -> std::io::Result<()> {
        let name = format!("{:04}.wav", self.next);
        self.next += 1;
        std::fs::write(self.dir.join(&name), pcm::wav_bytes(pcm))?;
        self.note(&format!("{name}\t{text}"))
    }

    fn log_once(&mut self, e: &std::io::Error) {
        if !self.failed {
            self.failed = true;
            tracing::error!(cause = %e, dir = %self.dir.display(), "speech is not written to the folder");
        }
    }
}

impl Output for WavDir {
    fn append(&mut self, text: &str, pcm: &Pcm) {
        if let Err(e) = self.write(text, pcm) {
            self.log_once(&e);
        }
    }

    fn stop(&mut self) {
        if let Err(e) = self.note("-- stop") {
            self.log_once(&e);
        }
    }

    fn set_volume(&mut self, _gain: f32) {}
}
