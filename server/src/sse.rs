//! Server-sent events: a site's numbered event stream (displays, staff consoles) with replay
//! from `Last-Event-ID`, and a per-ticket `status` stream for the visitor's status page.
//!
//! A client subscribes to the site's broadcast first, then replays what it missed from the
//! `events` table, then follows live events, skipping ids it already sent; if it falls too far
//! behind the broadcast buffer, it reloads the gap from the table instead of losing events.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use futures_util::Stream;
use futures_util::stream;
use madoguchi_protocol::{Role, SiteEvent, TicketStatus};
use serde::Deserialize;
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;

use crate::AppState;
use crate::auth::Principal;
use crate::error::{ApiPath, ApiQuery, AppResult};
use crate::http::status_of;

/// How often an idle stream sends a `: keepalive` comment.
pub const KEEPALIVE: Duration = Duration::from_secs(15);
/// Events read from the table per replay query.
const REPLAY_PAGE: u32 = 500;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/sites/{site}/events", get(site_events))
        .route("/api/status/{token}/events", get(status_events))
}

#[derive(Debug, Deserialize)]
struct EventsQuery {
    last_event_id: Option<u64>,
}

fn sse_event(event: &SiteEvent) -> Event {
    let data = serde_json::to_string(event).unwrap_or_default();
    Event::default()
        .id(event.id.to_string())
        .event(event.kind())
        .data(data)
}

struct SiteStream {
    state: AppState,
    site: String,
    rx: broadcast::Receiver<Arc<SiteEvent>>,
    last: Option<u64>,
    reload: bool,
    backlog: VecDeque<SiteEvent>,
}

impl SiteStream {
    async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(event) = self.backlog.pop_front() {
                self.last = Some(event.id);
                return Some(sse_event(&event));
            }
            if self.reload {
                let after = self.last.unwrap_or(0);
                match self
                    .state
                    .store
                    .events_after(&self.site, after, REPLAY_PAGE)
                    .await
                {
                    Ok(rows) => {
                        self.reload = rows.len() == REPLAY_PAGE as usize;
                        for (_, json) in rows {
                            match serde_json::from_str::<SiteEvent>(&json) {
                                Ok(e) => self.backlog.push_back(e),
                                Err(err) => {
                                    tracing::warn!(cause = %err, "skipping an unreadable stored event")
                                }
                            }
                        }
                        continue;
                    }
                    Err(err) => {
                        tracing::error!(cause = %err, "SSE replay failed; closing the stream");
                        return None;
                    }
                }
            }
            match self.rx.recv().await {
                Ok(event) => {
                    if self.last.is_some_and(|l| event.id <= l) {
                        continue;
                    }
                    self.last = Some(event.id);
                    return Some(sse_event(&event));
                }
                Err(RecvError::Lagged(_)) => {
                    self.reload = self.last.is_some();
                }
                Err(RecvError::Closed) => return None,
            }
        }
    }
}

async fn site_events(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiQuery(q): ApiQuery<EventsQuery>,
    headers: HeaderMap,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    who.require(&site, &[Role::Display, Role::Staff, Role::Supervisor])?;
    let rx = state.hub.site(&site)?.events.subscribe();
    let last = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .or(q.last_event_id);
    let s = SiteStream {
        state,
        site,
        rx,
        last,
        reload: last.is_some(),
        backlog: VecDeque::new(),
    };
    let stream = stream::unfold(s, |mut s| async move { s.next().await.map(|e| (Ok(e), s)) });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEPALIVE).text("keepalive")))
}

struct StatusStream {
    state: AppState,
    token: String,
    rx: broadcast::Receiver<Arc<SiteEvent>>,
    sent: Option<TicketStatus>,
}

impl StatusStream {
    async fn next(&mut self) -> Option<Event> {
        loop {
            if self.sent.is_some() {
                match self.rx.recv().await {
                    Ok(_) | Err(RecvError::Lagged(_)) => {}
                    Err(RecvError::Closed) => return None,
                }
            }
            let status = match status_of(&self.state, &self.token).await {
                Ok(Some(status)) => status,
                _ => return None,
            };
            if self.sent.as_ref() == Some(&status) {
                continue;
            }
            let data = serde_json::to_string(&status).unwrap_or_default();
            self.sent = Some(status);
            return Some(Event::default().event("status").data(data));
        }
    }
}

async fn status_events(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let status = status_of(&state, &token)
        .await?
        .ok_or_else(crate::http::unknown_status_token)?;
    let rx = state.hub.site(&status.site)?.events.subscribe();
    let s = StatusStream {
        state,
        token,
        rx,
        sent: None,
    };
    let stream = stream::unfold(s, |mut s| async move { s.next().await.map(|e| (Ok(e), s)) });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEPALIVE).text("keepalive")))
}
