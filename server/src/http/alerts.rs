//! Kiosk assistance requests, guided visits, staff alerts (also the one raised when a visitor
//! staff must fetch is called), the display notice line (by a supervisor) and the audit log
//! (read by supervisors).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use madoguchi_protocol::{
    ASSIST_CALLED_ALERT, Alert, AssistRequest, AuditEntry, DISPLAY_SOUND_ALERT,
    DisplayAlertRequest, EventBody, GuidedRequest, NoticeRequest, Role, Ticket,
};
use serde::Deserialize;

use crate::auth::Principal;
use crate::error::{ApiJson, ApiPath, ApiQuery, AppError, AppResult};
use crate::state::AppState;
use crate::store::{AlertRow, Write};
use crate::txn::Txn;

/// Longest notice line a display shows.
const MAX_NOTICE_CHARS: usize = 200;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/sites/{site}/assist", post(assist))
        .route("/api/sites/{site}/guided", post(guided))
        .route("/api/sites/{site}/display-alerts", post(display_alert))
        .route("/api/sites/{site}/alerts", get(alerts))
        .route("/api/alerts/{id}/ack", post(ack))
        .route("/api/sites/{site}/notice", put(notice))
        .route("/api/sites/{site}/audit", get(audit))
}

fn to_alert(row: AlertRow, ticket: Option<madoguchi_protocol::Ticket>) -> Alert {
    Alert {
        id: row.id,
        site: row.site,
        at: row.at,
        kind: row.kind,
        kiosk: row.kiosk,
        ticket,
        lang: row.lang,
        detail: row.detail,
        acknowledged_by: row.acknowledged_by,
    }
}

async fn assist(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiJson(req): ApiJson<AssistRequest>,
) -> AppResult<(StatusCode, Json<Alert>)> {
    who.require(&site, &[Role::Kiosk])?;
    let mut txn = state.hub.begin(&site).await?;
    let row = AlertRow {
        id: state.hub.new_alert_id()?,
        site: site.clone(),
        at: txn.now,
        kind: "assist".into(),
        kiosk: Some(who.actor.clone()),
        ticket_id: None,
        lang: Some(req.lang),
        detail: String::new(),
        acknowledged_by: None,
    };
    txn.write(Write::Alert(row.clone()));
    txn.event(EventBody::AssistRequested {
        alert_id: row.id,
        kiosk: who.actor.clone(),
        lang: req.lang,
    });
    txn.commit().await?;
    Ok((StatusCode::CREATED, Json(to_alert(row, None))))
}

/// A ticket whose visitor staff go and fetch (the braille-signature form) was called or
/// recalled to `counter_en`: an `assist_called` alert for the site's staff, written in the same
/// transaction as the call. The `called` event makes every console reload its alerts, so no
/// event of its own is sent. While an alert for the same ticket and counter is still open, a
/// recall adds none. Answers the new alert's id.
pub(crate) async fn raise_assist_called(
    state: &AppState,
    txn: &mut Txn,
    ticket: &Ticket,
    counter_en: &str,
) -> AppResult<Option<i64>> {
    let detail = format!(
        "{} (braille-signature form): go to the visitor in the waiting area and bring them to {counter_en}.",
        ticket.number
    );
    let open = state.store.open_alerts(&ticket.site).await?;
    if open.iter().any(|a| {
        a.kind == ASSIST_CALLED_ALERT && a.ticket_id == Some(ticket.id) && a.detail == detail
    }) {
        return Ok(None);
    }
    let id = state.hub.new_alert_id()?;
    txn.write(Write::Alert(AlertRow {
        id,
        site: ticket.site.clone(),
        at: txn.now,
        kind: ASSIST_CALLED_ALERT.into(),
        kiosk: None,
        ticket_id: Some(ticket.id),
        lang: Some(ticket.lang),
        detail,
        acknowledged_by: None,
    }));
    Ok(Some(id))
}

/// Longest detail a display may send with an alert.
const MAX_DISPLAY_DETAIL_CHARS: usize = 1000;

