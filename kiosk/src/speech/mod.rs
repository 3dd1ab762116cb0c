//! Speech and keypad mode (issue 13): what the kiosk says, screen by screen, and what the keys
//! of a USB numeric keypad or the keyboard do. The core is pure: [`SpeechState`] turns keys and
//! the screen's view model into flow events and [`SpeechOut`]s, [`script`] says a screen,
//! `ear` writes screen texts for the ear, [`keys`] is the key map, [`walk`] drives every path
//! of the triage tree by keys (the `speech-script` subcommand and the tests). No audio, no bevy,
//! no clock there. The audio shell (`audio`, `synth`, `voice`, `pcm`, `jack`: not pure) turns
//! [`SpeechOut`] into sound.
//!
//! # The keys
//!
//! Digits choose: every choice is said with its number, and its number chooses it at once, so
//! a keypad alone reaches every choice. The shell reads keypad keys by position (`ui::keys`):
//! the keypad's 8 is 8 with NumLock on or off. ↑ and ↓ come from the keyboard, or from a
//! keypad that sends arrows itself for 8 and 2 when its own NumLock is off: either way they
//! move the focus up and down, and Enter chooses it. The core (choose, back, repeat, call
//! staff) works on a 12-key phone pad.
//!
//! | Numeric keypad (17 keys) | Keyboard | 12-key phone pad | What it does |
//! |---|---|---|---|
//! | any key (speech off), or plug in headphones | any key | any key | starts speech mode: a short prompt in Japanese and English, then the screen |
//! | 1 – 9 | 1 – 9 | 1 – 9 | chooses choice N (said as "1: card pickup, 3 waiting, about 12 minutes"); with more than 9 choices, 9 = more choices |
//! | Enter | Enter, Space | – | chooses the choice in focus (on the confirm screen: "get my ticket") |
//! | – (8 / 2 on a keypad that sends arrows) | ↑ / ↓ | – | moves the focus to the previous / next choice and says it |
//! | . (Del) | Backspace, Esc | # | back |
//! | * | * | * | repeats the screen from the start |
//! | 0 | 0 | 0 | calls staff (the operator key of phone menus) |
//! | + / − | + / − | – | louder / quieter (10 steps) |
//! | / | / | – | key guide (help); after it, + / − make speech faster / slower (70–150 %) until another key |
//!
//! Any key interrupts what is being said (ADA §707.5): every [`SpeechStep`] starts with a
//! `Say` or a `Stop`.

use madoguchi_protocol::Lang;

// The audio shell (not pure): engines and voices, synthesis jobs and their cache, the speech
// thread and its output, the headphone jack, the speech bench.
pub mod audio;
pub mod bench;
pub mod jack;
pub mod output;
pub mod pcm;
pub mod synth;
pub mod voice;

// The pure core.
mod ear;
pub mod keys;
pub mod script;
mod state;
pub mod walk;

pub use state::{
    DEFAULT_RATE, DEFAULT_VOLUME, RATE_MAX, RATE_MIN, RATE_STEP, SpeechState, SpeechStep,
};

/// One thing speech mode says: a text in one language (the voice follows the language).
/// Texts are written for the ear (numbers as the synthesizer reads them, no symbols).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phrase {
    pub lang: Lang,
    pub text: String,
}

/// A key as speech mode understands it (the shell maps keyboard and keypad codes to these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeechKey {
    /// 0–9 on the keypad or the keyboard's number row.
    Digit(u8),
    /// Keypad Enter, keyboard Enter or Space.
    Enter,
    /// Keypad `.` / Del, keyboard Backspace or Escape.
    Back,
    /// Arrow up (a keypad that sends arrows itself sends it for 8 with its NumLock off).
    Up,
    /// Arrow down (keypad 2 likewise).
    Down,
    /// Keypad `+`.
    Plus,
    /// Keypad `-`.
    Minus,
    /// Keypad `*`.
    Star,
    /// Keypad `/`.
    Slash,
    /// `#` on a 12-key phone-style keypad.
    Hash,
}

/// What the audio shell must do.
#[derive(Debug, Clone, PartialEq)]
pub enum SpeechOut {
    /// Stop whatever is being said and say these, in order.
    Say(Vec<Phrase>),
    /// Stop speaking now.
    Stop,
    /// Loudness, 1 (quietest) ..= [`VOLUME_STEPS`].
    Volume(u8),
    /// Speaking rate in percent of normal (e.g. 70 ..= 150).
    Rate(u16),
}

/// Number of volume steps.
pub const VOLUME_STEPS: u8 = 10;
