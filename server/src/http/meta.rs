//! Public read-only routes: health, the OpenAPI document, sites and the display board.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use madoguchi_protocol::{Board, SiteInfo};
use serde_json::{Value, json};

use crate::AppState;
use crate::error::{ApiPath, AppError, AppResult};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi))
        .route("/api/sites", get(sites))
        .route("/api/sites/{site}", get(site))
        .route("/api/sites/{site}/board", get(board))
        .route("/api/boards", get(boards))
}

async fn health() -> Json<Value> {
    Json(json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

async fn openapi() -> Json<Value> {
    Json(crate::openapi::document())
}

async fn sites(State(state): State<AppState>) -> Json<Vec<SiteInfo>> {
    Json(
        state
            .config
            .site_ids()
            .iter()
            .filter_map(|id| state.config.site_info(id))
            .collect(),
    )
}

async fn site(
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
) -> AppResult<Json<SiteInfo>> {
    state
        .config
        .site_info(&site)
        .map(Json)
        .ok_or_else(|| AppError::unknown_site(&site))
}

async fn board(
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
) -> AppResult<Json<Board>> {
    Ok(Json(state.hub.durable_board(&site).await?))
}

/// Every site's board in one answer (the city-wide congestion page).
async fn boards(State(state): State<AppState>) -> AppResult<Json<Vec<Board>>> {
    let mut all = Vec::new();
    for id in state.config.site_ids() {
        let txn = state.hub.begin(&id).await?;
        all.push(
            txn.st
                .queue
                .board(txn.now, &txn.st.notice, txn.st.last_event_id()),
        );
        txn.commit().await?;
    }
    Ok(Json(all))
}
