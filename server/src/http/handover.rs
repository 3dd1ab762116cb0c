//! Moving a signed-in staff console to another server of the same database, without a second
//! sign-in. Cookies and the page's storage belong to one server's address, so the console,
//! while its server answers, keeps a hand-over pass (`POST /api/handover`): short-lived
//! ([`PASS_SECS`]), single-use, stored only as its SHA-256 and bound to the session that asked
//! for it. When its server stops answering the console takes the pass, in the URL fragment
//! (never sent to a server, never logged), to a peer (`serve --peer URL`), whose page trades it
//! for a session of its own (`POST /api/handover/exchange`, audited).
//!
//! The new session is the same person at the same site and counter with the same role, and
//! ends when the signed-in session would (it keeps its sign-in time): it never grants more.
//! It belongs to the sign-in's family, so signing out on either server ends both. A pass whose
//! session was signed out, revoked or has expired is refused with a sentence that says to sign
//! in again; refused passes back off their source address like wrong passwords.

use std::net::SocketAddr;
use std::time::Instant;

use axum::Extension;
use axum::extract::{ConnectInfo, State};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use madoguchi_protocol::{LoginResponse, Timestamp};
use serde::{Deserialize, Serialize};

use super::session::{too_many, with_session_cookie};
use crate::auth::{self, Principal};
use crate::error::{ApiJson, AppError, AppResult};
use crate::login_guard::Refusal;
use crate::state::AppState;
use crate::store::{AuditDraft, HandoverRow, SessionRow, Write};

/// How long a hand-over pass can be exchanged. The console asks for a new one every 45 s, so
/// the pass it holds when its server dies still has over a minute left after the ~10 s it
/// waits before moving.
pub const PASS_SECS: i64 = 120;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/handover", post(issue))
        .route("/api/handover/exchange", post(exchange))
}

/// A new pass, and where the console may take it.
#[derive(Debug, Serialize)]
pub struct HandoverPass {
    pub pass: String,
    pub expires_at: Timestamp,
    /// The other servers of this database (`serve --peer`), in the order given.
    pub peers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandoverExchange {
    pub pass: String,
}

async fn issue(State(state): State<AppState>, who: Principal) -> AppResult<Json<HandoverPass>> {
    let (Some(session), Some(ends)) = (who.session.clone(), who.expires) else {
        return Err(AppError::bad_request(
            "A hand-over pass is for a staff session; a device token works on every server as \
             it is.",
        ));
    };
    let now = state.hub.now();
    let pass = auth::new_token();
    let expires = (now + chrono::Duration::seconds(PASS_SECS)).min(ends);
    let row = HandoverRow {
        pass_hash: auth::hash_token(&pass),
        session_hash: session,
        at: now,
        expires,
    };
    state
        .hub
        .commit_plain(vec![Write::HandoverPass(row)])
        .await?;
    Ok(Json(HandoverPass {
        pass,
        expires_at: expires,
        peers: state.peers.to_vec(),
    }))
}

/// Why a pass is refused, as the sentence staff read (always: sign in again).
fn refused(why: &str) -> AppError {
    AppError::new(
        axum::http::StatusCode::UNAUTHORIZED,
        "handover_refused",
        format!("{why} Sign in again on this server."),
    )
}

async fn exchange(
    State(state): State<AppState>,
    Extension(ConnectInfo(remote)): Extension<ConnectInfo<SocketAddr>>,
    ApiJson(req): ApiJson<HandoverExchange>,
) -> AppResult<Response> {
    let source = remote.ip();
    let guard = &state.login_guard;
    if let Some(wait) = guard.source_backoff(source, Instant::now()) {
        return Ok(too_many(Refusal::Backoff(wait)));
    }
    if req.pass.is_empty() || req.pass.len() > 128 {
        guard.source_failed(source, Instant::now());
        return Err(refused("This is not a hand-over pass."));
    }
    // Taken (deleted) before anything else: a pass works once, whatever happens next.
    let taken = state
        .store
        .take_handover(&auth::hash_token(&req.pass))
        .await?;
    let now = state.hub.now();
    let Some(pass) = taken else {
        guard.source_failed(source, Instant::now());
        return Err(refused(
            "This hand-over pass was used already or was never issued.",
        ));
    };
    if pass.expires <= now {
        guard.source_failed(source, Instant::now());
        return Err(refused(
            "This hand-over pass has expired (the console was away from its server too long).",
        ));
    }
    // From the database, not the auth cache: a sign-out on the other server counts at once.
    let found = auth::session_principal(state.store.as_ref(), &pass.session_hash).await?;
    let Some((who, signed_in)) = found.filter(|(p, _)| p.expires.is_some_and(|e| now < e)) else {
        guard.source_failed(source, Instant::now());
        return Err(refused(
            "The session this pass was made for has ended (signed out, expired, or the user \
             was disabled or changed).",
        ));
    };
    let token = auth::new_token();
    let session = SessionRow {
        token_hash: auth::hash_token(&token),
        login: signed_in.login.clone(),
        role: signed_in.role,
        site: signed_in.site.clone(),
        counter: signed_in.counter.clone(),
        // The sign-in's time: the new session ends when the signed-in one would.
        at: signed_in.at,
        family: Some(signed_in.family_root().to_owned()),
    };
    let audit = AuditDraft {
        at: now,
        actor: who.actor.clone(),
        role: who.role,
        site: signed_in.site.clone(),
        counter: signed_in.counter.clone(),
        action: "handover".into(),
        ticket: None,
        detail: format!(
            "session moved to {} from {source} (pass issued {})",
            state.public_url,
            pass.at.to_rfc3339()
        ),
    };
    state
        .hub
        .commit_plain(vec![Write::Session(session), Write::Audit(audit)])
        .await?;
    let body = LoginResponse {
        token: token.clone(),
        user: signed_in.login,
        role: signed_in.role,
        site: signed_in.site,
        counter: signed_in.counter,
    };
    Ok(with_session_cookie(
        &state,
        &token,
        Json(body).into_response(),
    ))
}

/// A `--peer` value: an `http://` or `https://` address with nothing after the host and port
/// (it goes into the console's Content-Security-Policy and its links), without the trailing `/`.
pub fn parse_peer(value: &str) -> Result<String, String> {
    let bad = || {
        format!(
            "--peer {value:?} is not a server address; give the other server's public address \
             as its consoles open it, e.g. --peer https://madoguchi-b.city.local:8080"
        )
    };
    let url = url::Url::parse(value).map_err(|_| bad())?;
    let plain = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some()
        && url.username().is_empty()
        && url.password().is_none()
        && url.path() == "/"
        && url.query().is_none()
        && url.fragment().is_none();
    if !plain {
        return Err(bad());
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::parse_peer;

    #[test]
    fn a_peer_is_a_plain_server_address() {
        assert_eq!(
            parse_peer("http://127.0.0.2:8080/").unwrap(),
            "http://127.0.0.2:8080"
        );
        assert_eq!(
            parse_peer("https://B.city.local").unwrap(),
            "https://b.city.local"
        );
        for bad in [
            "b.city.local",
            "ftp://b",
            "http://b/staff",
            "http://b/?x=1",
            "http://u:p@b",
            "http://b; script-src *",
        ] {
            assert!(parse_peer(bad).is_err(), "{bad}");
        }
    }
}
