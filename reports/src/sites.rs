//! The sites a report names: our 13 site ids with the short Japanese names the city's tables
//! use (門司, 小倉北, …), plus the three branch offices that appear only in the 2025
//! e-certificate statistics (松ヶ江, 両谷, 東谷), which madoguchi does not run.

use madoguchi_protocol::SiteKind;

/// Pseudo site id of a citywide column (全区) in the monthly tables.
pub const ALL_SITES: &str = "all";

/// One site as the statistics know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatSite {
    pub id: &'static str,
    /// The short name used in the city's tables and in the 2025 CSV, e.g. `小倉北`.
    pub name_ja: &'static str,
    pub kind: SiteKind,
    /// Whether madoguchi runs there (false: statistics only, no tickets ever).
    pub runs_madoguchi: bool,
}

const fn site(id: &'static str, name_ja: &'static str, kind: SiteKind, runs: bool) -> StatSite {
    StatSite {
        id,
        name_ja,
        kind,
        runs_madoguchi: runs,
    }
}

/// Every site of the statistics, ward offices first, in the order of the seed's tables.
pub const STAT_SITES: [StatSite; 16] = [
    site("moji", "門司", SiteKind::Ward, true),
    site("kokurakita", "小倉北", SiteKind::Ward, true),
    site("kokuraminami", "小倉南", SiteKind::Ward, true),
    site("wakamatsu", "若松", SiteKind::Ward, true),
    site("yahatahigashi", "八幡東", SiteKind::Ward, true),
    site("yahatanishi", "八幡西", SiteKind::Ward, true),
    site("tobata", "戸畑", SiteKind::Ward, true),
    site("matsugae", "松ヶ江", SiteKind::Branch, false),
    site("dairi", "大里", SiteKind::Branch, true),
    site("sone", "曾根", SiteKind::Branch, true),
    site("ryotani", "両谷", SiteKind::Branch, false),
    site("higashitani", "東谷", SiteKind::Branch, false),
    site("shimago", "島郷", SiteKind::Branch, true),
    site("orio", "折尾", SiteKind::Branch, true),
    site("kojaku", "上津役", SiteKind::Branch, true),
    site("yahataminami", "八幡南", SiteKind::Branch, true),
];

/// The site with this id, if the statistics know it.
pub fn by_id(id: &str) -> Option<&'static StatSite> {
    STAT_SITES.iter().find(|s| s.id == id)
}

/// The site id of a Japanese name from the CSV (`全区` → [`ALL_SITES`]); accepts 曽根 for 曾根.
pub fn id_of_name(name_ja: &str) -> Option<&'static str> {
    match name_ja {
        "全区" => Some(ALL_SITES),
        "曽根" => Some("sone"),
        _ => STAT_SITES
            .iter()
            .find(|s| s.name_ja == name_ja)
            .map(|s| s.id),
    }
}

/// The short Japanese name of a site id; unknown ids are returned as they are.
pub fn name_ja(id: &str) -> String {
    if id == ALL_SITES {
        return "全区".to_string();
    }
    by_id(id).map_or_else(|| id.to_string(), |s| s.name_ja.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_ids_round_trip() {
        for s in STAT_SITES {
            assert_eq!(id_of_name(s.name_ja), Some(s.id));
            assert_eq!(name_ja(s.id), s.name_ja);
        }
        assert_eq!(id_of_name("曽根"), Some("sone"));
        assert_eq!(id_of_name("全区"), Some(ALL_SITES));
        assert_eq!(id_of_name("博多"), None);
        assert_eq!(STAT_SITES.iter().filter(|s| s.runs_madoguchi).count(), 13);
    }
}
