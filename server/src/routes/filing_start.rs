//! `POST /thu-tuc/{code}/nop`: start a filing of the version of `code` in effect today.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;

use crate::router::ServerState;
use crate::routes::see_other;

pub async fn post(State(state): State<ServerState>, Path(code): Path<String>) -> Response {
    let store = &state.app.store;
    let today = app::api::state::today_vn();
    let procedure = match store.current_procedure(&code, today).await {
        Ok(Some(p)) => p,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    };
    match store.create_draft(procedure.id).await {
        Ok(token) => see_other(&format!(
            "/thu-tuc/{code}/nop/{token}/{}",
            app::flow::APPLICANT
        )),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}
