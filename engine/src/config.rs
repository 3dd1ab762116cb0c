//! The one TOML file that describes sites, services, counters, hours and closed days.
//!
//! Services are defined once for the city and each site lists the ones it offers; counters name
//! the services they serve with a weight (1–10) each. Hours are per site kind (ward office,
//! branch office) and day of the week; holidays, the year-end closure, extra opening days
//! (休日開庁) and changed hours are data in the same file. Every field is `pub` so the simulator
//! can build or edit a `Config` in code and call [`Config::validate`] again.
//!
//! Dates are quoted strings (`"2027-03-28"`), times `"08:30"`, spans `"08:30-17:15"`.

use std::collections::BTreeMap;
use std::path::Path;

use madoguchi_protocol::{AreaName, CounterInfo, DocumentInfo, ServiceInfo, SiteInfo, SiteKind};
use serde::{Deserialize, Serialize};

use crate::Calendar;

/// Path of the shipped default configuration, relative to the repository root.
pub const DEFAULT_PATH: &str = "config/madoguchi.toml";

/// The shipped default, compiled in so `Config::shipped()` works from any directory.
const SHIPPED: &str = include_str!("../../config/madoguchi.toml");

/// A configuration error that names the file, the field and what is wrong, e.g.
/// `config/madoguchi.toml: sites[3].counters[1].services.pickupp: unknown service "pickupp"`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}: {field}: {message}")]
pub struct ConfigError {
    pub file: String,
    pub field: String,
    pub message: String,
}

/// The whole configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Minutes after a no-show during which staff can put the ticket back in its queue.
    #[serde(default = "default_grace")]
    pub no_show_grace_min: u32,
    /// Weekly opening hours per site kind.
    pub hours: HoursConfig,
    /// Month-day spans closed every year, e.g. `{ from = "12-29", to = "01-03" }`.
    #[serde(default)]
    pub annual_closures: Vec<AnnualClosure>,
    /// Dates `jpholiday` gets wrong: `holiday = true` closes, `false` opens a weekday it
    /// wrongly calls a holiday.
    #[serde(default)]
    pub holiday_overrides: Vec<HolidayOverride>,
    /// Extra opening days (休日開庁), changed hours and extra closures, per date and sites.
    #[serde(default)]
    pub special_days: Vec<SpecialDay>,
    pub services: Vec<ServiceConfig>,
    /// Counter areas (受付・サポート, 交付窓口, …): where on the floor counters stand.
    pub areas: Vec<AreaConfig>,
    /// Named desks (市職員窓口, …): counters called by a name instead of "N番窓口".
    #[serde(default)]
    pub desks: Vec<DeskConfig>,
    pub sites: Vec<SiteConfig>,
    /// Booked card pickups: number prefix, calling window, late grace, cap (see the
    /// `bookings` module); absent means the defaults (`R`, −5…+10 min, 10 min, 2 in a row
    /// while a walk-in waited 15 min).
    #[serde(default)]
    pub bookings: crate::bookings::BookingsConfig,
}

/// A counter area, named on tickets and boards in every language through `name_key`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaConfig {
    pub id: String,
    /// Locale key of the name, `area-<id>` (in `kiosk.ftl` and `display.ftl`).
    pub name_key: String,
    pub name_ja: String,
    pub name_en: String,
}

/// A kind of named desk, e.g. the city staff desk. Its written name in every language is the
/// locale key `name_key` (`desk-<id>`, with `$n` for the desk's number) and its spoken name
/// the voice clip of the same name in `assets/voice/<code>/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeskConfig {
    pub id: String,
    pub name_key: String,
    pub name_ja: String,
    pub name_en: String,
}

fn default_grace() -> u32 {
    30
}

/// Weekly hours of ward offices and branch offices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoursConfig {
    pub ward: WeekHours,
    pub branch: WeekHours,
}

/// Opening span per day of the week (`"08:30-17:15"`); a missing day is closed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekHours {
    pub mon: Option<String>,
    pub tue: Option<String>,
    pub wed: Option<String>,
    pub thu: Option<String>,
    pub fri: Option<String>,
    pub sat: Option<String>,
    pub sun: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnualClosure {
    /// `"MM-DD"`, first closed day.
    pub from: String,
    /// `"MM-DD"`, last closed day (may be in the next year, e.g. 12-29 to 01-03).
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayOverride {
    pub date: String,
    pub holiday: bool,
    #[serde(default)]
    pub name: String,
}

/// A date with hours other than the usual ones, at some or all sites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialDay {
    pub date: String,
    /// Site ids; absent means every site.
    #[serde(default)]
    pub sites: Option<Vec<String>>,
    /// `"09:00-16:00"`, or absent for a closed day.
    #[serde(default)]
    pub hours: Option<String>,
    /// Why, e.g. `休日開庁`.
    #[serde(default)]
    pub note: String,
}

