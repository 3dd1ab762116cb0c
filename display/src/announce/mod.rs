//! Call announcements as data: which clips to play for a call, and a queue that plays them
//! one after another so announcements never overlap.
//!
//! A call is announced as the chime, then Japanese ("受付番号 A の 23 番の方、3 番窓口へ
//! お越しください", or for a named desk "… 市職員窓口 1 番へお越しください"), then, when the
//! ticket's language needs it, the same in that language. The counter is named only from the
//! call's `counter_number` and `desk_key`, never from its written name. Every sentence is built
//! from pre-rendered clips in `assets/voice/<code>/` (phrases, desks, letters, numbers 0–99
//! plus hundreds and thousands), so no speech engine runs here.
//!
//! A call whose visitor staff go and fetch (`Call::staff_to_visitor`, the braille-signature
//! form) says the counter's part twice in each language ("… 3 番窓口へお越しください。3 番窓口へ
//! お越しください。"): a visitor who cannot see the board hears it once more.

mod check;
mod phrases;
mod queue;
mod script;

#[cfg(test)]
mod queue_tests;
#[cfg(test)]
mod tests;

use madoguchi_protocol::{Call, Lang};

pub use check::{VoiceError, call_to, check_counter, check_counters};
pub use phrases::{PHRASES_TOML, Phrases, phrases, phrases_error};
pub use queue::{Announcer, FAILURE_LIMIT, Report};
pub use script::{Part, Script, VOICE_LANGS, all_clips, script_for, voice_code};

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

/// How a counter is said: "3番窓口", or a named desk with or without its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    Counter(u32),
    Desk { key: &'a str, number: Option<u32> },
}

/// How `call`'s counter is said, from its number and desk only.
pub fn place(call: &Call) -> Result<Place<'_>, VoiceError> {
    match (call.desk_key.as_deref(), call.counter_number) {
        (Some(key), number) => Ok(Place::Desk { key, number }),
        (None, Some(n)) => Ok(Place::Counter(n)),
        (None, None) => Err(VoiceError::Unnamed {
            counter: call.counter.clone(),
            name: call.counter_name.clone(),
        }),
    }
}

/// The clips of one call's announcement, in order, relative to `assets/`.
pub fn announcement(call: &Call) -> Result<Vec<String>, VoiceError> {
    let mut clips = vec![CHIME.to_string()];
    clips.extend(sentence(Lang::Ja, call)?);
    clips.push(GAP.to_string());
    if call.lang.needs_second_announcement() {
        clips.extend(sentence(call.lang, call)?);
        clips.push(GAP.to_string());
    }
    Ok(clips)
}

/// One language's sentence for a call.
pub fn sentence(lang: Lang, call: &Call) -> Result<Vec<String>, VoiceError> {
    let code = voice_code(lang);
    let script = script_for(lang);
    let (letters, number) = split_number(&call.number);
    let place = place(call)?;
    let (parts, counter) = match place {
        Place::Counter(n) => (script.parts, Some(n)),
        Place::Desk {
            number: Some(n), ..
        } => (script.parts_desk, Some(n)),
        Place::Desk { number: None, .. } => (script.parts_desk_plain, None),
    };
    let clip = |name: &str| format!("voice/{code}/{name}.ogg");
    let phrase = |name: &str| match phrases().get(code, name) {
        Some(_) => Ok(clip(name)),
        None => Err(VoiceError::MissingPhrase {
            counter: call.counter.clone(),
            name: call.counter_name.clone(),
            lang: code.into(),
            phrase: name.into(),
            clip: clip(name),
        }),
    };
    let repeat_from = script.counter_start(parts);
    let mut clips = Vec::new();
    let mut counter_at = 0;
    for (i, part) in parts.iter().enumerate() {
        if i == repeat_from {
            counter_at = clips.len();
        }
        match part {
            Part::Phrase(name) => clips.push(phrase(name)?),
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
            Part::Desk => {
                if let Place::Desk { key, .. } = place {
                    clips.push(phrase(key)?);
                }
            }
        }
    }
    if call.staff_to_visitor {
        clips.extend_from_within(counter_at..);
    }
    Ok(clips)
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
