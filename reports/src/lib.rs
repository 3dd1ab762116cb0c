//! Daily (日報) and monthly (月報) reports for madoguchi supervisors and the city.
//!
//! A pure core turns plain inputs ([`DailyInput`], [`MonthlyInput`]) into plain reports
//! ([`DailyReport`], [`MonthlyReport`]); writers render them as CSV, XLSX and HTML with SVG
//! charts. Reports hold aggregates only: no ticket number or single visitor's times.
//!
//! No I/O: the server's storage layer reads the stored facts ([`facts`]) on SQLite or
//! PostgreSQL, and sends or saves what [`request`] renders.

mod baseline;
pub mod bookings;
pub mod calendar;
mod category;
mod daily;
pub mod facts;
mod input;
mod monthly;
pub mod request;
pub mod sites;
pub mod spans;
mod stats;
pub mod view;
pub mod write;

pub use baseline::{Baseline, BaselineError, SHIPPED_CSV, parse_month};
pub use bookings::{BookingCounts, BookingRecord};
pub use category::{Category, TableId};
pub use daily::*;
pub use input::*;
pub use monthly::*;
pub use stats::{DurationStats, fmt_min};

pub use request::{Rendered, ReportError};
pub use write::Format;
