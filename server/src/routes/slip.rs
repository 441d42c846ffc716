//! `GET /phieu/{code}/{number}` (the print page) and `GET /phieu/{code}/{number}/pdf` (the
//! same slip as a PDF file) of a dossier's slip 01–06. Who may see the dossier is decided by
//! `app::slips::access`, which slips they may read and the slip itself by
//! `motcua_core::slips::slip_for`; `?su-kien=ID` picks the event that issued it when there are
//! several (e.g. two supplement requests), `?giay_to=` proves the citizen without an account.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, Query, State};
use axum::response::{Html, IntoResponse, Response};
use http::{HeaderMap, HeaderValue, header};
use motcua_core::slips::{SlipRequest, slip_for};
use motcua_domain::ids::DossierCode;
use serde::Deserialize;

use crate::error::AppError;
use crate::not_found::not_found;
use crate::router::ServerState;

#[derive(Deserialize, Default)]
pub struct SlipQuery {
    #[serde(rename = "su-kien")]
    event: Option<i64>,
    #[serde(default)]
    giay_to: String,
}

async fn load(
    state: &ServerState,
    headers: &HeaderMap,
    ip: std::net::IpAddr,
    code: &str,
    number: &str,
    q: &SlipQuery,
) -> Result<Option<motcua_slip::SlipDoc>, AppError> {
    let Ok(code) = DossierCode::parse(code) else {
        return Ok(None);
    };
    let Some((loaded, reader)) =
        app::slips::access(&state.app, headers, &code, &q.giay_to, ip).await?
    else {
        return Ok(None);
    };
    let request = SlipRequest {
        number,
        event: q.event,
        lookup_url: app::slips::lookup_url(&state.app.settings.public_url, headers, &code),
        now: state.app.clock.now(),
    };
    let names = app::slips::VietnameseNames(&state.app.units);
    Ok(slip_for(&state.app.store, &names, &loaded, reader, request).await?)
}

pub async fn page(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Path((code, number)): Path<(String, String)>,
    Query(q): Query<SlipQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Some(doc) = load(&state, &headers, addr.ip(), &code, &number, &q).await? else {
        return Ok(not_found());
    };
    let mut pdf = format!("/phieu/{code}/{number}/pdf?");
    if let Some(e) = q.event {
        pdf.push_str(&format!("su-kien={e}&"));
    }
    if !q.giay_to.is_empty() {
        pdf.push_str(&format!(
            "giay_to={}",
            motcua_domain::url::urlencode(&q.giay_to)
        ));
    }
    Ok(private(
        Html(app::pages::slip::slip_html(doc, pdf)).into_response(),
    ))
}

pub async fn pdf(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Path((code, number)): Path<(String, String)>,
    Query(q): Query<SlipQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Some(doc) = load(&state, &headers, addr.ip(), &code, &number, &q).await? else {
        return Ok(not_found());
    };
    let bytes = tokio::task::spawn_blocking(move || motcua_slip::to_pdf(&doc))
        .await?
        .map_err(|e| AppError::during("making a slip PDF", e))?;
    let name = format!("attachment; filename=\"phieu-{number}-{code}.pdf\"");
    Ok(private(
        (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/pdf"),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_str(&name).unwrap_or(HeaderValue::from_static("attachment")),
                ),
            ],
            bytes,
        )
            .into_response(),
    ))
}

/// Slips hold personal data: never kept by a shared cache.
fn private(mut r: Response) -> Response {
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    r
}
