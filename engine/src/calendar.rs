//! Opening days and hours: weekly hours per site kind, national holidays (jpholiday plus an
//! override list), 29 Dec – 3 Jan, extra opening days (休日開庁) and changed hours as data.

use chrono::{NaiveDate, NaiveTime};
use madoguchi_protocol::Timestamp;

#[derive(Debug, Clone)]
pub struct Calendar {}

impl Calendar {
    /// Opening and closing time of `site` on `date`, `None` when closed that day.
    pub fn hours(&self, site: &str, date: NaiveDate) -> Option<(NaiveTime, NaiveTime)> {
        let _ = (site, date);
        todo!("engine")
    }

    pub fn is_open(&self, site: &str, now: Timestamp) -> bool {
        let _ = (site, now);
        todo!("engine")
    }

    /// The next moment `site` opens after `now` (within a year), `None` if never.
    pub fn next_opening(&self, site: &str, now: Timestamp) -> Option<Timestamp> {
        let _ = (site, now);
        todo!("engine")
    }

    /// Whether `date` is a working day for `site` (for per-working-day figures in reports).
    pub fn is_working_day(&self, site: &str, date: NaiveDate) -> bool {
        self.hours(site, date).is_some()
    }
}
