//! Every table of the schema and how its columns cross from SQLite to PostgreSQL: text stays
//! text (byte for byte, as both stores write it), integers stay integers, SQLite's 0/1 flags
//! become `BOOLEAN`. The list follows `server/migrations/` 0001–0007 (0007: `bookings`); hand-over passes
//! (`handovers`, 0006) are not copied: they live two minutes and the office's server is stopped.

use futures_util::TryStreamExt;
use sqlx::sqlite::{SqlitePool, SqliteRow};
use sqlx::{AssertSqlSafe, Postgres, QueryBuilder, Row, Transaction};

use crate::store::StoreResult;
use crate::store::postgres::text;

/// How a column is read from SQLite and written to PostgreSQL.
#[derive(Debug, Clone, Copy)]
pub(super) enum Col {
    Text,
    OptText,
    Int,
    OptInt,
    Flag,
    OptFlag,
}

use Col::{Flag, Int, OptFlag, OptInt, OptText, Text};

pub(super) struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Col)],
    /// The primary key, for a stable copy order.
    pub order: &'static str,
    /// The identity column whose sequence must be moved past the copied ids.
    pub identity: Option<&'static str>,
    /// The city database's own row wins (the health check's single row).
    pub keep_target: bool,
}

const fn table(
    name: &'static str,
    columns: &'static [(&'static str, Col)],
    order: &'static str,
) -> Table {
    Table {
        name,
        columns,
        order,
        identity: None,
        keep_target: false,
    }
}

