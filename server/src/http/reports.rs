//! Supervisor reports and advice: the 日報 of a site, the city's 月報 (read through the
//! store by `crate::reports`, computed by `madoguchi-reports`), counts of work without a ticket, and staffing advice per hour (by
//! `madoguchi-sim`'s Erlang C model). Authorization is decided here; the crates compute.

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::NaiveDate;
use madoguchi_protocol::Role;
use madoguchi_reports::Rendered;
use madoguchi_reports::request::{DailyQuery, ManualCountRequest, MonthlyQuery};
use serde::Deserialize;

use crate::auth::Principal;
use crate::error::{ApiJson, ApiPath, ApiQuery, AppError, AppResult};
use crate::reports::{self, ReportFailure};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/sites/{site}/reports/daily", get(daily))
        .route("/api/reports/monthly", get(monthly))
        .route("/api/sites/{site}/manual-counts", post(manual_count))
        .route("/api/sites/{site}/staffing", get(staffing))
}

fn known_site(state: &AppState, site: &str) -> AppResult<()> {
    match state.config.site(site) {
        Some(_) => Ok(()),
        None => Err(AppError::unknown_site(site)),
    }
}

/// The report as a download (HTML opens in the browser).
fn send(rendered: Rendered) -> Response {
    let disposition = rendered.disposition();
    let mut res = (StatusCode::OK, rendered.bytes).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(rendered.format.content_type()),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

async fn daily(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiQuery(q): ApiQuery<DailyQuery>,
) -> AppResult<Response> {
    known_site(&state, &site)?;
    who.require(&site, &[Role::Supervisor])?;
    let now = state.hub.now();
    reports::daily_for_query(&*state.store, &state.report_config, &site, &q, now)
        .await
        .map(send)
        .map_err(AppError::from)
}

async fn monthly(
    State(state): State<AppState>,
    who: Principal,
    ApiQuery(q): ApiQuery<MonthlyQuery>,
) -> AppResult<Response> {
    // The 月報 is city-wide aggregates only: every site's supervisor and the admin may read it.
    if !matches!(who.role, Role::Supervisor | Role::Admin) {
        return Err(AppError::forbidden(
            "The monthly report is for supervisors and the city's administrator. Sign in with \
             such an account.",
        ));
    }
    let now = state.hub.now();
    reports::monthly_for_query(&*state.store, &state.report_config, &q, now)
        .await
        .map(send)
        .map_err(AppError::from)
}

async fn manual_count(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiJson(req): ApiJson<ManualCountRequest>,
) -> AppResult<Response> {
    known_site(&state, &site)?;
    who.require(&site, &[Role::Staff, Role::Supervisor])?;
    let now = state.hub.now();
    let row = reports::manual_count(&site, &who.actor, &req, now)
        .map_err(|e| AppError::from(ReportFailure::from(e)))?;
    // Counts feed the 月報 the city pays by: who entered what is audited, in the same
    // transaction as the count.
    let audit = crate::store::AuditDraft {
        at: now,
        actor: who.actor.clone(),
        role: who.role,
        site: site.clone(),
        counter: who.counter.clone(),
        action: "manual_count".into(),
        ticket: None,
        detail: format!(
            "date={} kind={} label={} count={}",
            req.date.as_deref().unwrap_or("today"),
            req.kind,
            req.label_ja,
            req.count
        ),
    };
    state
        .hub
        .commit_plain(vec![
            crate::store::Write::ManualCount(row),
            crate::store::Write::Audit(audit),
        ])
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Deserialize)]
struct StaffingQuery {
    /// YYYY-MM-DD; default today (JST).
    date: Option<String>,
}

async fn staffing(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiQuery(q): ApiQuery<StaffingQuery>,
) -> AppResult<Json<madoguchi_sim::Advice>> {
    known_site(&state, &site)?;
    who.require(&site, &[Role::Supervisor])?;
    let date = match q.date.as_deref() {
        None => crate::store::day_of(state.hub.now()),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            AppError::bad_request(format!(
                "\"{text}\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-11."
            ))
        })?,
    };
    match madoguchi_sim::staffing_advice(&state.report_config, &site, date) {
        Ok(advice) => Ok(Json(advice)),
        Err(madoguchi_sim::SimError::ClosedDay { site, date }) => Err(AppError::new(
            StatusCode::CONFLICT,
            "site_closed",
            format!("Site {site} is closed on {date}; choose a working day."),
        )),
        Err(e) => Err(AppError::bad_request(e.to_string())),
    }
}
