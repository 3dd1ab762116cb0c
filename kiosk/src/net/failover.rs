//! Which server a request goes to (`--server a,b`): the current one of the list, and on to the
//! next when it gives no usable answer (no connection, a timeout, a cut connection, or 502, 503
//! or 504 from a proxy or a server that cannot decide). The list itself and its rule are
//! `madoguchi_protocol::ServerList`; this file sends and logs each move once.

use std::sync::PoisonError;

use madoguchi_protocol::ServerList;
use reqwest::{RequestBuilder, Response, StatusCode};
use tracing::warn;

use super::Worker;

/// An answer that says this server cannot serve now, so the next one is asked.
pub(super) fn gateway_failure(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT
    )
}

impl Worker {
    /// How many servers the kiosk knows.
    pub(super) fn server_count(&self) -> usize {
        self.servers().urls().len()
    }

    /// `path` on the current server, and that server's place in the list.
    pub(super) fn target(&self, path: &str) -> (usize, String) {
        self.servers().join(path)
    }

    fn servers(&self) -> std::sync::MutexGuard<'_, ServerList> {
        // Nothing panics while holding the list, so a poisoned lock still holds a whole list.
        self.servers.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The request sent to server `index` got no usable answer (`cause`): later requests go
    /// to the next server. Logged once per move, with both addresses.
    pub(super) fn failed(&self, index: usize, cause: &str) {
        let moved = self.servers().failed(index);
        if let Some(switch) = moved {
            warn!(from = %switch.from, to = %switch.to, %cause, "server not answering; moving to the next one");
        }
    }

    /// Sends the request `make` builds for a URL to the current server; when that server gives
    /// no usable answer, to the next, each server at most once. The last answer or error is
    /// returned when none answered.
    pub(super) async fn send(
        &self,
        path: &str,
        make: impl Fn(String) -> RequestBuilder,
    ) -> Result<Response, reqwest::Error> {
        let servers = self.server_count();
        let mut asked = 0;
        loop {
            let (index, url) = self.target(path);
            let sent = make(url).send().await;
            let cause = match &sent {
                Err(e) => e.to_string(),
                Ok(r) if gateway_failure(r.status()) => r.status().to_string(),
                Ok(_) => return sent,
            };
            self.failed(index, &cause);
            asked += 1;
            if asked >= servers {
                return sent;
            }
        }
    }
}
