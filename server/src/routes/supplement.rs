//! The citizen's supplement answer.
//! - `POST /bo-sung/{code}`: open an answer (signed-in owner, or with the applicant's ID
//!   number or phone as in the lookup); it lives in a draft under a new token.
//! - `POST /bo-sung/{code}/{token}`: save what was typed and uploaded, check it with the
//!   same domain code as filing, and when all is well send it: the dossier goes back to
//!   where it was, the earlier answers and files are kept as a version.

use std::net::SocketAddr;

use app::api::supplement::ssr::{Pending, SupplementDraft, load};
use axum::Form;
use axum::extract::{ConnectInfo, Multipart, Path, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode};
use motcua_core::upload::{self, AttachError, SentFile};
use motcua_core::workflow::{ActionError, ActionInput, Who, perform};
use motcua_domain::answers::RawForm;
use motcua_domain::upload::{FileRule, UploadProblemKind};
use motcua_domain::validate::validate_fields;
use motcua_domain::workflow::Action;
use motcua_store::{NewDocument, SupplementAnswer};
use serde::Deserialize;
use serde_json::Value;

use crate::error::AppError;
use crate::router::ServerState;
use crate::routes::see_other;

#[derive(Deserialize)]
pub struct StartForm {
    #[serde(default)]
    giay_to: String,
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found").into_response()
}

pub async fn start(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<StartForm>,
) -> Result<Response, AppError> {
    let app = &state.app;
    let store = &app.store;
    let found = app::auth::citizen_dossier(app, &headers, &code, &form.giay_to, addr.ip()).await;
    let dossier = found.ok().flatten().map(|(d, _)| d);
    let Some(dossier) =
        dossier.filter(|d| d.status == motcua_domain::workflow::Status::SupplementRequested)
    else {
        return Ok(not_found());
    };
    let data = SupplementDraft {
        supplement_for: dossier.code.clone(),
        ..Default::default()
    };
    let token = store.create_draft(dossier.procedure_id).await?;
    store
        .save_draft(&token, &serde_json::to_value(&data)?)
        .await?;
    Ok(see_other(&format!("/bo-sung/{}/{token}", dossier.code)))
}

pub async fn answer(
    State(state): State<ServerState>,
    Path((code, token)): Path<(String, String)>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let store = &state.app.store;
    let Ok(Some(mut p)) = load(store, &code, &token).await else {
        return Ok(not_found());
    };
    let here = format!("/bo-sung/{code}/{token}");
    let mut raw = RawForm::new();
    let mut refresh = false;
    p.data.upload_problems.clear();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return Ok((StatusCode::BAD_REQUEST, "Bad form").into_response()),
        };
        let name = field.name().unwrap_or("").to_string();
        if let Some(doc_id) = name.strip_prefix("file.") {
            let Some(doc) = p.documents.iter().find(|d| d.id == doc_id).cloned() else {
                continue;
            };
            let file_name = field.file_name().unwrap_or("").to_string();
            // A body cut off or over the request limit: the file did not arrive whole.
            let Ok(bytes) = field.bytes().await else {
                let max_mb = FileRule::of(&doc).max_mb;
                p.data
                    .upload_problems
                    .insert(doc.id.clone(), UploadProblemKind::TooLarge { max_mb });
                continue;
            };
            let sent = SentFile {
                file_name: &file_name,
                bytes: &bytes,
            };
            match upload::attach(store, &token, &doc, sent).await {
                Ok(()) => {}
                Err(AttachError::Refused(problem)) => {
                    p.data.upload_problems.insert(doc.id.clone(), problem);
                }
                Err(AttachError::Store(e)) => return Err(e.into()),
            }
            continue;
        }
        let Ok(value) = field.text().await else {
            continue;
        };
        if name == "_action" {
            refresh = value == "refresh";
        } else if !name.starts_with('_') {
            raw.entry(name).or_default().push(value);
        }
    }
    let answers = p.dossier.answers.as_object().cloned().unwrap_or_default();
    let mut earlier = answers.clone();
    for f in &p.fields {
        earlier.remove(&f.id);
    }
    let ctx = app::api::filing::ssr::context(&state.app);
    let outcome = validate_fields(&p.fields, &raw, &earlier, &ctx);
    let uploads = store.uploads(&token).await?;
    if !refresh {
        for d in &p.documents {
            if !uploads.iter().any(|u| u.document_id == d.id)
                && !p.data.upload_problems.contains_key(&d.id)
            {
                p.data
                    .upload_problems
                    .insert(d.id.clone(), UploadProblemKind::Missing);
            }
        }
    }
    p.data.raw = Some(raw);
    p.data.errors = outcome.errors.clone();
    let ok = !refresh && outcome.errors.is_empty() && p.data.upload_problems.is_empty();
    if !ok {
        return save_and_return(store, &token, &p, &here, refresh).await;
    }
    send(&state, &p, &token, earlier, outcome.answers, uploads).await
}

async fn save_and_return(
    store: &motcua_store::Store,
    token: &str,
    p: &Pending,
    here: &str,
    refresh: bool,
) -> Result<Response, AppError> {
    let data = serde_json::to_value(&p.data).unwrap_or(Value::Null);
    store.save_draft(token, &data).await?;
    Ok(see_other(&if refresh {
        here.to_string()
    } else {
        format!("{here}#loi")
    }))
}

async fn send(
    state: &ServerState,
    p: &Pending,
    token: &str,
    earlier: motcua_domain::answers::Answers,
    changed: motcua_domain::answers::Answers,
    uploads: Vec<motcua_store::UploadedFile>,
) -> Result<Response, AppError> {
    let store = &state.app.store;
    let mut documents = vec![];
    for u in &uploads {
        documents.push(NewDocument {
            document_id: u.document_id.clone(),
            original_name: u.original_name.clone(),
            content_type: u.content_type.clone(),
            bytes: store.read_file(&u.sha256).await?,
        });
    }
    let mut answers = earlier;
    answers.extend(changed);
    let input = ActionInput {
        supplement: Some(SupplementAnswer {
            answers: Value::Object(answers),
            replace_documents: p.documents.iter().map(|d| d.id.clone()).collect(),
            documents,
        }),
        ..Default::default()
    };
    let now = state.app.clock.now();
    match perform(
        store,
        &state.app.settings.working_periods,
        &Who::Citizen(None),
        &p.dossier.code,
        Action::Resupply,
        input,
        now,
    )
    .await
    {
        Ok(_) | Err(ActionError::Moved) => {
            let _ = store.delete_draft(token).await;
            Ok(see_other(&format!("/bo-sung/{}/xong", p.dossier.code)))
        }
        Err(ActionError::Internal(e)) => Err(AppError::during("sending a supplement answer", e)),
        Err(e) => Ok((StatusCode::CONFLICT, format!("{e:?}")).into_response()),
    }
}
