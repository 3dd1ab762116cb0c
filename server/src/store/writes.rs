//! Writing [`Write`]s inside an open SQLite transaction. The frequent rows (commands, tickets,
//! events, audit) of a whole group commit go in multi-row statements: every statement is a
//! round trip to SQLite's worker thread, so fewer statements means more commits per second.

use std::sync::atomic::{AtomicBool, Ordering};

use sqlx::{QueryBuilder, Sqlite, SqliteConnection, Transaction};

use super::rows::{day_str, enum_str};
use super::{StoreResult, Write};

/// Rows per multi-row statement (tickets have 24 columns; SQLite allows 32,766 parameters).
const CHUNK: usize = 500;

const TICKET_COLUMNS: &str = "INSERT INTO tickets (id, site, day, service, number, lang, \
    need_braille_form, need_wheelchair, need_written, need_interpreter, need_help, need_other, \
    state, counter, issued_at, called_at, served_at, finished_at, transfers, recalls, kiosk, \
    printed, status_token, offline) ";

const TICKET_UPSERT: &str = " ON CONFLICT (id) DO UPDATE SET service = excluded.service, \
    state = excluded.state, counter = excluded.counter, called_at = excluded.called_at, \
    served_at = excluded.served_at, finished_at = excluded.finished_at, \
    transfers = excluded.transfers, recalls = excluded.recalls, printed = excluded.printed";

/// The rows written in multi-row statements (every other kind goes one by one).
fn frequent(w: &Write) -> bool {
    matches!(
        w,
        Write::Command { .. } | Write::Ticket { .. } | Write::Event { .. } | Write::Audit(_)
    )
}

/// Whether [`commit_frequent`] can commit `writes` (only the frequent rows: a request's
/// commands, tickets, events and audit).
pub(crate) fn all_frequent(writes: &[Write]) -> bool {
    writes.iter().all(frequent)
}

/// Writes every row, in order within each table.
pub(crate) async fn write_all(
    tx: &mut Transaction<'_, Sqlite>,
    writes: &[Write],
) -> StoreResult<()> {
    let mut qb = QueryBuilder::<Sqlite>::new("");
    if push_frequent(&mut qb, writes) {
        qb.build().persistent(false).execute(&mut **tx).await?;
    }
    for w in writes {
        if !frequent(w) {
            write_one(tx, w).await?;
        }
    }
    Ok(())
}

/// Writes and commits `writes` (see [`all_frequent`]) in one round trip to SQLite's worker
/// thread: `BEGIN IMMEDIATE; INSERT …; COMMIT` as one multi-statement query (each `?` binds
/// the next value across the statements). Every round trip is two thread wake-ups, which on a
/// busy machine cost more than the rows themselves; a group commit through a `Transaction`
/// took seven (acquire's ping, begin, four statements, commit). A failed statement stops the
/// rest, COMMIT included; `dirty` (set until the batch ended either way) makes sure no
/// transaction stays open, also when the caller was dropped half-way.
pub(crate) async fn commit_frequent(
    conn: &mut SqliteConnection,
    dirty: &AtomicBool,
    writes: &[Write],
) -> StoreResult<()> {
    end_open(conn, dirty).await;
    let mut qb = QueryBuilder::<Sqlite>::new("BEGIN IMMEDIATE");
    push_frequent(&mut qb, writes);
    qb.push("; COMMIT");
    dirty.store(true, Ordering::SeqCst);
    let result = qb.build().persistent(false).execute(&mut *conn).await;
    if result.is_err() {
        // A statement or the commit failed: nothing of the batch may stay pending.
        let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
    }
    dirty.store(false, Ordering::SeqCst);
    result?;
    Ok(())
}

/// Rolls back what a [`commit_frequent`] dropped half-way left open, if anything.
pub(crate) async fn end_open(conn: &mut SqliteConnection, dirty: &AtomicBool) {
    if dirty.swap(false, Ordering::SeqCst) {
        // "no transaction is active" is fine: the open one, if any, is gone either way.
        let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
    }
}

