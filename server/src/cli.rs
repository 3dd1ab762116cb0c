//! The command line: `serve`, `check-config`, `token create`, `user add`, `init-demo`,
//! `bench`, `report`, `simulate`, `migrate-db` and `bookings import`. Parsing lives here so `main.rs` stays a
//! few lines.

use std::io::Read;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use madoguchi_engine::Config;
use madoguchi_protocol::Role;
use tokio::net::TcpListener;

pub use crate::access::{DeviceKind, MIN_PASSWORD, TokenCmd, UserCmd, UserRole};
pub use crate::accounts::{add_user, create_device};
use crate::auth;
use crate::clock::{Clock, SystemClock};
use crate::store::{Database, Store};

#[derive(Debug, Parser)]
#[command(
    name = "madoguchi-server",
    version,
    about = "The madoguchi queue server"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Cmd,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Run the HTTP server.
    Serve(ServeArgs),
    /// Check a configuration file (default: the shipped one) without starting.
    CheckConfig { file: Option<PathBuf> },
    /// Device tokens for kiosks and displays.
    Token {
        #[command(subcommand)]
        command: TokenCmd,
    },
    /// Staff, supervisor and admin accounts.
    User {
        #[command(subcommand)]
        command: UserCmd,
    },
    /// Create demo devices and users, and write their tokens to a shell file.
    InitDemo {
        #[arg(long, default_value = "madoguchi.db")]
        db: Database,
        #[arg(long)]
        out: PathBuf,
    },
    /// Measure issue and call-next throughput against real servers and the raw commit ceiling:
    /// SQLite, and with --pg PostgreSQL with one and with two servers.
    Bench(crate::bench::BenchArgs),
    /// Reports: the daily report (日報) of a site, the monthly report (月報) of the city, and
    /// counts of work without a ticket.
    Report {
        #[arg(long, default_value = "madoguchi.db")]
        db: Database,
        #[arg(long)]
        config: Option<PathBuf>,
        #[command(flatten)]
        args: crate::reports::cli::ReportArgs,
    },
    /// Simulate a day (scenario file) with every call-next policy side by side, and the
    /// staffing advice.
    Simulate(madoguchi_sim::Args),
    /// Booked card pickups (交付予約): `bookings import --site S FILE.csv` stores a site's
    /// bookings from the reservation system's CSV export (see docs/bookings.md).
    Bookings {
        #[command(subcommand)]
        command: crate::bookings::BookingsCmd,
    },
    /// Move an office's SQLite history into the city's PostgreSQL database: one transaction,
    /// nothing renumbered, refused if the city already has one of its days.
    MigrateDb(crate::migrate_db::MigrateArgs),
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// A SQLite file, or a PostgreSQL URL (`postgres://user:password@host:port/database`).
    #[arg(long, default_value = "madoguchi.db")]
    pub db: Database,
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Base of the status-page links printed as QR codes (default: http://<listen>).
    #[arg(long)]
    pub public_url: Option<String>,
    /// Demo/trial mode: every site is open all day, every day.
    #[arg(long)]
    pub open_all_hours: bool,
    /// Another server of the same database, by the public address its consoles open
    /// (repeatable): a staff console moves there, still signed in, when this server stops
    /// answering.
    #[arg(long = "peer", value_name = "URL", value_parser = crate::http::parse_peer)]
    pub peers: Vec<String>,
}

/// Opens the database named by `--db` (see [`Database`]); errors name it without its password.
pub async fn open_store(db: &Database) -> anyhow::Result<Arc<dyn Store>> {
    crate::store::open(db)
        .await
        .with_context(|| format!("opening the database {db}"))
}

/// The configuration at `path`, or the shipped default.
pub fn load_config(path: Option<&Path>) -> anyhow::Result<Config> {
    match path {
        Some(p) => Ok(Config::load(p)?),
        None => Ok(Config::shipped()),
    }
}

