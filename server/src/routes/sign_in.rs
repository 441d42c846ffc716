//! `POST /dang-nhap`: sign in with a user name (staff) or phone number (citizen) and a
//! password ([`motcua_core::accounts::sign_in`]). After five failures from one address in
//! five minutes further tries are refused for a while; attempts in flight count, so
//! parallel guesses do not get past the limit.

use std::net::SocketAddr;

use app::pages::Posted;
use axum::Form;
use axum::extract::{ConnectInfo, State};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use http::request::Parts;
use motcua_core::accounts::sign_in::{Credentials, SignInError, sign_in};
use motcua_store::AccountKind;
use serde::Deserialize;

use crate::render::posted_page;
use crate::router::ServerState;
use crate::routes::{local_path, see_other};
use motcua_core::audit;
use motcua_domain::audit::AuditAction;

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    ten_dang_nhap: String,
    #[serde(default)]
    mat_khau: String,
    #[serde(default)]
    tiep: String,
}

pub async fn post(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    parts: Parts,
    jar: CookieJar,
    Form(form): Form<SignInForm>,
) -> Response {
    let headers = parts.headers.clone();
    let origin = app::api::origin::origin_of(&parts);
    // The form again, with the login typed (never in the URL) and the problem.
    let back = |error: &str| {
        let posted = Posted {
            errors: error.to_string(),
            values: vec![
                (
                    "ten_dang_nhap".into(),
                    form.ten_dang_nhap.trim().to_string(),
                ),
                ("tiep".into(), form.tiep.clone()),
            ],
        };
        posted_page(&state, parts, posted)
    };
    let app = &state.app;
    let limiter = &app.sign_in_limiter;
    // Counted before the (slow) check and taken back on success, so that many attempts sent
    // at once cannot all slip under the limit.
    if limiter.attempt(addr.ip()).await.is_err() {
        let act = audit::Act::new(AuditAction::SignInBlocked);
        let blocked = audit::record(
            &app.store,
            &origin,
            Default::default(),
            act,
            app.clock.now(),
        );
        if let Err(e) = blocked.await {
            tracing::error!(error = %e, "recording a blocked sign-in failed");
        }
        return back("qua-nhieu").await;
    }
    let credentials = Credentials {
        login: &form.ten_dang_nhap,
        password: &form.mat_khau,
    };
    let previous = app.settings.public_url.session_id(&headers);
    let signed_in = match sign_in(
        &app.store,
        &credentials,
        previous.as_deref(),
        &origin,
        app.clock.now(),
    )
    .await
    {
        Ok(s) => s,
        Err(SignInError::Refused) => return back("sai").await,
        Err(e @ SignInError::Store(_)) => {
            tracing::error!(error = %e, "sign-in failed");
            return back("loi-he-thong").await;
        }
    };
    limiter.forgive(addr.ip()).await;
    let home = match signed_in.account.kind {
        AccountKind::Staff => "/can-bo",
        AccountKind::Citizen => "/ho-so-cua-toi",
    };
    let to = local_path(&form.tiep).unwrap_or(home);
    let site = &app.settings.public_url;
    let jar = site.start_session(jar, &headers, &signed_in.session_id);
    (jar, see_other(to)).into_response()
}
