//! Kiosks that keep issuing through a server outage: numbers lent to a kiosk while online
//! (`POST /api/sites/{site}/leases`) and the upload of the tickets it printed from them while
//! offline (`POST /api/sites/{site}/tickets/offline`), idempotent by `Idempotency-Key`.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use madoguchi_engine::{Command, lease_command};
use madoguchi_protocol::{
    IssuedTicket, LeaseBlock, LeaseGrant, LeaseRequest, OfflineTicketRequest, Role,
};

use crate::auth::Principal;
use crate::error::{ApiJson, ApiPath, AppError, AppResult};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/sites/{site}/leases", post(lease))
        .route("/api/sites/{site}/tickets/offline", post(upload))
}

async fn lease(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiJson(req): ApiJson<LeaseRequest>,
) -> AppResult<Json<LeaseGrant>> {
    who.require(&site, &[Role::Kiosk])?;
    if !(1..=50).contains(&req.size) || req.services.len() > 32 {
        return Err(AppError::bad_request(
            "Ask for 1 to 50 numbers per block and at most 32 services.",
        ));
    }
    let kiosk = who.actor.clone();
    let mut txn = state.hub.begin(&site).await?;
    let mut refused = Vec::new();
    for service in &req.services {
        let unused: usize = txn
            .st
            .queue
            .leases_of(&kiosk)
            .iter()
            .filter(|l| &l.service == service)
            .map(madoguchi_engine::Lease::unused)
            .sum();
        if unused * 2 >= req.size as usize {
            continue;
        }
        match lease_command(&txn.st.queue, service, &kiosk, req.size) {
            Ok(command) => {
                txn.apply(&command)?;
            }
            Err(madoguchi_engine::EngineError::NoLeaseRoom(_)) => refused.push(service.clone()),
            Err(err) => return Err(err.into()),
        }
    }
    let prefix = |service: &str| {
        state
            .config
            .service(service)
            .map(|s| s.prefix.clone())
            .unwrap_or_default()
    };
    let grant = LeaseGrant {
        day: txn.st.day.format("%Y-%m-%d").to_string(),
        leases: txn
            .st
            .queue
            .leases_of(&kiosk)
            .into_iter()
            .map(|l| LeaseBlock {
                prefix: prefix(&l.service),
                service: l.service,
                from: l.from,
                to: l.to,
                used: l.used,
            })
            .collect(),
        refused,
    };
    txn.commit().await?;
    Ok(Json(grant))
}

async fn upload(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<OfflineTicketRequest>,
) -> AppResult<(StatusCode, Json<IssuedTicket>)> {
    who.require(&site, &[Role::Kiosk])?;
    let key = super::tickets::idempotency_key(&headers, &who.actor)?;
    let mut txn = state.hub.begin(&site).await?;
    if let Some(id) = key.as_ref().and_then(|k| txn.st.keyed_ticket(k)) {
        let ticket = txn
            .st
            .queue
            .ticket(id)
            .cloned()
            .ok_or_else(AppError::unavailable)?;
        let token = txn.st.status_token(id).unwrap_or_default().to_string();
        let answer = super::tickets::issued(&state, &txn, ticket, token);
        txn.commit().await?;
        return Ok((StatusCode::OK, Json(answer)));
    }
    let kiosk = who.actor.clone();
    let (outcome, token) = txn.issue(key, |id| Command::IssueOffline {
        id,
        service: req.service.clone(),
        number: req.number,
        lang: req.lang,
        needs: req.needs,
        kiosk,
        issued_at: req.issued_at,
    })?;
    let ticket = outcome.ticket.ok_or_else(AppError::unavailable)?;
    let answer = super::tickets::issued(&state, &txn, ticket, token);
    txn.commit().await?;
    Ok((StatusCode::CREATED, Json(answer)))
}
