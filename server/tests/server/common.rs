//! Starts the real server on 127.0.0.1:0 with a temporary database and a fixed clock, and
//! gives tests a small HTTP client with the demo tokens.
//!
//! The database is a SQLite file, or, when `MADOGUCHI_TEST_PG` names a PostgreSQL server
//! (`scripts/test-postgres.sh` starts one), a fresh PostgreSQL database per test. Tests hold
//! either as a `PathBuf` (a `postgres://` URL is a valid path) and pass it wherever the server
//! takes `--db`, so every test runs on both stores unchanged.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::DateTime;
use madoguchi_engine::Config;
use madoguchi_protocol::{Role, Timestamp};
use madoguchi_server::clock::{Clock, ManualClock};
use madoguchi_server::store::{Database, open, open_sqlite};
use madoguchi_server::{AppState, cli};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Connection, Executor, FromRow};
use tokio::sync::oneshot;

pub const SITE: &str = "yahatanishi";

/// Wednesday 25 Nov 2026, 10:00 JST: an ordinary working day.
pub fn weekday_10am() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-25T10:00:00+09:00").unwrap()
}

pub struct Tokens {
    pub kiosk: String,
    pub display: String,
    pub other_kiosk: String,
}

/// Creates the test devices and users in `db` (once per database).
pub async fn seed(db: &Path) -> Tokens {
    let config = Config::shipped();
    let store = open(&database(db)).await.unwrap();
    let store = &*store;
    let kiosk = cli::create_device(store, &config, Role::Kiosk, SITE, "kiosk-1")
        .await
        .unwrap();
    let display = cli::create_device(store, &config, Role::Display, SITE, "display-1")
        .await
        .unwrap();
    let other_kiosk = cli::create_device(store, &config, Role::Kiosk, "orio", "orio-kiosk")
        .await
        .unwrap();
    for (login, role, site) in [
        ("staff1", Role::Staff, Some(SITE)),
        ("super1", Role::Supervisor, Some(SITE)),
        ("orio1", Role::Staff, Some("orio")),
        ("admin", Role::Admin, None),
    ] {
        cli::add_user(store, &config, login, role, site, &format!("{login}-pw"))
            .await
            .unwrap();
    }
    Tokens {
        kiosk,
        display,
        other_kiosk,
    }
}

