//! The scenario file (TOML): which site and day, how many visitors for what, how long they
//! take, who is at which counter when, and the random seed. Strict: an unknown key is an
//! error naming the file and the field.
//!
//! Everything except `name`, `site`, `date` and `seed` has a documented default (see
//! `sim/README.md`); [`crate::plan`] resolves a file against the site's configuration.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::SimError;

/// One scenario file as written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// A title for the report.
    pub name: String,
    /// Engine site id, e.g. `yahatanishi`.
    pub site: String,
    /// The simulated day, `"2027-03-11"`: its weekday gives the hours, its month the volumes.
    pub date: String,
    pub seed: u64,
    /// A configuration file instead of the shipped one.
    #[serde(default)]
    pub config: Option<String>,
    /// Independent days simulated with seeds `seed, seed+1, ...` (default 1).
    #[serde(default)]
    pub replications: Option<u32>,
    /// Minutes after opening during which arrivals are not measured (default 0).
    #[serde(default)]
    pub warmup_min: Option<f64>,
    /// Probability that a called visitor does not come (default 0.03).
    #[serde(default)]
    pub no_show: Option<f64>,
    /// Minutes a counter waits for a called visitor before marking a no-show (default 2).
    #[serde(default)]
    pub no_show_grace_min: Option<f64>,
    /// Minutes from the call until the visitor is at the counter (default 0.5).
    #[serde(default)]
    pub walk_min: Option<f64>,
    #[serde(default)]
    pub arrivals: ArrivalsSpec,
    /// Intraday profile: relative intensity from each time on (default: see `arrivals`).
    #[serde(default)]
    pub profile: Option<Vec<ProfilePoint>>,
    /// Service-time distribution per service id.
    #[serde(default)]
    pub service_time: BTreeMap<String, ServiceTimeSpec>,
    /// Visits through two counters; absent means the defaults, `transfer = []` means none.
    #[serde(default)]
    pub transfer: Option<Vec<TransferSpec>>,
    /// Staff schedules: when a counter opens and closes (default: all day).
    #[serde(default)]
    pub shift: Vec<ShiftSpec>,
    /// Breaks: the counter pauses after its current visitor.
    #[serde(default, rename = "break")]
    pub breaks: Vec<BreakSpec>,
    /// A counter that closes unexpectedly (after the visitor at hand), maybe reopening.
    #[serde(default)]
    pub closure: Vec<ClosureSpec>,
    /// What-if counter skills: counter id → service → weight, replacing the configured
    /// services of those counters (e.g. to test cross-trained counters).
    #[serde(default)]
    pub skills: BTreeMap<String, BTreeMap<String, u32>>,
    /// Booked card pickups (see the `bookings` module); absent: none.
    #[serde(default)]
    pub bookings: Option<crate::bookings::BookingsSpec>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArrivalsSpec {
    /// The CSV's site name when it differs from the built-in mapping.
    #[serde(default)]
    pub csv_site: Option<String>,
    /// Which 2025 month's volumes to use (default: the date's month).
    #[serde(default)]
    pub month: Option<u32>,
    /// Multiplies every daily mean (default 1).
    #[serde(default)]
    pub scale: Option<f64>,
    /// Share of `apply_at_counter` that is `apply` (the rest `assist`; default 0.5).
    #[serde(default)]
    pub apply_split: Option<f64>,
    /// Shares of the site's CSV total for services without data (merged over the defaults).
    #[serde(default)]
    pub share: BTreeMap<String, f64>,
    /// Fixed daily means per service, overriding the derivation.
    #[serde(default)]
    pub daily: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfilePoint {
    /// `"09:00"`.
    pub at: String,
    pub weight: f64,
}

/// Shape of a service-time distribution.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dist {
    #[default]
    Lognormal,
    Exponential,
    Fixed,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceTimeSpec {
    /// Mean minutes (default: the service's `mean_service_min` in the configuration).
    #[serde(default)]
    pub mean_min: Option<f64>,
    /// Coefficient of variation, standard deviation ÷ mean (default 0.5; lognormal only).
    #[serde(default)]
    pub cv: Option<f64>,
    #[serde(default)]
    pub dist: Option<Dist>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferSpec {
    /// The service the visitor came for, e.g. `pickup`.
    pub from: String,
    /// The second counter's service, e.g. `city`.
    pub to: String,
    /// Share of `from` visits that go on to `to`.
    pub share: f64,
    /// Mean minutes at the second counter (default: `to`'s service time).
    #[serde(default)]
    pub to_mean_min: Option<f64>,
    /// Share that then comes back to `from` to finish (default 0).
    #[serde(default)]
    pub back_share: Option<f64>,
    /// Mean minutes of that last step (default 3).
    #[serde(default)]
    pub back_mean_min: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShiftSpec {
    pub counter: String,
    /// `"09:00"` (default: opening).
    #[serde(default)]
    pub open: Option<String>,
    /// `"16:00"` (default: stays until the queue is empty).
    #[serde(default)]
    pub close: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreakSpec {
    pub counter: String,
    pub start: String,
    pub minutes: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosureSpec {
    pub counter: String,
    pub at: String,
    /// `"13:00"` if it reopens (default: closed for the rest of the day).
    #[serde(default)]
    pub reopen: Option<String>,
}

impl ScenarioFile {
    /// Parses a scenario; `file` names it in errors.
    pub fn from_toml(text: &str, file: &str) -> Result<ScenarioFile, SimError> {
        let de = toml::Deserializer::parse(text).map_err(|e| toml_error(file, text, &e, ""))?;
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            toml_error(file, text, e.inner(), &path)
        })
    }

    /// Reads and parses a scenario file.
    pub fn load(path: &Path) -> Result<ScenarioFile, SimError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| SimError::Io {
            path: file.clone(),
            message: format!("cannot read the scenario ({e}); check the path"),
        })?;
        ScenarioFile::from_toml(&text, &file)
    }
}

fn toml_error(file: &str, text: &str, e: &toml::de::Error, path: &str) -> SimError {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
    let mut message = e.message().trim().to_string();
    if let Some(line) = line {
        message = format!("{message} (line {line})");
    }
    let field = if path.is_empty() || path == "." {
        "(document)".to_string()
    } else {
        path.to_string()
    };
    SimError::Scenario {
        file: file.to_string(),
        field,
        message,
    }
}

/// `"HH:MM"` → minutes after midnight (up to `"24:00"`).
pub fn parse_hm(text: &str) -> Option<f64> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 || h == 24 && m == 0).then(|| f64::from(h * 60 + m))
}

