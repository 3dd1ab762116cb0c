//! The display's servers (`--server http://a:8080,http://b:8080`), shared by the network thread
//! and the staff alert so both talk to the same one: the current server of the list, and the
//! next when it stops answering (the rule is `madoguchi_protocol::ServerList`). Each move is
//! logged once, with both addresses.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use madoguchi_protocol::ServerList;
use reqwest::StatusCode;

/// A handle on the one list of servers; clones share it.
#[derive(Debug, Clone)]
pub struct Servers(Arc<Mutex<ServerList>>);

impl Servers {
    pub fn new(list: ServerList) -> Servers {
        Servers(Arc::new(Mutex::new(list)))
    }

    fn list(&self) -> MutexGuard<'_, ServerList> {
        // Nothing panics while holding the list, so a poisoned lock still holds a whole list.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `path` on the current server, and that server's place in the list.
    pub fn join(&self, path: &str) -> (usize, String) {
        self.list().join(path)
    }

    /// The base URL requests go to now.
    pub fn current_url(&self) -> String {
        self.list().current_url().to_owned()
    }

    /// How many servers there are.
    pub fn count(&self) -> usize {
        self.list().urls().len()
    }

    /// What was sent to server `index` got no usable answer (`cause`): the next server is
    /// asked from now on (nothing moves when another request already moved on).
    pub fn failed(&self, index: usize, cause: &str) {
        let moved = self.list().failed(index);
        if let Some(switch) = moved {
            tracing::warn!(from = %switch.from, to = %switch.to, %cause, "server not answering; moving to the next one");
        }
    }
}

/// An answer that says this server cannot serve now (a proxy in front of a stopped server, or
/// a server that cannot decide), so the next one is asked.
pub fn gateway_failure(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_the_current_server() {
        let a = Servers::new(ServerList::parse("http://a:8080,http://b:8080").unwrap());
        let b = a.clone();
        b.failed(0, "test");
        assert_eq!(a.current_url(), "http://b:8080");
        assert_eq!(a.join("/x"), (1, "http://b:8080/x".to_owned()));
        assert_eq!(a.count(), 2);
    }

    #[test]
    fn only_gateway_answers_move_on() {
        assert!(gateway_failure(StatusCode::BAD_GATEWAY));
        assert!(gateway_failure(StatusCode::SERVICE_UNAVAILABLE));
        assert!(gateway_failure(StatusCode::GATEWAY_TIMEOUT));
        assert!(!gateway_failure(StatusCode::UNAUTHORIZED));
        assert!(!gateway_failure(StatusCode::INTERNAL_SERVER_ERROR));
    }
}
