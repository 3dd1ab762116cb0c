//! Creating device tokens and user accounts in a store: what `token create`, `user add`,
//! `init-demo`, the benchmark and the tests share. Below the command line, so that `cli` and
//! `bench` both use it without importing each other.

use anyhow::bail;
use madoguchi_engine::Config;
use madoguchi_protocol::Role;

use crate::auth;
use crate::clock::{Clock, SystemClock};
use crate::store::{DeviceRow, Store, UserRow, Write};

/// Stores a new device token and returns it (the only time it exists in clear).
pub async fn create_device(
    store: &dyn Store,
    config: &Config,
    kind: Role,
    site: &str,
    name: &str,
) -> anyhow::Result<String> {
    if config.site(site).is_none() {
        bail!(
            "There is no site \"{site}\"; use one of: {}.",
            config.site_ids().join(", ")
        );
    }
    if name.trim().is_empty() {
        bail!("Give the device a name with --name, e.g. kiosk-1.");
    }
    let token = auth::new_token();
    let row = DeviceRow {
        token_hash: auth::hash_token(&token),
        kind,
        site: site.to_owned(),
        device: name.to_owned(),
        at: SystemClock.now(),
    };
    store.commit(vec![Write::Device(row)]).await?;
    Ok(token)
}

pub async fn add_user(
    store: &dyn Store,
    config: &Config,
    login: &str,
    role: Role,
    site: Option<&str>,
    password: &str,
) -> anyhow::Result<()> {
    if login.trim().is_empty() || password.len() < 6 {
        bail!("Give a user name and a password of at least 6 characters.");
    }
    let site = match (role, site) {
        (Role::Admin, _) => None,
        (_, Some(s)) if config.site(s).is_some() => Some(s.to_owned()),
        (_, Some(s)) => bail!(
            "There is no site \"{s}\"; use one of: {}.",
            config.site_ids().join(", ")
        ),
        (_, None) => bail!("Staff and supervisors belong to a site: give --site."),
    };
    let hash = auth::hash_password(password)?;
    let row = UserRow {
        login: login.to_owned(),
        role,
        site,
        password_hash: hash,
        at: SystemClock.now(),
    };
    store.commit(vec![Write::User(row)]).await?;
    Ok(())
}
