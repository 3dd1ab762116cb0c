//! Call announcements as data: which clips to play for a call, and a queue that plays them
//! one after another so announcements never overlap.
//!
//! A call is announced as the chime, then Japanese ("受付番号 A の 23 番の方、3 番窓口へ
//! お越しください"), then, when the ticket's language needs it, the same in that language.
//! Every sentence is built from pre-rendered clips in `assets/voice/<code>/` (phrases,
//! letters, numbers 0–99 plus hundreds and thousands), so no speech engine runs here.

mod script;

#[cfg(test)]
mod tests;

use std::collections::VecDeque;

use madoguchi_protocol::{Call, Lang};

pub use script::{Part, Script, all_clips, script_for, voice_code};

/// The chime before every announcement, relative to `assets/`.
pub const CHIME: &str = "sounds/chime.ogg";
/// A short silence between two languages and between two announcements.
pub const GAP: &str = "sounds/gap.ogg";

/// Volume and mute, from the command line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SoundSettings {
    /// 0.0 (silent) to 1.0 (full).
    pub volume: f32,
    pub mute: bool,
}

impl Default for SoundSettings {
    fn default() -> Self {
        SoundSettings {
            volume: 1.0,
            mute: false,
        }
    }
}

/// The clips of one call's announcement, in order, relative to `assets/`.
pub fn announcement(call: &Call) -> Vec<String> {
    let mut clips = vec![CHIME.to_string()];
    clips.extend(sentence(Lang::Ja, call));
    clips.push(GAP.to_string());
    if call.lang.needs_second_announcement() {
        clips.extend(sentence(call.lang, call));
        clips.push(GAP.to_string());
    }
    clips
}

/// One language's sentence for a call.
pub fn sentence(lang: Lang, call: &Call) -> Vec<String> {
    let code = voice_code(lang);
    let script = script_for(lang);
    let (letters, number) = split_number(&call.number);
    let counter = counter_number(call);
    let parts = if counter.is_some() {
        script.parts
    } else {
        script.parts_without_counter
    };
    let mut clips = Vec::new();
    let clip = |name: &str| format!("voice/{code}/{name}.ogg");
    for part in parts {
        match part {
            Part::Phrase(name) => clips.push(clip(name)),
            Part::Letter => {
                for ch in letters.chars() {
                    clips.push(clip(&format!("letter-{}", ch.to_ascii_lowercase())));
                }
            }
            Part::Number => clips.extend(
                number_parts(number, script.zero_join)
                    .iter()
                    .map(|n| clip(n)),
            ),
            Part::Counter => {
                if let Some(n) = counter {
                    clips.extend(number_parts(n, script.zero_join).iter().map(|n| clip(n)));
                }
            }
        }
    }
    clips
}

/// `A-023` → (`A`, 23). Letters are the ASCII letters before the digits.
fn split_number(number: &str) -> (String, u32) {
    let letters: String = number
        .chars()
        .take_while(|c| !c.is_ascii_digit())
        .filter(char::is_ascii_alphabetic)
        .collect();
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    (letters, digits.parse().unwrap_or(0))
}

/// The number to say for the counter: its id when numeric, else the digits of its name.
fn counter_number(call: &Call) -> Option<u32> {
    if let Ok(n) = call.counter.parse() {
        return Some(n);
    }
    let digits: String = call
        .counter_name
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Clip names of a number: thousands, hundreds, then 1–99 (`n-0` for zero alone). Numbers
/// past 9999 are said by their last four digits, which no day's queue reaches.
pub fn number_parts(n: u32, zero_join: bool) -> Vec<String> {
    let n = n % 10_000;
    if n == 0 {
        return vec!["n-0".into()];
    }
    let (thousands, hundreds, rest) = (n / 1000, n / 100 % 10, n % 100);
    let mut parts = Vec::new();
    if thousands > 0 {
        parts.push(format!("t-{thousands}"));
    }
    if hundreds > 0 {
        parts.push(format!("h-{hundreds}"));
    }
    if zero_join && n >= 100 && (1..10).contains(&rest) {
        parts.push("zero-join".into());
    }
    if rest > 0 {
        parts.push(format!("n-{rest}"));
    }
    parts
}

/// A queue of clips: calls are appended as whole announcements; the player asks for the
/// next clip only when the previous one has ended, so nothing overlaps.
#[derive(Debug, Default)]
pub struct Announcer {
    queue: VecDeque<String>,
    settings: SoundSettings,
}

impl Announcer {
    pub fn new(settings: SoundSettings) -> Announcer {
        Announcer {
            queue: VecDeque::new(),
            settings,
        }
    }

    /// Queues a call's announcement (a recall is simply queued again). Muted: nothing.
    pub fn enqueue(&mut self, call: &Call) {
        if self.settings.mute || self.settings.volume <= 0.0 {
            return;
        }
        self.queue.extend(announcement(call));
    }

    /// The next clip to play, once the previous one has finished.
    pub fn next_clip(&mut self) -> Option<String> {
        self.queue.pop_front()
    }

    /// Clips still waiting.
    pub fn pending(&self) -> usize {
        self.queue.len()
    }

    /// The playback volume, 0.0 to 1.0.
    pub fn volume(&self) -> f32 {
        if self.settings.mute {
            0.0
        } else {
            self.settings.volume.clamp(0.0, 1.0)
        }
    }
}
