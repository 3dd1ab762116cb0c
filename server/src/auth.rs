//! Who is calling: device tokens (kiosk, display), staff sessions, roles and sites.
//!
//! Device tokens and session tokens are random, shown once, and stored only as SHA-256 hex;
//! passwords are stored with argon2. The [`Principal`] extractor accepts a bearer header, the
//! `madoguchi_session` cookie, or `?token=` on event streams only (for EventSource, which
//! cannot set headers).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::FromRequestParts;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use madoguchi_protocol::{CounterId, Role, SiteId, Timestamp};
use rand::RngCore;
use sha2::{Digest, Sha256};

use std::sync::Arc;

use axum::extract::FromRef;

use crate::clock::Clock;
use crate::error::AppError;
use crate::store::{SessionRow, Store};

/// Name of the session cookie set by `POST /api/login`.
pub const SESSION_COOKIE: &str = "madoguchi_session";

/// How long a staff session lasts: a long working day, then staff sign in again.
pub const SESSION_HOURS: i64 = 16;

/// The authenticated caller of a request.
#[derive(Debug, Clone, PartialEq)]
pub struct Principal {
    /// Device name or user login, written to the audit log.
    pub actor: String,
    pub role: Role,
    /// The site the caller is bound to; `None` for an admin (every site).
    pub site: Option<SiteId>,
    /// The counter a staff member signed in at.
    pub counter: Option<CounterId>,
    /// SHA-256 of the session token, for logout (`None` for devices).
    pub session: Option<String>,
    /// When a staff session stops being valid (`None` for devices).
    pub expires: Option<Timestamp>,
}

impl Principal {
    fn role_name(&self) -> &'static str {
        role_name(self.role)
    }

    /// Whether the caller may act at `site` at all.
    pub fn at_site(&self, site: &str) -> bool {
        self.role == Role::Admin || self.site.as_deref() == Some(site)
    }

    /// Requires one of `roles` at `site` (admins pass wherever a supervisor would).
    pub fn require(&self, site: &str, roles: &[Role]) -> Result<(), AppError> {
        let role_ok = roles.contains(&self.role)
            || (self.role == Role::Admin && roles.contains(&Role::Supervisor));
        if !role_ok {
            let wanted: Vec<&str> = roles.iter().map(|r| role_name(*r)).collect();
            return Err(AppError::forbidden(format!(
                "This action needs the role {}; you are signed in as {} \"{}\". Sign in with \
                 an account that has that role.",
                wanted.join(" or "),
                self.role_name(),
                self.actor
            )));
        }
        if !self.at_site(site) {
            return Err(AppError::forbidden(format!(
                "{} \"{}\" belongs to site \"{}\", not \"{}\". Use a device or account of this site.",
                self.role_name(),
                self.actor,
                self.site.as_deref().unwrap_or("-"),
                site
            )));
        }
        Ok(())
    }

    /// Staff signed in at one counter may only act on that counter; a staff sign-in without a
    /// counter is read-only for counter actions. Supervisors and admins may act for any
    /// counter of their site (the audit row names the counter and their role).
    pub fn require_counter(&self, site: &str, counter: &str) -> Result<(), AppError> {
        self.require(site, &[Role::Staff, Role::Supervisor])?;
        if self.role == Role::Staff {
            match &self.counter {
                None => {
                    return Err(AppError::forbidden(format!(
                        "You signed in without a counter, which only lets you watch. Sign in again \
                         at counter {counter} to call and serve there."
                    )));
                }
                Some(mine) if mine != counter => {
                    return Err(AppError::forbidden(format!(
                        "You are signed in at counter {mine}, not {counter}. Sign in again at \
                         counter {counter}, or ask a supervisor."
                    )));
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// Staff may act on a ticket they name only while it waits, or when it is their counter's
    /// (called or served there, or its no-show). Supervisors and admins may act on any.
    pub fn require_ticket(
        &self,
        counter: &str,
        ticket: &madoguchi_protocol::Ticket,
    ) -> Result<(), AppError> {
        use madoguchi_protocol::TicketState;
        let own = ticket.counter.as_deref() == Some(counter);
        if self.role == Role::Staff && ticket.state != TicketState::Waiting && !own {
            return Err(AppError::forbidden(format!(
                "Ticket {} is at counter {}, not yours ({counter}). Only that counter or a \
                 supervisor can act on it.",
                ticket.number,
                ticket.counter.as_deref().unwrap_or("-")
            )));
        }
        Ok(())
    }
}

pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Kiosk => "kiosk",
        Role::Display => "display",
        Role::Staff => "staff",
        Role::Supervisor => "supervisor",
        Role::Admin => "admin",
        Role::Reservations => "reservation system",
    }
}

/// A new random token: 256 bits, URL-safe base64 without padding.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A new status-page token: 144 random bits (≥128 as promised), URL-safe base64.
pub fn new_status_token() -> String {
    let mut bytes = [0u8; 18];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// SHA-256 of a token, hex: the only form in which tokens are stored.
pub fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, thiserror::Error)]
#[error("the password could not be hashed: {0}")]
pub struct PasswordError(String);

