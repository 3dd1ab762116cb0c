//! Whether the voice can name a counter in every voice language: the sentence's phrases are
//! in the phrase table and every clip is on disk. A counter that cannot be said is a
//! configuration error at display start, never a guessed announcement.

use std::path::Path;

use madoguchi_protocol::{Call, CounterInfo, Lang};
use thiserror::Error;

use super::script::{VOICE_LANGS, voice_code};

/// Why a call cannot be announced. Each sentence names the counter, the language and the
/// missing piece, and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VoiceError {
    #[error(
        "counter {counter} ({name}) has neither a number nor a desk, so no announcement can name it: give it `number = N` or `desk = \"…\"` in the configuration"
    )]
    Unnamed { counter: String, name: String },
    #[error(
        "counter {counter} ({name}) cannot be announced in {lang}: assets/voice/phrases.toml has no phrase \"{phrase}\" for {lang}, so assets/{clip} is missing; add the phrase and run scripts/make-voice.sh, or correct the counter's desk in the configuration"
    )]
    MissingPhrase {
        counter: String,
        name: String,
        lang: String,
        phrase: String,
        clip: String,
    },
    #[error(
        "counter {counter} ({name}) cannot be announced in {lang}: the clip {path} is missing; run scripts/make-voice.sh (or point --assets at a folder with voice/)"
    )]
    MissingClip {
        counter: String,
        name: String,
        lang: String,
        path: String,
    },
}

/// A call of ticket `number` to `counter`, as the server would send it.
pub fn call_to(counter: &CounterInfo, number: &str, lang: Lang) -> Call {
    Call {
        number: number.into(),
        service: counter.services.first().cloned().unwrap_or_default(),
        counter: counter.id.clone(),
        counter_name: counter.name.clone(),
        counter_number: counter.number,
        desk_key: counter.desk_key.clone(),
        area: counter.area.clone(),
        area_key: counter.area_key.clone(),
        lang,
        at: chrono::DateTime::UNIX_EPOCH.fixed_offset(),
        recalls: 0,
        staff_to_visitor: false,
    }
}

/// Checks that `counter` can be announced in every voice language with the clips under
/// `assets` (the folder holding `voice/` and `sounds/`).
pub fn check_counter(assets: &Path, counter: &CounterInfo) -> Result<(), VoiceError> {
    for lang in VOICE_LANGS {
        let call = call_to(counter, "A-1", lang);
        let mut clips = super::sentence(Lang::Ja, &call)?;
        clips.extend(super::sentence(lang, &call)?);
        clips.extend([super::CHIME.to_string(), super::GAP.to_string()]);
        if let Some(path) = clips.iter().find(|c| !assets.join(c).is_file()) {
            return Err(VoiceError::MissingClip {
                counter: counter.id.clone(),
                name: counter.name.clone(),
                lang: voice_code(lang).into(),
                path: assets.join(path).display().to_string(),
            });
        }
    }
    Ok(())
}

/// Checks every counter; all problems, one sentence each.
pub fn check_counters(assets: &Path, counters: &[CounterInfo]) -> Vec<VoiceError> {
    counters
        .iter()
        .filter_map(|c| check_counter(assets, c).err())
        .collect()
}
