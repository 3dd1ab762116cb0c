//! Bookings (交付予約): the reservation system's import or push
//! (`POST /api/sites/{site}/reservations`: a supervisor, or the reservation system's device
//! token, `token create --kind reservations`; audited) and a kiosk's check-in
//! (`POST /api/sites/{site}/check-in`, idempotent), which issues a booked ticket (`R-001`)
//! carrying its slot. The refusals and their codes are the contract in
//! `protocol/src/booking.rs`.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use madoguchi_engine::Command;
use madoguchi_protocol::{Booking, BookingImport, CheckInRequest, IssuedTicket, Role, TicketState};

use super::tickets::{idempotency_key, issued};
use crate::auth::Principal;
use crate::bookings::{check_json, normalise, parse_csv};
use crate::error::{ApiJson, ApiPath, AppError, AppResult};
use crate::state::AppState;
use crate::store::Write;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/sites/{site}/reservations", post(import))
        .route("/api/sites/{site}/check-in", post(check_in))
}

/// Stores a site's bookings from a CSV body (`Content-Type: text/csv`, the reservation
/// system's export; see `docs/bookings.md`) or a JSON list of `Booking`. Personal-data columns
/// are dropped and named; a bad line refuses the whole file with its line and field.
async fn import(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Json<BookingImport>> {
    who.require(&site, &[Role::Supervisor, Role::Reservations])?;
    if state.config.site(&site).is_none() {
        return Err(AppError::unknown_site(&site));
    }
    let csv = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/csv"));
    let mut txn = state.hub.begin(&site).await?;
    let (rows, report) = if csv {
        let text = std::str::from_utf8(&body).map_err(|_| {
            AppError::bad_request(
                "The file is not UTF-8. Save the export as CSV UTF-8 (Excel: \"CSV UTF-8\") and \
                 send it again.",
            )
        })?;
        parse_csv(&state.config, &site, text, &who.actor, txn.now)
    } else {
        let list: Vec<Booking> = serde_json::from_slice(&body).map_err(|e| {
            AppError::bad_request(format!(
                "The body is neither a JSON list of bookings nor CSV (send CSV with \
                 Content-Type: text/csv): {e}"
            ))
        })?;
        check_json(&state.config, &site, &list, &who.actor, txn.now)
    }
    .map_err(|e| AppError::new(StatusCode::BAD_REQUEST, "bad_bookings", e.0))?;
    for row in rows {
        txn.write(Write::Booking(row));
    }
    txn.audit(
        &who,
        None,
        "bookings_import",
        None,
        format!(
            "imported={} ignored=[{}] dropped_personal=[{}]",
            report.imported,
            report.ignored_columns.join(","),
            report.dropped_personal_columns.join(",")
        ),
    );
    txn.commit().await?;
    Ok(Json(report))
}

fn refused(status: StatusCode, code: &str, message: impl Into<String>) -> AppError {
    AppError::new(status, code, message)
}

/// Checks a booking in and issues its ticket. With an `Idempotency-Key`, a repeat answers the
/// same ticket (200, `Idempotent-Replayed: true`).
async fn check_in(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<CheckInRequest>,
) -> AppResult<(StatusCode, HeaderMap, Json<IssuedTicket>)> {
    who.require(&site, &[Role::Kiosk, Role::Staff, Role::Supervisor])?;
    let key = idempotency_key(&headers, &who.actor)?;
    let reference = normalise(&req.reference);
    let booking = if reference.is_empty() {
        None
    } else {
        state.store.booking(&reference).await?
    };
    let mut txn = state.hub.begin(&site).await?;
    if let Some(id) = key.as_ref().and_then(|k| txn.st.keyed_ticket(k)) {
        if txn.st.queue.checked_in(&reference) != Some(id) {
            return Err(AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                "This Idempotency-Key was already used for a different request. Send a new key \
                 for each visitor's attempt and the same key only to retry the same request.",
            ));
        }
        let ticket = txn
            .st
            .queue
            .ticket(id)
            .cloned()
            .ok_or_else(AppError::unavailable)?;
        let token = txn.st.status_token(id).unwrap_or_default().to_string();
        let answer = not_before_call_from(issued(&state, &txn, ticket, token), txn.now);
        txn.commit().await?;
        let mut replayed = HeaderMap::new();
        replayed.insert("idempotent-replayed", HeaderValue::from_static("true"));
        return Ok((StatusCode::OK, replayed, Json(answer)));
    }
    let Some(booking) = booking else {
        return Err(refused(
            StatusCode::NOT_FOUND,
            "booking_unknown",
            "There is no booking with this reference. Check the reference on the booking \
             confirmation, or take a normal ticket.",
        ));
    };
    if booking.site != site {
        let office = state
            .config
            .site(&booking.site)
            .map_or(booking.site.clone(), |s| {
                format!("{} ({})", s.name_ja, s.name_en)
            });
        let mut err = refused(
            StatusCode::CONFLICT,
            "booking_other_site",
            format!(
                "This booking is for another office: {office}. Please go there at the booked \
                 time; here a normal ticket can be taken."
            ),
        );
        err.body.site = Some(booking.site.clone());
        return Err(err);
    }
    // A kiosk that gave up waiting for the answer (or whose printer failed) reported the
    // booked ticket as not printed: the visitor never got it. Checking in again at a kiosk hands
    // over that same ticket (its number, place and slot; nothing new is issued) instead of
    // refusing the visitor as "already used". A ticket printed, or whose print result is
    // unknown, stays refused: its paper may be in someone's hand.
    if who.role == Role::Kiosk {
        let unprinted = txn
            .st
            .queue
            .checked_in(&reference)
            .and_then(|id| txn.st.queue.ticket(id))
            .filter(|t| t.state == TicketState::Waiting && t.printed == Some(false))
            .cloned();
        if let Some(ticket) = unprinted {
            let token = txn
                .st
                .status_token(ticket.id)
                .unwrap_or_default()
                .to_string();
            let answer = not_before_call_from(issued(&state, &txn, ticket, token), txn.now);
            txn.commit().await?;
            let mut again = HeaderMap::new();
            again.insert("idempotent-replayed", HeaderValue::from_static("true"));
            return Ok((StatusCode::OK, again, Json(answer)));
        }
    }
    if let Some(done) = &booking.checked_in {
        return Err(refused(
            StatusCode::CONFLICT,
            "booking_used",
            format!(
                "This booking was already checked in (ticket {}). Keep that ticket; staff at the \
                 reception can help if it is lost.",
                done.number
            ),
        ));
    }
    let kiosk = (who.role == Role::Kiosk).then(|| who.actor.clone());
    let (outcome, token) = txn.issue(key, |id| Command::CheckIn {
        id,
        reference: reference.clone(),
        service: booking.service.clone(),
        lang: req.lang,
        needs: req.needs,
        kiosk,
        slot_start: booking.slot_start,
        slot_end: booking.slot_end,
    })?;
    let ticket = outcome.ticket.ok_or_else(AppError::unavailable)?;
    txn.write(Write::BookingCheckedIn {
        reference,
        ticket_id: ticket.id,
        number: ticket.number.clone(),
        at: txn.now,
    });
    if who.role != Role::Kiosk {
        txn.audit(
            &who,
            None,
            "check_in",
            Some(&ticket.number),
            format!("service={}", ticket.service),
        );
    }
    let answer = not_before_call_from(issued(&state, &txn, ticket, token), txn.now);
    txn.commit().await?;
    Ok((StatusCode::CREATED, HeaderMap::new(), Json(answer)))
}

/// An early check-in is not called before its `call_from`: its estimated wait is at least the
/// minutes until then.
fn not_before_call_from(
    mut answer: IssuedTicket,
    now: madoguchi_protocol::Timestamp,
) -> IssuedTicket {
    if let Some(b) = &answer.ticket.booking {
        let secs = (b.call_from - now).num_seconds().max(0);
        let until = u32::try_from((secs + 59) / 60).unwrap_or(u32::MAX);
        answer.eta_min = answer.eta_min.max(until);
        answer.eta_range.low_min = answer.eta_range.low_min.max(until);
        answer.eta_range.high_min = answer.eta_range.high_min.max(until);
    }
    answer
}