/// One kind of business a visitor comes for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceConfig {
    pub id: String,
    /// Ticket number prefix, e.g. `A`.
    pub prefix: String,
    /// First ticket number of the day.
    #[serde(default = "default_first")]
    pub first: u32,
    /// Last ticket number of the day (at most 999).
    #[serde(default = "default_last")]
    pub last: u32,
    /// Locale key of the name, `service-<id>`.
    pub name_key: String,
    pub name_ja: String,
    pub name_en: String,
    pub target_wait_min: u32,
    /// A ticket waiting longer is called first; absent means twice the target.
    #[serde(default)]
    pub max_wait_min: Option<u32>,
    /// Prior mean service time in minutes, used for waits until enough services are measured.
    pub mean_service_min: f64,
    /// Where `mean_service_min` comes from.
    #[serde(default)]
    pub mean_service_source: String,
    /// Category of the city's monthly report (e.g. `card_pickup`), if any.
    #[serde(default)]
    pub report_category: Option<String>,
    #[serde(default)]
    pub documents: Vec<DocumentConfig>,
    /// Offered at the kiosk; `false` for internal services reached only by transfer.
    #[serde(default = "default_true")]
    pub kiosk: bool,
}

fn default_first() -> u32 {
    1
}
fn default_last() -> u32 {
    999
}
fn default_true() -> bool {
    true
}

impl ServiceConfig {
    /// The maximum wait in minutes before a ticket of this service is called first.
    pub fn max_wait(&self) -> u32 {
        self.max_wait_min
            .unwrap_or(self.target_wait_min.saturating_mul(2))
    }

    pub fn info(&self) -> ServiceInfo {
        ServiceInfo {
            id: self.id.clone(),
            prefix: self.prefix.clone(),
            name_key: self.name_key.clone(),
            name_ja: self.name_ja.clone(),
            name_en: self.name_en.clone(),
            target_wait_min: self.target_wait_min,
            documents: self
                .documents
                .iter()
                .map(|d| DocumentInfo {
                    key: d.key.clone(),
                    name_ja: d.name_ja.clone(),
                })
                .collect(),
            kiosk: self.kiosk,
            areas: Vec::new(),
        }
    }
}

/// A document a visitor must bring: locale key `doc-<name>` and the Japanese name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentConfig {
    pub key: String,
    pub name_ja: String,
}

/// A ward office or branch office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub id: String,
    pub name_ja: String,
    pub name_en: String,
    pub kind: SiteKind,
    pub address: String,
    /// The floor of the site's counters as printed on tickets, e.g. `4F`.
    pub floor: String,
    /// The ids of the services offered, in the order kiosks and boards show them.
    pub services: Vec<String>,
    pub counters: Vec<CounterConfig>,
}

impl SiteConfig {
    pub fn counter(&self, id: &str) -> Option<&CounterConfig> {
        self.counters.iter().find(|c| c.id == id)
    }

    /// The areas where `service` is served as a main job: those of the counters with the
    /// highest weight for it, in counter order, without repeats. Empty when no counter serves it.
    pub fn main_areas(&self, service: &str) -> Vec<String> {
        let best = self.counters.iter().map(|c| c.weight(service)).max();
        let mut areas: Vec<String> = Vec::new();
        if let Some(best) = best.filter(|w| *w > 0) {
            for c in self.counters.iter().filter(|c| c.weight(service) == best) {
                if !areas.contains(&c.area) {
                    areas.push(c.area.clone());
                }
            }
        }
        areas
    }
}

/// A counter (窓口) and the services it serves, with a weight 1–10 per service.
///
/// How it is called is explicit: `number = 3` alone is "3番窓口" / "counter 3"; with
/// `desk = "city"` it is that desk ("市職員窓口1" / "City staff desk 1"), numbered or, when the
/// site has one such desk, not. The voice and the board say exactly this, never a guess.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CounterConfig {
    pub id: String,
    #[serde(default)]
    pub number: Option<u32>,
    #[serde(default)]
    pub desk: Option<String>,
    /// The id of its area under `[[areas]]`.
    pub area: String,
    pub services: BTreeMap<String, u32>,
}

impl CounterConfig {
    /// The counter's weight for `service`, 0 when it does not serve it.
    pub fn weight(&self, service: &str) -> u32 {
        self.services.get(service).copied().unwrap_or(0)
    }
}

/// How a counter is called: its number, and the desk it is (none for "N番窓口").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterLabel {
    pub number: Option<u32>,
    pub desk: Option<DeskConfig>,
}

impl CounterLabel {
    /// The Japanese written name: `3番窓口`, `市職員窓口1`, `出張所職員窓口`.
    pub fn name_ja(&self) -> String {
        match (&self.desk, self.number) {
            (Some(d), Some(n)) => format!("{}{n}", d.name_ja),
            (Some(d), None) => d.name_ja.clone(),
            (None, Some(n)) => format!("{n}番窓口"),
            (None, None) => "窓口".to_string(),
        }
    }

    /// The English written name: `Counter 3`, `City staff desk 1`, `Branch staff desk`.
    pub fn name_en(&self) -> String {
        match (&self.desk, self.number) {
            (Some(d), Some(n)) => format!("{} {n}", d.name_en),
            (Some(d), None) => d.name_en.clone(),
            (None, Some(n)) => format!("Counter {n}"),
            (None, None) => "Counter".to_string(),
        }
    }
}

