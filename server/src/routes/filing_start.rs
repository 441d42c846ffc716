//! `POST /thu-tuc/{code}/nop`: start a filing of the version of `code` in effect today.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;

use crate::error::AppError;
use crate::router::ServerState;
use crate::routes::see_other;

pub async fn post(
    State(state): State<ServerState>,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let store = &state.app.store;
    let today = app::api::state::today_vn();
    let Some(procedure) = store.current_procedure(&code, today).await? else {
        return Ok(StatusCode::NOT_FOUND.into_response());
    };
    let token = store.create_draft(procedure.id).await?;
    Ok(see_other(&format!(
        "/thu-tuc/{code}/nop/{token}/{}",
        app::flow::APPLICANT
    )))
}
