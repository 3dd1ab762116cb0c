//! The web pages written under `server/web/` (staff console, visitor status page, congestion
//! pages), embedded with rust-embed: a release binary carries them, a debug build reads them
//! from disk so edits show without a rebuild.

use axum::Router;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use rust_embed::RustEmbed;

use crate::AppState;
use crate::error::{ApiPath, AppError};

#[derive(RustEmbed)]
#[folder = "web/"]
#[allow_missing = true]
struct WebFiles;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/congestion") }))
        .route("/staff", get(|| async { file("staff.html") }))
        .route("/s/{token}", get(|| async { file("status.html") }))
        .route("/congestion", get(|| async { file("congestion.html") }))
        .route(
            "/congestion/{site}",
            get(|| async { file("congestion.html") }),
        )
        .route("/web/{*path}", get(web_file))
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
