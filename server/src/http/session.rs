//! Staff sign-in: login (sets the `madoguchi_session` cookie), logout, "who am I", and who is
//! signed in at each counter of a site (for the console's counter table; staff only, because
//! the public board stays anonymous).

use std::net::SocketAddr;
use std::time::Instant;

use axum::Extension;
use axum::extract::{ConnectInfo, State};
use axum::http::header::{RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use madoguchi_protocol::CounterStaff;
use madoguchi_protocol::{LoginRequest, LoginResponse, Role};

use crate::auth::{self, Principal, SESSION_COOKIE};
use crate::error::{ApiJson, ApiPath, AppError, AppResult};
use crate::login_guard::{self, Refusal};
use crate::state::AppState;
use crate::store::{AuditDraft, SessionRow, Write};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/login", post(login))
        .route("/api/logout", post(logout))
        .route("/api/me", get(me))
        .route("/api/sites/{site}/staff", get(staff))
}

/// 429 with `Retry-After`: the sign-in was not tried.
pub(super) fn too_many(refusal: Refusal) -> Response {
    let secs = refusal.retry_after_secs();
    let message = match refusal {
        Refusal::Busy => {
            "Many sign-ins are being checked right now. Try again in a moment.".to_string()
        }
        Refusal::Backoff(_) => format!(
            "Too many wrong sign-ins from this device or for this user. Wait {secs} seconds, then try again; ask a supervisor if you forgot the password."
        ),
    };
    let mut response =
        AppError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_sign_ins", message).into_response();
    if let Ok(value) = HeaderValue::from_str(&secs.to_string()) {
        response.headers_mut().insert(RETRY_AFTER, value);
    }
    response
}

fn bad_login() -> AppError {
    AppError::unauthorized("The user name or password is wrong. Check them and try again.")
}

async fn login(
    State(state): State<AppState>,
    Extension(ConnectInfo(remote)): Extension<ConnectInfo<SocketAddr>>,
    ApiJson(req): ApiJson<LoginRequest>,
) -> AppResult<Response> {
    let site = state
        .config
        .site(&req.site)
        .ok_or_else(|| AppError::unknown_site(&req.site))?;
    if let Some(c) = &req.counter
        && site.counter(c).is_none()
    {
        return Err(madoguchi_engine::EngineError::UnknownCounter(c.clone()).into());
    }
    if req.user.len() > 64 || req.password.len() > 1024 {
        return Err(AppError::bad_request(
            "A user name has at most 64 characters and a password at most 1024.",
        ));
    }
    let guard = &state.login_guard;
    let source = remote.ip();
    let permit = match guard.admit(source, &req.user, Instant::now()).await {
        Ok(permit) => permit,
        Err(refusal) => return Ok(too_many(refusal)),
    };
    let user = state.store.user(&req.user).await?;
    // An unknown login costs the same as a wrong password: logins cannot be told apart.
    let hash = user.as_ref().map_or_else(
        || login_guard::dummy_hash().to_owned(),
        |u| u.password_hash.clone(),
    );
    let password = req.password.clone();
    let verified = tokio::task::spawn_blocking(move || auth::verify_password(&password, &hash))
        .await
        .unwrap_or(false);
    drop(permit);
    let Some(user) = user.filter(|_| verified) else {
        guard.failed(source, &req.user, Instant::now());
        let audit = AuditDraft {
            at: state.hub.now(),
            actor: req.user.clone(),
            role: Role::Staff,
            site: req.site.clone(),
            counter: req.counter.clone(),
            action: "login_failed".into(),
            ticket: None,
            detail: format!("from {source}"),
        };
        state.hub.commit_plain(vec![Write::Audit(audit)]).await?;
        return Err(bad_login());
    };
    guard.succeeded(source, &req.user);
    if !matches!(user.role, Role::Staff | Role::Supervisor | Role::Admin) {
        return Err(AppError::forbidden(
            "This account cannot sign in to the staff console.",
        ));
    }
    if user.role != Role::Admin && user.site.as_deref() != Some(req.site.as_str()) {
        return Err(AppError::forbidden(format!(
            "User \"{}\" works at site \"{}\", not \"{}\". Choose your own site.",
            user.login,
            user.site.as_deref().unwrap_or("-"),
            req.site
        )));
    }
    let token = auth::new_token();
    let now = state.hub.now();
    let session = SessionRow {
        token_hash: auth::hash_token(&token),
        login: user.login.clone(),
        role: user.role,
        site: req.site.clone(),
        counter: req.counter.clone(),
        at: now,
        family: None,
    };
    let audit = AuditDraft {
        at: now,
        actor: user.login.clone(),
        role: user.role,
        site: req.site.clone(),
        counter: req.counter.clone(),
        action: "login".into(),
        ticket: None,
        detail: String::new(),
    };
    state
        .hub
        .commit_plain(vec![Write::Session(session), Write::Audit(audit)])
        .await?;
    let body = LoginResponse {
        token: token.clone(),
        user: user.login,
        role: user.role,
        site: req.site,
        counter: req.counter,
    };
    Ok(with_session_cookie(
        &state,
        &token,
        Json(body).into_response(),
    ))
}

