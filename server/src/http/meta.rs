//! Public read-only routes: health, the OpenAPI document, sites and the display board.

use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{ACCESS_CONTROL_ALLOW_ORIGIN, HeaderName};
use axum::routing::get;
use axum::{Json, Router};
use madoguchi_protocol::{Board, SiteInfo};
use serde_json::{Value, json};

use crate::error::{ApiPath, AppError, AppResult};
use crate::state::AppState;
use crate::store::Write;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi))
        .route("/api/sites", get(sites))
        .route("/api/sites/{site}", get(site))
        .route("/api/sites/{site}/board", get(board))
        .route("/api/boards", get(boards))
}

/// The truth about this server: the database takes a write through the commit writer (so the
/// writer is alive), and every configured site's state is loaded. 503 with the failing checks
/// otherwise, so a load balancer or monitor stops sending kiosks here. Readable from any
/// origin: a staff console asks a peer server whether it answers before it moves there.
async fn health(
    State(state): State<AppState>,
) -> (StatusCode, [(HeaderName, &'static str); 1], Json<Value>) {
    let write = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        state.hub.commit_plain(vec![Write::Health {
            at: state.hub.now(),
        }]),
    )
    .await;
    let database = matches!(write, Ok(Ok(())));
    let loaded = state.hub.site_ids().count();
    let sites = loaded == state.config.sites.len();
    let ok = database && sites;
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        [(ACCESS_CONTROL_ALLOW_ORIGIN, "*")],
        Json(json!({
            "status": if ok { "ok" } else { "failing" },
            "version": env!("CARGO_PKG_VERSION"),
            "database_writable": database,
            "writer_alive": database,
            "sites_loaded": loaded,
            "sites_configured": state.config.sites.len(),
        })),
    )
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
