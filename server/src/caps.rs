//! Caps on long-lived event streams, so that one visitor's laptop cannot open ten thousand
//! status streams with one ticket's link and starve everyone else: at most a few streams per
//! status token, a bounded number per source address, and per site. A [`Slot`] is held for
//! the life of a stream and frees its place when the stream ends.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

/// Limits on open streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamLimits {
    /// Status streams per status token (one visitor's phone, maybe a second device).
    pub per_token: usize,
    /// Streams per source address (a lobby's guest Wi-Fi may put many phones behind one).
    pub per_address: usize,
    /// Streams per site (its displays, consoles and visitors' phones).
    pub per_site: usize,
}

impl Default for StreamLimits {
    fn default() -> Self {
        StreamLimits {
            per_token: 4,
            per_address: 200,
            per_site: 2000,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Token(String),
    Address(IpAddr),
    Site(String),
}

/// Open streams by token, address and site.
#[derive(Debug, Default)]
pub struct StreamCaps {
    pub limits: StreamLimits,
    open: Mutex<HashMap<Key, usize>>,
}

/// A place taken by one open stream; dropping it gives the place back.
#[derive(Debug)]
pub struct Slot {
    caps: Arc<StreamCaps>,
    keys: Vec<Key>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.caps.open.lock() {
            for k in &self.keys {
                if let Some(n) = open.get_mut(k) {
                    *n -= 1;
                    if *n == 0 {
                        open.remove(k);
                    }
                }
            }
        }
    }
}

impl StreamCaps {
    pub fn new(limits: StreamLimits) -> StreamCaps {
        StreamCaps {
            limits,
            open: Mutex::default(),
        }
    }

    /// Takes a place for a stream of `site` from `address` (and for `token`, if a status
    /// stream), or says which cap is full.
    pub fn take(
        self: &Arc<Self>,
        site: &str,
        address: IpAddr,
        token: Option<&str>,
    ) -> Result<Slot, &'static str> {
        let mut keys = vec![
            (
                Key::Site(site.to_owned()),
                self.limits.per_site,
                "this site",
            ),
            (
                Key::Address(address),
                self.limits.per_address,
                "this device",
            ),
        ];
        if let Some(t) = token {
            keys.push((
                Key::Token(t.to_owned()),
                self.limits.per_token,
                "this ticket",
            ));
        }
        let mut open = self.open.lock().map_err(|_| "the server")?;
        for (k, max, what) in &keys {
            if open.get(k).copied().unwrap_or(0) >= *max {
                return Err(what);
            }
        }
        for (k, _, _) in &keys {
            *open.entry(k.clone()).or_insert(0) += 1;
        }
        Ok(Slot {
            caps: Arc::clone(self),
            keys: keys.into_iter().map(|(k, _, _)| k).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cap_holds_and_a_closed_stream_frees_its_place() {
        let caps = Arc::new(StreamCaps::new(StreamLimits {
            per_token: 2,
            per_address: 3,
            per_site: 4,
        }));
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        let t1 = caps.take("s", a, Some("t")).unwrap();
        let _t2 = caps.take("s", a, Some("t")).unwrap();
        assert_eq!(caps.take("s", a, Some("t")).unwrap_err(), "this ticket");
        let _a3 = caps.take("s", a, None).unwrap();
        assert_eq!(caps.take("s", a, None).unwrap_err(), "this device");
        let _b1 = caps.take("s", b, None).unwrap();
        assert_eq!(caps.take("s", b, None).unwrap_err(), "this site");
        assert!(caps.take("other", b, None).is_ok());
        drop(t1);
        assert!(caps.take("s", b, None).is_ok());
    }
}