/// Minutes after midnight → `"HH:MM"`.
pub fn fmt_hm(minutes: f64) -> String {
    let m = minutes.round().max(0.0) as u32;
    format!("{:02}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "name = \"x\"\nsite = \"orio\"\ndate = \"2027-06-09\"\nseed = 1\n";

    #[test]
    fn minimal_file_parses_with_defaults() {
        let s = ScenarioFile::from_toml(MINIMAL, "s.toml").unwrap();
        assert_eq!(s.site, "orio");
        assert!(s.transfer.is_none() && s.breaks.is_empty());
    }

    #[test]
    fn unknown_keys_name_the_file_and_the_field() {
        let text = format!("{MINIMAL}[arrivals]\nscal = 2.0\n");
        let err = ScenarioFile::from_toml(&text, "peak-scenario.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("peak-scenario.toml: "), "{msg}");
        assert!(msg.contains("scal") && msg.contains("line 6"), "{msg}");

        let text = format!(
            "{MINIMAL}[[break]]\ncounter = \"1\"\nstart = \"12:00\"\nminutes = 45\nlength = 3\n"
        );
        let msg = ScenarioFile::from_toml(&text, "b.toml")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("break") && msg.contains("length"), "{msg}");
    }

    #[test]
    fn missing_and_mistyped_fields_are_errors() {
        let msg = ScenarioFile::from_toml("name = \"x\"\n", "m.toml")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("m.toml") && msg.contains("site"), "{msg}");
        let text = MINIMAL.replace("seed = 1", "seed = \"one\"");
        let msg = ScenarioFile::from_toml(&text, "t.toml")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("seed"), "{msg}");
    }

    #[test]
    fn times_parse_and_format() {
        assert_eq!(parse_hm("08:30"), Some(510.0));
        assert_eq!(parse_hm("24:00"), Some(1440.0));
        assert_eq!(parse_hm("25:00"), None);
        assert_eq!(parse_hm("8h30"), None);
        assert_eq!(fmt_hm(1140.0), "19:00");
    }
}