/// A display tells staff about a problem of its own (its sound fails), for its own site only.
async fn display_alert(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiJson(req): ApiJson<DisplayAlertRequest>,
) -> AppResult<(StatusCode, Json<Alert>)> {
    who.require(&site, &[Role::Display])?;
    if req.kind != DISPLAY_SOUND_ALERT {
        return Err(AppError::bad_request(format!(
            "\"kind\" must be \"{DISPLAY_SOUND_ALERT}\", the one alert a display raises."
        )));
    }
    let detail = req.detail.trim().to_owned();
    if detail.is_empty() || detail.chars().count() > MAX_DISPLAY_DETAIL_CHARS {
        return Err(AppError::bad_request(format!(
            "\"detail\" must say what fails in under {MAX_DISPLAY_DETAIL_CHARS} characters."
        )));
    }
    let mut txn = state.hub.begin(&site).await?;
    let row = AlertRow {
        id: state.hub.new_alert_id()?,
        site: site.clone(),
        at: txn.now,
        kind: req.kind.clone(),
        kiosk: Some(who.actor.clone()),
        ticket_id: None,
        lang: None,
        detail: detail.clone(),
        acknowledged_by: None,
    };
    txn.write(Write::Alert(row.clone()));
    txn.event(EventBody::DisplayAlert {
        alert_id: row.id,
        kind: req.kind,
        detail,
    });
    txn.commit().await?;
    Ok((StatusCode::CREATED, Json(to_alert(row, None))))
}

async fn guided(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiJson(req): ApiJson<GuidedRequest>,
) -> AppResult<StatusCode> {
    who.require(&site, &[Role::Kiosk])?;
    if req.reason.trim().is_empty() || req.reason.len() > 64 {
        return Err(AppError::bad_request(
            "\"reason\" must be the triage outcome's id, e.g. \"not_resident\".",
        ));
    }
    let mut txn = state.hub.begin(&site).await?;
    let at = txn.now;
    txn.write(Write::Guided {
        site: site.clone(),
        at,
        kiosk: who.actor.clone(),
        reason: req.reason,
        lang: req.lang,
    });
    txn.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn alerts(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
) -> AppResult<Json<Vec<Alert>>> {
    who.require(&site, &[Role::Staff, Role::Supervisor])?;
    state.hub.site(&site)?;
    let rows = state.store.open_alerts(&site).await?;
    let txn = state.hub.begin(&site).await?;
    let list = rows
        .into_iter()
        .map(|row| {
            let ticket = row
                .ticket_id
                .and_then(|id| txn.st.queue.ticket(id).cloned());
            to_alert(row, ticket)
        })
        .collect();
    txn.commit().await?;
    Ok(Json(list))
}

async fn ack(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<StatusCode> {
    let row = state.store.alert(id).await?.ok_or_else(|| {
        AppError::not_found(
            "unknown_alert",
            format!("There is no alert {id}. Reload the alert list."),
        )
    })?;
    who.require(&row.site, &[Role::Staff, Role::Supervisor])?;
    if row.acknowledged_by.is_some() {
        return Ok(StatusCode::NO_CONTENT);
    }
    let mut txn = state.hub.begin(&row.site).await?;
    let at = txn.now;
    txn.write(Write::AlertAck {
        id,
        by: who.actor.clone(),
        at,
    });
    txn.event(EventBody::AlertAcknowledged {
        alert_id: id,
        by: who.actor.clone(),
    });
    txn.audit(
        &who,
        None,
        "ack_alert",
        None,
        format!("alert={id} kind={}", row.kind),
    );
    txn.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn notice(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiJson(req): ApiJson<NoticeRequest>,
) -> AppResult<StatusCode> {
    who.require(&site, &[Role::Supervisor])?;
    let text = req.text.trim().to_owned();
    if text.chars().count() > MAX_NOTICE_CHARS {
        return Err(AppError::bad_request(format!(
            "The notice is too long for the display; keep it under {MAX_NOTICE_CHARS} characters."
        )));
    }
    let mut txn = state.hub.begin(&site).await?;
    let at = txn.now;
    txn.write(Write::Notice {
        site: site.clone(),
        text: text.clone(),
        at,
        by: who.actor.clone(),
    });
    txn.set_notice(text.clone());
    txn.event(EventBody::Notice { text: text.clone() });
    txn.audit(&who, None, "notice", None, text);
    txn.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize)]
struct AuditQuery {
    limit: Option<u32>,
}

async fn audit(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> AppResult<Json<Vec<AuditEntry>>> {
    who.require(&site, &[Role::Supervisor])?;
    state.hub.site(&site)?;
    let limit = q.limit.unwrap_or(100).clamp(1, 1000);
    Ok(Json(state.store.audit(&site, limit).await?))
}
