//! The madoguchi queue server as a library: storage, authentication, the HTTP API, SSE and
//! the embedded web pages. `main.rs` only parses the command line and calls into here.

pub mod access;
pub mod accounts;
pub mod auth;
pub mod bench;
pub mod bookings;
pub mod caps;
pub mod cli;
pub mod clock;
pub mod error;
mod follow;
pub mod http;
pub mod hub;
mod ids;
pub mod login_guard;
pub mod migrate_db;
pub mod openapi;
mod outbox;
pub mod reports;
mod retry;
pub mod serve;
pub mod sse;
mod state;
pub mod store;
pub mod timing;
mod txn;
pub mod web;
mod writer;

use std::future::Future;

use tokio::net::TcpListener;

pub use crate::state::AppState;

/// Every route of the server: answers time out after `limits.request`, event streams do not;
/// every response carries the security headers.
pub fn router(state: AppState) -> axum::Router {
    let limits = state.limits;
    let shared = state.store.shared().is_some();
    let mut answers = http::routes()
        .merge(web::routes())
        .fallback(http::not_found)
        .method_not_allowed_fallback(http::method_not_allowed)
        .with_state(state.clone());
    if shared {
        answers = answers.layer(axum::middleware::from_fn(retry::again_if_overtaken));
    }
    let streams = sse::routes().with_state(state);
    serve::with_security_headers(serve::with_request_timeout(answers, limits).merge(streams))
}

/// Serves `router(state)` on `listener` until `shutdown` resolves (see `serve` for the limits).
pub async fn run(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = state.limits;
    serve::serve(listener, router(state), limits, shutdown).await
}

/// Makes every day of every site open from 00:00 to 23:59 (`--open-all-hours`, the benchmark):
/// no weekly closed days, holidays, year-end closure or special days.
pub fn open_all_hours(config: &mut madoguchi_engine::Config, around: chrono::NaiveDate) {
    let all = Some("00:00-23:59".to_owned());
    for week in [&mut config.hours.ward, &mut config.hours.branch] {
        week.mon = all.clone();
        week.tue = all.clone();
        week.wed = all.clone();
        week.thu = all.clone();
        week.fri = all.clone();
        week.sat = all.clone();
        week.sun = all.clone();
    }
    config.annual_closures.clear();
    config.special_days.clear();
    let start = around - chrono::Duration::days(30);
    config.holiday_overrides = (0..800)
        .map(|d| madoguchi_engine::config::HolidayOverride {
            date: (start + chrono::Duration::days(d))
                .format("%Y-%m-%d")
                .to_string(),
            holiday: false,
            name: "open-all-hours".into(),
        })
        .collect();
}
