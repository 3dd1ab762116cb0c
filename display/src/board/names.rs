//! How a call and an area read on the board: the Japanese written name from the
//! configuration, and the same place in the caption language from `places.ftl`.
//!
//! A counter is named by its number (`counter-numbered`) or its desk (`desk-city` with its
//! number), exactly as the configuration says; never by its id, and never by digits guessed
//! from a name. A locale that lacks the key shows the Japanese name alone.

use madoguchi_protocol::{Lang, Timestamp};

use super::{Area, CallView};
use crate::i18n::Texts;

/// One call as the board writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct CallLine {
    pub number: String,
    /// `3番窓口`, `市職員窓口1`.
    pub counter_ja: String,
    /// The same counter in the caption language (`Counter 3`, `Quầy nhân viên thành phố 1`);
    /// `None` under Japanese captions.
    pub counter_caption: Option<String>,
    /// Highlighted now (a new call or a recall).
    pub lit: bool,
    /// Staff go to this visitor in the waiting area (braille-signature form).
    pub staff_mark: Option<StaffMark>,
}

/// The mark of a call whose visitor staff fetch: a symbol and "staff will come to you" in
/// Japanese and in the caption language. It tells companions and other visitors; the visitor
/// is not expected to read it (the voice says the counter twice and staff are alerted).
#[derive(Debug, Clone, PartialEq)]
pub struct StaffMark {
    pub symbol: &'static str,
    pub ja: String,
    /// `None` under Japanese captions or when the locale says nothing different.
    pub caption: Option<String>,
}

/// The mark's symbol: in JIS X 0208, so every board font has it.
pub const STAFF_MARK_SYMBOL: &str = "★";

impl StaffMark {
    pub fn of(texts: &Texts, lang: Lang) -> StaffMark {
        let ja = texts.get(Lang::Ja, STAFF_MARK_KEY);
        StaffMark {
            symbol: STAFF_MARK_SYMBOL,
            caption: caption(lang, &ja, || Some(texts.get(lang, STAFF_MARK_KEY))),
            ja,
        }
    }

    /// The Japanese line as drawn: symbol and words.
    pub fn ja_line(&self) -> String {
        format!("{} {}", self.symbol, self.ja)
    }
}

/// Locale key of "staff will come to you" (`locales/<code>/display.ftl`).
pub const STAFF_MARK_KEY: &str = "display-staff-to-visitor";

impl CallLine {
    pub fn of(call: &CallView, texts: &Texts, lang: Lang, now: Timestamp) -> CallLine {
        let desk = call.desk_key.as_deref();
        let counter_ja = if call.counter_name.is_empty() {
            texts
                .counter(Lang::Ja, call.counter_number, desk)
                .unwrap_or_default()
        } else {
            call.counter_name.clone()
        };
        let counter_caption = caption(lang, &counter_ja, || {
            texts.counter(lang, call.counter_number, desk)
        });
        CallLine {
            number: call.number.clone(),
            counter_ja,
            counter_caption,
            lit: call.highlighted(now),
            staff_mark: call.staff_to_visitor.then(|| StaffMark::of(texts, lang)),
        }
    }

    /// Every string the board draws for this call in the calls grid (chips show number and
    /// counter only).
    pub fn texts(&self) -> Vec<String> {
        let mut v = vec![self.number.clone(), self.counter_ja.clone()];
        v.extend(self.counter_caption.clone());
        if let Some(mark) = &self.staff_mark {
            v.push(mark.ja_line());
            v.extend(mark.caption.clone());
        }
        v
    }
}

/// An area's heading: Japanese, and the caption language's name when it differs.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaName {
    pub ja: String,
    pub caption: Option<String>,
}

impl AreaName {
    pub fn of(area: &Area, texts: &Texts, lang: Lang) -> AreaName {
        AreaName {
            ja: area.name.clone(),
            caption: caption(lang, &area.name, || texts.place(lang, &area.key)),
        }
    }
}

/// The caption-language form of a Japanese name, unless the captions are Japanese or the
/// locale has nothing different to say.
fn caption(lang: Lang, ja: &str, lookup: impl FnOnce() -> Option<String>) -> Option<String> {
    if matches!(lang, Lang::Ja | Lang::JaEasy) {
        return None;
    }
    lookup().filter(|s| s != ja && !s.is_empty())
}
