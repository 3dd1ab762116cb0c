//! The 2025 monthly volumes the city published (the tables at the end of the seed), read from
//! `data/kitakyushu-2025-monthly-volumes.csv` (`category,site,month,count`, sites in Japanese,
//! an empty count where the seed shows "-"). A copy is compiled in; another file can be loaded.

use std::collections::BTreeMap;

use crate::{Category, sites};

/// The shipped copy of the 2025 figures.
pub const SHIPPED_CSV: &str = include_str!("../data/kitakyushu-2025-monthly-volumes.csv");

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BaselineError {
    #[error(
        "line {line} of the comparison CSV: {message}; the file must have the columns category,site,month,count (as data/kitakyushu-2025-monthly-volumes.csv)"
    )]
    Line { line: usize, message: String },
    #[error(
        "the comparison CSV holds more than one year ({first} and {other}); keep one year per file"
    )]
    MixedYears { first: i32, other: i32 },
    #[error("the comparison CSV has no rows; use data/kitakyushu-2025-monthly-volumes.csv")]
    Empty,
}

/// Monthly counts of one year by category, site id ([`sites::ALL_SITES`] for 全区) and month.
/// A `None` count is a month the city shows as "-" (the service did not exist yet).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Baseline {
    pub year: i32,
    pub counts: BTreeMap<(Category, String, u32), Option<u64>>,
}

impl Baseline {
    /// The compiled-in 2025 figures.
    pub fn shipped() -> Baseline {
        // The shipped file is checked by a test; an empty baseline is the safe fallback.
        Baseline::parse(SHIPPED_CSV).unwrap_or_default()
    }

    /// Parses a CSV in the format of the shipped file.
    pub fn parse(text: &str) -> Result<Baseline, BaselineError> {
        let mut year = None;
        let mut counts = BTreeMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let row = raw.trim().trim_start_matches('\u{feff}');
            if row.is_empty() || (line == 1 && row.starts_with("category")) {
                continue;
            }
            let err = |message: String| BaselineError::Line { line, message };
            let fields: Vec<&str> = row.split(',').map(str::trim).collect();
            let [cat, site, month, count] = fields[..] else {
                return Err(err(format!("expected 4 fields, found {}", fields.len())));
            };
            let category = Category::from_code(cat)
                .ok_or_else(|| err(format!("unknown category \"{cat}\"")))?;
            let site_id =
                sites::id_of_name(site).ok_or_else(|| err(format!("unknown site \"{site}\"")))?;
            let (y, m) = parse_month(month)
                .ok_or_else(|| err(format!("month \"{month}\" is not YYYY-MM")))?;
            match year {
                None => year = Some(y),
                Some(first) if first != y => {
                    return Err(BaselineError::MixedYears { first, other: y });
                }
                Some(_) => {}
            }
            let count = if count.is_empty() || count == "-" {
                None
            } else {
                Some(
                    count
                        .parse::<u64>()
                        .map_err(|_| err(format!("count \"{count}\" is not a whole number")))?,
                )
            };
            counts.insert((category, site_id.to_string(), m), count);
        }
        let year = year.ok_or(BaselineError::Empty)?;
        Ok(Baseline { year, counts })
    }

    /// The count of a category at a site in a month; `None` when the city shows none.
    pub fn get(&self, category: Category, site: &str, month: u32) -> Option<u64> {
        self.counts
            .get(&(category, site.to_string(), month))
            .copied()
            .flatten()
    }

    /// Whether the baseline has a row (even "-") for this category and site.
    pub fn has_site(&self, category: Category, site: &str) -> bool {
        self.counts
            .keys()
            .any(|(c, s, _)| *c == category && s == site)
    }
}

/// Parses `YYYY-MM` into a year and a month 1–12.
pub fn parse_month(text: &str) -> Option<(i32, u32)> {
    let (y, m) = text.split_once('-')?;
    let year: i32 = y.parse().ok()?;
    let month: u32 = m.parse().ok()?;
    (y.len() == 4 && (1..=12).contains(&month)).then_some((year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_csv_matches_the_seed_tables() {
        let b = Baseline::parse(SHIPPED_CSV).unwrap();
        assert_eq!(b.year, 2025);
        // A few cells of the seed's tables, and their yearly totals (計).
        assert_eq!(b.get(Category::CardPickup, "moji", 1), Some(695));
        assert_eq!(b.get(Category::ECertificate, "kokurakita", 12), Some(870));
        assert_eq!(
            b.get(Category::OverseasMoverIssuance, sites::ALL_SITES, 3),
            None
        );
        assert_eq!(
            b.get(Category::OverseasMoverIssuance, sites::ALL_SITES, 7),
            Some(7)
        );
        let year = |c, s: &str| (1..=12).filter_map(|m| b.get(c, s, m)).sum::<u64>();
        assert_eq!(year(Category::CardPickup, "yahatanishi"), 29_702);
        assert_eq!(year(Category::ApplyAtCounter, "moji"), 1_179);
        assert_eq!(year(Category::ExpressIssuance, sites::ALL_SITES), 7_838);
        assert_eq!(year(Category::OverseasMoverIssuance, sites::ALL_SITES), 84);
        assert_eq!(year(Category::ECertificate, "orio"), 6_445);
        assert_eq!(year(Category::ECertificate, "matsugae"), 845);
    }

    #[test]
    fn bad_rows_are_named_by_line() {
        let err =
            Baseline::parse("category,site,month,count\ncard_pickup,博多,2025-01,3\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        assert!(err.to_string().contains("博多"), "{err}");
        let err = Baseline::parse("card_pickup,門司,2025-13,3").unwrap_err();
        assert!(err.to_string().contains("YYYY-MM"), "{err}");
        assert_eq!(
            Baseline::parse("category,site,month,count\n"),
            Err(BaselineError::Empty)
        );
    }
}