pub fn hash_password(password: &str) -> Result<String, PasswordError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| PasswordError(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasswordError(e.to_string()))
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// The raw token of a request, from header, cookie or `?token=`, in that order. The query is
/// read only for event streams (`GET …/events`, for browsers' EventSource, which cannot set
/// headers): anywhere else a token in a URL would end up in logs and histories.
pub fn request_token(
    method: &axum::http::Method,
    headers: &axum::http::HeaderMap,
    uri: &axum::http::Uri,
) -> Option<String> {
    if let Some(value) = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok())
        && let Some(token) = value.strip_prefix("Bearer ")
    {
        return Some(token.trim().to_owned());
    }
    for cookies in headers.get_all(COOKIE) {
        let Ok(cookies) = cookies.to_str() else {
            continue;
        };
        for pair in cookies.split(';') {
            if let Some((k, v)) = pair.trim().split_once('=')
                && k == SESSION_COOKIE
                && !v.is_empty()
            {
                return Some(v.to_owned());
            }
        }
    }
    if method != axum::http::Method::GET || !uri.path().ends_with("/events") {
        return None;
    }
    let query = uri.query()?;
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == "token" && !v.is_empty()).then(|| v.to_owned())
    })
}

/// What looking a token up needs: where tokens are stored, the cache of recent answers and the
/// time (taken from the server's state by `FromRef`, so this module needs nothing above it).
#[derive(Clone)]
pub struct Gate {
    pub store: Arc<dyn Store>,
    pub cache: Arc<AuthCache>,
    pub clock: Arc<dyn Clock>,
}

/// Looks a token up: device tokens first, then sessions. Positive answers are cached.
pub async fn principal_for(gate: &Gate, token: &str) -> Result<Option<Principal>, AppError> {
    let hash = hash_token(token);
    let now = gate.clock.now();
    let live = |p: &Principal| p.expires.is_none_or(|e| now < e);
    if let Some(p) = gate.cache.get(&hash) {
        return Ok(live(&p).then_some(p));
    }
    let found = if let Some(d) = gate.store.device(&hash).await? {
        Some(Principal {
            actor: d.device,
            role: d.kind,
            site: Some(d.site),
            counter: None,
            session: None,
            expires: None,
        })
    } else {
        session_principal(gate.store.as_ref(), &hash)
            .await?
            .map(|(p, _)| p)
    };
    if let Some(p) = &found {
        gate.cache.put(hash, p.clone());
    }
    let found = found.filter(live);
    Ok(found)
}

/// The staff session stored under `hash`, read from the database (never the cache), with the
/// principal it makes: `None` when it was signed out, or its user is gone, disabled, or no
/// longer holds the role and site signed in with. Expiry is the caller's to check.
pub async fn session_principal(
    store: &dyn Store,
    hash: &str,
) -> Result<Option<(Principal, SessionRow)>, AppError> {
    let Some(s) = store.session(hash).await? else {
        return Ok(None);
    };
    let Some(user) = store.user(&s.login).await? else {
        return Ok(None);
    };
    if user.role != s.role
        || (user.role != Role::Admin && user.site.as_deref() != Some(s.site.as_str()))
    {
        return Ok(None);
    }
    let principal = Principal {
        actor: s.login.clone(),
        role: s.role,
        site: (s.role != Role::Admin).then(|| s.site.clone()),
        counter: s.counter.clone(),
        session: Some(hash.to_owned()),
        expires: Some(s.at + chrono::Duration::hours(SESSION_HOURS)),
    };
    Ok(Some((principal, s)))
}

