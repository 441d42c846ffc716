//! `POST /dang-xuat`: ends the session on the server and removes the cookie.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, header};

use crate::router::ServerState;
use crate::routes::see_other;

pub async fn post(State(state): State<ServerState>, headers: HeaderMap) -> Response {
    if let Some(id) = state.app.settings.public_url.session_id(&headers)
        && let Err(e) = state.app.store.delete_session(&id).await
    {
        tracing::error!(error = %e, "sign-out failed");
    }
    (
        [(
            header::SET_COOKIE,
            state.app.settings.public_url.clear_session_cookie(&headers),
        )],
        see_other("/dang-nhap?da_dang_xuat=1"),
    )
        .into_response()
}
