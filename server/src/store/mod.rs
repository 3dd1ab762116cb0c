//! Durable storage behind a [`Store`] trait, one implementation per database: SQLite
//! ([`SqliteStore`]) for a single office, a trial and development, PostgreSQL ([`PgStore`]) for
//! the city; [`open`] picks one from the `--db` value ([`Database`]).
//!
//! The server is event-sourced: every accepted engine command is stored with its time, so the
//! day's queues can be rebuilt after a restart by applying the commands again. Next to the
//! commands the server keeps read-friendly tables for displays, status pages and reports. All
//! rows caused by one request are written in one transaction, committed before the answer.
//!
//! # Schema (`server/migrations/`), for the reports and anyone reading the database
//! PostgreSQL has the same tables and columns (`server/migrations_pg/`), with `BOOLEAN` flags,
//! `BIGINT` ids and byte-order (`COLLATE "C"`) text.
//! Times are RFC 3339 text with the `+09:00` offset; `day` is the JST date `YYYY-MM-DD`.
//! - `commands(site, day, seq, at, json)`: the engine `Command` JSON, in order (`seq` from 0
//!   per site and day). The source of truth for rebuilding a day.
//! - `tickets(id, site, day, service, number, lang, need_braille_form, need_wheelchair,
//!   need_written, need_interpreter, need_help, need_other, state, counter, issued_at,
//!   called_at, served_at, finished_at, transfers, recalls, kiosk, printed, status_token)`:
//!   one row per ticket, updated on every change (`state` is the `TicketState` snake_case name,
//!   `service` the service it ended in). No personal data: no name, address, birth date or
//!   My Number column exists anywhere.
//! - `events(site, id, at, kind, json)`: the numbered `SiteEvent`s, for SSE replay.
//! - `notices(site, text, updated_at, updated_by)`: the display's notice line per site.
//! - `alerts(id, site, day, at, kind, kiosk, ticket_id, lang, detail, acknowledged_by,
//!   acknowledged_at)`: `assist` requests and `print_failed` tickets.
//! - `guided(id, site, day, at, kiosk, reason, lang)`: visitors the kiosk sent elsewhere.
//! - `audit(id, at, day, actor, role, site, counter, action, ticket, detail)`: every staff,
//!   supervisor and admin action and every login (`ticket` is the ticket number).
//! - `device_tokens(token_hash, kind, site, device, created_at)`: SHA-256 (hex) of kiosk and
//!   display tokens; `users(login, role, site, password_hash, created_at)` with argon2 hashes;
//!   `sessions(token_hash, login, role, site, counter, created_at, family)`; `family` is the
//!   token hash of the sign-in a hand-over session came from (NULL for a sign-in itself).
//! - `handovers(pass_hash, session_hash, created_at, expires_at)`: SHA-256 of the short-lived,
//!   single-use passes that move a signed-in console to another server (`http/handover.rs`).
//! - `manual_counts`, `report_snapshots`: the reports' tables (see [`ReportReads`]).
//! - `bookings(reference, site, day, service, slot_start, slot_end, state, ticket_id,
//!   ticket_number, checked_in_at, imported_at, imported_by)`: booked card pickups, no
//!   personal data (see [`BookingReads`]).

mod bookings;
pub mod ceiling;
mod copy;
mod database;
mod postgres;
mod reports;
mod rows;
mod shared;
mod sqlite;
mod sqlite_reports;
mod writes;

use chrono::NaiveDate;
use futures_util::future::BoxFuture;
use madoguchi_protocol::{AuditEntry, CounterId, Lang, Role, SiteId, Ticket, TicketId, Timestamp};

pub use bookings::{BookingReads, BookingRow, CheckedIn};
pub use copy::{CopyError, sqlite_to_postgres};
pub use database::{BadDatabaseUrl, Database, PgUrl, open};
pub use postgres::{PgStore, open_postgres};
pub use reports::{ManualCountRow, ReportReads, SnapshotRow};
pub use shared::{IdKind, SharedStore, SiteGuard, SiteVersion};
pub use sqlite::{SqliteStore, connect_options, open_sqlite};

