//! The queue engine of madoguchi: pure Rust, no I/O, no clock, no async.
//!
//! The server, the simulator and the tests drive the same code: a [`SiteQueue`] per site and
//! day, changed only by [`SiteQueue::apply`] with a [`Command`] and the time `now` as an
//! argument. Because it is deterministic, the server persists the commands and rebuilds the
//! state after a restart by applying them again.
//!
//! PUBLIC API CONTRACT: the server and the simulator are written against the items below.
//! Keep every signature here; add new items freely.

mod advice;
mod bookings;
pub mod calendar;
mod commands;
pub mod config;
mod error;
mod eta;
mod lease;
mod moves;
mod policy;
mod queue;
mod range;
mod replay;
mod validate;

pub use advice::{FIRST, HORIZON_MIN, command_of};
pub use bookings::BookingsConfig;
pub use calendar::Calendar;
pub use config::{
    AnnualClosure, AreaConfig, Config, ConfigError, CounterConfig, CounterLabel, DeskConfig,
    DocumentConfig, HolidayOverride, HoursConfig, ServiceConfig, SiteConfig, SpecialDay, WeekHours,
};
pub use error::EngineError;
pub use eta::EtaModel;
pub use lease::{Lease, lease_command};
pub use policy::Policy;
pub use queue::{Command, Outcome, SiteQueue};
pub use range::PaceSpread;
pub use replay::{Called, IdempotencyKey, Recorded};

#[cfg(test)]
mod tests;
