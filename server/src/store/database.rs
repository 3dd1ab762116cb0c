//! Which database a `--db` value names, and opening it: `postgres://…` (or `postgresql://…`)
//! is PostgreSQL, anything else a SQLite file path. The URL's password never leaves this
//! module: `Display` and `Debug` show it as `***`, so it cannot reach a log line or an error.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;

use super::{Store, StoreResult, open_postgres, open_sqlite};

/// A database named on the command line.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    Sqlite(PathBuf),
    Postgres(PgUrl),
}

/// A PostgreSQL URL and the same URL with its password replaced by `***`.
#[derive(Clone, PartialEq, Eq)]
pub struct PgUrl {
    url: String,
    shown: String,
}

impl PgUrl {
    /// The URL itself, password included: only for connecting.
    pub fn secret(&self) -> &str {
        &self.url
    }
}

/// A `--db` value that looks like a PostgreSQL URL but is not one.
#[derive(Debug, thiserror::Error)]
#[error(
    "The database URL is not valid ({0}); write it as postgres://user:password@host:port/database."
)]
pub struct BadDatabaseUrl(url::ParseError);

impl FromStr for Database {
    type Err = BadDatabaseUrl;

    fn from_str(s: &str) -> Result<Database, BadDatabaseUrl> {
        if !(s.starts_with("postgres://") || s.starts_with("postgresql://")) {
            return Ok(Database::Sqlite(PathBuf::from(s)));
        }
        let mut shown = url::Url::parse(s).map_err(BadDatabaseUrl)?;
        if shown.password().is_some() {
            // Cannot fail: a URL with a password has a host.
            let _ = shown.set_password(Some("***"));
        }
        if shown.query_pairs().any(|(k, _)| k == "password") {
            let pairs: Vec<(String, String)> = shown
                .query_pairs()
                .map(|(k, v)| {
                    let v = if k == "password" { "***".into() } else { v };
                    (k.into_owned(), v.into_owned())
                })
                .collect();
            shown.query_pairs_mut().clear().extend_pairs(pairs);
        }
        Ok(Database::Postgres(PgUrl {
            url: s.to_owned(),
            shown: shown.to_string(),
        }))
    }
}

impl fmt::Display for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Database::Sqlite(path) => write!(f, "{}", path.display()),
            Database::Postgres(url) => f.write_str(&url.shown),
        }
    }
}

impl fmt::Debug for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Database::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            Database::Postgres(url) => f.debug_tuple("Postgres").field(&url.shown).finish(),
        }
    }
}

/// Opens `db` (creating a SQLite file if needed) and runs its migrations.
pub async fn open(db: &Database) -> StoreResult<Arc<dyn Store>> {
    Ok(match db {
        Database::Sqlite(path) => Arc::new(open_sqlite(path).await?),
        Database::Postgres(url) => Arc::new(open_postgres(url.secret()).await?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_sqlite_and_a_url_is_postgres() {
        assert_eq!(
            "madoguchi.db".parse::<Database>().ok(),
            Some(Database::Sqlite("madoguchi.db".into()))
        );
        let pg: Database = "postgresql://city@db.example:5433/madoguchi"
            .parse()
            .expect("a valid URL");
        assert!(matches!(pg, Database::Postgres(_)));
        assert_eq!(
            pg.to_string(),
            "postgresql://city@db.example:5433/madoguchi"
        );
    }

    #[test]
    fn the_password_is_never_shown() {
        for url in [
            "postgres://city:s3cret-pw@db.example/madoguchi",
            "postgres://city@db.example/madoguchi?sslmode=require&password=s3cret-pw",
        ] {
            let db: Database = url.parse().expect("a valid URL");
            let shown = format!("{db} {db:?}");
            assert!(!shown.contains("s3cret-pw"), "{shown}");
            assert!(shown.contains("***"), "{shown}");
            let Database::Postgres(pg) = db else {
                panic!("not PostgreSQL: {shown}")
            };
            assert_eq!(pg.secret(), url);
        }
    }

    #[test]
    fn a_broken_url_is_refused_with_the_form_to_use() {
        let err = "postgres://city:pw@[broken/db"
            .parse::<Database>()
            .expect_err("not a URL");
        assert!(err.to_string().contains("postgres://user:password@host"));
        assert!(!err.to_string().contains("pw@"));
    }
}
