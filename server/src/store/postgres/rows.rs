//! Converting PostgreSQL rows to the store's row types. The columns hold what the SQLite ones
//! hold (times as RFC 3339 text), except that flags are `BOOLEAN` and ids `BIGINT`.

use madoguchi_protocol::{AuditEntry, Lang, Role, Ticket};
use sqlx::Row;
use sqlx::postgres::PgRow;

use crate::store::rows::{enum_parse, needs_of, opt_ts, ts};
use crate::store::{AlertRow, DeviceRow, SessionRow, StoreResult, UserRow};

pub(super) fn row_ticket(r: &PgRow) -> StoreResult<Ticket> {
    Ok(Ticket {
        id: r.try_get("id")?,
        site: r.try_get("site")?,
        service: r.try_get("service")?,
        number: r.try_get("number")?,
        lang: enum_parse(&r.try_get::<String, _>("lang")?)?,
        needs: needs_of(|c| Ok(r.try_get::<bool, _>(c)?))?,
        state: enum_parse(&r.try_get::<String, _>("state")?)?,
        counter: r.try_get("counter")?,
        issued_at: ts(&r.try_get::<String, _>("issued_at")?)?,
        called_at: opt_ts(r.try_get("called_at")?)?,
        served_at: opt_ts(r.try_get("served_at")?)?,
        finished_at: opt_ts(r.try_get("finished_at")?)?,
        transfers: u32::try_from(r.try_get::<i64, _>("transfers")?).unwrap_or(0),
        recalls: u32::try_from(r.try_get::<i64, _>("recalls")?).unwrap_or(0),
        kiosk: r.try_get("kiosk")?,
        printed: r.try_get("printed")?,
        offline: r.try_get("offline")?,
        booking: None,
    })
}

pub(super) fn row_alert(r: &PgRow) -> StoreResult<AlertRow> {
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

pub(super) fn row_audit(r: &PgRow) -> StoreResult<AuditEntry> {
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
}

pub(super) fn row_device(r: &PgRow) -> StoreResult<DeviceRow> {
    Ok(DeviceRow {
        token_hash: r.try_get("token_hash")?,
        kind: enum_parse::<Role>(&r.try_get::<String, _>("kind")?)?,
        site: r.try_get("site")?,
        device: r.try_get("device")?,
        at: ts(&r.try_get::<String, _>("created_at")?)?,
    })
}

pub(super) fn row_user(r: &PgRow) -> StoreResult<UserRow> {
    Ok(UserRow {
        login: r.try_get("login")?,
        role: enum_parse::<Role>(&r.try_get::<String, _>("role")?)?,
        site: r.try_get("site")?,
        password_hash: r.try_get("password_hash")?,
        at: ts(&r.try_get::<String, _>("created_at")?)?,
    })
}

pub(super) fn row_session(r: &PgRow) -> StoreResult<SessionRow> {
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
