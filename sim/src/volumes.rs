//! The city's 2025 monthly volumes (`data/kitakyushu-2025-monthly-volumes.csv`, the tables at
//! the end of the seed) and how they become a daily demand per service at one site.
//!
//! Derivation, per site and month (documented defaults, overridable per scenario):
//! - `pickup` = `card_pickup`, `ecert` = `e_certificate` of the site, ÷ working days of that
//!   month in 2025 (the engine's calendar).
//! - `apply_at_counter` is split between `apply` and `assist` (`apply_split`, default ½ each;
//!   all of it to the one the site offers if it offers only one).
//! - `express_issuance` and `overseas_mover_issuance` are citywide (`全区`): a site gets the
//!   share it has of the city's pickups + e-certificates. Months without data count as 0.
//! - Services without data (`inquiry`, `face`, `pin`, `form`, `online`, ...) get a share of the
//!   site's own CSV total (`DEFAULT_SHARES`; the seed lists them but gives no counts).
//! - `city` (city staff desk) has no arrivals of its own: visits reach it by transfer.

use std::collections::BTreeMap;

use crate::SimError;

/// The CSV, compiled in so a scenario runs anywhere.
const EMBEDDED: &str = include_str!("../data/kitakyushu-2025-monthly-volumes.csv");

/// The CSV's name for the whole city.
const CITY: &str = "全区";

/// Share of the site's CSV daily total for services that have no counts in the CSV. These are
/// assumptions (stated in the README of the simulator), small because the seed names these
/// services as occasional.
pub const DEFAULT_SHARES: &[(&str, f64)] = &[
    ("inquiry", 0.08),
    ("face", 0.04),
    ("pin", 0.03),
    ("form", 0.03),
    ("online", 0.02),
];

/// The CSV's site name for an engine site id (the CSV writes 曾根 where the config may write 曽根).
pub fn csv_site_name(site: &str) -> Option<&'static str> {
    Some(match site {
        "moji" => "門司",
        "kokurakita" => "小倉北",
        "kokuraminami" => "小倉南",
        "wakamatsu" => "若松",
        "yahatahigashi" => "八幡東",
        "yahatanishi" => "八幡西",
        "tobata" => "戸畑",
        "dairi" => "大里",
        "sone" => "曾根",
        "shimago" => "島郷",
        "orio" => "折尾",
        "kojaku" => "上津役",
        "yahataminami" => "八幡南",
        _ => return None,
    })
}

/// Monthly counts: `(category, site, month) → count`; blank cells are absent.
#[derive(Debug, Clone, Default)]
pub struct Volumes {
    counts: BTreeMap<(String, String, u32), f64>,
}

impl Volumes {
    /// The shipped 2025 tables.
    pub fn embedded() -> Result<Volumes, SimError> {
        Volumes::parse(EMBEDDED, "sim/data/kitakyushu-2025-monthly-volumes.csv")
    }

    /// Parses `category,site,month,count` lines (`month` as `2025-03`); `file` names errors.
    pub fn parse(text: &str, file: &str) -> Result<Volumes, SimError> {
        let mut counts = BTreeMap::new();
        for (i, line) in text.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let bad = |what: &str| SimError::Data {
                file: file.to_string(),
                line: i + 1,
                message: what.to_string(),
            };
            let cols: Vec<&str> = line.split(',').map(str::trim).collect();
            let [category, site, month, count] = cols[..] else {
                return Err(bad("expected 4 columns: category,site,month,count"));
            };
            let month: u32 = month
                .split_once('-')
                .and_then(|(_, m)| m.parse().ok())
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| bad("month must look like 2025-03"))?;
            if count.is_empty() {
                continue;
            }
            let count: f64 = count
                .parse()
                .map_err(|_| bad("count must be a whole number or empty"))?;
            counts.insert((category.to_string(), site.to_string(), month), count);
        }
        Ok(Volumes { counts })
    }

    /// The count of `category` at `site` (CSV name) in `month`, `None` when blank or absent.
    pub fn monthly(&self, category: &str, site: &str, month: u32) -> Option<f64> {
        self.counts
            .get(&(category.to_string(), site.to_string(), month))
            .copied()
    }

    /// Sum over every site (not the citywide rows) of `category` in `month`.
    pub fn city_sum(&self, category: &str, month: u32) -> f64 {
        self.counts
            .iter()
            .filter(|((c, s, m), _)| c == category && s != CITY && *m == month)
            .map(|(_, v)| v)
            .sum()
    }
}

