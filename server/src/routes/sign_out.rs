//! `POST /dang-xuat`: ends the session on the server and removes the cookie.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, header};
use motcua_core::accounts::sessions::sign_out;

use crate::router::ServerState;
use crate::routes::see_other;

pub async fn post(State(state): State<ServerState>, headers: HeaderMap) -> Response {
    let app = &state.app;
    if let Some(id) = app.settings.public_url.session_id(&headers)
        && let Err(e) = sign_out(&app.store, &id).await
    {
        tracing::error!(error = %e, "sign-out failed");
    }
    (
        [(
            header::SET_COOKIE,
            app.settings.public_url.clear_session_cookie(&headers),
        )],
        see_other("/dang-nhap?da_dang_xuat=1"),
    )
        .into_response()
}