/// Starts the next statement of a multi-statement query (`;` after any earlier one).
fn next_statement(qb: &mut QueryBuilder<Sqlite>, sql: &str) {
    if sql_len(qb) > 0 {
        qb.push("; ");
    }
    qb.push(sql);
}

/// Appends the multi-row statements of the frequent rows to `qb`; whether there was any.
fn push_frequent(qb: &mut QueryBuilder<Sqlite>, writes: &[Write]) -> bool {
    let before = sql_len(qb);
    let commands: Vec<&Write> = writes
        .iter()
        .filter(|w| matches!(w, Write::Command { .. }))
        .collect();
    for chunk in commands.chunks(CHUNK) {
        next_statement(qb, "INSERT INTO commands (site, day, seq, at, json) ");
        qb.push_values(chunk, |mut b, w| {
            if let Write::Command {
                site,
                day,
                seq,
                at,
                json,
            } = w
            {
                b.push_bind(site.clone())
                    .push_bind(day_str(*day))
                    .push_bind(*seq)
                    .push_bind(at.to_rfc3339())
                    .push_bind(json.clone());
            }
        });
    }
    let tickets: Vec<&Write> = writes
        .iter()
        .filter(|w| matches!(w, Write::Ticket { .. }))
        .collect();
    for chunk in tickets.chunks(CHUNK) {
        next_statement(qb, TICKET_COLUMNS);
        qb.push_values(chunk, |mut b, w| {
            if let Write::Ticket {
                ticket: t,
                day,
                status_token,
            } = w
            {
                b.push_bind(t.id)
                    .push_bind(t.site.clone())
                    .push_bind(day_str(*day))
                    .push_bind(t.service.clone())
                    .push_bind(t.number.clone())
                    .push_bind(t.lang.code())
                    .push_bind(t.needs.braille_form)
                    .push_bind(t.needs.wheelchair)
                    .push_bind(t.needs.written)
                    .push_bind(t.needs.interpreter)
                    .push_bind(t.needs.help)
                    .push_bind(t.needs.other)
                    .push_bind(enum_str(&t.state))
                    .push_bind(t.counter.clone())
                    .push_bind(t.issued_at.to_rfc3339())
                    .push_bind(t.called_at.map(|x| x.to_rfc3339()))
                    .push_bind(t.served_at.map(|x| x.to_rfc3339()))
                    .push_bind(t.finished_at.map(|x| x.to_rfc3339()))
                    .push_bind(i64::from(t.transfers))
                    .push_bind(i64::from(t.recalls))
                    .push_bind(t.kiosk.clone())
                    .push_bind(t.printed)
                    .push_bind(status_token.clone())
                    .push_bind(t.offline);
            }
        });
        qb.push(TICKET_UPSERT);
    }
    let events: Vec<&Write> = writes
        .iter()
        .filter(|w| matches!(w, Write::Event { .. }))
        .collect();
    for chunk in events.chunks(CHUNK) {
        next_statement(qb, "INSERT INTO events (site, id, at, kind, json) ");
        qb.push_values(chunk, |mut b, w| {
            if let Write::Event {
                site,
                id,
                at,
                kind,
                json,
            } = w
            {
                b.push_bind(site.clone())
                    .push_bind(i64::try_from(*id).unwrap_or(i64::MAX))
                    .push_bind(at.to_rfc3339())
                    .push_bind(*kind)
                    .push_bind(json.clone());
            }
        });
    }
    let audits: Vec<&Write> = writes
        .iter()
        .filter(|w| matches!(w, Write::Audit(_)))
        .collect();
    for chunk in audits.chunks(CHUNK) {
        next_statement(
            qb,
            "INSERT INTO audit (at, day, actor, role, site, counter, action, ticket, detail) ",
        );
        qb.push_values(chunk, |mut b, w| {
            if let Write::Audit(a) = w {
                b.push_bind(a.at.to_rfc3339())
                    .push_bind(day_str(super::day_of(a.at)))
                    .push_bind(a.actor.clone())
                    .push_bind(enum_str(&a.role))
                    .push_bind(a.site.clone())
                    .push_bind(a.counter.clone())
                    .push_bind(a.action.clone())
                    .push_bind(a.ticket.clone())
                    .push_bind(a.detail.clone());
            }
        });
    }
    sql_len(qb) > before
}

