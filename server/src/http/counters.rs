//! Counter actions by staff: call next, recall, start, done, no-show, requeue, skip, cancel,
//! transfer, pause, reopen. Each is one engine command plus one audit row, committed together;
//! calling a ticket whose visitor staff must fetch also raises an `assist_called` alert.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue};
use axum::routing::post;
use axum::{Json, Router};
use madoguchi_engine::{Command, EngineError};
use madoguchi_protocol::{
    ASSIST_CALLED_ALERT, CounterActionRequest, CounterActionResponse, EventBody, TicketId,
    TicketState,
};

use crate::auth::Principal;
use crate::error::{ApiPath, AppError, AppResult};
use crate::state::AppState;
use crate::txn::Txn;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/api/sites/{site}/counters/{counter}/{action}",
        post(action),
    )
}

/// Every action name the route accepts.
pub const ACTIONS: [&str; 11] = [
    "call-next",
    "recall",
    "start",
    "done",
    "no-show",
    "requeue",
    "skip",
    "cancel",
    "transfer",
    "pause",
    "reopen",
];

/// The no-show this counter marked most recently (requeue without a ticket id).
fn last_no_show(txn: &Txn, counter: &str) -> Result<TicketId, EngineError> {
    txn.st
        .queue
        .tickets()
        .iter()
        .filter(|t| t.counter.as_deref() == Some(counter) && t.state == TicketState::NoShow)
        .max_by_key(|t| (t.finished_at, t.id))
        .map(|t| t.id)
        .ok_or_else(|| EngineError::NoCurrentTicket(counter.to_owned()))
}

fn command_for(
    txn: &Txn,
    counter: &str,
    action: &str,
    req: &CounterActionRequest,
) -> AppResult<Command> {
    let c = counter.to_owned();
    let target = |txn: &Txn| -> AppResult<TicketId> {
        match req.ticket {
            Some(id) => Ok(id),
            None => Ok(txn.current_ticket(counter)?),
        }
    };
    Ok(match action {
        "call-next" => Command::CallNext { counter: c },
        "recall" => Command::Recall {
            counter: c,
            ticket: req.ticket,
        },
        "start" => Command::Start { counter: c },
        "done" => Command::Done { counter: c },
        "no-show" => Command::NoShow { counter: c },
        "skip" => Command::Skip { counter: c },
        "pause" => Command::Pause { counter: c },
        "reopen" => Command::Reopen { counter: c },
        "requeue" => Command::Requeue {
            ticket: match req.ticket {
                Some(id) => id,
                None => last_no_show(txn, counter)?,
            },
        },
        "cancel" => Command::Cancel {
            ticket: target(txn)?,
        },
        "transfer" => {
            if req.to_service.is_none() && req.to_counter.is_none() {
                return Err(AppError::bad_request(
                    "A transfer needs \"to_service\" (the queue to join) or \"to_counter\" (the counter that should take it).",
                ));
            }
            Command::Transfer {
                ticket: target(txn)?,
                to_service: req.to_service.clone(),
                to_counter: req.to_counter.clone(),
            }
        }
        other => {
            return Err(AppError::not_found(
                "unknown_action",
                format!(
                    "There is no counter action \"{other}\". Use one of: {}.",
                    ACTIONS.join(", ")
                ),
            ));
        }
    })
}

/// A counter action. With an `Idempotency-Key` (the console sends one per click), a retry of
/// the same click after a timeout or a server restart answers what the first one did instead
/// of calling a second ticket.
async fn action(
    State(state): State<AppState>,
    who: Principal,
    ApiPath((site, counter, action)): ApiPath<(String, String, String)>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<(HeaderMap, Json<CounterActionResponse>)> {
    if body.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000")) || body.contains(&0) {
        return Err(AppError::bad_request(
            "The request contains a NUL character (\\u0000). Remove it and send the request again.",
        ));
    }
    let req: CounterActionRequest = if body.iter().all(u8::is_ascii_whitespace) {
        CounterActionRequest::default()
    } else {
        serde_json::from_slice::<Option<CounterActionRequest>>(&body)
            .map_err(|e| {
                AppError::bad_request(format!(
                    "The request body is not valid ({e}). Send nothing, or JSON like \
                     {{\"ticket\": 12, \"to_service\": \"apply\", \"to_counter\": \"3\"}}."
                ))
            })?
            .unwrap_or_default()
    };
    let site_cfg = state
        .config
        .site(&site)
        .ok_or_else(|| AppError::unknown_site(&site))?;
    if site_cfg.counter(&counter).is_none() {
        return Err(EngineError::UnknownCounter(counter).into());
    }
    who.require_counter(&site, &counter)?;
    // Keys are scoped to who clicked what where: the same key on another action is another click.
    let key =
        super::tickets::idempotency_key(&headers, &format!("{}|{counter}|{action}", who.actor))?;
    let mut txn = state.hub.begin(&site).await?;
    if let Some(id) = key.as_ref().and_then(|k| txn.st.keyed_ticket(k)) {
        let ticket = txn.st.queue.ticket(id).cloned();
        txn.commit().await?;
        let mut replayed = HeaderMap::new();
        replayed.insert("idempotent-replayed", HeaderValue::from_static("true"));
        return Ok((replayed, Json(CounterActionResponse { ticket })));
    }
    let command = command_for(&txn, &counter, &action, &req)?;
    let named = match &command {
        Command::Cancel { ticket }
        | Command::Transfer { ticket, .. }
        | Command::Requeue { ticket }
        | Command::Recall {
            ticket: Some(ticket),
            ..
        } => Some(*ticket),
        _ => None,
    };
    if let Some(id) = named
        && let Some(ticket) = txn.st.queue.ticket(id)
    {
        who.require_ticket(&counter, ticket)?;
    }
    let outcome = txn.apply_keyed(&command, key)?;
    let number = outcome.ticket.as_ref().map(|t| t.number.clone());
    let mut detail = String::new();
    if let Some(EventBody::Called { call, ticket, .. }) = &outcome.event
        && call.staff_to_visitor
    {
        let counter_en = site_cfg.counter(&call.counter).map_or_else(
            || call.counter_name.clone(),
            |c| state.config.counter_info(c).name_en,
        );
        if let Some(id) =
            super::alerts::raise_assist_called(&state, &mut txn, ticket, &counter_en).await?
        {
            detail.push_str(&format!("alert={id} kind={ASSIST_CALLED_ALERT} "));
        }
    }
    if let Some(s) = &req.to_service {
        detail.push_str(&format!("to_service={s} "));
    }
    if let Some(c) = &req.to_counter {
        detail.push_str(&format!("to_counter={c}"));
    }
    txn.audit(
        &who,
        Some(&counter),
        &action,
        number.as_deref(),
        detail.trim().to_owned(),
    );
    txn.commit().await?;
    Ok((
        HeaderMap::new(),
        Json(CounterActionResponse {
            ticket: outcome.ticket,
        }),
    ))
}
