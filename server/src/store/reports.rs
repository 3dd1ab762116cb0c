//! The reports' read model on the storage boundary: what a 日報 or 月報 reads, as the plain
//! facts of `madoguchi_reports::facts`, so the reports crate computes and renders without
//! knowing the database. Every [`Store`](super::Store) implements it; the two report tables
//! (`manual_counts`, `report_snapshots`) are written through [`Write`](super::Write).
//!
//! # Tables (`server/migrations/0005_reports.sql`)
//! - `manual_counts(id, site, day, kind, label_ja, count, entered_by, entered_at)`: work
//!   without a ticket that staff count by hand (e.g. phone consultations).
//! - `report_snapshots(site, day, json, taken_at)`: what the configuration said about a site's
//!   day (`madoguchi_reports::facts::DaySnapshot` JSON), frozen the first time it is written.

use chrono::NaiveDate;
use futures_util::future::BoxFuture;
use madoguchi_protocol::{SiteId, Timestamp};
use madoguchi_reports::facts::{CompletedFacts, DayFacts, StoredSnapshot};

use super::StoreResult;

/// A staff-entered count of work without a ticket (`Write::ManualCount`).
#[derive(Debug, Clone)]
pub struct ManualCountRow {
    pub site: SiteId,
    pub day: NaiveDate,
    pub kind: String,
    pub label_ja: String,
    pub count: u32,
    pub entered_by: String,
    pub at: Timestamp,
}

/// A day's frozen configuration (`Write::ReportSnapshot`); a second one for the same site
/// and day is ignored, so the first stays.
#[derive(Debug, Clone)]
pub struct SnapshotRow {
    pub site: SiteId,
    pub day: NaiveDate,
    pub json: String,
    pub at: Timestamp,
}

/// What the reports read. A method may run a few queries (one per table), not one per row.
pub trait ReportReads {
    /// Everything stored about `site`'s `day` that its 日報 reads, in storage order.
    fn report_day(&self, site: &str, day: NaiveDate) -> BoxFuture<'_, StoreResult<DayFacts>>;
    /// The frozen configuration of `site`'s `day`, if any (JSON).
    fn report_snapshot(
        &self,
        site: &str,
        day: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Option<String>>>;
    /// Every snapshot of days from `from` to `to` (inclusive).
    fn report_snapshots(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<StoredSnapshot>>>;
    /// The sites with tickets from `from` to `to`.
    fn report_sites(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<SiteId>>>;
    /// `site`'s completed tickets from `from` to `to`, with the issued-for service of the
    /// transferred ones (from their days' `issue` commands).
    fn report_completed(
        &self,
        site: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<CompletedFacts>>;
}
