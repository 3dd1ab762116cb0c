//! The SQLite implementation of [`Store`]: one file, WAL journal, `synchronous=FULL`, so a
//! committed transaction survives `kill -9` and power loss.

use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use chrono::NaiveDate;
use futures_util::future::BoxFuture;
use madoguchi_protocol::{AuditEntry, Role, SiteId, TicketId, Timestamp};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Connection, Row};

use super::DeviceListing;
use super::rows::{day_str, enum_parse, opt_ts, row_alert, row_ticket, ts};
use super::writes::{all_frequent, commit_frequent, end_open, write_all};
use super::{
    AlertRow, DeviceRow, HandoverRow, SessionRow, Store, StoreError, StoreResult, StoredTicket,
    UserRow, Write,
};

/// The SQLite settings every connection uses (the benchmark's ceiling uses the same).
pub fn connect_options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(10))
        // Checkpoints run in the background (see `open_sqlite`), not inside a request's commit.
        .pragma("wal_autocheckpoint", "0")
        .foreign_keys(true)
}

/// Opens (creating if needed) the database at `path` and runs the migrations. Commits go
/// through a connection of their own, so no number of readers (status pages, reports, event
/// replays) can keep the group-commit writer waiting for a connection.
pub async fn open_sqlite(path: &Path) -> StoreResult<SqliteStore> {
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(connect_options(path))
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    let writer = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(1)
        // No ping before each commit: it is a round trip to SQLite's worker thread, and a
        // SQLite connection does not go away like a network one.
        .test_before_acquire(false)
        .connect_with(connect_options(path))
        .await?;
    spawn_checkpointer(pool.clone());
    Ok(SqliteStore {
        pool,
        writer,
        writer_dirty: AtomicBool::new(false),
    })
}

/// Copies the WAL back into the database file every second without blocking writers
/// (`PASSIVE`), so no request's commit pays for a checkpoint. Ends when the pool closes.
fn spawn_checkpointer(pool: SqlitePool) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        while !pool.is_closed() {
            tick.tick().await;
            if let Err(err) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                .execute(&pool)
                .await
            {
                tracing::warn!(cause = %err, "WAL checkpoint failed; will retry");
            }
        }
    });
}

pub struct SqliteStore {
    /// Readers (and the reports' own queries).
    pool: SqlitePool,
    /// The commit writer's connection.
    writer: SqlitePool,
    /// A one-round-trip commit on the writer's connection began and has not ended (see
    /// `writes::commit_frequent`).
    writer_dirty: AtomicBool,
}

