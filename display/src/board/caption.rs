//! The rotating caption language: labels change every few seconds, numbers stay still.

use madoguchi_protocol::{Lang, Timestamp};

/// How long each caption language stays on screen.
pub const CAPTION_SECONDS: i64 = 6;

/// Japanese and English always, then the recent tickets' languages (Easy Japanese is read
/// on the Japanese captions, so it adds nothing), each once, in `Lang::ALL` order.
pub(super) fn caption_langs(recent: &[Lang]) -> Vec<Lang> {
    let mut langs = vec![Lang::Ja, Lang::En];
    for lang in Lang::ALL {
        if recent.contains(&lang) && !langs.contains(&lang) && lang != Lang::JaEasy {
            langs.push(lang);
        }
    }
    langs
}

/// The caption language at `now`: a pure function of the clock, so every screen of a site
/// shows the same language at the same moment.
pub fn caption_lang(langs: &[Lang], now: Timestamp) -> Lang {
    if langs.is_empty() {
        return Lang::Ja;
    }
    let slot = now.timestamp().div_euclid(CAPTION_SECONDS);
    let len = i64::try_from(langs.len()).unwrap_or(1);
    let index = usize::try_from(slot.rem_euclid(len)).unwrap_or(0);
    langs[index]
}