impl Config {
    /// The shipped default (`config/madoguchi.toml`, compiled in).
    ///
    /// The file is checked by the crate's tests; should it ever fail to load, this falls back
    /// to an empty configuration (no sites) rather than panicking.
    pub fn shipped() -> Config {
        Config::from_toml(SHIPPED, DEFAULT_PATH).unwrap_or_else(|_| Config {
            no_show_grace_min: default_grace(),
            hours: HoursConfig {
                ward: WeekHours::default(),
                branch: WeekHours::default(),
            },
            annual_closures: Vec::new(),
            holiday_overrides: Vec::new(),
            special_days: Vec::new(),
            services: Vec::new(),
            areas: Vec::new(),
            desks: Vec::new(),
            sites: Vec::new(),
            bookings: crate::bookings::BookingsConfig::default(),
        })
    }

    /// The text of the shipped default file.
    pub fn shipped_text() -> &'static str {
        SHIPPED
    }

    /// Parses and validates `text`; `file` names it in errors.
    pub fn from_toml(text: &str, file: &str) -> Result<Config, ConfigError> {
        let de = toml::Deserializer::parse(text).map_err(|e| toml_error(file, text, &e, ""))?;
        let config: Config = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            toml_error(file, text, e.inner(), &path)
        })?;
        config.validate(file)?;
        Ok(config)
    }

    /// Reads, parses and validates a file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: file.clone(),
            field: "(file)".into(),
            message: format!("cannot read the file ({e}); check the path and its permissions"),
        })?;
        Config::from_toml(&text, &file)
    }

    /// Checks everything the engine relies on; see the module `validate` for the list.
    pub fn validate(&self, file: &str) -> Result<(), ConfigError> {
        crate::validate::validate(self, file)
    }

    pub fn site_ids(&self) -> Vec<String> {
        self.sites.iter().map(|s| s.id.clone()).collect()
    }

    pub fn site(&self, id: &str) -> Option<&SiteConfig> {
        self.sites.iter().find(|s| s.id == id)
    }

    pub fn service(&self, id: &str) -> Option<&ServiceConfig> {
        self.services.iter().find(|s| s.id == id)
    }

    pub fn area(&self, id: &str) -> Option<&AreaConfig> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn desk(&self, id: &str) -> Option<&DeskConfig> {
        self.desks.iter().find(|d| d.id == id)
    }

    /// How `counter` is called (validation guarantees its desk exists).
    pub fn counter_label(&self, counter: &CounterConfig) -> CounterLabel {
        CounterLabel {
            number: counter.number,
            desk: counter.desk.as_deref().and_then(|d| self.desk(d)).cloned(),
        }
    }

    /// What protocol types say of a counter's area: Japanese name and locale key.
    pub fn area_names(&self, id: &str) -> (String, String) {
        self.area(id).map_or_else(
            || (id.to_string(), format!("area-{id}")),
            |a| (a.name_ja.clone(), a.name_key.clone()),
        )
    }

    /// What protocol types say of a counter: everything a board or voice needs to name it.
    pub fn counter_info(&self, counter: &CounterConfig) -> CounterInfo {
        let label = self.counter_label(counter);
        let (area, area_key) = self.area_names(&counter.area);
        CounterInfo {
            id: counter.id.clone(),
            name: label.name_ja(),
            name_en: label.name_en(),
            number: counter.number,
            desk_key: label.desk.map(|d| d.name_key),
            area,
            area_key,
            services: counter.services.keys().cloned().collect(),
        }
    }

    /// The services `site` offers, in the site's order.
    pub fn site_services(&self, site: &SiteConfig) -> Vec<ServiceConfig> {
        site.services
            .iter()
            .filter_map(|id| self.service(id).cloned())
            .collect()
    }

    /// What `GET /api/sites/{site}` answers.
    pub fn site_info(&self, id: &str) -> Option<SiteInfo> {
        let site = self.site(id)?;
        Some(SiteInfo {
            id: site.id.clone(),
            name_ja: site.name_ja.clone(),
            name_en: site.name_en.clone(),
            kind: site.kind,
            address: site.address.clone(),
            floor: site.floor.clone(),
            services: self
                .site_services(site)
                .iter()
                .map(|s| ServiceInfo {
                    areas: site
                        .main_areas(&s.id)
                        .iter()
                        .map(|a| {
                            let (name_ja, key) = self.area_names(a);
                            AreaName { key, name_ja }
                        })
                        .collect(),
                    ..s.info()
                })
                .collect(),
            counters: site.counters.iter().map(|c| self.counter_info(c)).collect(),
        })
    }

    pub fn calendar(&self) -> Calendar {
        Calendar::from_config(self)
    }
}

/// Turns a TOML or serde error into a `ConfigError` with the field path and the line.
fn toml_error(file: &str, text: &str, e: &toml::de::Error, path: &str) -> ConfigError {
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
    ConfigError {
        file: file.to_string(),
        field,
        message,
    }
}