/// A storage failure. The server answers 503 and keeps its memory consistent with the disk.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database failed: {0}")]
    Db(#[from] sqlx::Error),
    /// The first connection to a database server failed (PostgreSQL).
    #[error(
        "the database cannot be reached ({0}); check that PostgreSQL runs there, that the database exists and that the user and password are right"
    )]
    Unreachable(sqlx::Error),
    #[error("the database could not be migrated: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("a stored row is corrupt: {0}")]
    Corrupt(String),
    /// Today's stored commands do not rebuild the state that was answered (see `hub`).
    #[error("{0}")]
    Replay(String),
    /// Another server changed these sites since this server decided for them (PostgreSQL).
    #[error("another server changed site(s) {0:?} first; the decision was not written")]
    Conflict(Vec<SiteId>),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// One row to write; a request's writes are committed together.
#[derive(Debug, Clone)]
pub enum Write {
    Command {
        site: SiteId,
        day: NaiveDate,
        seq: i64,
        at: Timestamp,
        json: String,
    },
    /// Insert or update a ticket row (the token is only used on insert).
    Ticket {
        ticket: Ticket,
        day: NaiveDate,
        status_token: String,
    },
    Event {
        site: SiteId,
        id: u64,
        at: Timestamp,
        kind: &'static str,
        json: String,
    },
    Audit(AuditDraft),
    Notice {
        site: SiteId,
        text: String,
        at: Timestamp,
        by: String,
    },
    Alert(AlertRow),
    AlertAck {
        id: i64,
        by: String,
        at: Timestamp,
    },
    Guided {
        site: SiteId,
        at: Timestamp,
        kiosk: String,
        reason: String,
        lang: Lang,
    },
    Device(DeviceRow),
    User(UserRow),
    Session(SessionRow),
    /// A sign-out: the session and every session handed over from the same sign-in end.
    EndSession {
        token_hash: String,
    },
    /// A new hand-over pass (expired passes are deleted in the same transaction).
    HandoverPass(HandoverRow),
    /// A device token stops working (`token revoke`).
    RevokeDevice {
        site: SiteId,
        device: String,
        at: Timestamp,
    },
    /// A user can no longer sign in and every session of theirs ends (`user disable`).
    DisableUser {
        login: String,
        at: Timestamp,
    },
    /// Every session of a user ends (`user signout`, `user passwd`).
    EndUserSessions {
        login: String,
    },
    /// The health check's write (`/api/health`): proves the database takes writes.
    Health {
        at: Timestamp,
    },
    /// Closes a site's tickets of days before `day` that were still waiting, called or being
    /// served: the day ended (state `expired`, finished at `at`). Idempotent.
    ExpireBefore {
        site: SiteId,
        day: NaiveDate,
        at: Timestamp,
    },
    /// A staff-entered count of work without a ticket.
    ManualCount(ManualCountRow),
    /// A past day's configuration, frozen for its reports (kept if one is already stored).
    ReportSnapshot(SnapshotRow),
    /// An imported or pushed booking (a booking already checked in is left as it is).
    Booking(BookingRow),
    /// A booking was checked in for a ticket.
    BookingCheckedIn {
        reference: String,
        ticket_id: TicketId,
        number: String,
        at: Timestamp,
    },
}

/// An audit row before it has an id.
#[derive(Debug, Clone)]
pub struct AuditDraft {
    pub at: Timestamp,
    pub actor: String,
    pub role: Role,
    pub site: SiteId,
    pub counter: Option<CounterId>,
    pub action: String,
    pub ticket: Option<String>,
    pub detail: String,
}

