//! The network shell: a std thread with its own tokio runtime loads the board snapshot and
//! follows the site's SSE stream, and hands everything to bevy through channels. The render
//! loop never waits on it. The display token goes in an `Authorization: Bearer` header on
//! every request, never in a URL.
//!
//! With several servers (`--server a,b`) every request goes to the current one; a lost stream
//! (broken, closed, or silent past the watchdog's limit), an unreachable server or a 502/503/504
//! moves to the next server at once, which resumes the stream with `Last-Event-ID` (event ids
//! are the same on every server of one database); the board goes offline only when no server
//! of the list answered. After that it reconnects with back-off (0.5 s doubling to 10 s) and
//! resumes with `Last-Event-ID`; the board asks for a fresh snapshot (`NetCmd::Reload`) on a gap in ids
//! or a day change, and a server whose ids went backwards (a new database) is reloaded too.
//! A stream that falls silent (no byte, not even a keep-alive) is dead after
//! [`watch::SILENCE_LIMIT`] (see [`watch`]).

pub mod servers;
pub mod watch;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use eventsource_stream::Eventsource;
use futures_util::{Stream, StreamExt};
use madoguchi_protocol::{Board, SiteEvent};

pub use servers::Servers;

/// What the network thread tells the board.
#[derive(Debug)]
pub enum NetMsg {
    Snapshot(Box<Board>),
    Event(Box<SiteEvent>),
    /// The stream is up.
    Online,
    /// The stream is down; the sentence says why.
    Offline(String),
}

/// What the board asks of the network thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetCmd {
    Reload,
}

/// Where to connect.
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub servers: Servers,
    pub site: String,
    pub token: String,
}

impl Endpoint {
    /// The board's URL on the current server, and that server's place in the list.
    pub fn board_url(&self) -> (usize, String) {
        self.servers
            .join(&format!("/api/sites/{}/board", self.site))
    }

    /// The event stream's URL on the current server, and that server's place in the list.
    pub fn events_url(&self) -> (usize, String) {
        self.servers
            .join(&format!("/api/sites/{}/events", self.site))
    }

    /// Adds the display token as `Authorization: Bearer …`, never in the URL (where proxies
    /// and access logs would keep it); no header without a token.
    pub fn authorize(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        let token = self.token.trim();
        if token.is_empty() {
            request
        } else {
            request.bearer_auth(token)
        }
    }
}

/// Reconnect delays: 0.5 s, 1 s, 2 s, … up to 10 s; back to 0.5 s once connected.
#[derive(Debug, Clone)]
pub struct Backoff {
    next: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            next: Backoff::FIRST,
        }
    }
}

impl Backoff {
    pub const FIRST: Duration = Duration::from_millis(500);
    pub const MAX: Duration = Duration::from_secs(10);

    pub fn next_delay(&mut self) -> Duration {
        let d = self.next;
        self.next = (self.next * 2).min(Backoff::MAX);
        d
    }

    pub fn reset(&mut self) {
        self.next = Backoff::FIRST;
    }
}

/// When the stream last delivered bytes, in milliseconds since `start`: written by the byte
/// stream, read by the watchdog.
#[derive(Debug, Clone)]
pub struct Heard {
    start: Instant,
    millis: Arc<AtomicU64>,
}

impl Default for Heard {
    fn default() -> Self {
        Heard::new()
    }
}

impl Heard {
    pub fn new() -> Heard {
        Heard {
            start: Instant::now(),
            millis: Arc::new(AtomicU64::new(0)),
        }
    }

    fn now(&self) -> Duration {
        self.start.elapsed()
    }

    fn mark(&self) {
        let ms = u64::try_from(self.now().as_millis()).unwrap_or(u64::MAX);
        self.millis.fetch_max(ms, Ordering::Relaxed);
    }

    fn last(&self) -> Duration {
        Duration::from_millis(self.millis.load(Ordering::Relaxed))
    }
}

/// How long a request may wait for the answer's head (the event stream's body runs on).
pub const ANSWER_WITHIN: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum NetError {
    #[error("cannot reach the server at {url}: {source}")]
    Unreachable { url: String, source: reqwest::Error },
    #[error("the server at {url} did not answer within {} s", ANSWER_WITHIN.as_secs())]
    NoAnswer { url: String },
    #[error("the server answered {status} for {url}; check the site id and the display token")]
    Status {
        url: String,
        status: reqwest::StatusCode,
    },
    #[error("the server sent a board this display cannot read: {0}")]
    Body(reqwest::Error),
}

impl NetError {
    /// Whether the next server of the list should be asked: this one could not be reached or
    /// answered 502/503/504 (a refusal, e.g. a wrong token, would be the same everywhere).
    pub fn moves_on(&self) -> bool {
        match self {
            NetError::Unreachable { .. } | NetError::NoAnswer { .. } => true,
            NetError::Status { status, .. } => servers::gateway_failure(*status),
            NetError::Body(_) => false,
        }
    }
}

