//! `POST /dang-ky`: a citizen creates an account and is signed in
//! ([`motcua_core::accounts::register`]). Problems come back as the form, rendered as the
//! answer, with every value but the password kept. Five registrations in five minutes per
//! client at most.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use std::net::SocketAddr;

use app::pages::Posted;
use axum::extract::ConnectInfo;
use http::request::Parts;
use motcua_core::accounts::Problem;
use motcua_core::accounts::register::{RegisterError, Registration, register};
use serde::Deserialize;

use crate::render::posted_page;
use crate::router::ServerState;
use crate::routes::admin_users::problems_list;
use crate::routes::see_other;

#[derive(Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    ho_ten: String,
    #[serde(default)]
    so_dien_thoai: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    mat_khau: String,
    #[serde(default)]
    nhap_lai: String,
}

pub async fn post(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    parts: Parts,
    jar: CookieJar,
    Form(form): Form<RegisterForm>,
) -> Response {
    let headers = parts.headers.clone();
    // The form again, with what was typed (never in the URL) but the passwords.
    let back = |errors: &str| {
        let posted = Posted {
            errors: errors.to_string(),
            values: vec![
                ("ho_ten".into(), form.ho_ten.trim().to_string()),
                (
                    "so_dien_thoai".into(),
                    form.so_dien_thoai.trim().to_string(),
                ),
                ("email".into(), form.email.trim().to_string()),
            ],
        };
        posted_page(&state, parts, posted)
    };
    let app = &state.app;
    // Every registration counts, taken back only when the form was wrong: an account costs
    // a slow password hash, and nobody needs many of them in minutes.
    if app.registration_limiter.attempt(addr.ip()).await.is_err() {
        return back("so_dien_thoai:too_many").await;
    }
    let registration = Registration {
        full_name: &form.ho_ten,
        phone: &form.so_dien_thoai,
        email: &form.email,
        password: &form.mat_khau,
        confirmation: &form.nhap_lai,
    };
    match register(&app.store, &registration, app.clock.now()).await {
        Ok(done) => {
            let site = &app.settings.public_url;
            let jar = site.start_session(jar, &headers, &done.session_id);
            (jar, see_other("/ho-so-cua-toi")).into_response()
        }
        Err(RegisterError::Invalid(problems)) => {
            // A phone that has an account is not a typing mistake: forgiven, it would let
            // a client ask about phone after phone without limit.
            if !problems.contains(&Problem::PhoneTaken) {
                app.registration_limiter.forgive(addr.ip()).await;
            }
            back(&problems_list(&problems)).await
        }
        Err(RegisterError::NoSession { .. }) => see_other("/dang-nhap"),
        Err(e @ (RegisterError::Hashing(_) | RegisterError::Store(_))) => {
            tracing::error!(error = %e, "registration failed");
            back("mat_khau:system").await
        }
    }
}
