//! Converting between SQLite rows and protocol types: enum names, timestamps, tickets, alerts.

use chrono::{DateTime, NaiveDate};
use madoguchi_protocol::{Lang, Needs, Ticket, Timestamp};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use super::{AlertRow, StoreError, StoreResult};

/// The serde name of a unit enum variant, e.g. `Role::Staff` → `staff`.
/// A ticket row's need columns (`need_braille_form`, …), read by `flag` (SQLite stores them as
/// integers, PostgreSQL as booleans).
pub(crate) fn needs_of(flag: impl Fn(&str) -> StoreResult<bool>) -> StoreResult<Needs> {
    Ok(Needs {
        braille_form: flag("need_braille_form")?,
        wheelchair: flag("need_wheelchair")?,
        written: flag("need_written")?,
        interpreter: flag("need_interpreter")?,
        help: flag("need_help")?,
        other: flag("need_other")?,
    })
}

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

pub(crate) fn ts(s: &str) -> StoreResult<Timestamp> {
    DateTime::parse_from_rfc3339(s).map_err(|e| StoreError::Corrupt(format!("bad time {s:?}: {e}")))
}

pub(crate) fn opt_ts(s: Option<String>) -> StoreResult<Option<Timestamp>> {
    s.as_deref().map(ts).transpose()
}

pub(crate) fn day_str(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

pub(crate) fn row_ticket(r: &SqliteRow) -> StoreResult<Ticket> {
    let flag = |c: &str| -> StoreResult<bool> { Ok(r.try_get::<i64, _>(c)? != 0) };
    Ok(Ticket {
        id: r.try_get("id")?,
        site: r.try_get("site")?,
        service: r.try_get("service")?,
        number: r.try_get("number")?,
        lang: enum_parse(&r.try_get::<String, _>("lang")?)?,
        needs: needs_of(flag)?,
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
        offline: r.try_get::<i64, _>("offline")? != 0,
        booking: None,
    })
}

pub(crate) fn row_alert(r: &SqliteRow) -> StoreResult<AlertRow> {
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