/// `GET /api/sites/{site}/board` on the current server; a failure that [moves
/// on](NetError::moves_on) makes the next server the current one.
pub async fn fetch_board(client: &reqwest::Client, ep: &Endpoint) -> Result<Board, NetError> {
    let (index, url) = ep.board_url();
    let answer = match send_checked(ep.authorize(client.get(&url)), url).await {
        Ok(resp) => resp.json().await.map_err(NetError::Body),
        Err(err) => Err(err),
    };
    if let Err(err) = &answer
        && err.moves_on()
    {
        ep.servers.failed(index, &err.to_string());
    }
    answer
}

/// Sends `request` (made for `url`) and turns a transport failure or a non-2xx status into
/// the `NetError` that names the URL.
async fn send_checked(
    request: reqwest::RequestBuilder,
    url: String,
) -> Result<reqwest::Response, NetError> {
    // A server that takes the connection and never answers is as lost as one that refuses it.
    let resp = tokio::time::timeout(ANSWER_WITHIN, request.send())
        .await
        .map_err(|_| NetError::NoAnswer { url: url.clone() })?
        .map_err(|source| NetError::Unreachable {
            url: url.clone(),
            source,
        })?;
    if !resp.status().is_success() {
        return Err(NetError::Status {
            url,
            status: resp.status(),
        });
    }
    Ok(resp)
}

/// Opens the SSE stream of the current server after `last_id` and yields its events, with the
/// server's place in the list (for [`Servers::failed`] when the stream is lost); a malformed
/// event is logged and skipped, a transport error ends the stream. A failure to open that
/// [moves on](NetError::moves_on) makes the next server the current one.
pub async fn open_events(
    client: &reqwest::Client,
    ep: &Endpoint,
    last_id: u64,
    heard: Heard,
) -> Result<(usize, impl Stream<Item = Result<SiteEvent, String>> + use<>), NetError> {
    let (index, url) = ep.events_url();
    let request = ep
        .authorize(client.get(&url))
        .header("Last-Event-ID", last_id.to_string())
        .header("Accept", "text/event-stream");
    let resp = match send_checked(request, url).await {
        Ok(resp) => resp,
        Err(err) => {
            if err.moves_on() {
                ep.servers.failed(index, &err.to_string());
            }
            return Err(err);
        }
    };
    // Every chunk counts as a sign of life, keep-alive comments included.
    let bytes = resp.bytes_stream().inspect(move |_| heard.mark());
    let stream = bytes.eventsource().filter_map(|item| async move {
        match item {
            Ok(ev) => match serde_json::from_str::<SiteEvent>(&ev.data) {
                Ok(e) => Some(Ok(e)),
                Err(err) => {
                    tracing::warn!(cause = %err, kind = %ev.event, "skipping an event this display cannot read");
                    None
                }
            },
            Err(err) => Some(Err(err.to_string())),
        }
    });
    Ok((index, stream))
}

/// Starts the network thread.
pub fn spawn(
    ep: Endpoint,
) -> std::io::Result<(
    mpsc::Receiver<NetMsg>,
    tokio::sync::mpsc::UnboundedSender<NetCmd>,
)> {
    let (tx, rx) = mpsc::channel();
    let (cmd_tx, cmd_rx) = tokio::sync::mpsc::unbounded_channel();
    std::thread::Builder::new()
        .name("madoguchi-net".into())
        .spawn(move || {
            let rt = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(err) => {
                    let _ = tx.send(NetMsg::Offline(format!(
                        "cannot start the network runtime: {err}"
                    )));
                    return;
                }
            };
            rt.block_on(follow(ep, tx, cmd_rx));
        })?;
    Ok((rx, cmd_tx))
}

