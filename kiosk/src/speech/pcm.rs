//! Synthesized speech as samples: the engines' 16-bit WAV files read back, with the silence
//! Open JTalk puts before every phrase (~280 ms) cut, so the first sound follows the key.

use std::sync::Arc;
use std::time::Duration;

/// Mono or stereo 16-bit samples at `rate` Hz.
#[derive(Debug, Clone, PartialEq)]
pub struct Pcm {
    pub rate: u32,
    pub channels: u16,
    pub samples: Arc<[i16]>,
}

impl Pcm {
    /// Memory the samples take.
    pub fn bytes(&self) -> usize {
        self.samples.len() * 2
    }

    pub fn duration(&self) -> Duration {
        let frames = self.samples.len() as u64 / u64::from(self.channels.max(1));
        Duration::from_micros(frames * 1_000_000 / u64::from(self.rate.max(1)))
    }

    /// Whether any sample is louder than near-silence.
    pub fn audible(&self) -> bool {
        self.samples.iter().any(|s| s.unsigned_abs() > SILENCE)
    }
}

/// Samples at or below this are silence (about −40 dBFS).
const SILENCE: u16 = 320;

/// Reads a PCM WAV file (16-bit). A data size larger than the file (espeak-ng writing to a
/// stream leaves it at its maximum) means "to the end".
pub fn parse_wav(bytes: &[u8]) -> Result<Pcm, String> {
    if bytes.len() < 12 || &bytes[..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return Err("not a RIFF WAVE file".into());
    }
    let mut pos = 12;
    let mut format: Option<(u16, u16, u32, u16)> = None;
    while pos + 8 <= bytes.len() {
        let id = &bytes[pos..pos + 4];
        let size = u32::from_le_bytes([
            bytes[pos + 4],
            bytes[pos + 5],
            bytes[pos + 6],
            bytes[pos + 7],
        ]) as usize;
        let body = pos + 8;
        let end = body.saturating_add(size).min(bytes.len());
        let le16 = |at: usize| u16::from_le_bytes([bytes[body + at], bytes[body + at + 1]]);
        match id {
            b"fmt " if end - body >= 16 => {
                let rate = u32::from_le_bytes([
                    bytes[body + 4],
                    bytes[body + 5],
                    bytes[body + 6],
                    bytes[body + 7],
                ]);
                format = Some((le16(0), le16(2), rate, le16(14)));
            }
            b"data" => {
                let (tag, channels, rate, bits) = format.ok_or("data before fmt")?;
                if tag != 1 || bits != 16 || channels == 0 || rate == 0 {
                    return Err(format!(
                        "unsupported WAV format {tag}, {bits} bits, {channels} channels, {rate} Hz"
                    ));
                }
                let samples: Vec<i16> = bytes[body..end]
                    .chunks_exact(2)
                    .map(|b| i16::from_le_bytes([b[0], b[1]]))
                    .collect();
                return Ok(Pcm {
                    rate,
                    channels,
                    samples: samples.into(),
                });
            }
            _ => {}
        }
        pos = body.saturating_add(size + (size & 1));
    }
    Err("no data chunk".into())
}

/// A 16-bit PCM WAV file of `pcm`.
pub fn wav_bytes(pcm: &Pcm) -> Vec<u8> {
    let data = (pcm.samples.len() * 2) as u32;
    let block = pcm.channels * 2;
    let mut b = Vec::with_capacity(44 + data as usize);
    b.extend_from_slice(b"RIFF");
    b.extend_from_slice(&(36 + data).to_le_bytes());
    b.extend_from_slice(b"WAVEfmt ");
    b.extend_from_slice(&16u32.to_le_bytes());
    b.extend_from_slice(&1u16.to_le_bytes());
    b.extend_from_slice(&pcm.channels.to_le_bytes());
    b.extend_from_slice(&pcm.rate.to_le_bytes());
    b.extend_from_slice(&(pcm.rate * u32::from(block)).to_le_bytes());
    b.extend_from_slice(&block.to_le_bytes());
    b.extend_from_slice(&16u16.to_le_bytes());
    b.extend_from_slice(b"data");
    b.extend_from_slice(&data.to_le_bytes());
    pcm.samples
        .iter()
        .for_each(|s| b.extend_from_slice(&s.to_le_bytes()));
    b
}

