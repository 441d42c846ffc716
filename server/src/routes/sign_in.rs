//! `POST /dang-nhap`: sign in with a user name (staff) or phone number (citizen) and a
//! password. A new session id is issued at every sign-in (no session fixation); failures
//! are answered the same whether the account exists or not, each one is slowed down, and
//! after five from one address in five minutes further tries are refused for a while
//! (attempts in flight count, so parallel guesses do not get past the limit).

use std::net::SocketAddr;

use axum::Form;
use axum::extract::{ConnectInfo, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, header};
use motcua_store::AccountKind;
use serde::Deserialize;

use crate::router::ServerState;
use crate::routes::{local_path, see_other};

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    ten_dang_nhap: String,
    #[serde(default)]
    mat_khau: String,
    #[serde(default)]
    tiep: String,
}

/// A hash to verify against when the login is unknown, so both answers take as long.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$0Xbk9D3pdSyb0YTnAA5bMfmCI0nN3dJVgQNwmjaCWKU";

/// How the login is stored: a phone in its canonical `0…` form, a user name in lower case.
pub fn normalise_login(login: &str) -> String {
    let login = login.trim();
    motcua_domain::validate::parse_phone(login).unwrap_or_else(|| login.to_lowercase())
}

pub async fn post(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> Response {
    use app::components::layout::urlencode;
    let back = |error: &str| {
        see_other(&format!(
            "/dang-nhap?loi={error}&ten={}&tiep={}",
            urlencode(form.ten_dang_nhap.trim()),
            urlencode(&form.tiep)
        ))
    };
    let limiter = &state.app.sign_in_limiter;
    if limiter.blocked(addr.ip()).await.is_some() {
        return back("qua-nhieu");
    }
    // Counted before the (slow) check and taken back on success, so that many attempts sent
    // at once cannot all slip under the limit.
    limiter.miss(addr.ip()).await;
    let login = normalise_login(&form.ten_dang_nhap);
    let store = &state.app.store;
    let found = match store.account_for_sign_in(&login).await {
        Ok(f) => f,
        Err(e) => {
            tracing::error!(error = %e, "sign-in lookup failed");
            return back("loi-he-thong");
        }
    };
    let password = form.mat_khau.clone();
    let (account, hash) = match found {
        Some((a, h)) => (Some(a), h),
        None => (None, DUMMY_HASH.to_string()),
    };
    let ok = tokio::task::spawn_blocking(move || app::auth::verify_password(&password, &hash))
        .await
        .unwrap_or(false);
    let Some(account) = account.filter(|a| ok && a.active) else {
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        return back("sai");
    };
    limiter.forgive(addr.ip()).await;
    // A session the browser already had is ended: the new one gets a fresh id.
    if let Some(old) = state.app.settings.public_url.session_id(&headers) {
        let _ = store.delete_session(&old).await;
    }
    let session = match store
        .create_session(account.id, state.app.clock.now())
        .await
    {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(error = %e, "creating a session failed");
            return back("loi-he-thong");
        }
    };
    let home = match account.kind {
        AccountKind::Staff => "/can-bo",
        AccountKind::Citizen => "/ho-so-cua-toi",
    };
    let to = local_path(&form.tiep).unwrap_or(home);
    (
        [(
            header::SET_COOKIE,
            state
                .app
                .settings
                .public_url
                .session_cookie(&headers, &session),
        )],
        see_other(to),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_normalised() {
        assert_eq!(normalise_login(" +84 912 345 678 "), "0912345678");
        assert_eq!(
            normalise_login("TiepNhan.000.00.06.H56"),
            "tiepnhan.000.00.06.h56"
        );
    }

    #[test]
    fn the_dummy_hash_is_a_valid_hash() {
        // A malformed hash would make unknown logins answer faster than wrong passwords.
        let started = std::time::Instant::now();
        assert!(!app::auth::verify_password("x", DUMMY_HASH));
        assert!(started.elapsed() > std::time::Duration::from_millis(1));
    }
}