/// The thread's loop: snapshot, stream, reconnect; ends when bevy drops the receiver.
async fn follow(
    ep: Endpoint,
    tx: mpsc::Sender<NetMsg>,
    mut cmds: tokio::sync::mpsc::UnboundedReceiver<NetCmd>,
) {
    let client = match reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(3))
        .build()
    {
        Ok(c) => c,
        Err(err) => {
            let _ = tx.send(NetMsg::Offline(format!(
                "cannot build the HTTP client: {err}"
            )));
            return;
        }
    };
    let mut backoff = Backoff::default();
    let mut last_id: Option<u64> = None;
    let mut round = Round::new(ep.servers.count());
    loop {
        // After a failure: the next server at once while one is left untried, else offline
        // and a pause. Ends the thread when bevy dropped the receiver.
        let lost = |reason: String, moves_on: bool, round: &mut Round| {
            let at_once = round.failed(moves_on);
            if !at_once {
                tracing::warn!(reason = %reason, "display offline");
            }
            (at_once, at_once || tx.send(NetMsg::Offline(reason)).is_ok())
        };
        // A snapshot first when we have none, or when the server's ids went backwards.
        match fetch_board(&client, &ep).await {
            Ok(board) => {
                if last_id.is_none_or(|id| board.last_event_id < id) {
                    last_id = Some(board.last_event_id);
                    if tx.send(NetMsg::Snapshot(Box::new(board))).is_err() {
                        return;
                    }
                }
            }
            Err(err) => {
                let (at_once, alive) = lost(err.to_string(), err.moves_on(), &mut round);
                if !alive {
                    return;
                }
                if !at_once {
                    tokio::time::sleep(backoff.next_delay()).await;
                }
                continue;
            }
        }
        let resume = last_id.unwrap_or(0);
        let heard = Heard::new();
        let (server, stream) = match open_events(&client, &ep, resume, heard.clone()).await {
            Ok(s) => s,
            Err(err) => {
                let (at_once, alive) = lost(err.to_string(), err.moves_on(), &mut round);
                if !alive {
                    return;
                }
                if !at_once {
                    tokio::time::sleep(backoff.next_delay()).await;
                }
                continue;
            }
        };
        futures_util::pin_mut!(stream);
        backoff.reset();
        round.connected();
        if tx.send(NetMsg::Online).is_err() {
            return;
        }
        let mut dog = watch::Watchdog::new(heard.now());
        let reason = loop {
            tokio::select! {
                item = tokio::time::timeout(dog.next_check(heard.now()), stream.next()) => match item {
                    Ok(Some(Ok(event))) => {
                        last_id = Some(event.id);
                        if tx.send(NetMsg::Event(Box::new(event))).is_err() {
                            return;
                        }
                    }
                    Ok(Some(Err(err))) => break format!("the event stream broke: {err}"),
                    Ok(None) => break "the server closed the event stream".to_string(),
                    Err(_) => {
                        dog.heard(heard.last());
                        if dog.is_dead(heard.now()) {
                            break format!(
                                "no data from the server for {} s",
                                watch::SILENCE_LIMIT.as_secs()
                            );
                        }
                    }
                },
                cmd = cmds.recv() => match cmd {
                    Some(NetCmd::Reload) => {
                        last_id = None;
                        break String::new();
                    }
                    None => return,
                },
            }
        };
        if !reason.is_empty() {
            // A lost stream is this server's failure: the next one resumes after `last_id`.
            ep.servers.failed(server, &reason);
            let (at_once, alive) = lost(reason, true, &mut round);
            if !alive {
                return;
            }
            if !at_once {
                tokio::time::sleep(backoff.next_delay()).await;
            }
        }
    }
}

/// Failures since the last stream that opened, across the servers: the next server is tried at
/// once while one of the list is left untried; then the board goes offline and the display
/// waits (with one server, every failure is a whole round, as before there were lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Round {
    servers: usize,
    failed: usize,
}

impl Round {
    fn new(servers: usize) -> Round {
        Round { servers, failed: 0 }
    }

    /// A request or stream failed; `moves_on`: on to the next server. Whether to try at once.
    fn failed(&mut self, moves_on: bool) -> bool {
        if moves_on {
            self.failed += 1;
            if self.failed < self.servers {
                return true;
            }
        }
        self.failed = 0;
        false
    }

    fn connected(&mut self) {
        self.failed = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_to_ten_seconds_and_resets() {
        let mut b = Backoff::default();
        let delays: Vec<u64> = (0..7).map(|_| b.next_delay().as_millis() as u64).collect();
        assert_eq!(delays, [500, 1000, 2000, 4000, 8000, 10000, 10000]);
        b.reset();
        assert_eq!(b.next_delay(), Duration::from_millis(500));
    }

    #[test]
    fn urls_ignore_a_trailing_slash_and_follow_the_current_server() {
        let ep = Endpoint {
            servers: Servers::new(
                "http://127.0.0.1:18082/,http://127.0.0.1:18083"
                    .parse()
                    .unwrap(),
            ),
            site: "orio".into(),
            token: "t".into(),
        };
        assert_eq!(
            ep.board_url(),
            (0, "http://127.0.0.1:18082/api/sites/orio/board".to_owned())
        );
        ep.servers.failed(0, "test");
        assert_eq!(
            ep.events_url(),
            (1, "http://127.0.0.1:18083/api/sites/orio/events".to_owned())
        );
    }

    #[test]
    fn each_server_is_tried_at_once_then_the_display_goes_offline() {
        let mut round = Round::new(3);
        assert!(round.failed(true));
        assert!(round.failed(true));
        assert!(!round.failed(true), "all three failed: offline, pause");
        assert!(round.failed(true), "the next round starts again");
        round.connected();
        assert!(round.failed(true));
        // A refusal (e.g. a wrong token) is the same on every server: offline at once.
        assert!(!round.failed(false));
        // One server: every failure is a whole round, as before lists.
        let mut one = Round::new(1);
        assert!(!one.failed(true));
        assert!(!one.failed(true));
    }
}
