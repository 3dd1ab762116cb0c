//! The phrase table (`assets/voice/phrases.toml`, compiled in): the text of every fixed clip
//! per voice folder. The generator renders the clips from it; the display checks that each
//! phrase a sentence needs is there, and `test-voice --print` shows what each clip says.

use std::collections::BTreeMap;
use std::sync::LazyLock;

/// `assets/voice/phrases.toml` as shipped.
pub const PHRASES_TOML: &str = include_str!("../../../assets/voice/phrases.toml");

/// Phrase texts: voice folder code → clip name → text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Phrases(BTreeMap<String, BTreeMap<String, String>>);

static SHIPPED: LazyLock<Result<Phrases, String>> =
    LazyLock::new(|| Phrases::parse(PHRASES_TOML).map_err(|e| e.to_string()));

/// The shipped table. A broken table (a test checks it parses) reads as empty, so every
/// sentence reports its phrases missing instead of guessing.
pub fn phrases() -> &'static Phrases {
    static EMPTY: LazyLock<Phrases> = LazyLock::new(Phrases::default);
    match &*SHIPPED {
        Ok(p) => p,
        Err(_) => &EMPTY,
    }
}

/// Why the shipped table cannot be read, if it cannot.
pub fn phrases_error() -> Option<&'static str> {
    SHIPPED.as_ref().err().map(String::as_str)
}

impl Phrases {
    pub fn parse(text: &str) -> Result<Phrases, toml::de::Error> {
        toml::from_str(text).map(Phrases)
    }

    /// The text of phrase `name` in voice folder `code`.
    pub fn get(&self, code: &str, name: &str) -> Option<&str> {
        self.0.get(code)?.get(name).map(String::as_str)
    }

    /// What a clip (`voice/ja/n-23.ogg`, relative to `assets/`) says: letters and numbers by
    /// their value, phrases from the table, the chime and the gap by what they are.
    pub fn text_of(&self, clip: &str) -> Option<String> {
        if clip == super::CHIME {
            return Some("(chime)".into());
        }
        if clip == super::GAP {
            return Some("(pause)".into());
        }
        let rest = clip.strip_prefix("voice/")?.strip_suffix(".ogg")?;
        let (code, name) = rest.split_once('/')?;
        if let Some(letter) = name.strip_prefix("letter-") {
            return Some(letter.to_ascii_uppercase());
        }
        let spelled = [("n-", 1), ("h-", 100), ("t-", 1000)];
        for (prefix, scale) in spelled {
            if let Some(n) = name
                .strip_prefix(prefix)
                .and_then(|d| d.parse::<u32>().ok())
            {
                return Some((n * scale).to_string());
            }
        }
        self.get(code, name).map(str::to_string)
    }
}
