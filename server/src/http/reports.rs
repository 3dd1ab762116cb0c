//! Supervisor reports and advice: the 日報 of a site, the city's 月報 (both by
//! `madoguchi-reports`), counts of work without a ticket, and staffing advice per hour (by
//! `madoguchi-sim`'s Erlang C model). Authorization is decided here; the crates compute.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::NaiveDate;
use madoguchi_protocol::Role;
use madoguchi_reports::api::{self as reports, DailyQuery, ManualCountRequest, MonthlyQuery};
use serde::Deserialize;

use crate::AppState;
use crate::auth::Principal;
use crate::error::{ApiJson, ApiPath, ApiQuery, AppError, AppResult};

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

fn reports_of(state: &AppState) -> AppResult<&crate::Reports> {
    state.reports.as_deref().ok_or_else(|| {
        AppError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "reports_unavailable",
            "Reports need the SQLite database; this server runs without it.",
        )
    })
}

async fn daily(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiQuery(q): ApiQuery<DailyQuery>,
) -> AppResult<Response> {
    known_site(&state, &site)?;
    who.require(&site, &[Role::Supervisor])?;
    let r = reports_of(&state)?;
    let now = state.hub.now();
    Ok(
        match reports::daily_for_query(&r.pool, &r.config, &site, &q, now).await {
            Ok(rendered) => rendered.into_response(),
            Err(e) => e.into_response(),
        },
    )
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
    let r = reports_of(&state)?;
    let now = state.hub.now();
    Ok(
        match reports::monthly_for_query(&r.pool, &r.config, &q, now).await {
            Ok(rendered) => rendered.into_response(),
            Err(e) => e.into_response(),
        },
    )
}

async fn manual_count(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
    ApiJson(req): ApiJson<ManualCountRequest>,
) -> AppResult<Response> {
    known_site(&state, &site)?;
    who.require(&site, &[Role::Staff, Role::Supervisor])?;
    let r = reports_of(&state)?;
    let now = state.hub.now();
    if let Err(e) = reports::add_manual_count(&r.pool, &site, &who.actor, &req, now).await {
        return Ok(e.into_response());
    }
    // Counts feed the 月報 the city pays by: who entered what is audited.
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
        .commit_plain(vec![crate::store::Write::Audit(audit)])
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
    let r = reports_of(&state)?;
    let date = match q.date.as_deref() {
        None => crate::store::day_of(state.hub.now()),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            AppError::bad_request(format!(
                "\"{text}\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-11."
            ))
        })?,
    };
    match madoguchi_sim::staffing_advice(&r.config, &site, date) {
        Ok(advice) => Ok(Json(advice)),
        Err(madoguchi_sim::SimError::ClosedDay { site, date }) => Err(AppError::new(
            StatusCode::CONFLICT,
            "site_closed",
            format!("Site {site} is closed on {date}; choose a working day."),
        )),
        Err(e) => Err(AppError::bad_request(e.to_string())),
    }
}
