//! The SQLite implementation of [`Store`]: one file, WAL journal, `synchronous=FULL`, so a
//! committed transaction survives `kill -9` and power loss.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, NaiveDate};
use futures_util::future::BoxFuture;
use madoguchi_protocol::{AuditEntry, Lang, Needs, Role, SiteId, Ticket, TicketId, Timestamp};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{Row, Sqlite, Transaction};

use super::{
    AlertRow, DeviceRow, SessionRow, Store, StoreError, StoreResult, StoredTicket, UserRow, Write,
};

/// The SQLite settings every connection uses (the benchmark's ceiling uses the same).
pub fn connect_options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(10))
        .foreign_keys(true)
}

/// Opens (creating if needed) the database at `path` and runs the migrations.
pub async fn open_sqlite(path: &Path) -> StoreResult<SqliteStore> {
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(connect_options(path))
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(SqliteStore { pool })
}

pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// The serde name of a unit enum variant, e.g. `Role::Staff` → `staff`.
pub(crate) fn enum_str<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

pub(crate) fn enum_parse<T: DeserializeOwned>(s: &str) -> StoreResult<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .map_err(|e| StoreError::Corrupt(format!("bad value {s:?}: {e}")))
}

fn ts(s: &str) -> StoreResult<Timestamp> {
    DateTime::parse_from_rfc3339(s).map_err(|e| StoreError::Corrupt(format!("bad time {s:?}: {e}")))
}

fn opt_ts(s: Option<String>) -> StoreResult<Option<Timestamp>> {
    s.as_deref().map(ts).transpose()
}

