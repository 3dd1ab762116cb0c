//! The PostgreSQL implementation of [`Store`]: the same rows, order guarantees and one
//! transaction per commit as [`SqliteStore`](super::SqliteStore), for a city database that its
//! IT department operates and replicates. Every connection sets `synchronous_commit = on`, so a
//! commit has reached the server's WAL on disk before the answer, whatever the database's
//! default. Commits go through a connection of their own, as on SQLite, so readers never keep
//! the group-commit writer waiting for a connection.

mod bookings;
mod reports;
mod rows;
mod shared;
mod write_one;
mod writes;

use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::AtomicU32;
use std::time::Duration;

use chrono::NaiveDate;
use futures_util::future::BoxFuture;
use madoguchi_protocol::{AuditEntry, SiteId, TicketId, Timestamp};
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgPoolOptions};
use sqlx::{Connection, Row};

use self::rows::{row_alert, row_audit, row_device, row_session, row_ticket, row_user};
use super::rows::{day_str, opt_ts, ts};
use super::{
    AlertRow, DeviceListing, DeviceRow, HandoverRow, SessionRow, Store, StoreError, StoreResult,
    StoredTicket, UserRow, Write,
};

/// Opens the database at `url` (`postgres://user:password@host:port/database`) and runs the
/// PostgreSQL migrations (`server/migrations_pg/`). The database must exist.
pub async fn open_postgres(url: &str) -> StoreResult<PgStore> {
    let options = PgConnectOptions::from_str(url)?
        .application_name("madoguchi-server")
        .options([("synchronous_commit", "on")]);
    // One connection first, so a wrong address, database or password is reported as such at
    // once instead of as a pool that timed out.
    PgConnection::connect_with(&options)
        .await
        .map_err(StoreError::Unreachable)?
        .close()
        .await?;
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options.clone())
        .await?;
    sqlx::migrate!("./migrations_pg").run(&pool).await?;
    let writer = PgPoolOptions::new()
        .max_connections(1)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await?;
    let pid: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
        .fetch_one(&writer)
        .await?;
    let writer_pid = Arc::new(AtomicU32::new(u32::try_from(pid).unwrap_or(0)));
    Ok(PgStore {
        pool,
        writer,
        writer_pid,
    })
}

pub struct PgStore {
    /// Readers.
    pool: PgPool,
    /// The commit writer's connection.
    writer: PgPool,
    /// Its backend's process id: notifications from it are this server's own.
    writer_pid: Arc<AtomicU32>,
}

impl PgStore {
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}

/// Text as PostgreSQL can hold it: a `TEXT` value cannot contain the NUL character, and one
/// such value would fail the whole group commit (every request batched with it) or a lookup
/// that SQLite answers. NUL becomes U+FFFD (the replacement character), in writes and lookups
/// alike, so a value written is found again. Machine-made JSON never holds a raw NUL (serde
/// writes `\u0000`).
pub(super) fn text(s: &str) -> String {
    s.replace('\0', "\u{FFFD}")
}

pub(super) fn opt_text(s: &Option<String>) -> Option<String> {
    s.as_deref().map(text)
}

/// A `MAX(id)`-style answer as a non-negative count.
fn non_negative(value: Option<i64>) -> u64 {
    value.and_then(|v| u64::try_from(v).ok()).unwrap_or(0)
}

impl Store for PgStore {
    fn commit(&self, writes: Vec<Write>) -> BoxFuture<'_, StoreResult<()>> {
        Box::pin(async move {
            let mut tx = self.writer.begin().await?;
            writes::write_all(&mut tx, &writes).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    fn commands(
        &self,
        site: &str,
        day: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<(Timestamp, String)>>> {
        let site = site.to_owned();
        Box::pin(async move {
            let rows = sqlx::query(
                "SELECT at, json FROM commands WHERE site = $1 AND day = $2 ORDER BY seq",
            )
            .bind(text(&site))
            .bind(day_str(day))
            .fetch_all(&self.pool)
            .await?;
            rows.iter()
                .map(|r| Ok((ts(&r.try_get::<String, _>("at")?)?, r.try_get("json")?)))
                .collect()
        })
    }

    fn ticket_tokens(
        &self,
        site: &str,
        day: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<(TicketId, String)>>> {
        let site = site.to_owned();
        Box::pin(async move {
            let rows =
                sqlx::query("SELECT id, status_token FROM tickets WHERE site = $1 AND day = $2")
                    .bind(text(&site))
                    .bind(day_str(day))
                    .fetch_all(&self.pool)
                    .await?;
            rows.iter()
                .map(|r| Ok((r.try_get("id")?, r.try_get("status_token")?)))
                .collect()
        })
    }

    fn ticket_by_token(&self, token: &str) -> BoxFuture<'_, StoreResult<Option<StoredTicket>>> {
        let token = token.to_owned();
        Box::pin(async move {
            let row = sqlx::query("SELECT * FROM tickets WHERE status_token = $1")
                .bind(text(&token))
                .fetch_optional(&self.pool)
                .await?;
            row.map(|r| {
                let day: String = r.try_get("day")?;
                let day = NaiveDate::from_str(&day)
                    .map_err(|e| StoreError::Corrupt(format!("bad day {day:?}: {e}")))?;
                Ok(StoredTicket {
                    day,
                    ticket: row_ticket(&r)?,
                })
            })
            .transpose()
        })
    }

    fn max_ticket_id(&self) -> BoxFuture<'_, StoreResult<i64>> {
        Box::pin(async move {
            let max = sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(id) FROM tickets")
                .fetch_one(&self.pool)
                .await?;
            Ok(max.unwrap_or(0))
        })
    }

    fn max_alert_id(&self) -> BoxFuture<'_, StoreResult<i64>> {
        Box::pin(async move {
            let max = sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(id) FROM alerts")
                .fetch_one(&self.pool)
                .await?;
            Ok(max.unwrap_or(0))
        })
    }

    fn max_event_id(&self, site: &str) -> BoxFuture<'_, StoreResult<u64>> {
        let site = site.to_owned();
        Box::pin(async move {
            let max =
                sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(id) FROM events WHERE site = $1")
                    .bind(text(&site))
                    .fetch_one(&self.pool)
                    .await?;
            Ok(non_negative(max))
        })
    }

