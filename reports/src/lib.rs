//! Daily (日報) and monthly (月報) reports for madoguchi supervisors and the city.
//!
//! A pure core turns plain inputs ([`DailyInput`], [`MonthlyInput`]) into plain reports
//! ([`DailyReport`], [`MonthlyReport`]); writers render them as CSV, XLSX and HTML with SVG
//! charts. Reports hold aggregates only: no ticket number or single visitor's times.

pub mod api;
mod baseline;
pub mod calendar;
mod category;
pub mod cli;
mod daily;
mod input;
pub mod load;
mod monthly;
pub mod sites;
pub mod spans;
mod stats;
pub mod view;
pub mod write;

pub use baseline::{Baseline, BaselineError, SHIPPED_CSV, parse_month};
pub use category::{Category, TableId};
pub use daily::*;
pub use input::*;
pub use monthly::*;
pub use stats::{DurationStats, fmt_min};

pub use api::{Rendered, ReportError};
pub use cli::{ReportArgs, ReportKind, cli};
pub use write::Format;
