//! `migrate-db`: an office's SQLite history into the city's PostgreSQL database, in one
//! transaction, nothing renumbered. Every table of the schema is copied row for row (ids,
//! event ids, ticket numbers and times as they were), identity sequences are moved past the
//! copied ids, and the copy is refused, with nothing written, when the SQLite file's schema
//! version is not this server's, when the city database already holds rows for one of the
//! office's site-days, or when a city-wide key (a ticket, alert or audit id, a login, a device
//! token) is already taken there.

mod tables;

use std::path::Path;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgDatabaseError, PgPool};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use sqlx::{ConnectOptions, Postgres, Row, Transaction};

use super::{PgUrl, StoreError, open_postgres};

/// The SQLite schema this server writes (`server/migrations/`).
static SQLITE_SCHEMA: Migrator = sqlx::migrate!("./migrations");

/// The tables with a `site` and a `day`: what "the same site-day" means.
const DAY_TABLES: &[&str] = &[
    "commands",
    "tickets",
    "alerts",
    "guided",
    "audit",
    "manual_counts",
    "report_snapshots",
    "bookings",
];

/// Why nothing was copied, as a sentence for the person migrating.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error(
        "There is no database at {0}; give the SQLite file that `madoguchi-server serve --db` used."
    )]
    NoSource(String),
    #[error(
        "{0} is not a madoguchi database (it has no schema version); give the SQLite file that `madoguchi-server serve --db` used."
    )]
    NotMadoguchi(String),
    #[error(
        "{file} has schema version {found} and this madoguchi-server writes version {want}: start this version's `madoguchi-server serve --db {file}` once (it upgrades the file), stop it, then migrate again. Nothing was copied."
    )]
    OlderSchema { file: String, found: i64, want: i64 },
    #[error(
        "{file} has schema version {found}, newer than this madoguchi-server's {want}: migrate with the madoguchi-server version that wrote it. Nothing was copied."
    )]
    NewerSchema { file: String, found: i64, want: i64 },
    #[error(
        "The city database already holds rows for {first}{more}; nothing was copied. An office's history moves once, into site-days the city database does not have yet."
    )]
    SameDays { first: String, more: String },
    #[error(
        "The city database already has the {table} row {key}; nothing was copied. Ticket, alert and audit ids, logins and device tokens are city-wide: move an office's history into a database that does not use them yet (e.g. a new one)."
    )]
    Collision { table: &'static str, key: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CopyError {
    fn from(e: sqlx::Error) -> CopyError {
        CopyError::Store(e.into())
    }
}

/// Copies the SQLite database at `from` into the PostgreSQL database at `to` (migrated to this
/// server's schema first) and returns how many rows each table received.
pub async fn sqlite_to_postgres(
    from: &Path,
    to: &PgUrl,
) -> Result<Vec<(&'static str, u64)>, CopyError> {
    let file = from.display().to_string();
    if !from.is_file() {
        return Err(CopyError::NoSource(file));
    }
    let source = SqlitePoolOptions::new()
        .max_connections(1)
        // Reading a whole table while PostgreSQL writes is slow by design: no warnings.
        .connect_with(
            SqliteConnectOptions::new()
                .filename(from)
                .disable_statement_logging(),
        )
        .await?;
    let result = copy_all(&source, &file, to).await;
    source.close().await;
    result
}

async fn copy_all(
    source: &SqlitePool,
    file: &str,
    to: &PgUrl,
) -> Result<Vec<(&'static str, u64)>, CopyError> {
    check_version(source, file).await?;
    let target = open_postgres(to.secret()).await?;
    let pool: &PgPool = target.pool();
    let mut tx = pool.begin().await?;
    check_days(source, &mut tx).await?;
    let mut counts = Vec::with_capacity(tables::TABLES.len());
    for table in tables::TABLES {
        let copied = tables::copy(table, source, &mut tx)
            .await
            .map_err(|e| collision(table.name, e))?;
        counts.push((table.name, copied));
    }
    tx.commit().await?;
    Ok(counts)
}

async fn check_version(source: &SqlitePool, file: &str) -> Result<(), CopyError> {
    let want = SQLITE_SCHEMA.iter().map(|m| m.version).max().unwrap_or(0);
    let found: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(source)
            .await
            .map_err(|_| CopyError::NotMadoguchi(file.to_owned()))?;
    let file = file.to_owned();
    match found {
        None => Err(CopyError::NotMadoguchi(file)),
        Some(found) if found < want => Err(CopyError::OlderSchema { file, found, want }),
        Some(found) if found > want => Err(CopyError::NewerSchema { file, found, want }),
        Some(_) => Ok(()),
    }
}

/// Refuses when the city database has a row of one of the office's site-days.
async fn check_days(
    source: &SqlitePool,
    tx: &mut Transaction<'_, Postgres>,
) -> Result<(), CopyError> {
    let union = |placeholder: &str| {
        DAY_TABLES
            .iter()
            .map(|t| format!("SELECT site, day FROM {t}{placeholder}"))
            .collect::<Vec<_>>()
            .join(" UNION ")
    };
    // Table names come from the constant list above, never from input.
    let select = format!("{} ORDER BY site, day", union(""));
    let rows = sqlx::query(sqlx::AssertSqlSafe(select))
        .fetch_all(source)
        .await?;
    let mut sites = Vec::with_capacity(rows.len());
    let mut days = Vec::with_capacity(rows.len());
    for r in &rows {
        sites.push(r.try_get::<String, _>("site")?);
        days.push(r.try_get::<String, _>("day")?);
    }
    let joined = " JOIN UNNEST($1::TEXT[], $2::TEXT[]) AS o(site, day) USING (site, day)";
    let taken = format!("{} ORDER BY site, day", union(joined));
    let taken = sqlx::query(sqlx::AssertSqlSafe(taken))
        .bind(&sites)
        .bind(&days)
        .fetch_all(&mut **tx)
        .await?;
    let Some(first) = taken.first() else {
        return Ok(());
    };
    let first = format!(
        "{} on {}",
        first.try_get::<String, _>("site")?,
        first.try_get::<String, _>("day")?
    );
    let more = match taken.len() - 1 {
        0 => String::new(),
        n => format!(" and {n} more site-days"),
    };
    Err(CopyError::SameDays { first, more })
}

/// A unique key already taken in the city database, named; any other failure as it is.
fn collision(table: &'static str, err: StoreError) -> CopyError {
    if let StoreError::Db(sqlx::Error::Database(db)) = &err
        && let Some(pg) = db.try_downcast_ref::<PgDatabaseError>()
        && pg.code() == "23505"
    {
        let key = pg.detail().unwrap_or(pg.message()).to_owned();
        return CopyError::Collision { table, key };
    }
    CopyError::Store(err)
}