    fn events_after(
        &self,
        site: &str,
        after: u64,
        limit: u32,
    ) -> BoxFuture<'_, StoreResult<Vec<(u64, String)>>> {
        let site = site.to_owned();
        Box::pin(async move {
            let rows = sqlx::query(
                "SELECT id, json FROM events WHERE site = $1 AND id > $2 ORDER BY id LIMIT $3",
            )
            .bind(text(&site))
            .bind(i64::try_from(after).unwrap_or(i64::MAX))
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
            rows.iter()
                .map(|r| Ok((non_negative(r.try_get("id")?), r.try_get("json")?)))
                .collect()
        })
    }

    fn notices(&self) -> BoxFuture<'_, StoreResult<Vec<(SiteId, String)>>> {
        Box::pin(async move {
            let rows = sqlx::query("SELECT site, text FROM notices")
                .fetch_all(&self.pool)
                .await?;
            rows.iter()
                .map(|r| Ok((r.try_get("site")?, r.try_get("text")?)))
                .collect()
        })
    }

    fn open_alerts(&self, site: &str) -> BoxFuture<'_, StoreResult<Vec<AlertRow>>> {
        let site = site.to_owned();
        Box::pin(async move {
            let rows = sqlx::query(
                "SELECT * FROM alerts WHERE site = $1 AND acknowledged_by IS NULL ORDER BY id",
            )
            .bind(text(&site))
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(row_alert).collect()
        })
    }

    fn alert(&self, id: i64) -> BoxFuture<'_, StoreResult<Option<AlertRow>>> {
        Box::pin(async move {
            let row = sqlx::query("SELECT * FROM alerts WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
            row.as_ref().map(row_alert).transpose()
        })
    }

    fn audit(&self, site: &str, limit: u32) -> BoxFuture<'_, StoreResult<Vec<AuditEntry>>> {
        let site = site.to_owned();
        Box::pin(async move {
            let rows = sqlx::query("SELECT * FROM audit WHERE site = $1 ORDER BY id DESC LIMIT $2")
                .bind(text(&site))
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await?;
            rows.iter().map(row_audit).collect()
        })
    }

    fn device(&self, token_hash: &str) -> BoxFuture<'_, StoreResult<Option<DeviceRow>>> {
        let token_hash = token_hash.to_owned();
        Box::pin(async move {
            let row = sqlx::query(
                "SELECT * FROM device_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
            )
            .bind(text(&token_hash))
            .fetch_optional(&self.pool)
            .await?;
            row.as_ref().map(row_device).transpose()
        })
    }

    fn user(&self, login: &str) -> BoxFuture<'_, StoreResult<Option<UserRow>>> {
        let login = login.to_owned();
        Box::pin(async move {
            let row = sqlx::query("SELECT * FROM users WHERE login = $1 AND disabled_at IS NULL")
                .bind(text(&login))
                .fetch_optional(&self.pool)
                .await?;
            row.as_ref().map(row_user).transpose()
        })
    }

    fn session(&self, token_hash: &str) -> BoxFuture<'_, StoreResult<Option<SessionRow>>> {
        let token_hash = token_hash.to_owned();
        Box::pin(async move {
            let row = sqlx::query("SELECT * FROM sessions WHERE token_hash = $1")
                .bind(text(&token_hash))
                .fetch_optional(&self.pool)
                .await?;
            row.as_ref().map(row_session).transpose()
        })
    }

    fn sessions(&self, site: &str) -> BoxFuture<'_, StoreResult<Vec<SessionRow>>> {
        let site = site.to_owned();
        Box::pin(async move {
            let rows =
                sqlx::query("SELECT * FROM sessions WHERE site = $1 ORDER BY created_at DESC")
                    .bind(text(&site))
                    .fetch_all(&self.pool)
                    .await?;
            rows.iter().map(row_session).collect()
        })
    }

    fn take_handover(&self, pass_hash: &str) -> BoxFuture<'_, StoreResult<Option<HandoverRow>>> {
        let pass_hash = pass_hash.to_owned();
        Box::pin(async move {
            // A second server's `DELETE` of the same row waits for this one and finds nothing.
            let row = sqlx::query(
                "DELETE FROM handovers WHERE pass_hash = $1 \
                 RETURNING pass_hash, session_hash, created_at, expires_at",
            )
            .bind(text(&pass_hash))
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r| {
                Ok(HandoverRow {
                    pass_hash: r.try_get("pass_hash")?,
                    session_hash: r.try_get("session_hash")?,
                    at: ts(&r.try_get::<String, _>("created_at")?)?,
                    expires: ts(&r.try_get::<String, _>("expires_at")?)?,
                })
            })
            .transpose()
        })
    }

    fn shared(&self) -> Option<&dyn super::SharedStore> {
        Some(self)
    }

    fn devices(&self) -> BoxFuture<'_, StoreResult<Vec<DeviceListing>>> {
        Box::pin(async move {
            let rows = sqlx::query("SELECT * FROM device_tokens ORDER BY site, device, created_at")
                .fetch_all(&self.pool)
                .await?;
            rows.iter()
                .map(|r| Ok((row_device(r)?, opt_ts(r.try_get("revoked_at")?)?)))
                .collect()
        })
    }
}
