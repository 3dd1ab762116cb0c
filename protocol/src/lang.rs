//! Languages a visitor can choose at the kiosk; tickets, speech and status pages follow it.

use serde::{Deserialize, Serialize};

/// A language of the kiosk, the ticket and the announcements.
///
/// The serialized form is the code used on the wire, in `locales/<code>.ftl` and in
/// `assets/voice/<code>/`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
pub enum Lang {
    #[serde(rename = "ja")]
    Ja,
    /// やさしい日本語 (Easy Japanese), for visitors who read some Japanese.
    #[serde(rename = "ja-easy")]
    JaEasy,
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-Hans")]
    ZhHans,
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[serde(rename = "ko")]
    Ko,
    #[serde(rename = "vi")]
    Vi,
    #[serde(rename = "ne")]
    Ne,
    #[serde(rename = "tl")]
    Tl,
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "pt")]
    Pt,
}

impl Lang {
    /// Every language, in the order the kiosk's home screen shows them.
    pub const ALL: [Lang; 11] = [
        Lang::Ja,
        Lang::JaEasy,
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

    /// The wire code, e.g. `"zh-Hans"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::JaEasy => "ja-easy",
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::Ko => "ko",
            Lang::Vi => "vi",
            Lang::Ne => "ne",
            Lang::Tl => "tl",
            Lang::Id => "id",
            Lang::Pt => "pt",
        }
    }

    /// Parses a wire code; `None` for an unknown one.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name, in its own script, for the language buttons.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::JaEasy => "やさしい にほんご",
            Lang::En => "English",
            Lang::ZhHans => "简体中文",
            Lang::ZhHant => "繁體中文",
            Lang::Ko => "한국어",
            Lang::Vi => "Tiếng Việt",
            Lang::Ne => "नेपाली",
            Lang::Tl => "Tagalog",
            Lang::Id => "Bahasa Indonesia",
            Lang::Pt => "Português",
        }
    }

    /// Whether the visitor needs an announcement in a second language after the Japanese one.
    pub fn needs_second_announcement(self) -> bool {
        !matches!(self, Lang::Ja | Lang::JaEasy)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_serde_and_from_code() {
        for lang in Lang::ALL {
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(json, format!("\"{}\"", lang.code()));
            assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), lang);
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("xx"), None);
    }
}
