//! Each language's announcement sentence as a sequence of clip parts. The voice generator
//! (`scripts/make-voice.py`) renders exactly these phrase names for each language.

use madoguchi_protocol::Lang;

/// One piece of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A fixed phrase clip, e.g. `intro`.
    Phrase(&'static str),
    /// The ticket's letters, one clip each (`letter-a`).
    Letter,
    /// The ticket's number, in parts (`h-1`, `n-23`).
    Number,
    /// The counter's number, in parts.
    Counter,
}

/// A language's sentence.
#[derive(Debug, Clone, Copy)]
pub struct Script {
    pub parts: &'static [Part],
    /// For counters without a number.
    pub parts_without_counter: &'static [Part],
    /// Whether "105" is said with a joining zero (vi "linh", zh "零").
    pub zero_join: bool,
}

use Part::{Counter, Letter, Number, Phrase};

/// "Number A 23, please go to counter 3" word order: en, vi, ne, tl, id, pt.
const INTRO_TO_COUNTER: &[Part] = &[
    Phrase("intro"),
    Letter,
    Number,
    Phrase("to-counter"),
    Counter,
    Phrase("outro"),
];
const INTRO_TO_COUNTER_NO_NUM: &[Part] =
    &[Phrase("intro"), Letter, Number, Phrase("to-counter-plain")];

const JA: Script = Script {
    // 受付番号 / A / の / 23 / 番の方、/ 3 / 番窓口へお越しください
    parts: &[
        Phrase("intro"),
        Letter,
        Phrase("no"),
        Number,
        Phrase("mid"),
        Counter,
        Phrase("outro"),
    ],
    // … 番の方、/ 窓口へお越しください
    parts_without_counter: &[
        Phrase("intro"),
        Letter,
        Phrase("no"),
        Number,
        Phrase("mid"),
        Phrase("outro-plain"),
    ],
    zero_join: false,
};

/// Korean and Chinese: "A 23 번 고객님, 3 번 창구로 …", "请 A 23 号到 3 号窗口".
const COUNTER_AFTER: Script = Script {
    parts: &[
        Phrase("intro"),
        Letter,
        Number,
        Phrase("mid"),
        Counter,
        Phrase("outro"),
    ],
    parts_without_counter: &[Phrase("intro"), Letter, Number, Phrase("mid-plain")],
    zero_join: false,
};

const WESTERN: Script = Script {
    parts: INTRO_TO_COUNTER,
    parts_without_counter: INTRO_TO_COUNTER_NO_NUM,
    zero_join: false,
};

/// The languages that have a voice folder.
pub const VOICE_LANGS: [Lang; 10] = [
    Lang::Ja,
    Lang::En,
    Lang::ZhHans,
    Lang::ZhHant,
    Lang::Ko,
    Lang::Vi,
    Lang::Ne,
    Lang::Tl,
    Lang::Id,
    Lang::Pt,
];

/// The folder under `assets/voice/`: Easy Japanese is announced in Japanese.
pub fn voice_code(lang: Lang) -> &'static str {
    match lang {
        Lang::JaEasy => Lang::Ja.code(),
        other => other.code(),
    }
}

pub fn script_for(lang: Lang) -> Script {
    match lang {
        Lang::Ja | Lang::JaEasy => JA,
        Lang::Ko => COUNTER_AFTER,
        Lang::ZhHans | Lang::ZhHant => Script {
            zero_join: true,
            ..COUNTER_AFTER
        },
        Lang::Vi => Script {
            zero_join: true,
            ..WESTERN
        },
        Lang::En | Lang::Ne | Lang::Tl | Lang::Id | Lang::Pt => WESTERN,
    }
}

/// Every clip any announcement can ask for, relative to `assets/`.
pub fn all_clips() -> Vec<String> {
    let mut clips = vec![super::CHIME.to_string(), super::GAP.to_string()];
    for lang in VOICE_LANGS {
        let code = voice_code(lang);
        let script = script_for(lang);
        let mut names: Vec<String> = Vec::new();
        for part in script.parts.iter().chain(script.parts_without_counter) {
            if let Part::Phrase(p) = part {
                names.push((*p).to_string());
            }
        }
        names.extend((b'a'..=b'z').map(|c| format!("letter-{}", char::from(c))));
        names.extend((0..100).map(|n| format!("n-{n}")));
        names.extend((1..10).map(|n| format!("h-{n}")));
        names.extend((1..10).map(|n| format!("t-{n}")));
        if script.zero_join {
            names.push("zero-join".into());
        }
        names.sort();
        names.dedup();
        clips.extend(names.iter().map(|n| format!("voice/{code}/{n}.ogg")));
    }
    clips
}
