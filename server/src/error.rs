//! Internal failures (the database went away, a file could not be read, a PDF could not be
//! made): what went wrong is written to the log, inside the request's span so the line
//! carries the request id, and the person sees a page with that id and nothing of the
//! error, which could reveal how the system is built or someone's data.

use std::fmt::Display;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};

use crate::request_id;

/// An internal failure. Handlers return `Result<Response, AppError>` and use `?` on any
/// error that can be displayed (store errors, `String`s, task join errors...).
///
/// It deliberately does not implement `Display` or `Error` itself: that keeps the blanket
/// `From` below coherent, as `anyhow::Error` does.
#[derive(Debug)]
pub struct AppError(String);

impl AppError {
    /// `e`, which happened while doing `what` (e.g. "saving a calendar day"), for a log
    /// line that says more than the error alone.
    pub fn during(what: &str, e: impl Display) -> Self {
        Self(format!("{what}: {e}"))
    }
}

impl<E: Display> From<E> for AppError {
    fn from(e: E) -> Self {
        Self(e.to_string())
    }
}

/// Marks a 500 response as an [`AppError`]'s, for [`error_page`] to replace. Other 500s
/// (none today) are left as they are.
#[derive(Clone, Copy, Debug)]
struct Internal;

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        tracing::error!(error = %self.0, "internal error");
        let mut response = (StatusCode::INTERNAL_SERVER_ERROR, "Internal error").into_response();
        response.extensions_mut().insert(Internal);
        response
    }
}

/// Middleware: an [`AppError`]'s response becomes the error page with the request's id.
/// It must run inside the request-id layers, which set the `x-request-id` it reads.
pub async fn error_page(req: Request, next: Next) -> Response {
    let request_id = request_id::of(&req).unwrap_or("-").to_string();
    let response = next.run(req).await;
    if response.status() == StatusCode::INTERNAL_SERVER_ERROR
        && response.extensions().get::<Internal>().is_some()
    {
        page(&request_id)
    } else {
        response
    }
}

/// The page itself: self-contained (inline style, no script, no asset that could fail too),
/// never cached. `request_id` is well formed, so it needs no escaping.
fn page(request_id: &str) -> Response {
    let html = include_str!("error_page.html")
        .replace("{style}", include_str!("plain_page.css"))
        .replace("{request_id}", request_id);
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
        Html(html),
    )
        .into_response()
}