/// Cuts silence down to `lead` before the first sound and `trail` after the last (a short
/// pause between phrases stays). All-silent audio is left as it is.
pub fn trim_silence(pcm: &Pcm, lead: Duration, trail: Duration) -> Pcm {
    let ch = usize::from(pcm.channels.max(1));
    let frames = pcm.samples.len() / ch;
    let loud = |f: usize| {
        pcm.samples[f * ch..(f + 1) * ch]
            .iter()
            .any(|s| s.unsigned_abs() > SILENCE)
    };
    let Some(first) = (0..frames).find(|&f| loud(f)) else {
        return pcm.clone();
    };
    let last = (0..frames).rev().find(|&f| loud(f)).unwrap_or(first);
    let per = |d: Duration| (d.as_micros() * u128::from(pcm.rate) / 1_000_000) as usize;
    let start = first.saturating_sub(per(lead));
    let end = (last + 1 + per(trail)).min(frames);
    Pcm {
        rate: pcm.rate,
        channels: pcm.channels,
        samples: pcm.samples[start * ch..end * ch].into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wav(rate: u32, samples: &[i16], data_size: Option<u32>) -> Vec<u8> {
        let data_len = (samples.len() * 2) as u32;
        let mut b = Vec::new();
        b.extend_from_slice(b"RIFF");
        b.extend_from_slice(&(36 + data_len).to_le_bytes());
        b.extend_from_slice(b"WAVEfmt ");
        b.extend_from_slice(&16u32.to_le_bytes());
        b.extend_from_slice(&1u16.to_le_bytes());
        b.extend_from_slice(&1u16.to_le_bytes());
        b.extend_from_slice(&rate.to_le_bytes());
        b.extend_from_slice(&(rate * 2).to_le_bytes());
        b.extend_from_slice(&2u16.to_le_bytes());
        b.extend_from_slice(&16u16.to_le_bytes());
        b.extend_from_slice(b"LIST");
        b.extend_from_slice(&3u32.to_le_bytes());
        b.extend_from_slice(b"abc\0");
        b.extend_from_slice(b"data");
        b.extend_from_slice(&data_size.unwrap_or(data_len).to_le_bytes());
        samples
            .iter()
            .for_each(|s| b.extend_from_slice(&s.to_le_bytes()));
        b
    }

    #[test]
    fn wav_files_read_back_with_odd_chunks_and_streamed_sizes() {
        let pcm = parse_wav(&wav(16000, &[1, -2, 3000], None)).expect("wav");
        assert_eq!((pcm.rate, pcm.channels), (16000, 1));
        assert_eq!(&*pcm.samples, &[1, -2, 3000]);
        assert!(pcm.audible());
        // espeak-ng --stdout leaves the data size at 0x7ffff000.
        let pcm = parse_wav(&wav(22050, &[5, 6], Some(0x7fff_f000))).expect("streamed");
        assert_eq!(&*pcm.samples, &[5, 6]);
        assert!(parse_wav(b"RIFF\0\0\0\0WAVE").is_err());
        assert_eq!(
            parse_wav(&wav_bytes(&pcm)).as_ref(),
            Ok(&pcm),
            "written and read back"
        );
        assert!(parse_wav(b"not a wav at all").is_err());
    }

    #[test]
    fn silence_is_cut_to_the_margins() {
        let mut s = vec![0i16; 1000];
        s.extend([5000, -5000, 5000]);
        s.extend(vec![0i16; 1000]);
        let pcm = Pcm {
            rate: 1000,
            channels: 1,
            samples: s.into(),
        };
        let t = trim_silence(&pcm, Duration::from_millis(10), Duration::from_millis(100));
        assert_eq!(t.samples.len(), 10 + 3 + 100);
        assert_eq!(t.samples[10], 5000);
        assert_eq!(t.duration(), Duration::from_millis(113));
        let quiet = Pcm {
            rate: 1000,
            channels: 1,
            samples: vec![0i16; 50].into(),
        };
        assert_eq!(trim_silence(&quiet, Duration::ZERO, Duration::ZERO), quiet);
    }
}