const fn identity(name: &'static str, columns: &'static [(&'static str, Col)]) -> Table {
    Table {
        name,
        columns,
        order: "id",
        identity: Some("id"),
        keep_target: false,
    }
}

/// Every table, in an order that copies what others refer to first.
pub(super) const TABLES: &[Table] = &[
    table(
        "users",
        &[
            ("login", Text),
            ("role", Text),
            ("site", OptText),
            ("password_hash", Text),
            ("created_at", Text),
            ("disabled_at", OptText),
        ],
        "login",
    ),
    table(
        "device_tokens",
        &[
            ("token_hash", Text),
            ("kind", Text),
            ("site", Text),
            ("device", Text),
            ("created_at", Text),
            ("revoked_at", OptText),
        ],
        "token_hash",
    ),
    table(
        "sessions",
        &[
            ("token_hash", Text),
            ("login", Text),
            ("role", Text),
            ("site", Text),
            ("counter", OptText),
            ("created_at", Text),
            ("family", OptText),
        ],
        "token_hash",
    ),
    table(
        "commands",
        &[
            ("site", Text),
            ("day", Text),
            ("seq", Int),
            ("at", Text),
            ("json", Text),
        ],
        "site, day, seq",
    ),
    table(
        "tickets",
        &[
            ("id", Int),
            ("site", Text),
            ("day", Text),
            ("service", Text),
            ("number", Text),
            ("lang", Text),
            ("need_braille_form", Flag),
            ("need_wheelchair", Flag),
            ("need_written", Flag),
            ("need_interpreter", Flag),
            ("need_help", Flag),
            ("need_other", Flag),
            ("state", Text),
            ("counter", OptText),
            ("issued_at", Text),
            ("called_at", OptText),
            ("served_at", OptText),
            ("finished_at", OptText),
            ("transfers", Int),
            ("recalls", Int),
            ("kiosk", OptText),
            ("printed", OptFlag),
            ("status_token", Text),
            ("offline", Flag),
        ],
        "id",
    ),
    table(
        "events",
        &[
            ("site", Text),
            ("id", Int),
            ("at", Text),
            ("kind", Text),
            ("json", Text),
        ],
        "site, id",
    ),
    table(
        "notices",
        &[
            ("site", Text),
            ("text", Text),
            ("updated_at", Text),
            ("updated_by", Text),
        ],
        "site",
    ),
    table(
        "alerts",
        &[
            ("id", Int),
            ("site", Text),
            ("day", Text),
            ("at", Text),
            ("kind", Text),
            ("kiosk", OptText),
            ("ticket_id", OptInt),
            ("lang", OptText),
            ("detail", Text),
            ("acknowledged_by", OptText),
            ("acknowledged_at", OptText),
        ],
        "id",
    ),
    identity(
        "guided",
        &[
            ("id", Int),
            ("site", Text),
            ("day", Text),
            ("at", Text),
            ("kiosk", Text),
            ("reason", Text),
            ("lang", Text),
        ],
    ),
    identity(
        "audit",
        &[
            ("id", Int),
            ("at", Text),
            ("day", Text),
            ("actor", Text),
            ("role", Text),
            ("site", Text),
            ("counter", OptText),
            ("action", Text),
            ("ticket", OptText),
            ("detail", Text),
        ],
    ),
    identity(
        "manual_counts",
        &[
            ("id", Int),
            ("site", Text),
            ("day", Text),
            ("kind", Text),
            ("label_ja", Text),
            ("count", Int),
            ("entered_by", Text),
            ("entered_at", Text),
        ],
    ),
    table(
        "report_snapshots",
        &[
            ("site", Text),
            ("day", Text),
            ("json", Text),
            ("taken_at", Text),
        ],
        "site, day",
    ),
    table(
        "bookings",
        &[
            ("reference", Text),
            ("site", Text),
            ("day", Text),
            ("service", Text),
            ("slot_start", Text),
            ("slot_end", Text),
            ("state", Text),
            ("ticket_id", OptInt),
            ("ticket_number", OptText),
            ("checked_in_at", OptText),
            ("imported_at", Text),
            ("imported_by", Text),
        ],
        "reference",
    ),
    Table {
        name: "health",
        columns: &[("id", Int), ("at", Text)],
        order: "id",
        identity: None,
        keep_target: true,
    },
];

/// Rows per multi-row `INSERT` (tickets have 24 columns; PostgreSQL allows 65,535 parameters).
const CHUNK: usize = 1000;

enum Value {
    Text(Option<String>),
    Int(Option<i64>),
    Flag(Option<bool>),
}

fn read(row: &SqliteRow, name: &str, col: Col) -> StoreResult<Value> {
    Ok(match col {
        Text => Value::Text(Some(text(&row.try_get::<String, _>(name)?))),
        OptText => Value::Text(row.try_get::<Option<String>, _>(name)?.map(|s| text(&s))),
        Int => Value::Int(Some(row.try_get(name)?)),
        OptInt => Value::Int(row.try_get(name)?),
        Flag => Value::Flag(Some(row.try_get::<i64, _>(name)? != 0)),
        OptFlag => Value::Flag(row.try_get::<Option<i64>, _>(name)?.map(|v| v != 0)),
    })
}

/// Copies every row of `table` from `from` into the open transaction; returns how many.
pub(super) async fn copy(
    table: &Table,
    from: &SqlitePool,
    tx: &mut Transaction<'_, Postgres>,
) -> StoreResult<u64> {
    let names: Vec<&str> = table.columns.iter().map(|(n, _)| *n).collect();
    let list = names.join(", ");
    // Table and column names come from the constant list above, never from input.
    let select = format!("SELECT {list} FROM {} ORDER BY {}", table.name, table.order);
    let insert = format!("INSERT INTO {} ({list}) ", table.name);
    let conflict = if table.keep_target {
        " ON CONFLICT DO NOTHING"
    } else {
        ""
    };
    let mut rows = sqlx::query(AssertSqlSafe(select)).fetch(from);
    let mut chunk: Vec<Vec<Value>> = Vec::with_capacity(CHUNK);
    let mut copied = 0u64;
    while let Some(row) = rows.try_next().await? {
        let values = table
            .columns
            .iter()
            .map(|(name, col)| read(&row, name, *col))
            .collect::<StoreResult<Vec<Value>>>()?;
        chunk.push(values);
        if chunk.len() == CHUNK {
            copied += insert_chunk(&insert, conflict, &mut chunk, tx).await?;
        }
    }
    copied += insert_chunk(&insert, conflict, &mut chunk, tx).await?;
    if let Some(id) = table.identity {
        // Explicit ids do not move an identity's sequence: the next row the server adds
        // must come after the copied ones.
        let advance = format!(
            "SELECT setval(pg_get_serial_sequence('{0}', '{id}'), COALESCE(MAX({id}), 0) + 1, \
             false) FROM {0}",
            table.name
        );
        sqlx::query(AssertSqlSafe(advance))
            .execute(&mut **tx)
            .await?;
    }
    Ok(copied)
}

async fn insert_chunk(
    insert: &str,
    conflict: &str,
    chunk: &mut Vec<Vec<Value>>,
    tx: &mut Transaction<'_, Postgres>,
) -> StoreResult<u64> {
    if chunk.is_empty() {
        return Ok(0);
    }
    let mut qb = QueryBuilder::<Postgres>::new(insert);
    qb.push_values(chunk.drain(..), |mut b, row| {
        for value in row {
            match value {
                Value::Text(v) => b.push_bind(v),
                Value::Int(v) => b.push_bind(v),
                Value::Flag(v) => b.push_bind(v),
            };
        }
    });
    qb.push(conflict);
    Ok(qb.build().execute(&mut **tx).await?.rows_affected())
}
