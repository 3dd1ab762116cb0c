//! Tickets: issue (kiosk or staff by hand), today's list for staff, the public status by
//! token, print results from kiosks and reprints by staff.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use madoguchi_engine::{Command, EngineError, IdempotencyKey};
use madoguchi_protocol::{
    IssueTicketRequest, IssuedTicket, PrintResult, Role, Ticket, TicketId, TicketState,
    TicketStatus, WaitRange,
};
use serde::Deserialize;

use crate::auth::Principal;
use crate::error::{ApiJson, ApiPath, ApiQuery, AppError, AppResult};
use crate::state::AppState;
use crate::store::{AlertRow, StoredTicket, Write};
use crate::txn::Txn;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/sites/{site}/tickets", post(issue).get(list))
        .route("/api/status/{token}", get(status))
        .route("/api/status/{token}/qr.svg", get(status_qr))
        .route("/api/tickets/{id}/print-result", post(print_result))
        .route("/api/tickets/{id}/reprint", post(reprint))
}

pub(super) fn issued(state: &AppState, txn: &Txn, ticket: Ticket, token: String) -> IssuedTicket {
    let (people_ahead, eta_min) = txn.st.queue.position(ticket.id, txn.now).unwrap_or((0, 0));
    let eta_range = txn
        .st
        .queue
        .wait_range(&ticket.service, people_ahead, eta_min);
    IssuedTicket {
        status_url: format!("{}/s/{}", state.public_url, token),
        status_token: token,
        ticket,
        people_ahead,
        eta_min,
        eta_range,
    }
}

/// The `Idempotency-Key` header (IETF httpapi draft), if any: 1–255 visible ASCII characters.
pub(super) fn idempotency_key(headers: &HeaderMap, by: &str) -> AppResult<Option<IdempotencyKey>> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = value
        .to_str()
        .ok()
        .map(|k| k.trim().trim_matches('"'))
        .filter(|k| (1..=255).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()))
        .ok_or_else(|| {
            AppError::bad_request(
                "The Idempotency-Key header must be 1 to 255 visible ASCII characters, e.g. a UUID \
                 made once per visitor's attempt.",
            )
        })?;
    Ok(Some(IdempotencyKey {
        by: by.to_string(),
        key: key.to_string(),
    }))
}

/// Issues a ticket. With an `Idempotency-Key`, a repeat of the same request (a retry after a
/// timeout, also after a server restart) answers the ticket the first one got, with
/// `Idempotent-Replayed: true` and 200 instead of 201, and creates nothing.
async fn issue(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<IssueTicketRequest>,
) -> AppResult<(StatusCode, HeaderMap, Json<IssuedTicket>)> {
    who.require(&site, &[Role::Kiosk, Role::Staff, Role::Supervisor])?;
    let key = idempotency_key(&headers, &who.actor)?;
    let kiosk = (who.role == Role::Kiosk).then(|| who.actor.clone());
    let mut txn = state.hub.begin(&site).await?;
    if let Some(id) = key.as_ref().and_then(|k| txn.st.keyed_ticket(k)) {
        let ticket = txn
            .st
            .queue
            .ticket(id)
            .cloned()
            .ok_or_else(AppError::unavailable)?;
        if ticket.service != req.service || ticket.lang != req.lang || ticket.needs != req.needs {
            return Err(AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                "This Idempotency-Key was already used for a different ticket request. Send a new \
                 key for each visitor's attempt and the same key only to retry the same request.",
            ));
        }
        let token = txn.st.status_token(id).unwrap_or_default().to_string();
        let answer = issued(&state, &txn, ticket, token);
        txn.commit().await?;
        let mut replayed = HeaderMap::new();
        replayed.insert("idempotent-replayed", HeaderValue::from_static("true"));
        return Ok((StatusCode::OK, replayed, Json(answer)));
    }
    let (outcome, token) = txn.issue(key, |id| Command::Issue {
        id,
        service: req.service.clone(),
        lang: req.lang,
        needs: req.needs,
        kiosk,
    })?;
    let ticket = outcome.ticket.ok_or_else(AppError::unavailable)?;
    if who.role != Role::Kiosk {
        txn.audit(
            &who,
            None,
            "issue",
            Some(&ticket.number),
            format!("service={}", ticket.service),
        );
    }
    let answer = issued(&state, &txn, ticket, token);
    txn.commit().await?;
    Ok((StatusCode::CREATED, HeaderMap::new(), Json(answer)))
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    state: Option<TicketState>,
}

