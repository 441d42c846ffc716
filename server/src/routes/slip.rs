//! `/phieu/{code}/{number}` (the print page) and `/phieu/{code}/{number}/pdf` (the same slip
//! as a PDF file) of a dossier's slip 01–06. Who may see the dossier is decided by
//! `app::slips::access`, which slips they may read and the slip itself by
//! `motcua_core::slips::slip_for`; `?su-kien=ID` picks the event that issued it when there are
//! several (e.g. two supplement requests). Signed in (the citizen's own dossier, or staff) they
//! are GETs; a citizen without an account posts the access code (`giay_to`) to the same
//! addresses, so it never stands in a URL, and a GET never counts as a guess.

use std::net::SocketAddr;

use axum::Form;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::response::{Html, IntoResponse, Response};
use http::{HeaderMap, HeaderValue, Method, header};
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
}

/// The guest's proof, posted.
#[derive(Deserialize, Default)]
pub struct SlipProof {
    #[serde(default)]
    giay_to: String,
}

/// Which slip, asked how: the path, the query and the proof if one was posted.
pub struct Asked {
    code: String,
    number: String,
    query: SlipQuery,
    proof: String,
}

async fn load(
    state: &ServerState,
    headers: &HeaderMap,
    ip: std::net::IpAddr,
    asked: &Asked,
) -> Result<Option<motcua_slip::SlipDoc>, AppError> {
    let Ok(code) = DossierCode::parse(&asked.code) else {
        return Ok(None);
    };
    let Some((loaded, reader)) =
        app::slips::access(&state.app, headers, &code, &asked.proof, ip).await?
    else {
        return Ok(None);
    };
    let request = SlipRequest {
        number: &asked.number,
        event: asked.query.event,
        lookup_url: app::slips::lookup_url(&state.app.settings.public_url, headers, &code),
        now: state.app.clock.now(),
    };
    let names = app::slips::VietnameseNames(&state.app.units);
    Ok(slip_for(&state.app.store, &names, &loaded, reader, request).await?)
}

impl FromRequest<ServerState> for Asked {
    type Rejection = Response;

    async fn from_request(req: Request, state: &ServerState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let Path((code, number)) = Path::<(String, String)>::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Query(query) = Query::<SlipQuery>::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let proof = if parts.method == Method::POST {
            let req = Request::from_parts(parts, body);
            let Form(SlipProof { giay_to }) = Form::from_request(req, state)
                .await
                .map_err(IntoResponse::into_response)?;
            giay_to
        } else {
            String::new()
        };
        Ok(Asked {
            code,
            number,
            query,
            proof,
        })
    }
}

/// The print page: `GET` signed in (a citizen's own dossier, or staff), `POST` a guest with
/// the access code.
pub async fn page(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    asked: Asked,
) -> Result<Response, AppError> {
    let Some(doc) = load(&state, &headers, addr.ip(), &asked).await? else {
        return Ok(not_found());
    };
    let mut pdf = format!("/phieu/{}/{}/pdf", asked.code, asked.number);
    if let Some(e) = asked.query.event {
        pdf.push_str(&format!("?su-kien={e}"));
    }
    let proof = Some(asked.proof).filter(|p| !p.is_empty());
    Ok(private(
        Html(app::pages::slip::slip_html(doc, pdf, proof)).into_response(),
    ))
}

/// The same slip as a PDF file, asked for the same two ways.
pub async fn pdf(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    asked: Asked,
) -> Result<Response, AppError> {
    let Some(doc) = load(&state, &headers, addr.ip(), &asked).await? else {
        return Ok(not_found());
    };
    let bytes = tokio::task::spawn_blocking(move || motcua_slip::to_pdf(&doc))
        .await?
        .map_err(|e| AppError::during("making a slip PDF", e))?;
    let name = format!(
        "attachment; filename=\"phieu-{}-{}.pdf\"",
        asked.number, asked.code
    );
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