pub async fn run_cli(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Cmd::Serve(args) => serve(args).await,
        Cmd::CheckConfig { file } => check_config(file.as_deref()),
        Cmd::Token {
            command:
                TokenCmd::Create {
                    kind,
                    site,
                    name,
                    db,
                    config,
                },
        } => {
            let config = load_config(config.as_deref())?;
            let store = open_store(&db).await?;
            let role = match kind {
                DeviceKind::Kiosk => Role::Kiosk,
                DeviceKind::Display => Role::Display,
                DeviceKind::Reservations => Role::Reservations,
            };
            let token = create_device(&*store, &config, role, &site, &name).await?;
            println!("{token}");
            eprintln!(
                "Token for {} \"{name}\" at {site}; it is shown only this once.",
                auth::role_name(role)
            );
            Ok(())
        }
        Cmd::User {
            command:
                UserCmd::Add {
                    name,
                    role,
                    site,
                    password_stdin,
                    password,
                    db,
                    config,
                },
        } => {
            let config = load_config(config.as_deref())?;
            let password = match (password, password_stdin) {
                (Some(p), false) => p,
                (None, true) => {
                    let mut text = String::new();
                    std::io::stdin().read_to_string(&mut text)?;
                    text.lines().next().unwrap_or_default().to_owned()
                }
                _ => bail!("Give the password with exactly one of --password or --password-stdin."),
            };
            let role = match role {
                UserRole::Staff => Role::Staff,
                UserRole::Supervisor => Role::Supervisor,
                UserRole::Admin => Role::Admin,
            };
            let store = open_store(&db).await?;
            if password.chars().count() < MIN_PASSWORD {
                bail!(
                    "Choose a password of at least {MIN_PASSWORD} characters (a short sentence is easy to remember and hard to guess)."
                );
            }
            add_user(&*store, &config, &name, role, site.as_deref(), &password).await?;
            eprintln!("User \"{name}\" saved.");
            Ok(())
        }
        Cmd::Token { command } => crate::access::token(command).await,
        Cmd::User { command } => crate::access::user(command).await,
        Cmd::InitDemo { db, out } => init_demo(&db, &out).await,
        Cmd::Bench(args) => crate::bench::run(args).await,
        Cmd::Report { db, config, args } => {
            let config = load_config(config.as_deref())?;
            let store = open_store(&db).await?;
            crate::reports::cli::run(&*store, &config, args, SystemClock.now()).await
        }
        Cmd::Simulate(args) => {
            println!("{}", madoguchi_sim::run_args(&args)?);
            Ok(())
        }
        Cmd::MigrateDb(args) => crate::migrate_db::run(args).await,
        Cmd::Bookings { command } => crate::bookings::run(command).await,
    }
}

fn check_config(file: Option<&Path>) -> anyhow::Result<()> {
    let config = load_config(file)?;
    let ids = config.site_ids();
    let counters: usize = ids
        .iter()
        .filter_map(|id| config.site(id))
        .map(|s| s.counters.len())
        .sum();
    println!(
        "OK: {} sites, {} services, {} counters ({})",
        ids.len(),
        config.services.len(),
        counters,
        file.map_or_else(|| "shipped default".to_owned(), |p| p.display().to_string())
    );
    Ok(())
}

/// Demo devices and users at 八幡西 (idempotent: existing users are kept, device tokens are new).
/// The demo's passwords (`staff1-demo`, …) are shorter than [`MIN_PASSWORD`] on purpose: they
/// are printed in the README for a trial and must be replaced with `user add` before real use.
async fn init_demo(db: &Database, out: &Path) -> anyhow::Result<()> {
    const SITE: &str = "yahatanishi";
    let config = Config::shipped();
    let store = open_store(db).await?;
    let store = &*store;
    let kiosk = create_device(store, &config, Role::Kiosk, SITE, "kiosk-1").await?;
    let display = create_device(store, &config, Role::Display, SITE, "display-1").await?;
    let users = [
        ("staff1", Role::Staff, Some(SITE), "staff1-demo"),
        ("super1", Role::Supervisor, Some(SITE), "super1-demo"),
        ("admin", Role::Admin, None, "admin-demo"),
    ];
    for (login, role, site, password) in users {
        if store.user(login).await?.is_none() {
            add_user(store, &config, login, role, site, password).await?;
        }
    }
    let text = format!(
        "MADOGUCHI_KIOSK_TOKEN={kiosk}\nMADOGUCHI_DISPLAY_TOKEN={display}\nMADOGUCHI_SITE={SITE}\n"
    );
    std::fs::write(out, text).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "Demo ready in {db}: kiosk-1 and display-1 tokens written to {}; users staff1/staff1-demo, \
         super1/super1-demo (site {SITE}), admin/admin-demo.",
        out.display()
    );
    Ok(())
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let mut config = load_config(args.config.as_deref())?;
    let real_config = Arc::new(config.clone());
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    if args.open_all_hours {
        tracing::warn!(
            "--open-all-hours: every site is open all day, every day (demo/trial mode, not for production)"
        );
        crate::open_all_hours(&mut config, crate::store::day_of(clock.now()));
    }
    let store = open_store(&args.db).await?;
    let listener = TcpListener::bind(args.listen).await.with_context(|| {
        format!(
            "listening on {} (is another server running there?)",
            args.listen
        )
    })?;
    let addr = listener.local_addr()?;
    let public_url = args.public_url.unwrap_or_else(|| format!("http://{addr}"));
    let mut state = crate::state::AppState::new(Arc::new(config), store, clock, &public_url)
        .await?
        .with_report_config(real_config);
    state.peers = args.peers.into();
    tracing::info!(%addr, db = %args.db, %public_url, "madoguchi-server listening");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let mut server = tokio::spawn(crate::run(listener, state, async {
        let _ = stopped.await;
    }));
    tokio::select! {
        result = &mut server => return Ok(result??),
        () = shutdown_signal() => {}
    }
    tracing::info!("stopping: no new connections; open event streams get 3 s");
    let _ = stop.send(());
    // Every answered change is already on disk, so cutting long-lived SSE streams is safe.
    if tokio::time::timeout(std::time::Duration::from_secs(3), &mut server)
        .await
        .is_err()
    {
        server.abort();
    }
    Ok(())
}

/// Ctrl-C, or SIGTERM from a service manager.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            () = term => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
