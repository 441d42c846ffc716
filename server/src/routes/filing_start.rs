//! `POST /thu-tuc/{code}/nop`: start a filing of the version of `code` in effect today.

use axum::extract::{Path, State};
use axum::response::Response;
use motcua_core::filing::{self, StartError};

use crate::error::AppError;
use crate::not_found::not_found;
use crate::router::ServerState;
use crate::routes::see_other;

pub async fn post(
    State(state): State<ServerState>,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let app = &state.app;
    match filing::start(&app.store, &code, app.clock.now()).await {
        Ok(token) => Ok(see_other(&app::api::filing::ssr::page_href(
            &code,
            &token,
            app::flow::APPLICANT,
        ))),
        Err(StartError::NoSuchProcedure) => Ok(not_found()),
        Err(StartError::Store(e)) => Err(e.into()),
    }
}
