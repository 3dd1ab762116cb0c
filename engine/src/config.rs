//! The one TOML file that describes sites, services, counters, hours and closed days.

use std::path::Path;

use madoguchi_protocol::SiteInfo;

use crate::Calendar;

/// Path of the shipped default configuration, relative to the repository root.
pub const DEFAULT_PATH: &str = "config/madoguchi.toml";

/// A configuration error that names the file, the field and what is wrong, e.g.
/// `config/madoguchi.toml: sites[3].counters[1].services: unknown service "pickupp"`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}: {field}: {message}")]
pub struct ConfigError {
    pub file: String,
    pub field: String,
    pub message: String,
}

/// The whole configuration (fields filled in by the engine implementation).
#[derive(Debug, Clone)]
pub struct Config {}

#[derive(Debug, Clone)]
pub struct ServiceConfig {}

#[derive(Debug, Clone)]
pub struct SiteConfig {}

#[derive(Debug, Clone)]
pub struct CounterConfig {}

impl Config {
    /// The shipped default (`config/madoguchi.toml`, compiled in).
    pub fn shipped() -> Config {
        todo!("engine")
    }

    /// Parses and validates `text`; `file` names it in errors.
    pub fn from_toml(text: &str, file: &str) -> Result<Config, ConfigError> {
        let _ = (text, file);
        todo!("engine")
    }

    /// Reads, parses and validates a file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let _ = path;
        todo!("engine")
    }

    pub fn site_ids(&self) -> Vec<String> {
        todo!("engine")
    }

    pub fn site(&self, id: &str) -> Option<&SiteConfig> {
        let _ = id;
        todo!("engine")
    }

    /// What `GET /api/sites/{site}` answers.
    pub fn site_info(&self, id: &str) -> Option<SiteInfo> {
        let _ = id;
        todo!("engine")
    }

    pub fn calendar(&self) -> Calendar {
        todo!("engine")
    }
}
