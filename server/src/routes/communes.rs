//! `GET /don-vi/{province}/xa`: the communes of a province as `<option>` elements, for the
//! address field in the browser (the form island drops them into the commune list).

use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse};
use http::header;

use crate::html::escape;
use crate::router::ServerState;

pub async fn get(
    State(state): State<ServerState>,
    Path(province): Path<String>,
) -> impl IntoResponse {
    let mut html = String::new();
    for c in state
        .app
        .units
        .communes
        .get(&province)
        .into_iter()
        .flatten()
    {
        html.push_str(&format!(
            "<option value=\"{}\">{}</option>",
            escape(&c.code),
            escape(&c.name)
        ));
    }
    (
        [(header::CACHE_CONTROL, "public, max-age=3600")],
        Html(html),
    )
}
