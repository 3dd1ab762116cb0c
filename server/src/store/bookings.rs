//! Bookings (交付予約) on the storage boundary: the rows an import or a push writes, the
//! check-in's mark, and what check-in, the console and the reports read. Every
//! [`Store`](super::Store) implements [`BookingReads`]; SQLite here, PostgreSQL in
//! `postgres/bookings.rs`.
//!
//! # Table (`server/migrations/0007_bookings.sql`)
//! `bookings(reference, site, day, service, slot_start, slot_end, state, ticket_id,
//! ticket_number, checked_in_at, imported_at, imported_by)`: `reference` normalised and
//! city-wide; `state` `booked` or `checked_in`. No name, birth date, address or card number
//! column exists: the importer drops such columns before anything reaches the store.

use chrono::NaiveDate;
use futures_util::future::BoxFuture;
use madoguchi_protocol::{SiteId, TicketId, Timestamp};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, Sqlite, Transaction};

use super::rows::{day_str, opt_ts, ts};
use super::{SqliteStore, StoreResult, Write};

/// One stored booking.
#[derive(Debug, Clone, PartialEq)]
pub struct BookingRow {
    /// Normalised: upper case, no spaces or hyphens.
    pub reference: String,
    pub site: SiteId,
    /// The JST date of the slot.
    pub day: NaiveDate,
    pub service: String,
    pub slot_start: Timestamp,
    pub slot_end: Timestamp,
    /// `Some` once checked in: the ticket and when.
    pub checked_in: Option<CheckedIn>,
    /// When its ticket was first called (read from the ticket; not written).
    pub called_at: Option<Timestamp>,
    pub imported_at: Timestamp,
    pub imported_by: String,
}

/// A booking's check-in.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedIn {
    pub ticket_id: TicketId,
    pub number: String,
    pub at: Timestamp,
}

/// What bookings read.
pub trait BookingReads {
    /// The booking with this normalised reference, whatever its site or day.
    fn booking(&self, reference: &str) -> BoxFuture<'_, StoreResult<Option<BookingRow>>>;
    /// `site`'s bookings of `day`, by slot start then reference.
    fn bookings(&self, site: &str, day: NaiveDate) -> BoxFuture<'_, StoreResult<Vec<BookingRow>>>;
    /// `site`'s bookings from `from` to `to` (inclusive), for the 月報.
    fn bookings_between(
        &self,
        site: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<BookingRow>>>;
}

/// The columns of a booking and its ticket's first call (`bookings b LEFT JOIN tickets t`).
pub(crate) const COLUMNS: &str = "b.reference, b.site, b.day, b.service, b.slot_start, \
    b.slot_end, b.state, b.ticket_id, b.ticket_number, b.checked_in_at, b.imported_at, \
    b.imported_by, t.called_at AS called_at";

/// `FROM` of the booking reads.
pub(crate) const FROM: &str = "bookings b LEFT JOIN tickets t ON t.id = b.ticket_id";

fn row(r: &SqliteRow) -> StoreResult<BookingRow> {
    let day: String = r.try_get("day")?;
    let state: String = r.try_get("state")?;
    let checked_in = match (
        state.as_str(),
        r.try_get::<Option<i64>, _>("ticket_id")?,
        opt_ts(r.try_get("checked_in_at")?)?,
    ) {
        ("checked_in", Some(ticket_id), Some(at)) => Some(CheckedIn {
            ticket_id,
            number: r
                .try_get::<Option<String>, _>("ticket_number")?
                .unwrap_or_default(),
            at,
        }),
        _ => None,
    };
    Ok(BookingRow {
        reference: r.try_get("reference")?,
        site: r.try_get("site")?,
        day: day
            .parse()
            .map_err(|e| super::StoreError::Corrupt(format!("bad day {day:?}: {e}")))?,
        service: r.try_get("service")?,
        slot_start: ts(&r.try_get::<String, _>("slot_start")?)?,
        slot_end: ts(&r.try_get::<String, _>("slot_end")?)?,
        checked_in,
        called_at: opt_ts(r.try_get("called_at")?)?,
        imported_at: ts(&r.try_get::<String, _>("imported_at")?)?,
        imported_by: r.try_get("imported_by")?,
    })
}

impl BookingReads for SqliteStore {
    fn booking(&self, reference: &str) -> BoxFuture<'_, StoreResult<Option<BookingRow>>> {
        let reference = reference.to_owned();
        Box::pin(async move {
            let q = format!("SELECT {COLUMNS} FROM {FROM} WHERE b.reference = ?");
            let r = sqlx::query(sqlx::AssertSqlSafe(q))
                .bind(reference)
                .fetch_optional(self.pool())
                .await?;
            r.as_ref().map(row).transpose()
        })
    }

    fn bookings(&self, site: &str, day: NaiveDate) -> BoxFuture<'_, StoreResult<Vec<BookingRow>>> {
        self.bookings_between(site, day, day)
    }

    fn bookings_between(
        &self,
        site: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<BookingRow>>> {
        let site = site.to_owned();
        Box::pin(async move {
            let q = format!(
                "SELECT {COLUMNS} FROM {FROM} WHERE b.site = ? AND b.day >= ? AND b.day <= ? \
                 ORDER BY b.day, b.slot_start, b.reference"
            );
            let rows = sqlx::query(sqlx::AssertSqlSafe(q))
                .bind(site)
                .bind(day_str(from))
                .bind(day_str(to))
                .fetch_all(self.pool())
                .await?;
            rows.iter().map(row).collect()
        })
    }
}

/// Writes a `Booking` or `BookingCheckedIn` inside the commit's transaction. An imported
/// booking already checked in keeps its check-in (a second import of the day's file changes
/// nothing about it).
pub(super) async fn write_booking(tx: &mut Transaction<'_, Sqlite>, w: &Write) -> StoreResult<()> {
    match w {
        Write::Booking(b) => {
            sqlx::query(
                "INSERT INTO bookings (reference, site, day, service, slot_start, slot_end, \
                 state, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, 'booked', ?, ?) \
                 ON CONFLICT (reference) DO UPDATE SET site = excluded.site, day = excluded.day, \
                 service = excluded.service, slot_start = excluded.slot_start, \
                 slot_end = excluded.slot_end, imported_at = excluded.imported_at, \
                 imported_by = excluded.imported_by WHERE bookings.state = 'booked'",
            )
            .bind(&b.reference)
            .bind(&b.site)
            .bind(day_str(b.day))
            .bind(&b.service)
            .bind(b.slot_start.to_rfc3339())
            .bind(b.slot_end.to_rfc3339())
            .bind(b.imported_at.to_rfc3339())
            .bind(&b.imported_by)
            .execute(&mut **tx)
            .await?;
        }
        Write::BookingCheckedIn {
            reference,
            ticket_id,
            number,
            at,
        } => {
            sqlx::query(
                "UPDATE bookings SET state = 'checked_in', ticket_id = ?, ticket_number = ?, \
                 checked_in_at = ? WHERE reference = ?",
            )
            .bind(ticket_id)
            .bind(number)
            .bind(at.to_rfc3339())
            .bind(reference)
            .execute(&mut **tx)
            .await?;
        }
        _ => {}
    }
    Ok(())
}
