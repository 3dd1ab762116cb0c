//! Each language's announcement sentence as a sequence of clip parts, for a numbered counter
//! ("3番窓口") and for a named desk with or without its number ("市職員窓口 1 番",
//! "出張所職員窓口"). The voice generator (`scripts/make-voice.py`) renders the phrase names
//! listed in `assets/voice/phrases.toml` for each language.

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
    /// The desk's own clip, named by its locale key (`desk-city`).
    Desk,
}

/// A language's sentences.
#[derive(Debug, Clone, Copy)]
pub struct Script {
    /// For a numbered counter ("3番窓口").
    pub parts: &'static [Part],
    /// For a desk with a number ("市職員窓口 1 番").
    pub parts_desk: &'static [Part],
    /// For a desk without a number ("出張所職員窓口").
    pub parts_desk_plain: &'static [Part],
    /// Whether "105" is said with a joining zero (vi "linh", zh "零").
    pub zero_join: bool,
    /// Whether the phrase just before the counter leads into it ("please go to counter"), so
    /// that saying the counter again says it too; in ja/ko/zh that phrase (`mid`) ends the
    /// ticket's number instead.
    pub lead_in: bool,
}

impl Script {
    /// Where the counter's part of `parts` starts: the counter or desk, or the phrase leading
    /// into it. A call whose visitor staff fetch says this part twice.
    pub fn counter_start(&self, parts: &[Part]) -> usize {
        let at = parts
            .iter()
            .position(|p| matches!(p, Part::Counter | Part::Desk))
            .unwrap_or(parts.len());
        if self.lead_in {
            at.saturating_sub(1)
        } else {
            at
        }
    }
}

use Part::{Counter, Desk, Letter, Number, Phrase};

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
    // … 番の方、/ 市職員窓口 / 1 / 番へお越しください
    parts_desk: &[
        Phrase("intro"),
        Letter,
        Phrase("no"),
        Number,
        Phrase("mid"),
        Desk,
        Counter,
        Phrase("desk-outro"),
    ],
    // … 番の方、/ 出張所職員窓口 / へお越しください
    parts_desk_plain: &[
        Phrase("intro"),
        Letter,
        Phrase("no"),
        Number,
        Phrase("mid"),
        Desk,
        Phrase("desk-outro-plain"),
    ],
    zero_join: false,
    lead_in: false,
};

/// Korean and Chinese: "A 23 번 고객님, 3 번 창구로 …", "请 A 23 号到 3 号窗口";
/// desks: "… 시 직원 창구 1 번으로 …", "… 号到 市职员窗口 1 号办理".
const COUNTER_AFTER: Script = Script {
    parts: &[
        Phrase("intro"),
        Letter,
        Number,
        Phrase("mid"),
        Counter,
        Phrase("outro"),
    ],
    parts_desk: &[
        Phrase("intro"),
        Letter,
        Number,
        Phrase("mid"),
        Desk,
        Counter,
        Phrase("desk-outro"),
    ],
    parts_desk_plain: &[
        Phrase("intro"),
        Letter,
        Number,
        Phrase("mid"),
        Desk,
        Phrase("desk-outro-plain"),
    ],
    zero_join: false,
    lead_in: false,
};

/// "Number A 23, please go to counter 3" word order: en, vi, ne, tl, id, pt; desks:
/// "… please go to the / city staff desk / 1 / Thank you."
const WESTERN: Script = Script {
    parts: &[
        Phrase("intro"),
        Letter,
        Number,
        Phrase("to-counter"),
        Counter,
        Phrase("outro"),
    ],
    parts_desk: &[
        Phrase("intro"),
        Letter,
        Number,
        Phrase("to-desk"),
        Desk,
        Counter,
        Phrase("outro"),
    ],
    parts_desk_plain: &[
        Phrase("intro"),
        Letter,
        Number,
        Phrase("to-desk"),
        Desk,
        Phrase("outro"),
    ],
    zero_join: false,
    lead_in: true,
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

/// Every clip any announcement to a numbered counter can ask for, relative to `assets/`
/// (desk clips depend on the configuration and are checked per counter: `check_counter`).
pub fn all_clips() -> Vec<String> {
    let mut clips = vec![super::CHIME.to_string(), super::GAP.to_string()];
    for lang in VOICE_LANGS {
        let code = voice_code(lang);
        let script = script_for(lang);
        let mut names: Vec<String> = Vec::new();
        let sentences = [script.parts, script.parts_desk, script.parts_desk_plain];
        for part in sentences.iter().flat_map(|s| s.iter()) {
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
