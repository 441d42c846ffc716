//! `POST /dang-ky`: a citizen creates an account and is signed in
//! ([`motcua_core::accounts::register`]). Problems come back to the form with every value
//! but the password kept.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use http::HeaderMap;
use motcua_core::accounts::register::{RegisterError, Registration, register};
use serde::Deserialize;

use crate::router::ServerState;
use crate::routes::admin_users::problems_text;
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
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<RegisterForm>,
) -> Response {
    use motcua_domain::url::urlencode;
    let back = |errors: &str| {
        see_other(&format!(
            "/dang-ky?loi={errors}&ho_ten={}&so_dien_thoai={}&email={}#loi",
            urlencode(form.ho_ten.trim()),
            urlencode(form.so_dien_thoai.trim()),
            urlencode(form.email.trim())
        ))
    };
    let registration = Registration {
        full_name: &form.ho_ten,
        phone: &form.so_dien_thoai,
        email: &form.email,
        password: &form.mat_khau,
        confirmation: &form.nhap_lai,
    };
    let app = &state.app;
    match register(&app.store, &registration, app.clock.now()).await {
        Ok(done) => {
            let site = &app.settings.public_url;
            let jar = site.start_session(jar, &headers, &done.session_id);
            (jar, see_other("/ho-so-cua-toi")).into_response()
        }
        Err(RegisterError::Invalid(problems)) => back(&problems_text(&problems)),
        Err(RegisterError::NoSession { .. }) => see_other("/dang-nhap"),
        Err(e @ (RegisterError::Hashing(_) | RegisterError::Store(_))) => {
            tracing::error!(error = %e, "registration failed");
            back(&urlencode("mat_khau:system"))
        }
    }
}