/// The length of the SQL built so far (the copy of it is dropped at once: `push` needs the
/// builder's text unshared).
fn sql_len(qb: &QueryBuilder<Sqlite>) -> usize {
    qb.sql().as_str().len()
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
                 printed, status_token, offline) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
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
            .bind(t.offline)
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
                 site = excluded.site, password_hash = excluded.password_hash, disabled_at = NULL",
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
                "INSERT INTO sessions (token_hash, login, role, site, counter, created_at, family) \
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(&s.token_hash)
            .bind(&s.login)
            .bind(enum_str(&s.role))
            .bind(&s.site)
            .bind(&s.counter)
            .bind(s.at.to_rfc3339())
            .bind(&s.family)
            .execute(&mut **tx)
            .await?;
        }
        Write::EndSession { token_hash } => {
            // The sign-in and every session handed over from it (its family).
            sqlx::query(
                "DELETE FROM sessions WHERE token_hash IN \
                 (SELECT COALESCE(family, token_hash) FROM sessions WHERE token_hash = ?1) \
                 OR family IN \
                 (SELECT COALESCE(family, token_hash) FROM sessions WHERE token_hash = ?1)",
            )
            .bind(token_hash)
            .execute(&mut **tx)
            .await?;
        }
        Write::HandoverPass(h) => {
            sqlx::query("DELETE FROM handovers WHERE expires_at < ?")
                .bind(h.at.to_rfc3339())
                .execute(&mut **tx)
                .await?;
            sqlx::query(
                "INSERT INTO handovers (pass_hash, session_hash, created_at, expires_at) \
                 VALUES (?, ?, ?, ?)",
            )
            .bind(&h.pass_hash)
            .bind(&h.session_hash)
            .bind(h.at.to_rfc3339())
            .bind(h.expires.to_rfc3339())
            .execute(&mut **tx)
            .await?;
        }
        Write::RevokeDevice { site, device, at } => {
            sqlx::query(
                "UPDATE device_tokens SET revoked_at = ? \
                 WHERE site = ? AND device = ? AND revoked_at IS NULL",
            )
            .bind(at.to_rfc3339())
            .bind(site)
            .bind(device)
            .execute(&mut **tx)
            .await?;
        }
        Write::DisableUser { login, at } => {
            sqlx::query("UPDATE users SET disabled_at = ? WHERE login = ?")
                .bind(at.to_rfc3339())
                .bind(login)
                .execute(&mut **tx)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE login = ?")
                .bind(login)
                .execute(&mut **tx)
                .await?;
        }
        Write::EndUserSessions { login } => {
            sqlx::query("DELETE FROM sessions WHERE login = ?")
                .bind(login)
                .execute(&mut **tx)
                .await?;
        }
        Write::Health { at } => {
            sqlx::query("INSERT INTO health (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at")
                .bind(at.to_rfc3339())
                .execute(&mut **tx)
                .await?;
        }
        Write::ExpireBefore { site, day, at } => {
            sqlx::query(
                "UPDATE tickets SET state = 'expired', finished_at = COALESCE(finished_at, ?) \
                 WHERE site = ? AND day < ? AND state IN ('waiting', 'called', 'serving')",
            )
            .bind(at.to_rfc3339())
            .bind(site)
            .bind(day_str(*day))
            .execute(&mut **tx)
            .await?;
        }
        Write::ManualCount(_) | Write::ReportSnapshot(_) => {
            super::sqlite_reports::write_report(tx, w).await?;
        }
        Write::Booking(_) | Write::BookingCheckedIn { .. } => {
            super::bookings::write_booking(tx, w).await?;
        }
    }
    Ok(())
}
