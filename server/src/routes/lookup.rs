//! `POST /tra-cuu`: the lookup form, posted so that the ID number or access code travels in
//! the body and never in a URL. The answer is the Leptos lookup page itself, given the posted
//! pair ([`crate::render::posted_page`]); the page counts the attempt against the client and
//! looks the dossier up.

use app::pages::Posted;
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use http::request::Parts;
use serde::Deserialize;

use crate::render::posted_page;
use crate::router::ServerState;

/// A dossier code and what proves it (the ID number or the access code), as the lookup and
/// the claim on "my dossiers" post them.
#[derive(Deserialize)]
pub struct CodeAndProof {
    #[serde(default)]
    pub ma: String,
    #[serde(default)]
    pub giay_to: String,
}

pub async fn post(
    State(state): State<ServerState>,
    parts: Parts,
    Form(form): Form<CodeAndProof>,
) -> Response {
    let posted = Posted {
        errors: String::new(),
        values: vec![("ma".into(), form.ma), ("giay_to".into(), form.giay_to)],
    };
    posted_page(&state, parts, posted).await
}