impl<S> FromRequestParts<S> for Principal
where
    S: Send + Sync,
    Gate: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        let Some(token) = request_token(&parts.method, &parts.headers, &parts.uri) else {
            return Err(AppError::unauthorized(
                "Sign in first: send a device token as \"Authorization: Bearer <token>\", or \
                 sign in at /staff.",
            ));
        };
        principal_for(&Gate::from_ref(state), &token)
            .await?
            .ok_or_else(|| {
                AppError::unauthorized(
                    "This token or session is not valid (it may have expired). Sign in again, or \
                 create a new device token with `madoguchi-server token create`.",
                )
            })
    }
}

/// A small cache of token hash → principal, so hot paths (kiosks issuing) skip the database.
/// Entries live [`AuthCache::TTL`]: a token revoked or a user disabled with the command line
/// (another process) stops working within that time.
#[derive(Debug)]
pub struct AuthCache {
    ttl: std::time::Duration,
    map: std::sync::RwLock<std::collections::HashMap<String, (std::time::Instant, Principal)>>,
}

impl Default for AuthCache {
    fn default() -> Self {
        AuthCache::with_ttl(AuthCache::TTL)
    }
}

impl AuthCache {
    /// How long a looked-up token is trusted without asking the database again.
    pub const TTL: std::time::Duration = std::time::Duration::from_secs(30);

    pub fn with_ttl(ttl: std::time::Duration) -> AuthCache {
        AuthCache {
            ttl,
            map: std::sync::RwLock::default(),
        }
    }

    pub fn get(&self, hash: &str) -> Option<Principal> {
        let map = self.map.read().ok()?;
        let (at, p) = map.get(hash)?;
        (at.elapsed() < self.ttl).then(|| p.clone())
    }

    pub fn put(&self, hash: String, p: Principal) {
        if let Ok(mut map) = self.map.write() {
            if map.len() > 10_000 {
                let ttl = self.ttl;
                map.retain(|_, (at, _)| at.elapsed() < ttl);
            }
            map.insert(hash, (std::time::Instant::now(), p));
        }
    }

    pub fn remove(&self, hash: &str) {
        if let Ok(mut map) = self.map.write() {
            map.remove(hash);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(counter: Option<&str>) -> Principal {
        Principal {
            actor: "staff1".into(),
            role: Role::Staff,
            site: Some("yahatanishi".into()),
            counter: counter.map(str::to_owned),
            session: None,
            expires: None,
        }
    }

    #[test]
    fn tokens_are_long_random_and_hashed() {
        let a = new_token();
        let b = new_token();
        assert_ne!(a, b);
        assert!(a.len() >= 43, "{a}");
        assert!(new_status_token().len() >= 22);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        assert_eq!(hash_token("abc").len(), 64);
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn passwords_verify_only_with_the_right_password() {
        let h = hash_password("staff1-demo").unwrap();
        assert!(h.starts_with("$argon2"));
        assert!(verify_password("staff1-demo", &h));
        assert!(!verify_password("staff1-demx", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn roles_and_sites_are_enforced() {
        let s = staff(Some("1"));
        assert!(s.require("yahatanishi", &[Role::Staff]).is_ok());
        assert!(s.require("kokurakita", &[Role::Staff]).is_err());
        assert!(s.require("yahatanishi", &[Role::Supervisor]).is_err());
        assert!(s.require_counter("yahatanishi", "1").is_ok());
        assert!(s.require_counter("yahatanishi", "2").is_err());
        // A sign-in without a counter only watches.
        assert!(staff(None).require_counter("yahatanishi", "2").is_err());
        let admin = Principal {
            role: Role::Admin,
            site: None,
            ..staff(None)
        };
        assert!(admin.require("kokurakita", &[Role::Supervisor]).is_ok());
        assert!(admin.require_counter("orio", "1").is_ok());
        let kiosk = Principal {
            role: Role::Kiosk,
            ..staff(None)
        };
        assert!(kiosk.require_counter("yahatanishi", "1").is_err());
    }
}
