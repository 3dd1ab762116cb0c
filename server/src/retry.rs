//! A request another server's decision overtook runs again. When servers share the database, a
//! request decides on this server's memory of a site, and the commit refuses it if another
//! server changed the site meanwhile (`writer`): nothing was written and the site is rebuilt
//! from the database, so running the request once more decides on the new state. Up to
//! [`ATTEMPTS`] times; then the client gets the 503 and retries with its `Idempotency-Key`.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::header::CONTENT_LENGTH;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{AppError, Overtaken};

const ATTEMPTS: usize = 5;
/// Bodies kept to run a request again: the API's requests are small JSON.
const KEPT_BODY: usize = 64 * 1024;

pub async fn again_if_overtaken(request: Request, next: Next) -> Response {
    let small = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
        .is_some_and(|n| n <= KEPT_BODY)
        || request.headers().get(CONTENT_LENGTH).is_none() && request.method() == "GET";
    if !small {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, KEPT_BODY).await else {
        return AppError::bad_request("The request body could not be read.").into_response();
    };
    let mut attempt = 1;
    loop {
        let request = Request::from_parts(parts.clone(), Body::from(bytes.clone()));
        let response = next.clone().run(request).await;
        if attempt >= ATTEMPTS || response.extensions().get::<Overtaken>().is_none() {
            return response;
        }
        attempt += 1;
        tracing::debug!(
            attempt,
            "another server decided for the site first; running the request again"
        );
        // The other server is committing a run of requests for the site: let it pass.
        tokio::time::sleep(std::time::Duration::from_millis(5 * attempt as u64)).await;
    }
}
