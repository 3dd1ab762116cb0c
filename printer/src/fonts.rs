//! The fonts a ticket may use, embedded in the binary so a kiosk prints the same from any
//! working directory, and the rules that pick one per language: Han characters take the
//! Japanese face for `ja`/`ja-easy` and the Chinese faces for `zh-Hans`/`zh-Hant`.

use std::sync::Arc;

use cosmic_text::fontdb;
use cosmic_text::{Fallback, FontSystem};
use unicode_script::Script;

/// BIZ UDGothic: Japanese, the universal-design face many municipalities use.
pub const JAPANESE: &str = "BIZ UDGothic";
/// Noto Sans: Latin, including Vietnamese, Tagalog, Indonesian and Portuguese.
pub const LATIN: &str = "Noto Sans";
/// Noto Sans Devanagari: Nepali.
pub const DEVANAGARI: &str = "Noto Sans Devanagari";
/// Noto Sans CJK KR: Hangul.
pub const KOREAN: &str = "Noto Sans CJK KR";
/// Noto Sans CJK SC: Simplified Chinese.
pub const CHINESE_SIMPLIFIED: &str = "Noto Sans CJK SC";
/// Noto Sans CJK TC: Traditional Chinese.
pub const CHINESE_TRADITIONAL: &str = "Noto Sans CJK TC";

static FONT_FILES: [&[u8]; 8] = [
    include_bytes!("../../assets/fonts/BIZUDGothic-Regular.ttf"),
    include_bytes!("../../assets/fonts/BIZUDGothic-Bold.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../assets/fonts/NotoSansDevanagari-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansKR-Regular.otf"),
    include_bytes!("../../assets/fonts/NotoSansSC-Regular.otf"),
    include_bytes!("../../assets/fonts/NotoSansTC-Regular.otf"),
];

/// The font family a text in `lang` (BCP 47) is set in first; other scripts in the same
/// text fall back through [`TicketFallback`].
pub fn family_for(lang: &str) -> &'static str {
    let lang = lang.to_ascii_lowercase();
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    match primary {
        "ja" => JAPANESE,
        "ko" => KOREAN,
        "ne" | "hi" | "mr" => DEVANAGARI,
        "zh" if lang.contains("hant") || lang.ends_with("-tw") || lang.ends_with("-hk") => {
            CHINESE_TRADITIONAL
        }
        "zh" => CHINESE_SIMPLIFIED,
        _ => LATIN,
    }
}

/// How much larger than the nominal size a family is set so that scripts look equally
/// large side by side: Noto Sans Devanagari draws small on a Latin-sized body.
pub fn size_factor(family: &str) -> f32 {
    if family == DEVANAGARI { 1.15 } else { 1.0 }
}

/// A [`FontSystem`] holding only the embedded fonts (no system fonts, so a ticket looks the
/// same on every machine). Building it parses every face: do it once and reuse it.
pub fn font_system() -> FontSystem {
    let mut db = fontdb::Database::new();
    for data in FONT_FILES {
        db.load_font_source(fontdb::Source::Binary(Arc::new(data)));
    }
    db.set_sans_serif_family(LATIN);
    FontSystem::new_with_locale_and_db_and_fallback("ja".to_owned(), db, TicketFallback)
}

/// Fallback order for characters the chosen family lacks. Only embedded families are named;
/// Han falls back to the Japanese face because the ticket's fixed parts (site, service for
/// staff) are Japanese.
pub struct TicketFallback;

impl Fallback for TicketFallback {
    fn common_fallback(&self) -> &[&'static str] {
        &[LATIN, JAPANESE, DEVANAGARI, KOREAN, CHINESE_SIMPLIFIED]
    }

    fn forbidden_fallback(&self) -> &[&'static str] {
        &[]
    }

    fn script_fallback(&self, script: Script, _locale: &str) -> &[&'static str] {
        match script {
            Script::Han | Script::Hiragana | Script::Katakana => {
                &[JAPANESE, CHINESE_SIMPLIFIED, CHINESE_TRADITIONAL]
            }
            Script::Bopomofo => &[CHINESE_TRADITIONAL],
            Script::Hangul => &[KOREAN],
            Script::Devanagari => &[DEVANAGARI],
            Script::Latin => &[LATIN],
            _ => &[],
        }
    }
}
