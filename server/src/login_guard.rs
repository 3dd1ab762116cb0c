//! Sign-in under attack: a kiosk lobby is a public place and a laptop on its LAN can send
//! thousands of password guesses. Argon2id costs 19 MiB and tens of milliseconds per try, so
//! (1) at most [`MAX_VERIFYING`] verifications run at once and the rest are told to retry
//! (429 with `Retry-After`) instead of queueing on the blocking pool, (2) after
//! [`FREE_FAILURES`] failures a source address or a login waits, doubling up to
//! [`MAX_BACKOFF`], and (3) an unknown login is verified against a dummy hash so it takes as
//! long as a known one and logins cannot be enumerated by timing.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Password verifications at once (each is Argon2id at 19 MiB on a blocking thread).
pub const MAX_VERIFYING: usize = 2;
/// How long a sign-in waits for a verification slot before it is told to retry.
const SLOT_WAIT: Duration = Duration::from_millis(750);
/// Failures allowed before a source or a login has to wait.
pub const FREE_FAILURES: u32 = 5;
/// The longest wait after repeated failures.
pub const MAX_BACKOFF: Duration = Duration::from_secs(300);
/// Failures older than this are forgotten.
const FORGET_AFTER: Duration = Duration::from_secs(900);
/// Tracked sources and logins at most (the oldest are dropped first).
const MAX_TRACKED: usize = 10_000;

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    last: Instant,
}

impl Failures {
    fn wait_until(&self) -> Option<Instant> {
        let over = self.count.checked_sub(FREE_FAILURES)?;
        let wait = Duration::from_secs(1u64 << over.min(9)).min(MAX_BACKOFF);
        Some(self.last + wait)
    }
}

/// Why a sign-in is not tried now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Too many sign-ins are being checked right now.
    Busy,
    /// Too many failures from this address or for this login: retry after this long.
    Backoff(Duration),
}

impl Refusal {
    pub fn retry_after_secs(self) -> u64 {
        match self {
            Refusal::Busy => 1,
            Refusal::Backoff(d) => d.as_secs().max(1),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Source(IpAddr),
    Login(String),
}

/// Shared by every sign-in of the server.
#[derive(Debug)]
pub struct LoginGuard {
    slots: Arc<Semaphore>,
    failures: Mutex<HashMap<Key, Failures>>,
}

impl Default for LoginGuard {
    fn default() -> Self {
        LoginGuard {
            slots: Arc::new(Semaphore::new(MAX_VERIFYING)),
            failures: Mutex::new(HashMap::new()),
        }
    }
}

impl LoginGuard {
    /// Checks the back-off of `source` and `login`, then waits briefly for a verification
    /// slot. Hold the permit while verifying.
    pub async fn admit(
        &self,
        source: IpAddr,
        login: &str,
        now: Instant,
    ) -> Result<OwnedSemaphorePermit, Refusal> {
        if let Some(wait) = self.backoff(source, login, now) {
            return Err(Refusal::Backoff(wait));
        }
        match tokio::time::timeout(SLOT_WAIT, Arc::clone(&self.slots).acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(Refusal::Busy),
        }
    }

    /// The remaining wait of `source` or `login`, if any.
    pub fn backoff(&self, source: IpAddr, login: &str, now: Instant) -> Option<Duration> {
        let map = self.failures.lock().ok()?;
        [Key::Source(source), Key::Login(login.to_lowercase())]
            .iter()
            .filter_map(|k| map.get(k)?.wait_until())
            .filter(|until| *until > now)
            .map(|until| until - now)
            .max()
    }

    /// The remaining wait of `source` alone: for a hand-over pass, which names no login.
    pub fn source_backoff(&self, source: IpAddr, now: Instant) -> Option<Duration> {
        let map = self.failures.lock().ok()?;
        let until = map.get(&Key::Source(source))?.wait_until()?;
        (until > now).then(|| until - now)
    }

    /// A refused hand-over pass counts against its source address like a wrong password.
    pub fn source_failed(&self, source: IpAddr, now: Instant) {
        self.count(&[Key::Source(source)], now);
    }

    pub fn failed(&self, source: IpAddr, login: &str, now: Instant) {
        self.count(
            &[Key::Source(source), Key::Login(login.to_lowercase())],
            now,
        );
    }

    fn count(&self, keys: &[Key], now: Instant) {
        let Ok(mut map) = self.failures.lock() else {
            return;
        };
        map.retain(|_, f| now.duration_since(f.last) < FORGET_AFTER);
        if map.len() >= MAX_TRACKED
            && let Some(oldest) = map
                .iter()
                .min_by_key(|(_, f)| f.last)
                .map(|(k, _)| k.clone())
        {
            map.remove(&oldest);
        }
        for key in keys {
            let f = map.entry(key.clone()).or_insert(Failures {
                count: 0,
                last: now,
            });
            f.count += 1;
            f.last = now;
        }
    }

    pub fn succeeded(&self, source: IpAddr, login: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(&Key::Source(source));
            map.remove(&Key::Login(login.to_lowercase()));
        }
    }
}

/// An Argon2id hash of a random password, made once: unknown logins are verified against it.
pub fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| crate::auth::hash_password(&crate::auth::new_token()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_are_free_then_the_wait_doubles_up_to_five_minutes() {
        let g = LoginGuard::default();
        let ip: IpAddr = "192.0.2.7".parse().unwrap();
        let t0 = Instant::now();
        for _ in 0..5 {
            g.failed(ip, "admin", t0);
        }
        assert_eq!(g.backoff(ip, "admin", t0), Some(Duration::from_secs(1)));
        // Another address trying the same login waits too; another login from elsewhere not.
        let other: IpAddr = "192.0.2.8".parse().unwrap();
        assert!(g.backoff(other, "Admin", t0).is_some());
        assert_eq!(g.backoff(other, "staff1", t0), None);
        for _ in 0..20 {
            g.failed(ip, "admin", t0);
        }
        assert_eq!(g.backoff(ip, "admin", t0), Some(MAX_BACKOFF));
        g.succeeded(ip, "admin");
        assert_eq!(g.backoff(ip, "admin", t0), None);
    }
}
