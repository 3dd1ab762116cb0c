//! The servers a benchmark column runs on: real `madoguchi-server serve` processes (this same
//! binary) on loopback ports with `--open-all-hours`, each with its own store, connections and
//! runtime, exactly as a deployment runs them; the database is seeded first with a kiosk token
//! per site and an admin account.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use madoguchi_engine::Config;
use madoguchi_protocol::Role;

use crate::accounts::{add_user, create_device};
use crate::store::Database;

pub const ADMIN: &str = "bench-admin";
pub const ADMIN_PASSWORD: &str = "bench-admin-pw";

/// Migrates `db` (opening it does) and creates a kiosk token per site and the admin; returns
/// the kiosk tokens in `Config::site_ids` order.
pub async fn seed(db: &Database, config: &Config) -> anyhow::Result<Vec<String>> {
    let store = crate::store::open(db)
        .await
        .with_context(|| format!("opening {db}"))?;
    let mut kiosks = Vec::new();
    for site in config.site_ids() {
        kiosks.push(
            create_device(
                &*store,
                config,
                Role::Kiosk,
                &site,
                &format!("bench-{site}"),
            )
            .await?,
        );
    }
    add_user(&*store, config, ADMIN, Role::Admin, None, ADMIN_PASSWORD).await?;
    Ok(kiosks)
}

/// A running `madoguchi-server serve`; killed when dropped.
pub struct ServerProcess {
    child: tokio::process::Child,
    pub base: String,
    log: PathBuf,
}

/// What `--db` is given on the child's command line (the PostgreSQL URL with its password:
/// the child needs it to connect; it is not printed).
fn db_arg(db: &Database) -> OsString {
    match db {
        Database::Sqlite(path) => path.clone().into_os_string(),
        Database::Postgres(url) => url.secret().into(),
    }
}

/// A port nothing listens on right now.
fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

impl ServerProcess {
    /// Starts a server on `db` with its log in `log`, and waits until `/api/health` answers.
    pub async fn start(
        http: &reqwest::Client,
        db: &Database,
        log: &Path,
    ) -> anyhow::Result<ServerProcess> {
        let exe = std::env::current_exe().context("finding this program to start servers")?;
        let port = free_port()?;
        let base = format!("http://127.0.0.1:{port}");
        let log_file =
            std::fs::File::create(log).with_context(|| format!("creating {}", log.display()))?;
        let mut child = tokio::process::Command::new(exe)
            .args(["serve", "--open-all-hours", "--listen"])
            .arg(format!("127.0.0.1:{port}"))
            .arg("--db")
            .arg(db_arg(db))
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log_file)
            .kill_on_drop(true)
            .spawn()
            .context("starting madoguchi-server serve")?;
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            if let Some(status) = child.try_wait()? {
                bail!(
                    "the server on {db} stopped at start ({status}); its log:\n{}",
                    std::fs::read_to_string(log).unwrap_or_default()
                );
            }
            if let Ok(r) = http.get(format!("{base}/api/health")).send().await
                && r.status().is_success()
            {
                return Ok(ServerProcess {
                    child,
                    base,
                    log: log.to_owned(),
                });
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!("the server on {db} did not answer /api/health within 60 s");
    }

    /// Stops the server (it has nothing to save: every answer was committed).
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(status) = self.child.try_wait()? {
            bail!(
                "the server at {} had stopped during the benchmark ({status}); its log:\n{}",
                self.base,
                std::fs::read_to_string(&self.log).unwrap_or_default()
            );
        }
        self.child.kill().await?;
        Ok(())
    }
}
