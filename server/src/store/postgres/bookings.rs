//! Bookings ([`BookingReads`]) and their writes on PostgreSQL: the SQLite store's rows and
//! statements (`store/bookings.rs`) with `$n` parameters.

use chrono::NaiveDate;
use futures_util::future::BoxFuture;
use sqlx::postgres::PgRow;
use sqlx::{Postgres, Row, Transaction};

use super::{PgStore, text};
use crate::store::bookings::{BookingReads, BookingRow, COLUMNS, CheckedIn, FROM};
use crate::store::rows::{day_str, opt_ts, ts};
use crate::store::{StoreError, StoreResult, Write};

fn row(r: &PgRow) -> StoreResult<BookingRow> {
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
            .map_err(|e| StoreError::Corrupt(format!("bad day {day:?}: {e}")))?,
        service: r.try_get("service")?,
        slot_start: ts(&r.try_get::<String, _>("slot_start")?)?,
        slot_end: ts(&r.try_get::<String, _>("slot_end")?)?,
        checked_in,
        called_at: opt_ts(r.try_get("called_at")?)?,
        imported_at: ts(&r.try_get::<String, _>("imported_at")?)?,
        imported_by: r.try_get("imported_by")?,
    })
}

impl BookingReads for PgStore {
    fn booking(&self, reference: &str) -> BoxFuture<'_, StoreResult<Option<BookingRow>>> {
        let reference = text(reference);
        Box::pin(async move {
            let q = format!("SELECT {COLUMNS} FROM {FROM} WHERE b.reference = $1");
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
        let site = text(site);
        Box::pin(async move {
            let q = format!(
                "SELECT {COLUMNS} FROM {FROM} WHERE b.site = $1 AND b.day >= $2 AND b.day <= $3 \
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

/// Writes a `Booking` or `BookingCheckedIn` inside the commit's transaction (see the SQLite
/// store).
pub(super) async fn write_booking(
    tx: &mut Transaction<'_, Postgres>,
    w: &Write,
) -> StoreResult<()> {
    match w {
        Write::Booking(b) => {
            sqlx::query(
                "INSERT INTO bookings (reference, site, day, service, slot_start, slot_end, \
                 state, imported_at, imported_by) VALUES ($1, $2, $3, $4, $5, $6, 'booked', $7, \
                 $8) ON CONFLICT (reference) DO UPDATE SET site = excluded.site, \
                 day = excluded.day, service = excluded.service, \
                 slot_start = excluded.slot_start, slot_end = excluded.slot_end, \
                 imported_at = excluded.imported_at, imported_by = excluded.imported_by \
                 WHERE bookings.state = 'booked'",
            )
            .bind(text(&b.reference))
            .bind(text(&b.site))
            .bind(day_str(b.day))
            .bind(text(&b.service))
            .bind(b.slot_start.to_rfc3339())
            .bind(b.slot_end.to_rfc3339())
            .bind(b.imported_at.to_rfc3339())
            .bind(text(&b.imported_by))
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
                "UPDATE bookings SET state = 'checked_in', ticket_id = $1, ticket_number = $2, \
                 checked_in_at = $3 WHERE reference = $4",
            )
            .bind(ticket_id)
            .bind(text(number))
            .bind(at.to_rfc3339())
            .bind(text(reference))
            .execute(&mut **tx)
            .await?;
        }
        _ => {}
    }
    Ok(())
}