fn day_str(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn row_ticket(r: &SqliteRow) -> StoreResult<Ticket> {
    let flag = |c: &str| -> StoreResult<bool> { Ok(r.try_get::<i64, _>(c)? != 0) };
    Ok(Ticket {
        id: r.try_get("id")?,
        site: r.try_get("site")?,
        service: r.try_get("service")?,
        number: r.try_get("number")?,
        lang: enum_parse(&r.try_get::<String, _>("lang")?)?,
        needs: Needs {
            braille_form: flag("need_braille_form")?,
            wheelchair: flag("need_wheelchair")?,
            written: flag("need_written")?,
            interpreter: flag("need_interpreter")?,
            help: flag("need_help")?,
            other: flag("need_other")?,
        },
        state: enum_parse(&r.try_get::<String, _>("state")?)?,
        counter: r.try_get("counter")?,
        issued_at: ts(&r.try_get::<String, _>("issued_at")?)?,
        called_at: opt_ts(r.try_get("called_at")?)?,
        served_at: opt_ts(r.try_get("served_at")?)?,
        finished_at: opt_ts(r.try_get("finished_at")?)?,
        transfers: u32::try_from(r.try_get::<i64, _>("transfers")?).unwrap_or(0),
        recalls: u32::try_from(r.try_get::<i64, _>("recalls")?).unwrap_or(0),
        kiosk: r.try_get("kiosk")?,
        printed: r.try_get::<Option<i64>, _>("printed")?.map(|p| p != 0),
    })
}

fn row_alert(r: &SqliteRow) -> StoreResult<AlertRow> {
    let lang: Option<String> = r.try_get("lang")?;
    Ok(AlertRow {
        id: r.try_get("id")?,
        site: r.try_get("site")?,
        at: ts(&r.try_get::<String, _>("at")?)?,
        kind: r.try_get("kind")?,
        kiosk: r.try_get("kiosk")?,
        ticket_id: r.try_get("ticket_id")?,
        lang: lang.as_deref().map(enum_parse::<Lang>).transpose()?,
        detail: r.try_get("detail")?,
        acknowledged_by: r.try_get("acknowledged_by")?,
    })
}

async fn write_one(tx: &mut Transaction<'_, Sqlite>, w: &Write) -> StoreResult<()> {
    match w {
        Write::Command {
            site,
            day,
            seq,
            at,
            json,
        } => {
            sqlx::query("INSERT INTO commands (site, day, seq, at, json) VALUES (?, ?, ?, ?, ?)")
                .bind(site)
                .bind(day_str(*day))
                .bind(seq)
                .bind(at.to_rfc3339())
                .bind(json)
                .execute(&mut **tx)
                .await?;
        }
        Write::Ticket {
            ticket: t,
            day,
            status_token,
        } => {
            sqlx::query(
                "INSERT INTO tickets (id, site, day, service, number, lang, need_braille_form, \
                 need_wheelchair, need_written, need_interpreter, need_help, need_other, state, \
                 counter, issued_at, called_at, served_at, finished_at, transfers, recalls, kiosk, \
                 printed, status_token) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
                 ON CONFLICT (id) DO UPDATE SET service = excluded.service, state = excluded.state, \
                 counter = excluded.counter, called_at = excluded.called_at, \
                 served_at = excluded.served_at, finished_at = excluded.finished_at, \
                 transfers = excluded.transfers, recalls = excluded.recalls, \
                 printed = excluded.printed",
            )
            .bind(t.id)
            .bind(&t.site)
            .bind(day_str(*day))
            .bind(&t.service)
            .bind(&t.number)
            .bind(t.lang.code())
            .bind(t.needs.braille_form)
            .bind(t.needs.wheelchair)
            .bind(t.needs.written)
            .bind(t.needs.interpreter)
            .bind(t.needs.help)
            .bind(t.needs.other)
            .bind(enum_str(&t.state))
            .bind(&t.counter)
            .bind(t.issued_at.to_rfc3339())
            .bind(t.called_at.map(|x| x.to_rfc3339()))
            .bind(t.served_at.map(|x| x.to_rfc3339()))
            .bind(t.finished_at.map(|x| x.to_rfc3339()))
            .bind(i64::from(t.transfers))
            .bind(i64::from(t.recalls))
            .bind(&t.kiosk)
            .bind(t.printed)
            .bind(status_token)
            .execute(&mut **tx)
            .await?;
        }
        Write::Event {
            site,
            id,
            at,
            kind,
            json,
        } => {
            sqlx::query("INSERT INTO events (site, id, at, kind, json) VALUES (?, ?, ?, ?, ?)")
                .bind(site)
                .bind(i64::try_from(*id).unwrap_or(i64::MAX))
                .bind(at.to_rfc3339())
                .bind(*kind)
                .bind(json)
                .execute(&mut **tx)
                .await?;
        }
        Write::Audit(a) => {
            sqlx::query(
                "INSERT INTO audit (at, day, actor, role, site, counter, action, ticket, detail) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(a.at.to_rfc3339())
            .bind(day_str(super::day_of(a.at)))
            .bind(&a.actor)
            .bind(enum_str(&a.role))
            .bind(&a.site)
            .bind(&a.counter)
            .bind(&a.action)
            .bind(&a.ticket)
            .bind(&a.detail)
            .execute(&mut **tx)
            .await?;
        }
        Write::Notice { site, text, at, by } => {
            sqlx::query(
                "INSERT INTO notices (site, text, updated_at, updated_by) VALUES (?, ?, ?, ?) \
                 ON CONFLICT (site) DO UPDATE SET text = excluded.text, \
                 updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            )
            .bind(site)
            .bind(text)
            .bind(at.to_rfc3339())
            .bind(by)
            .execute(&mut **tx)
            .await?;
        }
        Write::Alert(a) => {
            sqlx::query(
                "INSERT INTO alerts (id, site, day, at, kind, kiosk, ticket_id, lang, detail) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(a.id)
            .bind(&a.site)
            .bind(day_str(super::day_of(a.at)))
            .bind(a.at.to_rfc3339())
            .bind(&a.kind)
            .bind(&a.kiosk)
            .bind(a.ticket_id)
            .bind(a.lang.map(|l| l.code()))
            .bind(&a.detail)
            .execute(&mut **tx)
            .await?;
        }
        Write::AlertAck { id, by, at } => {
            sqlx::query(
                "UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ? \
                 WHERE id = ? AND acknowledged_by IS NULL",
            )
            .bind(by)
            .bind(at.to_rfc3339())
            .bind(id)
            .execute(&mut **tx)
            .await?;
        }
        Write::Guided {
            site,
            at,
            kiosk,
            reason,
            lang,
        } => {
            sqlx::query(
                "INSERT INTO guided (site, day, at, kiosk, reason, lang) VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(site)
            .bind(day_str(super::day_of(*at)))
            .bind(at.to_rfc3339())
            .bind(kiosk)
            .bind(reason)
            .bind(lang.code())
            .execute(&mut **tx)
            .await?;
        }
        Write::Device(d) => {
            sqlx::query(
                "INSERT INTO device_tokens (token_hash, kind, site, device, created_at) \
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(&d.token_hash)
            .bind(enum_str(&d.kind))
            .bind(&d.site)
            .bind(&d.device)
            .bind(d.at.to_rfc3339())
            .execute(&mut **tx)
            .await?;
        }
        Write::User(u) => {
            sqlx::query(
                "INSERT INTO users (login, role, site, password_hash, created_at) \
                 VALUES (?, ?, ?, ?, ?) ON CONFLICT (login) DO UPDATE SET role = excluded.role, \
                 site = excluded.site, password_hash = excluded.password_hash",
            )
            .bind(&u.login)
            .bind(enum_str(&u.role))
            .bind(&u.site)
            .bind(&u.password_hash)
            .bind(u.at.to_rfc3339())
            .execute(&mut **tx)
            .await?;
        }
        Write::Session(s) => {
            sqlx::query(
                "INSERT INTO sessions (token_hash, login, role, site, counter, created_at) \
                 VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(&s.token_hash)
            .bind(&s.login)
            .bind(enum_str(&s.role))
            .bind(&s.site)
            .bind(&s.counter)
            .bind(s.at.to_rfc3339())
            .execute(&mut **tx)
            .await?;
        }
        Write::EndSession { token_hash } => {
            sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
                .bind(token_hash)
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}

impl Store for SqliteStore {
    fn commit(&self, writes: Vec<Write>) -> BoxFuture<'_, StoreResult<()>> {
        Box::pin(async move {
            let mut tx = self.pool.begin().await?;
            for w in &writes {
                write_one(&mut tx, w).await?;
            }
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
            let row = sqlx::query("SELECT * FROM device_tokens WHERE token_hash = ?")
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
            let row = sqlx::query("SELECT * FROM users WHERE login = ?")
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
            row.map(|r| {
                Ok(SessionRow {
                    token_hash: r.try_get("token_hash")?,
                    login: r.try_get("login")?,
                    role: enum_parse::<Role>(&r.try_get::<String, _>("role")?)?,
                    site: r.try_get("site")?,
                    counter: r.try_get("counter")?,
                    at: ts(&r.try_get::<String, _>("created_at")?)?,
                })
            })
            .transpose()
        })
    }
}
