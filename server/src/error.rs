//! API errors: an HTTP status plus the protocol's `ApiError` JSON body with a machine code and
//! a sentence saying what to do. Also extractors whose rejections answer in the same shape.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use madoguchi_engine::EngineError;
use madoguchi_protocol::{ApiError, Timestamp};
use serde::de::DeserializeOwned;

use crate::store::StoreError;

/// An error answer of the API.
#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub body: ApiError,
    /// Another server decided for the site first and nothing was written: the request may run
    /// again as it is (`retry`).
    pub overtaken: bool,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> AppError {
        AppError {
            status,
            body: ApiError {
                code: code.to_owned(),
                message: message.into(),
                next_opening: None,
                site: None,
            },
            overtaken: false,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> AppError {
        AppError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn unauthorized(message: impl Into<String>) -> AppError {
        AppError::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    pub fn forbidden(message: impl Into<String>) -> AppError {
        AppError::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    pub fn not_found(code: &str, message: impl Into<String>) -> AppError {
        AppError::new(StatusCode::NOT_FOUND, code, message)
    }

    pub fn unknown_site(site: &str) -> AppError {
        EngineError::UnknownSite(site.to_owned()).into()
    }

    pub fn closed(next_opening: Option<Timestamp>) -> AppError {
        EngineError::Closed { next_opening }.into()
    }

    /// Storage is failing: the request was not carried out.
    pub fn unavailable() -> AppError {
        AppError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "storage_unavailable",
            "The server could not save this change, so nothing was changed. Try again in a \
             moment; if it keeps failing, tell the system administrator.",
        )
    }

    /// [`AppError::unavailable`], marked as a request another server's decision overtook.
    pub fn overtaken() -> AppError {
        AppError {
            overtaken: true,
            ..AppError::unavailable()
        }
    }
}

impl From<EngineError> for AppError {
    fn from(err: EngineError) -> AppError {
        let status = match &err {
            EngineError::UnknownSite(_)
            | EngineError::UnknownService(_)
            | EngineError::UnknownCounter(_)
            | EngineError::UnknownTicket(_) => StatusCode::NOT_FOUND,
            EngineError::BadWeights { .. } => StatusCode::BAD_REQUEST,
            _ => StatusCode::CONFLICT,
        };
        let next_opening = match &err {
            EngineError::Closed { next_opening } => *next_opening,
            _ => None,
        };
        AppError {
            status,
            body: ApiError {
                code: err.code().to_owned(),
                message: err.to_string(),
                next_opening,
                site: None,
            },
            overtaken: false,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> AppError {
        tracing::error!(cause = %err, "storage failed");
        AppError::unavailable()
    }
}

/// Marks a response whose request was overtaken (see `AppError::overtaken`); the `retry`
/// layer runs such a request again.
#[derive(Debug, Clone, Copy)]
pub struct Overtaken;

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body)).into_response();
        if self.overtaken {
            response.extensions_mut().insert(Overtaken);
        }
        response
    }
}

/// `axum::Json` whose rejection is a 400 `bad_request` `ApiError` with a sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| {
                let ct = ct.to_ascii_lowercase();
                ct.starts_with("application/json") || ct.contains("+json")
            });
        if !json {
            return Err(AppError::bad_request(
                "The request body must be JSON: send the header Content-Type: application/json.",
            ));
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|e| {
                AppError::bad_request(format!("The request body could not be read ({e})."))
            })?;
        // A NUL character is never part of a name, a reason or a notice; no store should see it.
        if bytes.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000")) || bytes.contains(&0) {
            return Err(AppError::bad_request(
                "The request contains a NUL character (\\u0000). Remove it and send the request again.",
            ));
        }
        match axum::Json::<T>::from_bytes(&bytes) {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

fn json_rejection(rejection: &JsonRejection) -> AppError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => AppError::bad_request(
            "The request body must be JSON: send the header Content-Type: application/json.",
        ),
        JsonRejection::JsonSyntaxError(e) => AppError::bad_request(format!(
            "The request body is not valid JSON ({}). Check the quotes and braces.",
            e.body_text()
        )),
        JsonRejection::JsonDataError(e) => AppError::bad_request(format!(
            "The request body has a wrong or missing field ({}). Check it against the API \
             documentation at /api/openapi.json.",
            e.body_text()
        )),
        other => AppError::bad_request(format!(
            "The request body could not be read ({}). Send a JSON body.",
            other.body_text()
        )),
    }
}

/// `axum::extract::Path` whose rejection is a 400 `ApiError`.
#[derive(Debug)]
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(ApiPath(v)),
            Err(rejection) => Err(path_rejection(&rejection)),
        }
    }
}

fn path_rejection(rejection: &PathRejection) -> AppError {
    AppError::bad_request(format!(
        "A value in the URL path is not valid ({}). Ticket and alert ids are numbers.",
        rejection.body_text()
    ))
}

/// `axum::extract::Query` whose rejection is a 400 `ApiError`.
#[derive(Debug)]
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(ApiQuery(v)),
            Err(rejection) => Err(query_rejection(&rejection)),
        }
    }
}

fn query_rejection(rejection: &QueryRejection) -> AppError {
    AppError::bad_request(format!(
        "A query parameter is not valid ({}). Check the URL.",
        rejection.body_text()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_errors_map_to_api_statuses() {
        let e: AppError = EngineError::UnknownService("x".into()).into();
        assert_eq!(e.status, StatusCode::NOT_FOUND);
        assert_eq!(e.body.code, "unknown_service");
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-30T08:30:00+09:00").unwrap();
        let e: AppError = EngineError::Closed {
            next_opening: Some(at),
        }
        .into();
        assert_eq!(e.status, StatusCode::CONFLICT);
        assert_eq!(e.body.code, "site_closed");
        assert_eq!(e.body.next_opening, Some(at));
        let e: AppError = EngineError::CounterPaused("1".into()).into();
        assert_eq!(e.status, StatusCode::CONFLICT);
        assert_eq!(e.body.code, "counter_paused");
    }
}