impl SqliteStore {
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

impl Store for SqliteStore {
    fn commit(&self, writes: Vec<Write>) -> BoxFuture<'_, StoreResult<()>> {
        Box::pin(async move {
            let mut conn = self.writer.acquire().await?;
            if all_frequent(&writes) {
                // Requests' rows: BEGIN, the rows and COMMIT in one round trip.
                return commit_frequent(&mut conn, &self.writer_dirty, &writes).await;
            }
            end_open(&mut conn, &self.writer_dirty).await;
            let mut tx = conn.begin().await?;
            write_all(&mut tx, &writes).await?;
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
                "SELECT at, json FROM commands WHERE site = ? AND day = ? ORDER BY seq",
            )
            .bind(site)
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
                sqlx::query("SELECT id, status_token FROM tickets WHERE site = ? AND day = ?")
                    .bind(site)
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
            let row = sqlx::query("SELECT * FROM tickets WHERE status_token = ?")
                .bind(token)
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
            Ok(
                sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(id) FROM tickets")
                    .fetch_one(&self.pool)
                    .await?
                    .unwrap_or(0),
            )
        })
    }

    fn max_alert_id(&self) -> BoxFuture<'_, StoreResult<i64>> {
        Box::pin(async move {
            Ok(
                sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(id) FROM alerts")
                    .fetch_one(&self.pool)
                    .await?
                    .unwrap_or(0),
            )
        })
    }

    fn max_event_id(&self, site: &str) -> BoxFuture<'_, StoreResult<u64>> {
        let site = site.to_owned();
        Box::pin(async move {
            let max =
                sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(id) FROM events WHERE site = ?")
                    .bind(site)
                    .fetch_one(&self.pool)
                    .await?
                    .unwrap_or(0);
            Ok(u64::try_from(max).unwrap_or(0))
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
                "SELECT id, json FROM events WHERE site = ? AND id > ? ORDER BY id LIMIT ?",
            )
            .bind(site)
            .bind(i64::try_from(after).unwrap_or(i64::MAX))
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
            rows.iter()
                .map(|r| {
                    let id: i64 = r.try_get("id")?;
                    Ok((u64::try_from(id).unwrap_or(0), r.try_get("json")?))
                })
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
                "SELECT * FROM alerts WHERE site = ? AND acknowledged_by IS NULL ORDER BY id",
            )
            .bind(site)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(row_alert).collect()
        })
    }

    fn alert(&self, id: i64) -> BoxFuture<'_, StoreResult<Option<AlertRow>>> {
        Box::pin(async move {
            let row = sqlx::query("SELECT * FROM alerts WHERE id = ?")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
            row.as_ref().map(row_alert).transpose()
        })
    }

    fn audit(&self, site: &str, limit: u32) -> BoxFuture<'_, StoreResult<Vec<AuditEntry>>> {
        let site = site.to_owned();
        Box::pin(async move {
            let rows = sqlx::query("SELECT * FROM audit WHERE site = ? ORDER BY id DESC LIMIT ?")
                .bind(site)
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await?;
            rows.iter()
                .map(|r| {
                    Ok(AuditEntry {
                        id: r.try_get("id")?,
                        at: ts(&r.try_get::<String, _>("at")?)?,
                        actor: r.try_get("actor")?,
                        role: enum_parse(&r.try_get::<String, _>("role")?)?,
                        site: r.try_get("site")?,
                        counter: r.try_get("counter")?,
                        action: r.try_get("action")?,
                        ticket: r.try_get("ticket")?,
                        detail: r.try_get("detail")?,
                    })
                })
                .collect()
        })
    }

    fn device(&self, token_hash: &str) -> BoxFuture<'_, StoreResult<Option<DeviceRow>>> {
        let token_hash = token_hash.to_owned();
        Box::pin(async move {
            let row = sqlx::query(
                "SELECT * FROM device_tokens WHERE token_hash = ? AND revoked_at IS NULL",
            )
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r| {
                Ok(DeviceRow {
                    token_hash: r.try_get("token_hash")?,
                    kind: enum_parse::<Role>(&r.try_get::<String, _>("kind")?)?,
                    site: r.try_get("site")?,
                    device: r.try_get("device")?,
                    at: ts(&r.try_get::<String, _>("created_at")?)?,
                })
            })
            .transpose()
        })
    }

    fn user(&self, login: &str) -> BoxFuture<'_, StoreResult<Option<UserRow>>> {
        let login = login.to_owned();
        Box::pin(async move {
            let row = sqlx::query("SELECT * FROM users WHERE login = ? AND disabled_at IS NULL")
                .bind(login)
                .fetch_optional(&self.pool)
                .await?;
            row.map(|r| {
                Ok(UserRow {
                    login: r.try_get("login")?,
                    role: enum_parse::<Role>(&r.try_get::<String, _>("role")?)?,
                    site: r.try_get("site")?,
                    password_hash: r.try_get("password_hash")?,
                    at: ts(&r.try_get::<String, _>("created_at")?)?,
                })
            })
            .transpose()
        })
    }

    fn session(&self, token_hash: &str) -> BoxFuture<'_, StoreResult<Option<SessionRow>>> {
        let token_hash = token_hash.to_owned();
        Box::pin(async move {
            let row = sqlx::query("SELECT * FROM sessions WHERE token_hash = ?")
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?;
            row.as_ref().map(row_session).transpose()
        })
    }

    fn sessions(&self, site: &str) -> BoxFuture<'_, StoreResult<Vec<SessionRow>>> {
        let site = site.to_owned();
        Box::pin(async move {
            let rows =
                sqlx::query("SELECT * FROM sessions WHERE site = ? ORDER BY created_at DESC")
                    .bind(site)
                    .fetch_all(&self.pool)
                    .await?;
            rows.iter().map(row_session).collect()
        })
    }

    fn take_handover(&self, pass_hash: &str) -> BoxFuture<'_, StoreResult<Option<HandoverRow>>> {
        let pass_hash = pass_hash.to_owned();
        Box::pin(async move {
            // Through the writer: a write that must not wait behind SQLite's busy timeout.
            let row = sqlx::query(
                "DELETE FROM handovers WHERE pass_hash = ? \
                 RETURNING pass_hash, session_hash, created_at, expires_at",
            )
            .bind(pass_hash)
            .fetch_optional(&self.writer)
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

    fn devices(&self) -> BoxFuture<'_, StoreResult<Vec<DeviceListing>>> {
        Box::pin(async move {
            let rows = sqlx::query("SELECT * FROM device_tokens ORDER BY site, device, created_at")
                .fetch_all(&self.pool)
                .await?;
            rows.iter()
                .map(|r| {
                    let device = DeviceRow {
                        token_hash: r.try_get("token_hash")?,
                        kind: enum_parse::<Role>(&r.try_get::<String, _>("kind")?)?,
                        site: r.try_get("site")?,
                        device: r.try_get("device")?,
                        at: ts(&r.try_get::<String, _>("created_at")?)?,
                    };
                    let revoked = opt_ts(r.try_get("revoked_at")?)?;
                    Ok((device, revoked))
                })
                .collect()
        })
    }
}

fn row_session(r: &sqlx::sqlite::SqliteRow) -> StoreResult<SessionRow> {
    Ok(SessionRow {
        token_hash: r.try_get("token_hash")?,
        login: r.try_get("login")?,
        role: enum_parse::<Role>(&r.try_get::<String, _>("role")?)?,
        site: r.try_get("site")?,
        counter: r.try_get("counter")?,
        at: ts(&r.try_get::<String, _>("created_at")?)?,
        family: r.try_get("family")?,
    })
}
