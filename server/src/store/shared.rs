//! What a store offers when several servers write one database (PostgreSQL): each site's
//! stored version, a commit that first takes each site's lock and checks that nobody changed
//! the site since the deciding server read it, blocks of ticket and alert ids, and a feed of
//! the sites another server changed. SQLite has none of it: one server owns the file.

use chrono::NaiveDate;
use futures_util::future::BoxFuture;
use madoguchi_protocol::SiteId;
use tokio::sync::mpsc;

use super::{StoreResult, Write};

/// How far a site's stored history has come: today's commands and its highest event id.
/// A server's memory built on exactly this history may decide for the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SiteVersion {
    pub day: NaiveDate,
    /// Commands stored for `day` (the next command's `seq`).
    pub commands: i64,
    pub last_event: u64,
}

/// A job's claim: it was decided on `version` of `site`.
#[derive(Debug, Clone)]
pub struct SiteGuard {
    pub site: SiteId,
    pub version: SiteVersion,
}

/// The counters that hand out ids across servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Ticket,
    Alert,
}

pub trait SharedStore: Send + Sync {
    fn site_version(&self, site: &str, day: NaiveDate) -> BoxFuture<'_, StoreResult<SiteVersion>>;
    /// Locks the guards' sites (in name order, so two servers never wait on each other),
    /// checks each stored version against its guard and writes `writes` in the same
    /// transaction, or nothing: [`super::StoreError::Conflict`] names the sites another server
    /// changed. Other servers are told which sites changed.
    fn commit_guarded(
        &self,
        guards: Vec<SiteGuard>,
        writes: Vec<Write>,
    ) -> BoxFuture<'_, StoreResult<()>>;
    /// Reserves `n` ids nobody else has or will be given: returns the first of them.
    fn reserve_ids(&self, kind: IdKind, n: i64) -> BoxFuture<'_, StoreResult<i64>>;
    /// The sites other servers committed changes to, as they commit.
    fn site_changes(&self) -> BoxFuture<'_, StoreResult<mpsc::UnboundedReceiver<SiteId>>>;
}
