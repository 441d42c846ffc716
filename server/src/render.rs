//! A Leptos page rendered as the answer to a form post, with what was posted as its context
//! ([`app::pages::Posted`]): the lookup's result, a sign-in or registration form shown again
//! with its problems. The alternative, a redirect to the page with the values in its query,
//! would put a phone number or an ID number in the browser's history, the proxy's log and
//! the `Referer`.

use app::pages::Posted;
use app::shell::shell;
use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use http::request::Parts;
use leptos::prelude::provide_context;

use crate::router::ServerState;

/// The page at the path of the request whose head is `parts` (its cookies, client address),
/// rendered with `posted`.
pub async fn posted_page(state: &ServerState, parts: Parts, posted: Posted) -> Response {
    let app = state.app.clone();
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            crate::security_headers::provide_page_context(&app);
            provide_context(posted.clone());
        },
        move || shell(options.clone()),
    );
    render(Request::from_parts(parts, Body::empty()))
        .await
        .into_response()
}
