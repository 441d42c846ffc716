//! `GET /can-bo/ho-so/{code}/tep/{id}` (a document the citizen sent) and
//! `GET /can-bo/ho-so/{code}/dinh-kem/{id}` (a file attached to a move, e.g. the result):
//! for staff of the dossier's agency only (`motcua_core::staff_file`), shown in the browser
//! (PDFs and photos open in a tab). The content type is the one sniffed at upload, and
//! `nosniff` keeps it so.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, header};
use motcua_core::staff_file::{ServedFile, StaffFile, StaffFileError};
use motcua_domain::ids::DossierCode;

use crate::error::AppError;
use crate::extract::SignedInStaff;
use crate::not_found::not_found;
use crate::router::ServerState;

pub async fn document(
    State(state): State<ServerState>,
    SignedInStaff(officer): SignedInStaff,
    Path((code, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let Ok(code) = DossierCode::parse(&code) else {
        return Ok(not_found());
    };
    respond(StaffFile::document(&state.app.store, &officer, &code, id).await)
}

pub async fn attachment(
    State(state): State<ServerState>,
    SignedInStaff(officer): SignedInStaff,
    Path((code, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let Ok(code) = DossierCode::parse(&code) else {
        return Ok(not_found());
    };
    respond(StaffFile::attachment(&state.app.store, &officer, &code, id).await)
}

fn respond(found: Result<ServedFile, StaffFileError>) -> Result<Response, AppError> {
    let file = match found {
        Ok(file) => file,
        Err(StaffFileError::NotFound) => return Ok(not_found()),
        Err(StaffFileError::Store(e)) => return Err(AppError::during("serving a file", e)),
    };
    let disposition = format!(
        "inline; filename*=UTF-8''{}",
        motcua_domain::url::urlencode(&file.original_name)
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_str(&file.content_type)
                    .unwrap_or(HeaderValue::from_static("application/octet-stream")),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("inline")),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        file.bytes,
    )
        .into_response())
}
