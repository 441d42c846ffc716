//! `GET /can-bo/so-theo-doi?tu=YYYY-MM-DD&den=YYYY-MM-DD[&pdf=1]`: slip 07, the tracking book
//! of the officer's agency — one row per dossier accepted in the period (both dates
//! included, Asia/Ho_Chi_Minh), with its result class. The current month by default.

use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use http::{HeaderValue, header};
use motcua_core::slips::{self, tracking_book_for};
use motcua_domain::format::{VN_OFFSET, parse_iso_date};
use serde::Deserialize;

use crate::error::AppError;
use crate::extract::SignedInStaff;
use crate::not_found::not_found;
use crate::router::ServerState;

#[derive(Deserialize, Default)]
pub struct Period {
    #[serde(default)]
    tu: String,
    #[serde(default)]
    den: String,
    #[serde(default)]
    pdf: Option<String>,
}

pub async fn get(
    State(state): State<ServerState>,
    SignedInStaff(officer): SignedInStaff,
    Query(p): Query<Period>,
) -> Result<Response, AppError> {
    let app = &state.app;
    let now = app.clock.now();
    let today = now.to_offset(VN_OFFSET).date();
    let period = slips::Period::asked(parse_iso_date(&p.tu), parse_iso_date(&p.den), today);
    let names = app::slips::VietnameseNames(&app.units);
    let found = match &officer.agency_code {
        Some(agency) => tracking_book_for(&app.store, &names, agency, period, now).await?,
        None => None,
    };
    let Some(doc) = found else {
        return Ok(not_found());
    };
    let (from, to) = (period.from, period.to);
    let mut response = if p.pdf.is_some() {
        let bytes = tokio::task::spawn_blocking(move || motcua_slip::to_pdf(&doc))
            .await?
            .map_err(|e| AppError::during("making the tracking book PDF", e))?;
        (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/pdf"),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_static("attachment; filename=\"so-theo-doi.pdf\""),
                ),
            ],
            bytes,
        )
            .into_response()
    } else {
        let pdf = format!("/can-bo/so-theo-doi?tu={from}&den={to}&pdf=1");
        Html(app::pages::slip::slip_html(doc, pdf, None)).into_response()
    };
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}
