//! Communes of a province, for the address field in the browser.

use leptos::prelude::*;

use crate::components::fields::UnitOption;

/// The communes (xã, phường) of `province`, in the deployment's unit table.
#[server(endpoint = "don-vi")]
pub async fn get_communes(province: String) -> Result<Vec<UnitOption>, ServerFnError> {
    let state = crate::api::AppState::get()?;
    Ok(state
        .units
        .communes
        .get(&province)
        .cloned()
        .unwrap_or_default())
}
