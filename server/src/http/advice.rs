//! Live advice for a site (`GET …/advice`: predicted waits per service and the moves that keep
//! them within target, computed by the engine from today's queue and the staffing advice's
//! arrival forecast) and the move it proposes most: a counter's weights for today
//! (`POST …/counters/{counter}/weights`, supervisors only, audited, a `counter_weights` event;
//! `GET` the same path reads them).

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::get;
use axum::{Json, Router};
use chrono::Timelike;
use madoguchi_engine::calendar::to_jst;
use madoguchi_engine::{Command, EngineError};
use madoguchi_protocol::{CounterWeights, LiveAdvice, Role, WeightsRequest};

use crate::auth::Principal;
use crate::error::{ApiJson, ApiPath, AppError, AppResult};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/sites/{site}/advice", get(advice))
        .route(
            "/api/sites/{site}/counters/{counter}/weights",
            get(weights).post(set_weights),
        )
}

/// The forecast visitors per minute of each service over the next hour from `minute` (JST
/// minutes after midnight): the staffing advice's demand; none on a day it cannot forecast.
fn forecast(
    state: &AppState,
    site: &str,
    now: madoguchi_protocol::Timestamp,
) -> BTreeMap<String, f64> {
    let local = to_jst(now);
    let minute = f64::from(local.hour() * 60 + local.minute());
    match madoguchi_sim::plan::Plan::defaults(&state.report_config, site, local.date_naive()) {
        Ok(plan) => madoguchi_sim::staffing::arrivals_per_min(&plan, minute),
        Err(_) => BTreeMap::new(),
    }
}

async fn advice(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
) -> AppResult<Json<LiveAdvice>> {
    if state.config.site(&site).is_none() {
        return Err(AppError::unknown_site(&site));
    }
    who.require(&site, &[Role::Staff, Role::Supervisor])?;
    // A copy, so the site is not held while the model runs (call-next waits for nobody).
    let txn = state.hub.begin(&site).await?;
    let (now, queue) = (txn.now, txn.st.queue.clone());
    txn.commit().await?;
    let rates = forecast(&state, &site, now);
    Ok(Json(queue.live_advice(now, &rates, true)))
}

/// A counter's weights today (the configuration's unless a supervisor changed them).
async fn weights(
    State(state): State<AppState>,
    who: Principal,
    ApiPath((site, counter)): ApiPath<(String, String)>,
) -> AppResult<Json<CounterWeights>> {
    let site_cfg = state
        .config
        .site(&site)
        .ok_or_else(|| AppError::unknown_site(&site))?;
    if site_cfg.counter(&counter).is_none() {
        return Err(EngineError::UnknownCounter(counter).into());
    }
    who.require(&site, &[Role::Staff, Role::Supervisor])?;
    let txn = state.hub.begin(&site).await?;
    let weights = txn.st.queue.weights(&counter).unwrap_or_default();
    txn.commit().await?;
    Ok(Json(CounterWeights { counter, weights }))
}

async fn set_weights(
    State(state): State<AppState>,
    who: Principal,
    ApiPath((site, counter)): ApiPath<(String, String)>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<WeightsRequest>,
) -> AppResult<Json<CounterWeights>> {
    let site_cfg = state
        .config
        .site(&site)
        .ok_or_else(|| AppError::unknown_site(&site))?;
    if site_cfg.counter(&counter).is_none() {
        return Err(EngineError::UnknownCounter(counter).into());
    }
    who.require(&site, &[Role::Supervisor])?;
    // Setting the same weights again changes nothing, so a retried click is harmless; the key
    // is checked like every counter action's.
    super::tickets::idempotency_key(&headers, &format!("{}|{counter}|weights", who.actor))?;
    let mut txn = state.hub.begin(&site).await?;
    let command = Command::SetWeights {
        counter: counter.clone(),
        weights: req.weights.clone(),
    };
    let outcome = txn.apply_keyed(&command, None)?;
    let weights = txn.st.queue.weights(&counter).unwrap_or_default();
    if outcome.event.is_some() {
        let detail = req
            .weights
            .iter()
            .map(|(s, w)| format!("{s}={w}"))
            .collect::<Vec<_>>()
            .join(" ");
        txn.audit(&who, Some(&counter), "weights", None, detail);
    }
    txn.commit().await?;
    Ok(Json(CounterWeights { counter, weights }))
}
