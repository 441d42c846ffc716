//! `GET /can-bo/ho-so/{code}/tep/{id}` (a document the citizen sent) and
//! `GET /can-bo/ho-so/{code}/dinh-kem/{id}` (a file attached to a move, e.g. the result):
//! for staff of the dossier's agency only, shown in the browser (PDFs and photos open in a
//! tab). The content type is the one sniffed at upload, and `nosniff` keeps it so.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use motcua_core::workflow::{Who, load_for};
use motcua_domain::ids::DossierCode;
use motcua_store::Account;

use crate::error::AppError;
use crate::extract::SignedInStaff;
use crate::router::ServerState;

pub async fn document(
    State(state): State<ServerState>,
    SignedInStaff(officer): SignedInStaff,
    Path((code, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    serve(state, officer, code, move |store, code| async move {
        Ok(store
            .dossier_document_history(&code)
            .await?
            .into_iter()
            .find(|(f, _, _)| f.id == id)
            .map(|(f, _, _)| (f.sha256, f.content_type, f.original_name)))
    })
    .await
}

pub async fn attachment(
    State(state): State<ServerState>,
    SignedInStaff(officer): SignedInStaff,
    Path((code, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    serve(state, officer, code, move |store, code| async move {
        Ok(store
            .attachments(&code)
            .await?
            .into_iter()
            .find(|a| a.id == id)
            .map(|a| (a.sha256, a.content_type, a.original_name)))
    })
    .await
}

async fn serve<F, Fut>(
    state: ServerState,
    officer: Account,
    code: String,
    find: F,
) -> Result<Response, AppError>
where
    F: FnOnce(motcua_store::Store, DossierCode) -> Fut,
    Fut: std::future::Future<
            Output = Result<Option<(String, String, String)>, motcua_store::StoreError>,
        >,
{
    let store = state.app.store.clone();
    let Ok(code) = DossierCode::parse(&code) else {
        return Ok(not_found());
    };
    if load_for(&store, &Who::Staff(officer), &code).await.is_err() {
        return Ok(not_found());
    }
    let Some((sha, content_type, name)) = find(store.clone(), code).await? else {
        return Ok(not_found());
    };
    let bytes = store.read_file(&sha).await?;
    let disposition = format!(
        "inline; filename*=UTF-8''{}",
        motcua_domain::url::urlencode(&name)
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_str(&content_type)
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
        bytes,
    )
        .into_response())
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found").into_response()
}
