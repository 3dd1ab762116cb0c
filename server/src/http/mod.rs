//! The JSON API routes, one file per area (`handover`: moving a console to a peer server); `routes()` merges them (the event streams are in
//! `sse` and merged by `router()`, outside the request timeout).

mod advice;
mod alerts;
mod bookings;
mod counters;
mod handover;
mod leases;
mod meta;
mod reports;
mod session;
mod tickets;

pub use handover::{PASS_SECS, parse_peer};
pub use tickets::{status_for, status_of, unknown_status_token};

use axum::Router;
use axum::http::StatusCode;

use crate::error::AppError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(meta::routes())
        .merge(tickets::routes())
        .merge(leases::routes())
        .merge(counters::routes())
        .merge(advice::routes())
        .merge(alerts::routes())
        .merge(session::routes())
        .merge(handover::routes())
        .merge(reports::routes())
        .merge(bookings::routes())
}

/// Unknown route: a JSON 404.
pub async fn not_found(uri: axum::http::Uri) -> AppError {
    AppError::not_found(
        "not_found",
        format!(
            "There is no page or API route at {}. The API is listed at /api/openapi.json.",
            uri.path()
        ),
    )
}

pub async fn method_not_allowed() -> AppError {
    AppError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "This route does not accept this HTTP method. See /api/openapi.json.",
    )
}
