//! `POST /doi-mat-khau`: the signed-in citizen or officer changes their own password
//! ([`motcua_core::accounts::change_password`]). A wrong current password counts against
//! the client's sign-in limit (a session left open must not let anyone guess the password
//! at leisure). Success gives this browser a fresh session (the others are ended) and
//! answers 303 to the page, which says so; problems come back as the page.

use std::net::SocketAddr;

use app::pages::Posted;
use axum::Form;
use axum::extract::{ConnectInfo, State};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use http::request::Parts;
use motcua_core::accounts::Problem;
use motcua_core::accounts::change_password::{
    ChangePasswordError, PasswordChange, change_password,
};
use serde::Deserialize;

use crate::extract::SignedIn;
use crate::render::posted_page;
use crate::router::ServerState;
use crate::routes::admin_users::problems_list;
use crate::routes::see_other;

#[derive(Deserialize)]
pub struct ChangePasswordForm {
    #[serde(default)]
    mat_khau_cu: String,
    #[serde(default)]
    mat_khau: String,
    #[serde(default)]
    nhap_lai: String,
}

pub async fn post(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    SignedIn(account): SignedIn,
    parts: Parts,
    jar: CookieJar,
    Form(form): Form<ChangePasswordForm>,
) -> Response {
    let headers = parts.headers.clone();
    let origin = app::api::origin::origin_of(&parts);
    let back = |errors: &str| {
        let posted = Posted {
            errors: errors.to_string(),
            values: vec![],
        };
        posted_page(&state, parts, posted)
    };
    let app = &state.app;
    let limiter = &app.sign_in_limiter;
    if limiter.attempt(addr.ip()).await.is_err() {
        return back("mat_khau_cu:too_many_tries").await;
    }
    let change = PasswordChange {
        current: &form.mat_khau_cu,
        new: &form.mat_khau,
        confirmation: &form.nhap_lai,
    };
    let result = change_password(&app.store, &account, &change, &origin, app.clock.now()).await;
    let current_was_right = !matches!(
        &result,
        Err(ChangePasswordError::Invalid(p)) if p.contains(&Problem::CurrentPasswordWrong)
    );
    if current_was_right {
        limiter.forgive(addr.ip()).await;
    }
    match result {
        Ok(session_id) => {
            let jar = app
                .settings
                .public_url
                .start_session(jar, &headers, &session_id);
            (jar, see_other("/doi-mat-khau?xong=1")).into_response()
        }
        Err(ChangePasswordError::Invalid(problems)) => back(&problems_list(&problems)).await,
        Err(ChangePasswordError::NoSession { .. }) => see_other("/dang-nhap"),
        Err(e @ (ChangePasswordError::Hashing(_) | ChangePasswordError::Store(_))) => {
            tracing::error!(error = %e, "changing a password failed");
            back("mat_khau:system").await
        }
    }
}
