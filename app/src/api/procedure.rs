//! One procedure's public information (level 1).

use leptos::prelude::*;

use crate::api::ApiError;
use motcua_domain::procedure::Procedure;
#[cfg(feature = "ssr")]
use motcua_store::prelude::*;

/// The version of procedure `code` in effect today, if it exists.
#[server(endpoint = "thu-tuc")]
pub async fn get_procedure(code: String) -> Result<Option<Procedure>, ApiError> {
    let state = crate::api::AppState::get()?;
    let found = state
        .store
        .current_procedure(&code, motcua_domain::format::today_vn(state.clock.now()))
        .await?;
    Ok(found.map(|s| s.procedure))
}
