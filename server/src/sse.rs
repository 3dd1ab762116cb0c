//! Server-sent events: a site's numbered event stream (displays, staff consoles) with replay
//! from `Last-Event-ID`, and a per-ticket `status` stream for the visitor's status page.
//!
//! A client subscribes to the site's broadcast first, then replays what it missed from the
//! `events` table (today's only: an older `Last-Event-ID` gets a reload hint), then follows
//! live events, skipping ids it already sent; if it falls too far behind the broadcast buffer,
//! it reloads the gap from the table instead of losing events. A status stream recomputes the
//! ticket's status from memory, and only on events that can change it. Every stream holds a
//! place under the caps of `caps`.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use axum::{Extension, Router};
use futures_util::Stream;
use futures_util::stream;
use madoguchi_protocol::{Role, SiteEvent, Ticket, TicketStatus};
use serde::Deserialize;
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;

use crate::auth::Principal;
use crate::caps::Slot;
use crate::error::{ApiPath, ApiQuery, AppError, AppResult};
use crate::http::status_for;
use crate::state::AppState;
use crate::store::StoredTicket;

/// How often an idle stream sends a `: keepalive` comment. Displays declare a stream dead
/// after 12 s of silence (two missed keep-alives) to show "offline" within 20 s
/// (`display/src/net/watch.rs`).
pub const KEEPALIVE: Duration = Duration::from_secs(5);
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
    /// The stream's place under the caps, given back when the stream ends.
    _slot: Slot,
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
    Extension(ConnectInfo(remote)): Extension<ConnectInfo<SocketAddr>>,
    ApiPath(site): ApiPath<String>,
    ApiQuery(q): ApiQuery<EventsQuery>,
    headers: HeaderMap,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    who.require(&site, &[Role::Display, Role::Staff, Role::Supervisor])?;
    let slot = state
        .streams
        .take(&site, remote.ip(), None)
        .map_err(too_many_streams)?;
    let hub_site = state.hub.site(&site)?;
    let rx = hub_site.events.subscribe();
    // Without Last-Event-ID the stream starts at what is durable now: a lag before the first
    // event then reloads the gap from the table instead of dropping it.
    let now_id = *hub_site.durable.borrow();
    let asked = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .or(q.last_event_id);
    let mut backlog = VecDeque::new();
    let last = match asked {
        Some(l) if l < now_id && !replays_today(&state, &site, l).await => {
            // Older than today (e.g. `Last-Event-ID: 0`): no replay of past days, a reload hint.
            backlog.push_back(SiteEvent {
                id: now_id,
                site: site.clone(),
                at: state.hub.now(),
                body: madoguchi_protocol::EventBody::DayChanged,
            });
            now_id
        }
        Some(l) => l,
        None => now_id,
    };
    let s = SiteStream {
        state,
        site,
        rx,
        last: Some(last),
        reload: last < now_id,
        backlog,
        _slot: slot,
    };
    let stream = stream::unfold(s, |mut s| async move { s.next().await.map(|e| (Ok(e), s)) });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEPALIVE).text("keepalive")))
}

/// Whether the event after `last` is from today (JST): only today's events are replayed.
async fn replays_today(state: &AppState, site: &str, last: u64) -> bool {
    let today = crate::store::day_of(state.hub.now());
    match state.store.events_after(site, last, 1).await {
        Ok(rows) => rows.first().is_none_or(|(_, json)| {
            serde_json::from_str::<SiteEvent>(json)
                .is_ok_and(|e| crate::store::day_of(e.at) >= today)
        }),
        Err(_) => false,
    }
}

fn too_many_streams(what: &'static str) -> AppError {
    AppError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_streams",
        format!("Too many live updates are open for {what}. Close other tabs or try again later."),
    )
}

struct StatusStream {
    state: AppState,
    stored: StoredTicket,
    rx: broadcast::Receiver<Arc<SiteEvent>>,
    sent: Option<TicketStatus>,
    _slot: Slot,
}

/// Whether `event` can change the status of `ticket` (its own change, a move in its queue,
/// a counter opening or pausing, the day changing). Others are not computed at all.
fn touches(event: &SiteEvent, ticket: &Ticket) -> bool {
    use madoguchi_protocol::EventBody as B;
    match &event.body {
        B::Issued { ticket: t, .. }
        | B::Called { ticket: t, .. }
        | B::Started { ticket: t }
        | B::Done { ticket: t, .. }
        | B::NoShow { ticket: t, .. }
        | B::Requeued { ticket: t, .. }
        | B::Cancelled { ticket: t, .. } => t.id == ticket.id || t.service == ticket.service,
        B::Transferred {
            ticket: t,
            from_service,
            ..
        } => t.id == ticket.id || t.service == ticket.service || *from_service == ticket.service,
        B::CounterPaused { .. }
        | B::CounterOpened { .. }
        | B::CounterWeights { .. }
        | B::DayChanged => true,
        B::Notice { .. }
        | B::AssistRequested { .. }
        | B::PrintFailed { .. }
        | B::AlertAcknowledged { .. }
        | B::DisplayAlert { .. } => false,
    }
}

impl StatusStream {
    async fn next(&mut self) -> Option<Event> {
        loop {
            if self.sent.is_some() {
                match self.rx.recv().await {
                    Ok(event) if !touches(&event, &self.stored.ticket) => continue,
                    Ok(_) | Err(RecvError::Lagged(_)) => {}
                    Err(RecvError::Closed) => return None,
                }
            }
            let Ok(status) = status_for(&self.state, &self.stored).await else {
                return None;
            };
            if self.sent.as_ref() == Some(&status) {
                continue;
            }
            // Follow the ticket's service after a transfer.
            self.stored.ticket.service = status.service.clone();
            let data = serde_json::to_string(&status).unwrap_or_default();
            self.sent = Some(status);
            return Some(Event::default().event("status").data(data));
        }
    }
}

async fn status_events(
    State(state): State<AppState>,
    Extension(ConnectInfo(remote)): Extension<ConnectInfo<SocketAddr>>,
    ApiPath(token): ApiPath<String>,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let stored = state
        .store
        .ticket_by_token(&token)
        .await?
        .ok_or_else(crate::http::unknown_status_token)?;
    let slot = state
        .streams
        .take(&stored.ticket.site, remote.ip(), Some(&token))
        .map_err(too_many_streams)?;
    let rx = state.hub.site(&stored.ticket.site)?.events.subscribe();
    let s = StatusStream {
        state,
        stored,
        rx,
        sent: None,
        _slot: slot,
    };
    let stream = stream::unfold(s, |mut s| async move { s.next().await.map(|e| (Ok(e), s)) });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEPALIVE).text("keepalive")))
}
