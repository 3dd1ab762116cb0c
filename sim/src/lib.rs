//! Discrete-event simulator and staffing advice on the madoguchi engine.
//!
//! The simulator drives the same [`madoguchi_engine::SiteQueue`] the server runs (call-next,
//! estimated waits, transfers, pauses) with visitors drawn from the city's 2025 volumes, and
//! compares four ways of running the same counters on the same arrivals: separate lines,
//! shared first-come-first-served, madoguchi's policy, and the pooled lower bound (with its
//! Erlang C value), plus a lower bound that respects the counters' skills (the skill pool). It also sizes counters per hour with Erlang C ([`staffing_advice`]) and
//! checks that advice by simulating it.
//!
//! Layers: [`scenario`] (the TOML file) → [`plan`] (resolved against the site's configuration)
//! → [`visits`] (seeded random visitors) → [`run`] (the event loop on the engine) →
//! [`stats`] → [`report`] and [`chart`]. [`cli`] is the one command.

pub mod arrivals;
pub mod bookings;
pub mod chart;
pub mod cli;
pub mod compare;
pub mod erlang;
pub mod follow;
pub mod plan;
pub mod report;
pub mod run;
pub mod scenario;
pub mod service_time;
pub mod staff;
pub mod staffing;
pub mod stats;
pub mod visits;
pub mod volumes;
pub mod worlds;

pub use cli::{Args, run as run_args, run_cli};
pub use staffing::{Advice, HourAdvice, KindAdvice, ServiceDemand, staffing_advice};

use madoguchi_engine::{ConfigError, EngineError};

/// Everything that can go wrong in the simulator, as a sentence that says what to fix.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// A scenario file problem: the file, the field path and what is wrong.
    #[error("{file}: {field}: {message}")]
    Scenario {
        file: String,
        field: String,
        message: String,
    },
    /// A data file problem (the volumes CSV).
    #[error("{file}: line {line}: {message}")]
    Data {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{0}")]
    Config(#[from] ConfigError),
    #[error(
        "The queue engine refused a simulated command ({0}). This is a bug in the simulator or the engine; please report it with the scenario file."
    )]
    Engine(#[from] EngineError),
    #[error("There is no site \"{site}\" in the configuration. Use one of: {known}.")]
    UnknownSite { site: String, known: String },
    #[error("Site {site} is closed on {date}. Choose a working day for the scenario.")]
    ClosedDay { site: String, date: String },
    #[error("{path}: {message}")]
    Io { path: String, message: String },
}

impl SimError {
    /// A scenario error naming the file and the field.
    pub fn scenario(file: &str, field: impl Into<String>, message: impl Into<String>) -> SimError {
        SimError::Scenario {
            file: file.to_string(),
            field: field.into(),
            message: message.into(),
        }
    }
}
