//! `POST /dang-ky`: a citizen creates an account with their phone number (and optionally
//! an e-mail address) and a password, and is signed in. Problems come back to the form with
//! every value but the password kept.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, header};
use motcua_domain::validate::{nfc, parse_email, parse_phone};
use motcua_store::{AccountKind, NewAccount, StoreError};
use serde::Deserialize;

use crate::router::ServerState;
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

/// The problems of a registration form: `(field, error key)`.
pub fn problems(f: &RegisterForm) -> Vec<(&'static str, &'static str)> {
    let mut p = vec![];
    if f.ho_ten.trim().is_empty() {
        p.push(("ho_ten", "required"));
    }
    if parse_phone(&f.so_dien_thoai).is_none() {
        p.push(("so_dien_thoai", "phone_invalid"));
    }
    if !f.email.trim().is_empty() && parse_email(&f.email).is_none() {
        p.push(("email", "email_invalid"));
    }
    if f.mat_khau.chars().count() < app::auth::MIN_PASSWORD_LEN {
        p.push(("mat_khau", "password_short"));
    } else if f.mat_khau != f.nhap_lai {
        p.push(("nhap_lai", "password_mismatch"));
    }
    p
}

pub async fn post(
    State(state): State<ServerState>,
    headers: HeaderMap,
    Form(form): Form<RegisterForm>,
) -> Response {
    use app::components::layout::urlencode;
    let back = |errors: &[(&str, &str)]| {
        let errors = errors
            .iter()
            .map(|(f, k)| format!("{f}:{k}"))
            .collect::<Vec<_>>()
            .join(",");
        see_other(&format!(
            "/dang-ky?loi={}&ho_ten={}&so_dien_thoai={}&email={}#loi",
            urlencode(&errors),
            urlencode(form.ho_ten.trim()),
            urlencode(form.so_dien_thoai.trim()),
            urlencode(form.email.trim())
        ))
    };
    let errors = problems(&form);
    if !errors.is_empty() {
        return back(&errors);
    }
    let phone = parse_phone(&form.so_dien_thoai).unwrap_or_default();
    let password = form.mat_khau.clone();
    let hash = match tokio::task::spawn_blocking(move || app::auth::hash_password(&password)).await
    {
        Ok(Ok(h)) => h,
        _ => return back(&[("mat_khau", "system")]),
    };
    let store = &state.app.store;
    let now = state.app.clock.now();
    let new = NewAccount {
        kind: AccountKind::Citizen,
        login: phone.clone(),
        full_name: nfc(form.ho_ten.trim()),
        phone: Some(phone),
        email: parse_email(&form.email),
        agency_code: None,
        password_hash: hash,
        roles: vec![],
    };
    let id = match store.create_account(&new, now).await {
        Ok(id) => id,
        Err(StoreError::Conflict(_)) => return back(&[("so_dien_thoai", "phone_taken")]),
        Err(e) => {
            tracing::error!(error = %e, "registration failed");
            return back(&[("mat_khau", "system")]);
        }
    };
    match store.create_session(id, now).await {
        Ok(session) => (
            [(
                header::SET_COOKIE,
                state
                    .app
                    .settings
                    .public_url
                    .session_cookie(&headers, &session),
            )],
            see_other("/ho-so-cua-toi"),
        )
            .into_response(),
        Err(_) => see_other("/dang-nhap"),
    }
}
