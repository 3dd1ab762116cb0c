//! The web pages written under `server/web/` (staff console, visitor status page, congestion
//! pages), embedded with rust-embed: a release binary carries them, a debug build reads them
//! from disk so edits show without a rebuild.

use axum::Router;
use axum::extract::State;
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use rust_embed::RustEmbed;

use crate::error::{ApiPath, AppError};
use crate::state::AppState;

#[derive(RustEmbed)]
#[folder = "web/"]
#[allow_missing = true]
struct WebFiles;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/congestion") }))
        .route("/staff", get(staff_page))
        .route("/s/{token}", get(|| async { file("status.html") }))
        .route("/congestion", get(|| async { file("congestion.html") }))
        .route(
            "/congestion/{site}",
            get(|| async { file("congestion.html") }),
        )
        .route("/web/{*path}", get(web_file))
}

/// The staff console. With peers (`serve --peer`), its Content-Security-Policy lets it ask
/// them whether they answer (`GET /api/health`) before it moves there; nothing else.
async fn staff_page(State(state): State<AppState>) -> Response {
    let mut page = file("staff.html");
    if !state.peers.is_empty() {
        let csp = format!(
            "default-src 'self'; connect-src 'self' {}; frame-ancestors 'none'",
            state.peers.join(" ")
        );
        // Peers are checked plain addresses (`http::parse_peer`): no `;` or space inside.
        if let Ok(value) = HeaderValue::from_str(&csp) {
            page.headers_mut().insert(CONTENT_SECURITY_POLICY, value);
        }
    }
    page
}

async fn web_file(ApiPath(path): ApiPath<String>) -> Response {
    file(&path)
}

/// One embedded file with its content type, or a JSON 404.
pub fn file(path: &str) -> Response {
    match WebFiles::get(path) {
        Some(content) => {
            let mime = mime_guess::from_path(path).first_or_octet_stream();
            let textual = mime.type_() == "text"
                || mime.subtype() == "javascript"
                || mime.subtype() == "json";
            let content_type = if textual {
                format!("{mime}; charset=utf-8")
            } else {
                mime.as_ref().to_owned()
            };
            (
                [
                    (CONTENT_TYPE, content_type),
                    (CACHE_CONTROL, "no-cache".to_owned()),
                ],
                content.data.into_owned(),
            )
                .into_response()
        }
        None => AppError::not_found(
            "not_found",
            format!("The web page file \"{path}\" is not part of this build."),
        )
        .into_response(),
    }
}

#[cfg(test)]
mod tests {
    /// The status page names services exactly as the kiosk and the printed ticket do, in every
    /// language (one source of plain names: `locales/<lang>/kiosk.ftl`).
    #[test]
    fn every_status_page_service_name_is_the_kiosks_in_every_language() {
        let js = include_str!("../web/status-i18n.js");
        let mut lang = String::new();
        let mut checked = 0;
        for line in js.lines() {
            if let Some(rest) = line.strip_prefix(" \"")
                && let Some(code) = rest.strip_suffix("\": {")
            {
                lang = code.to_owned();
                continue;
            }
            let Some(rest) = line.trim().strip_prefix("\"service-") else {
                continue;
            };
            let (key, value) = rest.split_once("\": ").expect("a key and a value");
            let value: String =
                serde_json::from_str(value.trim_end_matches(',')).expect("a JSON string");
            let ftl = std::fs::read_to_string(format!(
                "{}/../locales/{lang}/kiosk.ftl",
                env!("CARGO_MANIFEST_DIR")
            ))
            .expect("the kiosk's texts");
            let kiosk = ftl
                .lines()
                .find_map(|l| l.strip_prefix(&format!("service-{key} = ")))
                .unwrap_or_else(|| panic!("{lang}: service-{key} missing in kiosk.ftl"));
            assert_eq!(value, kiosk, "{lang}: service-{key}");
            checked += 1;
        }
        assert!(checked >= 11 * 10, "{checked}");
    }
}