pub struct TestServer {
    pub base: String,
    pub clock: Arc<ManualClock>,
    pub http: reqwest::Client,
    pub db: PathBuf,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl TestServer {
    /// The server on a database at `db` (seed it first) with the clock at `now`.
    pub async fn start(db: &Path, now: Timestamp) -> TestServer {
        Self::try_start(db, now, Config::shipped()).await.unwrap()
    }

    /// The server with `config`, or the error that stopped its start (as `serve` prints it).
    pub async fn try_start(
        db: &Path,
        now: Timestamp,
        config: Config,
    ) -> Result<TestServer, String> {
        Self::try_start_with(db, now, config, madoguchi_server::serve::Limits::default()).await
    }

    /// The server with `config` and transport `limits`.
    pub async fn try_start_with(
        db: &Path,
        now: Timestamp,
        config: Config,
        limits: madoguchi_server::serve::Limits,
    ) -> Result<TestServer, String> {
        let clock = Arc::new(ManualClock::new(now));
        let store = open(&database(db)).await.unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let dyn_clock: Arc<dyn Clock> = clock.clone();
        let mut state = AppState::new(Arc::new(config), store, dyn_clock, &base)
            .await
            .map_err(|e| e.to_string())?;
        state.limits = limits;
        // Revocations by the command line (another process) show within this time in tests.
        state.auth_cache = Arc::new(madoguchi_server::auth::AuthCache::with_ttl(
            std::time::Duration::from_millis(300),
        ));
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            madoguchi_server::run(listener, state, async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        });
        Ok(TestServer {
            base,
            clock,
            http: reqwest::Client::new(),
            db: db.to_owned(),
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// Stops accepting requests and waits for the server task to end.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            // Open SSE streams keep graceful shutdown waiting; do not hang the test on them.
            task.abort();
            let _ = task.await;
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Response {
        let mut req = self.http.request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        req.send().await.unwrap()
    }

    /// Sends and returns `(status, JSON body or Null)`.
    pub async fn json(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let res = self.call(method, path, token, body).await;
        let status = res.status();
        let text = res.text().await.unwrap();
        let value = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
        };
        (status, value)
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        self.json(Method::GET, path, token, None).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> (StatusCode, Value) {
        self.json(Method::POST, path, token, Some(body)).await
    }

    /// Issues a ticket of `service` with `token`; panics unless 201.
    pub async fn issue(&self, token: &str, service: &str) -> Value {
        let (status, body) = self
            .post(
                &format!("/api/sites/{SITE}/tickets"),
                Some(token),
                json!({"service": service, "lang": "ja"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body
    }

    /// Signs in and returns the session token.
    pub async fn login(&self, user: &str, site: &str, counter: Option<&str>) -> String {
        let (status, body) = self
            .post("/api/login", None, json!({"user": user, "password": format!("{user}-pw"), "site": site, "counter": counter}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["token"].as_str().unwrap().to_owned()
    }

    /// A counter action; returns `(status, body)`.
    pub async fn act(
        &self,
        token: &str,
        counter: &str,
        action: &str,
        body: Value,
    ) -> (StatusCode, Value) {
        self.post(
            &format!("/api/sites/{SITE}/counters/{counter}/{action}"),
            Some(token),
            body,
        )
        .await
    }
}

/// A fresh temporary directory and a fresh database: a SQLite file in the directory, or a new
/// database on the PostgreSQL server of `MADOGUCHI_TEST_PG`.
pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = match test_pg() {
        Some(server) => PathBuf::from(create_pg_database(&server)),
        None => dir.path().join("test.db"),
    };
    (dir, db)
}

/// The PostgreSQL server the suite runs against (`MADOGUCHI_TEST_PG`, a URL whose user may
/// create databases), or `None` for SQLite.
pub fn test_pg() -> Option<String> {
    std::env::var("MADOGUCHI_TEST_PG")
        .ok()
        .filter(|url| !url.is_empty())
}

/// The PostgreSQL server of `MADOGUCHI_TEST_PG`, or `None` after saying that a test that needs
/// one is skipped. Written to stderr directly, not with `eprintln!`, so the harness shows it.
pub fn postgres_or_skip(why: &str) -> Option<String> {
    use std::io::Write as _;
    let pg = test_pg();
    if pg.is_none() {
        let thread = std::thread::current();
        let test = thread.name().unwrap_or("a test");
        let _ = writeln!(
            std::io::stderr(),
            "{test}: skipped without PostgreSQL ({why}); scripts/test-postgres.sh runs it"
        );
    }
    pg
}

/// Creates `test_<random>` on `server` and returns its URL. Runs on a thread with a runtime of
/// its own, because `temp_db` is called from plain and from async tests alike.
fn create_pg_database(server: &str) -> String {
    let name = format!("test_{:016x}", rand::random::<u64>());
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                runtime.block_on(async {
                    let mut conn = sqlx::PgConnection::connect(server).await.unwrap();
                    // The name is ours (hex digits), not input: safe to put in the statement.
                    let create = sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"));
                    conn.execute(create).await.unwrap();
                    conn.close().await.unwrap();
                });
            })
            .join()
            .unwrap();
    });
    let mut url = url::Url::parse(server).unwrap();
    url.set_path(&name);
    url.to_string()
}

/// What the server's `--db` makes of a test database.
pub fn database(db: &Path) -> Database {
    db.to_str().unwrap().parse().unwrap()
}

/// Runs `sql` (`$1`-style placeholders, the same text on both stores) with `binds` on the test
/// database and returns the first column of every row.
pub async fn query_column<T>(db: &Path, sql: &'static str, binds: &[&str]) -> Vec<T>
where
    T: Send + Unpin,
    (T,): for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow>,
{
    match database(db) {
        Database::Sqlite(path) => {
            let store = open_sqlite(&path).await.unwrap();
            let mut query = sqlx::query_scalar(sql);
            for b in binds {
                query = query.bind(*b);
            }
            query.fetch_all(store.pool()).await.unwrap()
        }
        Database::Postgres(url) => {
            let mut conn = sqlx::PgConnection::connect(url.secret()).await.unwrap();
            let mut query = sqlx::query_scalar(sql);
            for b in binds {
                query = query.bind(*b);
            }
            let rows = query.fetch_all(&mut conn).await.unwrap();
            conn.close().await.unwrap();
            rows
        }
    }
}

/// A seeded database and a server on it at 10:00 on a weekday.
pub async fn fresh() -> (tempfile::TempDir, TestServer, Tokens) {
    let (dir, db) = temp_db();
    let tokens = seed(&db).await;
    let server = TestServer::start(&db, weekday_10am()).await;
    (dir, server, tokens)
}