/// What the daily demand derivation needs to know about the site.
#[derive(Debug, Clone)]
pub struct DemandInput<'a> {
    /// The CSV's site name, e.g. `八幡西`.
    pub csv_site: &'a str,
    pub month: u32,
    /// Working days of that month in 2025 at the site.
    pub working_days: u32,
    /// Services the site offers to visitors (kiosk services), in site order.
    pub services: &'a [String],
    /// Shares for services without CSV data (service → share of the site's CSV total).
    pub shares: &'a BTreeMap<String, f64>,
    /// Share of `apply_at_counter` that goes to `apply` (the rest to `assist`).
    pub apply_split: f64,
}

/// Mean arrivals per working day for each offered service.
pub fn daily_demand(volumes: &Volumes, input: &DemandInput<'_>) -> BTreeMap<String, f64> {
    let wd = f64::from(input.working_days.max(1));
    let (site, m) = (input.csv_site, input.month);
    let get = |cat: &str| volumes.monthly(cat, site, m).unwrap_or(0.0) / wd;
    let offers = |s: &str| input.services.iter().any(|x| x == s);

    let pickup = get("card_pickup");
    let ecert = get("e_certificate");
    let apply_all = get("apply_at_counter");
    let city_main = volumes.city_sum("card_pickup", m) + volumes.city_sum("e_certificate", m);
    let site_weight = if city_main > 0.0 {
        (pickup + ecert) * wd / city_main
    } else {
        0.0
    };
    let citywide = |cat: &str| volumes.monthly(cat, CITY, m).unwrap_or(0.0) * site_weight / wd;
    let csv_total = pickup + ecert + apply_all;

    let mut out = BTreeMap::new();
    for service in input.services {
        let mean = match service.as_str() {
            "pickup" => pickup,
            "ecert" => ecert,
            "apply" if offers("assist") => apply_all * input.apply_split,
            "assist" if offers("apply") => apply_all * (1.0 - input.apply_split),
            "apply" | "assist" => apply_all,
            "express" => citywide("express_issuance"),
            "overseas" => citywide("overseas_mover_issuance"),
            other => input.shares.get(other).copied().unwrap_or(0.0) * csv_total,
        };
        out.insert(service.clone(), mean);
    }
    out
}

/// The default shares as a map.
pub fn default_shares() -> BTreeMap<String, f64> {
    DEFAULT_SHARES
        .iter()
        .map(|(s, v)| ((*s).to_string(), *v))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_csv_has_the_seed_figures() {
        let v = Volumes::embedded().unwrap();
        assert_eq!(v.monthly("card_pickup", "八幡西", 3), Some(2459.0));
        assert_eq!(v.monthly("e_certificate", "八幡西", 3), Some(3049.0));
        assert_eq!(v.monthly("express_issuance", "全区", 3), Some(601.0));
        // Blank before July: no overseas movers yet.
        assert_eq!(v.monthly("overseas_mover_issuance", "全区", 3), None);
        assert!(v.city_sum("card_pickup", 3) > 2459.0);
    }

    #[test]
    fn daily_demand_divides_by_working_days_and_splits_citywide_counts() {
        let v = Volumes::embedded().unwrap();
        let services: Vec<String> = ["pickup", "ecert", "express", "apply", "assist", "inquiry"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let shares = default_shares();
        let d = daily_demand(
            &v,
            &DemandInput {
                csv_site: "八幡西",
                month: 3,
                working_days: 20,
                services: &services,
                shares: &shares,
                apply_split: 0.5,
            },
        );
        assert!((d["pickup"] - 2459.0 / 20.0).abs() < 1e-9);
        assert!((d["ecert"] - 3049.0 / 20.0).abs() < 1e-9);
        assert!((d["apply"] - 0.5 / 20.0).abs() < 1e-9);
        assert!(d["express"] > 0.0 && d["express"] < 601.0 / 20.0);
        let total = (2459.0 + 3049.0 + 1.0) / 20.0;
        assert!((d["inquiry"] - 0.08 * total).abs() < 1e-9);
        assert!(!d.contains_key("city"));
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let err = Volumes::parse("h\ncard_pickup,門司,2025-13,5\n", "x.csv").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("x.csv") && text.contains("line 2"), "{text}");
    }
}