/// `response` with the `madoguchi_session` cookie of `token`.
pub(super) fn with_session_cookie(
    state: &AppState,
    token: &str,
    mut response: Response,
) -> Response {
    // Secure when the server is reached over https (behind a TLS proxy), so the cookie never
    // travels in clear; plain http on a closed LAN keeps working.
    let secure = if state.public_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict{secure}");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(SET_COOKIE, value);
    }
    response
}

async fn logout(State(state): State<AppState>, who: Principal) -> AppResult<Response> {
    if let Some(hash) = &who.session {
        let audit = AuditDraft {
            at: state.hub.now(),
            actor: who.actor.clone(),
            role: who.role,
            site: who.site.clone().unwrap_or_default(),
            counter: who.counter.clone(),
            action: "logout".into(),
            ticket: None,
            detail: String::new(),
        };
        let mut writes = vec![Write::EndSession {
            token_hash: hash.clone(),
        }];
        if who.site.is_some() {
            writes.push(Write::Audit(audit));
        }
        state.hub.commit_plain(writes).await?;
        state.auth_cache.remove(hash);
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    let clear = format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    if let Ok(value) = HeaderValue::from_str(&clear) {
        response.headers_mut().insert(SET_COOKIE, value);
    }
    Ok(response)
}

async fn me(State(state): State<AppState>, who: Principal) -> AppResult<Json<LoginResponse>> {
    let Some(hash) = &who.session else {
        return Err(AppError::bad_request(
            "This is a device token, not a staff session.",
        ));
    };
    // An admin's principal is bound to no site; the session remembers where they signed in.
    let site = match &who.site {
        Some(site) => site.clone(),
        None => state
            .store
            .session(hash)
            .await?
            .map(|s| s.site)
            .unwrap_or_default(),
    };
    Ok(Json(LoginResponse {
        token: String::new(),
        user: who.actor,
        role: who.role,
        site,
        counter: who.counter,
    }))
}

/// Live sessions bound to a counter of `site`, in the configuration's counter order, newest
/// session first at each counter; one line per user and counter.
async fn staff(
    State(state): State<AppState>,
    who: Principal,
    ApiPath(site): ApiPath<String>,
) -> AppResult<Json<Vec<CounterStaff>>> {
    let site_cfg = state
        .config
        .site(&site)
        .ok_or_else(|| AppError::unknown_site(&site))?;
    who.require(&site, &[Role::Staff, Role::Supervisor])?;
    let now = state.hub.now();
    let sessions = state.store.sessions(&site).await?;
    let mut out: Vec<CounterStaff> = Vec::new();
    for counter in &site_cfg.counters {
        for s in &sessions {
            let live = now < s.at + chrono::Duration::hours(auth::SESSION_HOURS);
            if !live || s.counter.as_deref() != Some(counter.id.as_str()) {
                continue;
            }
            if out
                .iter()
                .any(|o| o.counter == counter.id && o.user == s.login)
            {
                continue;
            }
            out.push(CounterStaff {
                counter: counter.id.clone(),
                user: s.login.clone(),
                role: s.role,
                since: s.at,
            });
        }
    }
    Ok(Json(out))
}
