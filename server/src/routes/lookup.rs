//! `POST /tra-cuu`: the lookup form, posted so that the ID number or access code travels in
//! the body and never in a URL. The answer is the Leptos lookup page itself, rendered with the
//! posted pair as its context ([`app::pages::lookup::PostedLookup`]); the page counts the
//! attempt against the client and looks the dossier up.

use app::pages::lookup::PostedLookup;
use app::shell::shell;
use axum::Form;
use axum::body::Body;
use axum::extract::{FromRequest, Request, State};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use serde::Deserialize;

use crate::router::ServerState;

#[derive(Deserialize)]
pub struct LookupForm {
    #[serde(default)]
    ma: String,
    #[serde(default)]
    giay_to: String,
}

pub async fn post(State(state): State<ServerState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    // The page is rendered from the request's head (its path, cookies, client address); the
    // body is the form.
    let page = Request::from_parts(parts.clone(), Body::empty());
    let form = Form::<LookupForm>::from_request(Request::from_parts(parts, body), &state).await;
    let Form(form) = match form {
        Ok(form) => form,
        Err(rejection) => return rejection.into_response(),
    };
    let posted = PostedLookup {
        code: form.ma,
        proof: form.giay_to,
    };
    let app = state.app.clone();
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            crate::security_headers::provide_page_context(&app);
            provide_context(posted.clone());
        },
        move || shell(options.clone()),
    );
    render(page).await.into_response()
}
