//! `GET /ngon-ngu/{lang}?tiep=/path`: remember the chosen UI language and go back.

use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use http::header;
use motcua_domain::text::Lang;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Next {
    tiep: Option<String>,
}

pub async fn get(Path(lang): Path<String>, Query(next): Query<Next>) -> Response {
    let lang = Lang::from_code(&lang);
    // Only a local path: never an open redirect to another site.
    let to = next
        .tiep
        .filter(|t| t.starts_with('/') && !t.starts_with("//") && !t.contains('\\'))
        .unwrap_or_else(|| "/thu-tuc".into());
    let cookie = format!(
        "lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    );
    ([(header::SET_COOKIE, cookie)], Redirect::to(&to)).into_response()
}