async fn list(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> AppResult<Json<Vec<Ticket>>> {
    who.require(&site, &[Role::Staff, Role::Supervisor])?;
    let txn = state.hub.begin(&site).await?;
    let tickets = txn
        .st
        .queue
        .tickets()
        .iter()
        .filter(|t| q.state.is_none_or(|s| t.state == s))
        .cloned()
        .collect();
    txn.commit().await?;
    Ok(Json(tickets))
}

/// The public status of the ticket behind `token`, or `None` when no ticket has it.
pub async fn status_of(state: &AppState, token: &str) -> AppResult<Option<TicketStatus>> {
    let Some(stored) = state.store.ticket_by_token(token).await? else {
        return Ok(None);
    };
    status_for(state, &stored).await.map(Some)
}

/// The status of a ticket already found in the store, from the site's state in memory (no
/// database read): what an open status stream recomputes when an event touches the ticket.
pub async fn status_for(state: &AppState, stored: &StoredTicket) -> AppResult<TicketStatus> {
    let site_id = stored.ticket.site.clone();
    let txn = state.hub.begin(&site_id).await?;
    let (ticket, (people_ahead, eta_min)) = match txn.st.queue.ticket(stored.ticket.id) {
        Some(t) if txn.st.day == stored.day => (
            t.clone(),
            txn.st.queue.position(t.id, txn.now).unwrap_or((0, 0)),
        ),
        // An earlier day's ticket still open in memory's eyes was closed at the day change.
        _ if txn.st.day > stored.day && !stored.ticket.state.is_terminal() => (
            madoguchi_protocol::Ticket {
                state: TicketState::Expired,
                ..stored.ticket.clone()
            },
            (0, 0),
        ),
        _ => (stored.ticket.clone(), (0, 0)),
    };
    let eta_range = txn
        .st
        .queue
        .wait_range(&ticket.service, people_ahead, eta_min);
    txn.commit().await?;
    let site = state.config.site(&site_id);
    let service = state.config.service(&ticket.service);
    let counter_name = ticket
        .counter
        .as_deref()
        .and_then(|c| site.and_then(|s| s.counter(c)))
        .map(|c| state.config.counter_label(c).name_ja());
    let waiting = ticket.state == TicketState::Waiting;
    Ok(TicketStatus {
        number: ticket.number,
        site: site_id,
        site_name: site.map(|s| s.name_ja.clone()).unwrap_or_default(),
        service_name_key: service.map(|s| s.name_key.clone()).unwrap_or_default(),
        service_name_ja: service.map(|s| s.name_ja.clone()).unwrap_or_default(),
        service: ticket.service,
        lang: ticket.lang,
        state: ticket.state,
        people_ahead: if waiting { people_ahead } else { 0 },
        eta_min: if waiting { eta_min } else { 0 },
        eta_range: if waiting {
            eta_range
        } else {
            WaitRange::default()
        },
        counter: ticket.counter,
        counter_name,
        issued_at: ticket.issued_at,
        called_at: ticket.called_at,
    })
}

pub fn unknown_status_token() -> AppError {
    AppError::not_found(
        "unknown_ticket",
        "No ticket has this status link. Check that the whole link was copied from the ticket.",
    )
}

async fn status(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
) -> AppResult<Json<TicketStatus>> {
    status_of(&state, &token)
        .await?
        .map(Json)
        .ok_or_else(unknown_status_token)
}

/// The site a ticket-only route acts on: the caller's own site, or for an admin, where the
/// ticket is today.
async fn ticket_site(state: &AppState, who: &Principal, id: TicketId) -> AppResult<String> {
    match &who.site {
        Some(site) => Ok(site.clone()),
        None => state
            .hub
            .find_ticket_site(id)
            .await
            .ok_or_else(|| EngineError::UnknownTicket(id).into()),
    }
}

async fn print_result(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(id): ApiPath<TicketId>,
    ApiJson(req): ApiJson<PrintResult>,
) -> AppResult<StatusCode> {
    let site = ticket_site(&state, &who, id).await?;
    who.require(&site, &[Role::Kiosk])?;
    if req.reason.chars().count() > 200 {
        return Err(AppError::bad_request(
            "Keep the print failure reason under 200 characters.",
        ));
    }
    let mut txn = state.hub.begin(&site).await?;
    // A kiosk reports only on the tickets it printed itself.
    if txn.st.queue.ticket(id).and_then(|t| t.kiosk.as_deref()) != Some(who.actor.as_str()) {
        return Err(AppError::forbidden(format!(
            "Ticket {id} was not issued by this kiosk ({}); a kiosk reports print results only for its own tickets.",
            who.actor
        )));
    }
    let outcome = txn.apply(&Command::MarkPrinted {
        ticket: id,
        printed: req.printed,
    })?;
    if !req.printed {
        let alert_id = state.hub.new_alert_id()?;
        let reason = if req.reason.trim().is_empty() {
            "not printed".to_owned()
        } else {
            req.reason.clone()
        };
        txn.write(Write::Alert(AlertRow {
            id: alert_id,
            site: site.clone(),
            at: txn.now,
            kind: "print_failed".into(),
            kiosk: Some(who.actor.clone()),
            ticket_id: Some(id),
            lang: outcome.ticket.as_ref().map(|t| t.lang),
            detail: reason.clone(),
            acknowledged_by: None,
        }));
        if let Some(ticket) = outcome.ticket {
            txn.event(madoguchi_protocol::EventBody::PrintFailed {
                alert_id,
                ticket,
                reason,
            });
        }
    }
    // Printed, with a warning from the printer (paper near end): one open alert per kiosk, so
    // staff change the roll before it runs out, without an alert for every visitor.
    if req.printed && !req.reason.trim().is_empty() {
        let open = state.store.open_alerts(&site).await?;
        let already = open
            .iter()
            .any(|a| a.kind == PRINTER_WARNING && a.kiosk.as_deref() == Some(who.actor.as_str()));
        if !already {
            let alert_id = state.hub.new_alert_id()?;
            txn.write(Write::Alert(AlertRow {
                id: alert_id,
                site: site.clone(),
                at: txn.now,
                kind: PRINTER_WARNING.into(),
                kiosk: Some(who.actor.clone()),
                ticket_id: None,
                lang: None,
                detail: req.reason.clone(),
                acknowledged_by: None,
            }));
            txn.event(madoguchi_protocol::EventBody::DisplayAlert {
                alert_id,
                kind: PRINTER_WARNING.into(),
                detail: format!("{}: {}", who.actor, req.reason),
            });
        }
    }
    txn.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The alert kind of a printer that printed but warned (paper near end).
pub const PRINTER_WARNING: &str = "printer_warning";

async fn reprint(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(id): ApiPath<TicketId>,
) -> AppResult<Json<IssuedTicket>> {
    let site = ticket_site(&state, &who, id).await?;
    who.require(&site, &[Role::Staff, Role::Supervisor])?;
    let mut txn = state.hub.begin(&site).await?;
    let ticket = txn
        .st
        .queue
        .ticket(id)
        .cloned()
        .ok_or(EngineError::UnknownTicket(id))?;
    let token = txn
        .st
        .status_token(id)
        .map(str::to_owned)
        .ok_or(EngineError::UnknownTicket(id))?;
    txn.audit(&who, None, "reprint", Some(&ticket.number), String::new());
    let answer = issued(&state, &txn, ticket, token);
    txn.commit().await?;
    Ok(Json(answer))
}

/// The status link as an SVG QR code, for slips printed by staff (reprints, hand issues).
async fn status_qr(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
) -> AppResult<axum::response::Response> {
    use axum::response::IntoResponse;
    if state.store.ticket_by_token(&token).await?.is_none() {
        return Err(unknown_status_token());
    }
    let url = format!("{}/s/{}", state.public_url, token);
    let code = qrcode::QrCode::new(url.as_bytes()).map_err(|e| {
        AppError::bad_request(format!("The link cannot be drawn as a QR code: {e}"))
    })?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .build();
    Ok(([(axum::http::header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}
