//! `GET /can-bo/ho-so/{code}/tep/{id}` (a document the citizen sent) and
//! `GET /can-bo/ho-so/{code}/dinh-kem/{id}` (a file attached to a move, e.g. the result):
//! for staff of the dossier's agency only (`motcua_core::staff_file`). The content type is the
//! one sniffed at upload, and `nosniff` keeps it so. Photos open in the browser; anything
//! else (a PDF, which can carry scripts and forms) is downloaded, never shown on our origin.
//! `Content-Security-Policy: sandbox` keeps even a file the browser does show from acting as
//! a page of ours. The name is the citizen's, cleaned when it was uploaded, in the RFC 6266
//! form with an ASCII fallback for old browsers.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, header};
use motcua_core::staff_file::{ServedFile, StaffFile, StaffFileError};
use motcua_domain::ids::DossierCode;

use crate::error::AppError;
use crate::extract::{RequestOrigin, SignedInStaff};
use crate::not_found::not_found;
use crate::router::ServerState;
use motcua_core::audit::Origin;
use motcua_core::staff_file::Opening;
use motcua_store::Account;

pub async fn document(
    State(state): State<ServerState>,
    RequestOrigin(origin): RequestOrigin,
    SignedInStaff(officer): SignedInStaff,
    Path((code, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let Ok(code) = DossierCode::parse(&code) else {
        return Ok(not_found());
    };
    let opening = opening(&state, &officer, &origin);
    respond(StaffFile::document(&state.app.store, &opening, &code, id).await)
}

pub async fn attachment(
    State(state): State<ServerState>,
    RequestOrigin(origin): RequestOrigin,
    SignedInStaff(officer): SignedInStaff,
    Path((code, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let Ok(code) = DossierCode::parse(&code) else {
        return Ok(not_found());
    };
    let opening = opening(&state, &officer, &origin);
    respond(StaffFile::attachment(&state.app.store, &opening, &code, id).await)
}

fn opening<'a>(state: &ServerState, officer: &'a Account, origin: &'a Origin) -> Opening<'a> {
    Opening {
        officer,
        origin,
        now: state.app.clock.now(),
    }
}

fn respond(found: Result<ServedFile, StaffFileError>) -> Result<Response, AppError> {
    let file = match found {
        Ok(file) => file,
        Err(StaffFileError::NotFound) => return Ok(not_found()),
        Err(StaffFileError::Store(e)) => return Err(AppError::during("serving a file", e)),
    };
    let shown = matches!(file.content_type.as_str(), "image/jpeg" | "image/png");
    let disposition = content_disposition(shown, &file.original_name);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_str(&file.content_type)
                    .unwrap_or(HeaderValue::from_static("application/octet-stream")),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("sandbox; default-src 'none'; img-src 'self'"),
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

/// `inline` (shown) or `attachment`, with the name as RFC 6266 gives it: `filename` in ASCII
/// (anything else, and the quote and backslash, as `_`) and `filename*` in UTF-8.
fn content_disposition(shown: bool, name: &str) -> HeaderValue {
    let kind = if shown { "inline" } else { "attachment" };
    let ascii: String = name
        .chars()
        .map(|c| {
            if (c.is_ascii_graphic() && c != '"' && c != '\\') || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let value = format!(
        "{kind}; filename=\"{ascii}\"; filename*=UTF-8''{}",
        motcua_domain::url::urlencode(name)
    );
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("attachment"))
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn the_name_is_given_twice_ascii_and_utf8() {
        assert_eq!(
            content_disposition(false, "Giấy \"tờ\".pdf"),
            "attachment; filename=\"Gi_y _t__.pdf\"; \
             filename*=UTF-8''Gi%E1%BA%A5y%20%22t%E1%BB%9D%22.pdf"
        );
        assert_eq!(
            content_disposition(true, "anh.jpg"),
            "inline; filename=\"anh.jpg\"; filename*=UTF-8''anh.jpg"
        );
    }
}
