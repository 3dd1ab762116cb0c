//! Taking access away: `token list` and `token revoke` for devices, `user disable`,
//! `user passwd` and `user signout` for staff. Each writes to the database the server reads;
//! the server trusts a looked-up token for at most `AuthCache::TTL` (30 s), so a stolen kiosk
//! or a disabled account stops working within a minute, without a restart.

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, bail};

use clap::{Subcommand, ValueEnum};

use crate::clock::{Clock, SystemClock};
use crate::store::{Database, Store, Write};

/// Passwords set with `user add` have at least this many characters.
pub const MIN_PASSWORD: usize = 12;

async fn open(db: &Database) -> anyhow::Result<Arc<dyn Store>> {
    crate::store::open(db)
        .await
        .with_context(|| format!("opening the database {db}"))
}

#[derive(Debug, Subcommand)]
pub enum TokenCmd {
    /// Create a device token; it is printed once and stored only as a hash.
    Create {
        #[arg(long, value_enum)]
        kind: DeviceKind,
        #[arg(long)]
        site: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "madoguchi.db")]
        db: Database,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// List device tokens (name, kind, site, created, revoked); never the tokens themselves.
    List {
        #[arg(long)]
        site: Option<String>,
        #[arg(long, default_value = "madoguchi.db")]
        db: Database,
    },
    /// Revoke a device's token(s), e.g. a stolen kiosk: it stops working within a minute.
    Revoke {
        #[arg(long)]
        site: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "madoguchi.db")]
        db: Database,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DeviceKind {
    Kiosk,
    Display,
    /// The city's reservation system, pushing a site's bookings (交付予約).
    Reservations,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum UserRole {
    Staff,
    Supervisor,
    Admin,
}

#[derive(Debug, Subcommand)]
pub enum UserCmd {
    /// Add a user, or change an existing user's role, site and password.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        role: UserRole,
        #[arg(long)]
        site: Option<String>,
        /// Read the password from standard input (first line).
        #[arg(long)]
        password_stdin: bool,
        #[arg(long)]
        password: Option<String>,
        #[arg(long, default_value = "madoguchi.db")]
        db: Database,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Disable a user: no new sign-in, every session ends (within a minute). `user add`
    /// enables the account again.
    Disable {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "madoguchi.db")]
        db: Database,
    },
    /// Set a new password (at least 12 characters); every session of the user ends.
    Passwd {
        #[arg(long)]
        name: String,
        #[arg(long)]
        password_stdin: bool,
        #[arg(long)]
        password: Option<String>,
        #[arg(long, default_value = "madoguchi.db")]
        db: Database,
    },
    /// Sign a user out of every session (e.g. a forgotten signed-in browser).
    Signout {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "madoguchi.db")]
        db: Database,
    },
}

/// `token list` and `token revoke` (`token create` is in `cli`).
pub async fn token(command: TokenCmd) -> anyhow::Result<()> {
    match command {
        TokenCmd::List { site, db } => {
            let store = open(&db).await?;
            println!("site\tname\tkind\tcreated\trevoked");
            for (d, revoked) in store.devices().await? {
                if site.as_deref().is_some_and(|s| s != d.site) {
                    continue;
                }
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    d.site,
                    d.device,
                    crate::auth::role_name(d.kind),
                    d.at.format("%Y-%m-%d %H:%M"),
                    revoked.map_or_else(
                        || "-".to_owned(),
                        |r| r.format("%Y-%m-%d %H:%M").to_string()
                    )
                );
            }
            Ok(())
        }
        TokenCmd::Revoke { site, name, db } => {
            let store = open(&db).await?;
            let live = store
                .devices()
                .await?
                .into_iter()
                .filter(|(d, revoked)| d.site == site && d.device == name && revoked.is_none())
                .count();
            if live == 0 {
                bail!(
                    "No live token of a device \"{name}\" at site \"{site}\". See `madoguchi-server token list --site {site}`."
                );
            }
            store
                .commit(vec![Write::RevokeDevice {
                    site: site.clone(),
                    device: name.clone(),
                    at: SystemClock.now(),
                }])
                .await?;
            eprintln!(
                "Revoked {live} token(s) of \"{name}\" at {site}; they stop working within a minute. Create a new one with `token create`."
            );
            Ok(())
        }
        TokenCmd::Create { .. } => bail!("`token create` is handled by the command line module"),
    }
}

/// `user disable`, `user passwd`, `user signout` (`user add` is in `cli`).
pub async fn user(command: UserCmd) -> anyhow::Result<()> {
    match command {
        UserCmd::Disable { name, db } => {
            let store = open(&db).await?;
            known(&*store, &name).await?;
            store
                .commit(vec![Write::DisableUser {
                    login: name.clone(),
                    at: SystemClock.now(),
                }])
                .await?;
            eprintln!(
                "User \"{name}\" is disabled and signed out everywhere (within a minute). `user add` enables the account again."
            );
            Ok(())
        }
        UserCmd::Passwd {
            name,
            password_stdin,
            password,
            db,
        } => {
            let password = read_password(password, password_stdin)?;
            if password.chars().count() < MIN_PASSWORD {
                bail!("Choose a password of at least {MIN_PASSWORD} characters.");
            }
            let store = open(&db).await?;
            let mut row = known(&*store, &name).await?;
            row.password_hash = crate::auth::hash_password(&password)?;
            store
                .commit(vec![
                    Write::User(row),
                    Write::EndUserSessions {
                        login: name.clone(),
                    },
                ])
                .await?;
            eprintln!("New password saved for \"{name}\"; every session of theirs has ended.");
            Ok(())
        }
        UserCmd::Signout { name, db } => {
            let store = open(&db).await?;
            known(&*store, &name).await?;
            store
                .commit(vec![Write::EndUserSessions {
                    login: name.clone(),
                }])
                .await?;
            eprintln!("\"{name}\" is signed out of every session (within a minute).");
            Ok(())
        }
        UserCmd::Add { .. } => bail!("`user add` is handled by the command line module"),
    }
}

async fn known(store: &dyn Store, name: &str) -> anyhow::Result<crate::store::UserRow> {
    store.user(name).await?.with_context(|| {
        format!("There is no enabled user \"{name}\". Check the name, or add it with `user add`.")
    })
}

/// The password from `--password` or the first line of standard input.
pub fn read_password(password: Option<String>, stdin: bool) -> anyhow::Result<String> {
    match (password, stdin) {
        (Some(p), false) => Ok(p),
        (None, true) => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text)?;
            Ok(text.lines().next().unwrap_or_default().to_owned())
        }
        _ => bail!("Give the password with exactly one of --password or --password-stdin."),
    }
}