#[derive(Debug, Clone)]
pub struct AlertRow {
    pub id: i64,
    pub site: SiteId,
    pub at: Timestamp,
    pub kind: String,
    pub kiosk: Option<String>,
    pub ticket_id: Option<TicketId>,
    pub lang: Option<Lang>,
    pub detail: String,
    pub acknowledged_by: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DeviceRow {
    pub token_hash: String,
    pub kind: Role,
    pub site: SiteId,
    pub device: String,
    pub at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct UserRow {
    pub login: String,
    pub role: Role,
    /// `None` for an admin (every site).
    pub site: Option<SiteId>,
    pub password_hash: String,
    pub at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub token_hash: String,
    pub login: String,
    pub role: Role,
    pub site: SiteId,
    pub counter: Option<CounterId>,
    /// When the sign-in was made (a handed-over session keeps its sign-in's time, so it ends
    /// when that sign-in would).
    pub at: Timestamp,
    /// The token hash of the sign-in this session was handed over from; `None` for a sign-in.
    pub family: Option<String>,
}

impl SessionRow {
    /// The sign-in this session belongs to: its family, or itself.
    pub fn family_root(&self) -> &str {
        self.family.as_deref().unwrap_or(&self.token_hash)
    }
}

/// A hand-over pass as stored: only the SHA-256 of the pass itself.
#[derive(Debug, Clone)]
pub struct HandoverRow {
    pub pass_hash: String,
    /// The session the pass stands for.
    pub session_hash: String,
    pub at: Timestamp,
    pub expires: Timestamp,
}

/// A device token's row and when it was revoked (`None`: live).
pub type DeviceListing = (DeviceRow, Option<Timestamp>);

/// A stored ticket found by its status token.
#[derive(Debug, Clone)]
pub struct StoredTicket {
    pub day: NaiveDate,
    pub ticket: Ticket,
}

/// The storage boundary. Every method is one round trip; `commit` is one transaction. The
/// reports' read model ([`ReportReads`]) is part of it.
pub trait Store: ReportReads + BookingReads + Send + Sync + 'static {
    /// Writes every row of `writes` in one transaction, durably, or none of them.
    fn commit(&self, writes: Vec<Write>) -> BoxFuture<'_, StoreResult<()>>;
    /// A day's commands of a site, in order: `(at, json)`.
    fn commands(
        &self,
        site: &str,
        day: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<(Timestamp, String)>>>;
    /// `(id, status_token)` of a site's tickets of a day.
    fn ticket_tokens(
        &self,
        site: &str,
        day: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<(TicketId, String)>>>;
    fn ticket_by_token(&self, token: &str) -> BoxFuture<'_, StoreResult<Option<StoredTicket>>>;
    fn max_ticket_id(&self) -> BoxFuture<'_, StoreResult<i64>>;
    fn max_alert_id(&self) -> BoxFuture<'_, StoreResult<i64>>;
    fn max_event_id(&self, site: &str) -> BoxFuture<'_, StoreResult<u64>>;
    /// Events of a site with id > `after`, oldest first, at most `limit`: `(id, json)`.
    fn events_after(
        &self,
        site: &str,
        after: u64,
        limit: u32,
    ) -> BoxFuture<'_, StoreResult<Vec<(u64, String)>>>;
    fn notices(&self) -> BoxFuture<'_, StoreResult<Vec<(SiteId, String)>>>;
    fn open_alerts(&self, site: &str) -> BoxFuture<'_, StoreResult<Vec<AlertRow>>>;
    fn alert(&self, id: i64) -> BoxFuture<'_, StoreResult<Option<AlertRow>>>;
    /// Newest first.
    fn audit(&self, site: &str, limit: u32) -> BoxFuture<'_, StoreResult<Vec<AuditEntry>>>;
    fn device(&self, token_hash: &str) -> BoxFuture<'_, StoreResult<Option<DeviceRow>>>;
    fn user(&self, login: &str) -> BoxFuture<'_, StoreResult<Option<UserRow>>>;
    fn session(&self, token_hash: &str) -> BoxFuture<'_, StoreResult<Option<SessionRow>>>;
    /// The sessions signed in at a site (not signed out; expired ones too), newest first.
    fn sessions(&self, site: &str) -> BoxFuture<'_, StoreResult<Vec<SessionRow>>>;
    /// Deletes a hand-over pass and returns it, in one statement: of two servers redeeming the
    /// same pass at once, exactly one gets it.
    fn take_handover(&self, pass_hash: &str) -> BoxFuture<'_, StoreResult<Option<HandoverRow>>>;
    /// Every device token, with when it was revoked (`token list`).
    fn devices(&self) -> BoxFuture<'_, StoreResult<Vec<DeviceListing>>>;
    /// `Some` when other servers may write the same database: decisions are then checked
    /// against it ([`SharedStore`]).
    fn shared(&self) -> Option<&dyn SharedStore> {
        None
    }
}

/// The JST date of a timestamp, as stored in `day` columns.
pub fn day_of(at: Timestamp) -> NaiveDate {
    at.with_timezone(&crate::clock::jst()).date_naive()
}
