//! Fonts for every kiosk language, compiled in, and one egui font family per language so Han
//! characters take the Japanese face for ja/ja-easy, the SC face for zh-Hans, TC for zh-Hant.

use bevy_egui::egui::{self, FontData, FontDefinitions, FontFamily};
use madoguchi_protocol::Lang;

const JP: &[u8] = include_bytes!("../../../assets/fonts/BIZUDGothic-Regular.ttf");
const JP_BOLD: &[u8] = include_bytes!("../../../assets/fonts/BIZUDGothic-Bold.ttf");
const LATIN: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
const LATIN_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
const DEVANAGARI: &[u8] = include_bytes!("../../../assets/fonts/NotoSansDevanagari-Regular.ttf");
const KR: &[u8] = include_bytes!("../../../assets/fonts/NotoSansKR-Regular.otf");
const SC: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSC-Regular.otf");
const TC: &[u8] = include_bytes!("../../../assets/fonts/NotoSansTC-Regular.otf");

/// The egui family name of a language's text.
pub fn family(lang: Lang) -> FontFamily {
    FontFamily::Name(family_name(lang).into())
}

/// The bold family (ticket numbers).
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// The family of a heading in `lang`: bold where a bold face of the script is compiled in
/// (Japanese, Latin and Vietnamese), the regular family elsewhere (a Japanese bold face must
/// not draw Chinese Han characters).
pub fn heading(lang: Lang) -> FontFamily {
    match family_name(lang) {
        "ja" => FontFamily::Name("ja-bold".into()),
        "latin" => FontFamily::Name("latin-bold".into()),
        _ => family(lang),
    }
}

fn family_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja | Lang::JaEasy => "ja",
        Lang::ZhHans => "zh-Hans",
        Lang::ZhHant => "zh-Hant",
        Lang::Ko => "ko",
        Lang::Ne => "ne",
        _ => "latin",
    }
}

/// Font order per family: the first font with a glyph draws it.
fn order(name: &str) -> Vec<&'static str> {
    match name {
        "ja" => vec!["jp", "latin", "kr", "dev", "sc", "tc"],
        "zh-Hans" => vec!["latin", "sc", "tc", "jp", "kr", "dev"],
        "zh-Hant" => vec!["latin", "tc", "sc", "jp", "kr", "dev"],
        "ko" => vec!["latin", "kr", "jp", "sc", "tc", "dev"],
        "ne" => vec!["dev", "latin", "jp", "kr", "sc", "tc"],
        "ja-bold" => vec![
            "jp-bold",
            "latin-bold",
            "jp",
            "latin",
            "kr",
            "dev",
            "sc",
            "tc",
        ],
        "latin-bold" => vec!["latin-bold", "latin", "jp", "kr", "dev", "sc", "tc"],
        "bold" => vec![
            "latin-bold",
            "jp-bold",
            "latin",
            "jp",
            "kr",
            "dev",
            "sc",
            "tc",
        ],
        _ => vec!["latin", "jp", "kr", "dev", "sc", "tc"],
    }
}

const FACES: [(&str, &[u8]); 8] = [
    ("jp", JP),
    ("jp-bold", JP_BOLD),
    ("latin", LATIN),
    ("latin-bold", LATIN_BOLD),
    ("dev", DEVANAGARI),
    ("kr", KR),
    ("sc", SC),
    ("tc", TC),
];

/// The font files of a language's family, in fallback order.
pub fn faces(lang: Lang) -> Vec<&'static [u8]> {
    order(family_name(lang))
        .into_iter()
        .filter_map(|n| FACES.iter().find(|(name, _)| *name == n).map(|(_, b)| *b))
        .collect()
}

/// Every font and family the kiosk uses.
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::empty();
    for (name, bytes) in FACES {
        defs.font_data
            .insert(name.to_owned(), FontData::from_static(bytes).into());
    }
    for name in [
        "ja",
        "zh-Hans",
        "zh-Hant",
        "ko",
        "ne",
        "latin",
        "bold",
        "ja-bold",
        "latin-bold",
    ] {
        defs.families.insert(
            FontFamily::Name(name.into()),
            order(name).into_iter().map(str::to_owned).collect(),
        );
    }
    defs.families.insert(
        FontFamily::Proportional,
        order("ja").into_iter().map(str::to_owned).collect(),
    );
    defs.families.insert(
        FontFamily::Monospace,
        order("latin").into_iter().map(str::to_owned).collect(),
    );
    defs
}

/// Installs the fonts and the kiosk's high-contrast style.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
    ctx.set_visuals(egui::Visuals::dark());
    // Text is read, never selected: a selectable label would be a touch target of its own.
    ctx.all_styles_mut(|s| s.interaction.selectable_labels = false);
}
