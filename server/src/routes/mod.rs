//! Handlers that are not Leptos pages, one file per route.

pub mod communes;
pub mod filing_page;
pub mod filing_start;
pub mod health;
pub mod language;

use axum::response::{IntoResponse, Redirect, Response};

/// Post/redirect/get: after a form post, the browser fetches the page with a GET, so a
/// reload never posts again.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}
