//! `POST /dang-xuat`: ends the session on the server and removes the cookie.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use http::HeaderMap;
use motcua_core::accounts::sessions::sign_out;

use crate::router::ServerState;
use crate::routes::see_other;

pub async fn post(
    State(state): State<ServerState>,
    headers: HeaderMap,
    jar: CookieJar,
) -> Response {
    let app = &state.app;
    if let Some(id) = app.settings.public_url.session_id(&headers)
        && let Err(e) = sign_out(&app.store, &id).await
    {
        tracing::error!(error = %e, "sign-out failed");
    }
    let jar = app.settings.public_url.end_session(jar, &headers);
    (jar, see_other("/dang-nhap?da_dang_xuat=1")).into_response()
}
