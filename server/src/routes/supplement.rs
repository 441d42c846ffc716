//! The citizen's supplement answer; the rules are the core's (`motcua_core::supplement`).
//! - `POST /bo-sung/{code}`: open an answer (signed-in owner, or with the applicant's ID
//!   number or phone as in the lookup); it lives in a draft under a new token.
//! - `POST /bo-sung/{code}/{token}`: save what was typed and uploaded, check it with the
//!   same domain code as filing, and when all is well send it: the dossier goes back to
//!   where it was, the earlier answers and files are kept as a version.

use std::net::SocketAddr;

use app::pages::supplement::{CLOSED, SENT};
use axum::Form;
use axum::extract::{ConnectInfo, Multipart, Path, State};
use axum::response::Response;
use http::HeaderMap;
use motcua_core::citizen_access::ActingCitizen;
use motcua_core::filing::FilingToken;
use motcua_core::scan::OnePost;
use motcua_core::supplement::{self, AnswerError, AnswerPost, AnswerSaved, Pending, StartError};
use motcua_core::upload::SentFile;
use motcua_domain::ids::DossierCode;
use serde::Deserialize;

use crate::bad_form::FormNotRead;
use crate::error::AppError;
use crate::extract::RequestOrigin;
use crate::not_found::not_found;
use crate::router::ServerState;
use crate::routes::see_other;

#[derive(Deserialize)]
pub struct StartForm {
    #[serde(default)]
    giay_to: String,
}

pub async fn start(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<StartForm>,
) -> Result<Response, AppError> {
    let app = &state.app;
    let Ok(code) = DossierCode::parse(&code) else {
        return Ok(not_found());
    };
    let found = app::auth::citizen_dossier(app, &headers, &code, &form.giay_to, addr.ip()).await?;
    let Some(ActingCitizen { dossier, .. }) = found else {
        return Ok(not_found());
    };
    match supplement::start(&app.store, &dossier, app.clock.now()).await {
        Ok(token) => Ok(see_other(&format!(
            "/bo-sung/{}/{}",
            dossier.code,
            token.as_str()
        ))),
        Err(StartError::NotRequested) => Ok(not_found()),
        Err(StartError::Store(e)) => Err(e.into()),
    }
}

pub async fn answer(
    State(state): State<ServerState>,
    RequestOrigin(origin): RequestOrigin,
    Path((code, token)): Path<(String, String)>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let app = &state.app;
    let store = &app.store;
    let (Some(token), Ok(code)) = (FilingToken::parse(&token), DossierCode::parse(&code)) else {
        return Ok(not_found());
    };
    let Some(mut pending) = Pending::open(store, &code, &token).await? else {
        return Ok(not_found());
    };
    let here = format!("/bo-sung/{code}/{}", token.as_str());
    let not_read = FormNotRead::new(&headers, here.clone());
    let mut post = AnswerPost::begin(&mut pending, app.clock.now());
    let scanner = OnePost::new(app.scanner.as_ref());
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Ok(not_read.page(e)),
        };
        let name = field.name().unwrap_or("").to_string();
        if let Some(document_id) = name.strip_prefix("file.") {
            if !pending.asks_for(document_id) {
                continue;
            }
            let file_name = field.file_name().unwrap_or("").to_string();
            // A body cut off or over the request limit: the file did not arrive whole.
            let Ok(bytes) = field.bytes().await else {
                post.cut_off(&mut pending, document_id);
                continue;
            };
            let sent = SentFile {
                file_name: &file_name,
                bytes: &bytes,
            };
            post.upload(store, &scanner, &mut pending, document_id, sent)
                .await?;
            continue;
        }
        let Ok(value) = field.text().await else {
            continue;
        };
        post.input(name, value);
    }
    let dossier_code = pending.dossier.code.clone();
    let sent = post.finish(
        store,
        &app.calendar_cache,
        app.units.as_ref(),
        pending,
        &origin,
        app.clock.now(),
    );
    match sent.await {
        Ok(AnswerSaved::Refreshed) => Ok(see_other(&here)),
        Ok(AnswerSaved::Sent) => Ok(see_other(&format!("/bo-sung/{dossier_code}/{SENT}"))),
        Err(AnswerError::Refused) => Ok(see_other(&format!("{here}#loi"))),
        Err(AnswerError::NotTaken(e)) => {
            tracing::info!(error = ?e, "a supplement answer for a dossier that no longer waits");
            Ok(see_other(&format!("/bo-sung/{dossier_code}/{CLOSED}")))
        }
        Err(AnswerError::Store(e)) => Err(AppError::during("sending a supplement answer", e)),
    }
}
