//! `POST /thu-tuc/{code}/nop/{token}/{page}`: one page of a filing, sent without or with
//! JavaScript alike. Every post saves what was typed first, so nothing is lost, then
//! validates with the domain code and redirects (303) to the next page or back to the same
//! page with its problems (post/redirect/get).

use app::api::filing::ssr::{Loaded, context, load};
use app::flow::{self, PageKind, UploadProblem};
use axum::Form;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use motcua_core::upload::{self, AttachError, SentFile};
use motcua_domain::answers::RawForm;
use motcua_domain::upload::UploadProblemKind;
use motcua_domain::validate::validate_fields;
use motcua_store::Applicant;
use serde_json::Value;

use crate::error::AppError;
use crate::router::ServerState;
use crate::routes::see_other;

/// The answer when a post is not taken: the request's fault (a status and a message) or
/// ours (an [`AppError`], logged and shown as the error page).
type Failure = Response;

fn internal(e: impl std::fmt::Display) -> Failure {
    AppError::from(e).into_response()
}

fn refused(status: StatusCode, message: impl std::fmt::Display) -> Failure {
    (status, message.to_string()).into_response()
}

pub async fn post(
    State(state): State<ServerState>,
    Path((code, token, page)): Path<(String, String, String)>,
    req: Request,
) -> Response {
    handle(state, code, token, page, req).await.into_response()
}

async fn handle(
    state: ServerState,
    code: String,
    token: String,
    page: String,
    req: Request,
) -> Result<Response, Failure> {
    let app = &state.app;
    let Some(mut l) = load(app, &code, &token).await.map_err(internal)? else {
        return Err(refused(StatusCode::NOT_FOUND, "Not found"));
    };
    if l.draft.dossier_code.is_some() {
        // Filed already: a retried submit lands on the same receipt.
        return Ok(see_other(&l.href(flow::RECEIPT)));
    }
    let Some(kind) = flow::page_kind(&l.procedure, &page) else {
        return Err(refused(StatusCode::NOT_FOUND, "Not found"));
    };
    let citizen = app::auth::account_for(app, req.headers())
        .await
        .filter(|a| a.kind == motcua_store::AccountKind::Citizen)
        .map(|a| a.id);
    match kind {
        PageKind::Applicant | PageKind::Step(_) => {
            let Form(pairs) = Form::<Vec<(String, String)>>::from_request(req, &state)
                .await
                .map_err(|e| refused(StatusCode::BAD_REQUEST, e))?;
            form_page(&state, &mut l, &page, kind, pairs).await
        }
        PageKind::Documents => {
            let multipart = Multipart::from_request(req, &state)
                .await
                .map_err(|e| refused(StatusCode::BAD_REQUEST, e))?;
            documents_page(&state, &mut l, &page, multipart).await
        }
        PageKind::Review => file(&state, &mut l, citizen).await,
    }
}

async fn save(state: &ServerState, l: &Loaded) -> Result<(), Failure> {
    let data = serde_json::to_value(&l.state).map_err(internal)?;
    state
        .app
        .store
        .save_draft(&l.draft.token, &data)
        .await
        .map_err(internal)
}

/// A form page: applicant details or one Step of the procedure's form.
async fn form_page(
    state: &ServerState,
    l: &mut Loaded,
    page: &str,
    kind: PageKind,
    pairs: Vec<(String, String)>,
) -> Result<Response, Failure> {
    let action = pairs
        .iter()
        .find(|(k, _)| k == "_action")
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| "next".into());
    let to_review = pairs.iter().any(|(k, v)| k == "_return" && v == "review");
    let mut raw: RawForm = motcua_domain::answers::raw_from_pairs(
        pairs.into_iter().filter(|(k, _)| !k.starts_with('_')),
    );
    let here = l.href(page);
    let here_again = if to_review {
        format!("{here}?sua=1")
    } else {
        here.clone()
    };

    if let Some(group) = action.strip_prefix("add:") {
        add_entry(&mut raw, group);
        l.state.raw.insert(page.to_string(), raw);
        // Problems of the old list would point at entries that moved; "Continue" re-checks.
        l.state.errors.remove(page);
        save(state, l).await?;
        return Ok(see_other(&format!("{here_again}#{group}")));
    }
    if let Some((group, index)) = action
        .strip_prefix("remove:")
        .and_then(|rest| rest.rsplit_once(':'))
    {
        let prefix = format!("{group}[{index}].");
        raw.retain(|k, _| !k.starts_with(&prefix));
        l.state.raw.insert(page.to_string(), raw);
        l.state.errors.remove(page);
        save(state, l).await?;
        return Ok(see_other(&format!("{here_again}#{group}")));
    }
    l.state.raw.insert(page.to_string(), raw.clone());
    if action == "refresh" {
        // Without JavaScript: show the page again with conditions and lists recomputed.
        l.state.errors.remove(page);
        save(state, l).await?;
        return Ok(see_other(&here_again));
    }

    let ctx = context(&state.app);
    let applicant_fields = l.applicant_fields();
    let (fields, earlier) = match kind {
        PageKind::Step(i) => {
            let eval = flow::evaluate(&l.procedure, &applicant_fields, &l.state, &ctx);
            (l.procedure.form[i].fields.clone(), eval.before(page))
        }
        _ => (applicant_fields, Default::default()),
    };
    let outcome = validate_fields(&fields, &raw, &earlier, &ctx);
    if !outcome.errors.is_empty() {
        l.state.errors.insert(page.to_string(), outcome.errors);
        l.state.done.remove(page);
        save(state, l).await?;
        return Ok(see_other(&format!("{here_again}#loi")));
    }
    l.state.errors.remove(page);
    l.state.done.insert(page.to_string());
    save(state, l).await?;
    let next = if to_review {
        flow::REVIEW.to_string()
    } else {
        flow::next_page(&l.procedure, page).unwrap_or_else(|| flow::REVIEW.to_string())
    };
    Ok(see_other(&l.href(&next)))
}

/// Adds an empty entry to repeating group `group`, after the last one.
fn add_entry(raw: &mut RawForm, group: &str) {
    let next = app::components::fields::entry_indices(raw, group)
        .last()
        .map(|i| i + 1)
        .unwrap_or(0);
    raw.insert(format!("{group}[{next}]._new"), vec![String::new()]);
}

/// The documents page: store each file that passes the checks, report the others at their
/// document, remove files on request, and move on when every required document has a file.
async fn documents_page(
    state: &ServerState,
    l: &mut Loaded,
    page: &str,
    mut multipart: Multipart,
) -> Result<Response, Failure> {
    let store = &state.app.store;
    let ctx = context(&state.app);
    let answers = flow::evaluate(&l.procedure, &l.applicant_fields(), &l.state, &ctx).answers();
    let documents: Vec<_> = motcua_domain::condition::applicable_documents(&l.procedure, &answers)
        .into_iter()
        .cloned()
        .collect();
    let mut problems: Vec<UploadProblem> = vec![];
    let mut action = "next".to_string();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| refused(StatusCode::BAD_REQUEST, e))?
    {
        let name = field.name().unwrap_or("").to_string();
        if name == "_action" || name == "_remove" {
            let value = field.text().await.unwrap_or_default();
            if name == "_action" {
                action = value;
            } else if let Ok(id) = value.parse::<i64>() {
                store
                    .remove_upload(&l.draft.token, id)
                    .await
                    .map_err(internal)?;
                action = "remove".into();
            }
            continue;
        }
        let Some(doc_id) = name.strip_prefix("file.") else {
            continue;
        };
        let Some(doc) = documents.iter().find(|d| d.id == doc_id) else {
            continue;
        };
        let file_name = field.file_name().unwrap_or("").to_string();
        let bytes = field
            .bytes()
            .await
            .map_err(|e| refused(StatusCode::BAD_REQUEST, e))?;
        let sent = SentFile {
            file_name: &file_name,
            bytes: &bytes,
        };
        match upload::attach(store, &l.draft.token, doc, sent).await {
            Ok(()) => {}
            Err(AttachError::Refused(problem)) => problems.push(UploadProblem {
                document_id: doc.id.clone(),
                problem,
            }),
            Err(AttachError::Store(e)) => return Err(internal(e)),
        }
    }
    if action == "next" && problems.is_empty() {
        let uploads = store.uploads(&l.draft.token).await.map_err(internal)?;
        for d in documents.iter().filter(|d| d.required) {
            if !uploads.iter().any(|u| u.document_id == d.id) {
                problems.push(UploadProblem {
                    document_id: d.id.clone(),
                    problem: UploadProblemKind::Missing,
                });
            }
        }
    }
    let ok = problems.is_empty();
    l.state.upload_problems = problems;
    if ok && action == "next" {
        l.state.done.insert(page.to_string());
    } else {
        l.state.done.remove(page);
    }
    save(state, l).await?;
    let here = l.href(page);
    Ok(match (ok, action.as_str()) {
        (true, "next") => see_other(
            &l.href(&flow::next_page(&l.procedure, page).unwrap_or_else(|| flow::REVIEW.into())),
        ),
        (false, _) => see_other(&format!("{here}#loi")),
        _ => see_other(&here),
    })
}

/// The final submit: re-check every page, then file. Filing is idempotent per draft: the
/// store returns the same dossier for a repeated submit, also a concurrent one.
async fn file(
    state: &ServerState,
    l: &mut Loaded,
    citizen: Option<i64>,
) -> Result<Response, Failure> {
    let ctx = context(&state.app);
    let eval = flow::evaluate(&l.procedure, &l.applicant_fields(), &l.state, &ctx);
    if let Some(bad) = &eval.first_invalid {
        return Ok(see_other(&l.href(bad)));
    }
    let answers = eval.answers();
    if !l.procedure.documents.is_empty() {
        let store = &state.app.store;
        let applicable = motcua_domain::condition::applicable_documents(&l.procedure, &answers);
        // Files for documents that a later answer made unnecessary are not filed: what is
        // hidden is not stored.
        for u in store.uploads(&l.draft.token).await.map_err(internal)? {
            if !applicable.iter().any(|d| d.id == u.document_id) {
                store
                    .remove_upload(&l.draft.token, u.id)
                    .await
                    .map_err(internal)?;
            }
        }
        let uploads = store.uploads(&l.draft.token).await.map_err(internal)?;
        let missing: Vec<UploadProblem> = applicable
            .iter()
            .filter(|d| d.required && !uploads.iter().any(|u| u.document_id == d.id))
            .map(|d| UploadProblem {
                document_id: d.id.clone(),
                problem: UploadProblemKind::Missing,
            })
            .collect();
        if !missing.is_empty() {
            l.state.upload_problems = missing;
            l.state.done.remove(flow::DOCUMENTS);
            save(state, l).await?;
            return Ok(see_other(&format!("{}#loi", l.href(flow::DOCUMENTS))));
        }
    }
    let a = &eval.applicant;
    let text = |k: &str| a.get(k).and_then(Value::as_str).map(str::to_string);
    let agency = match text(flow::AGENCY_FIELD) {
        Some(code) => code,
        None => match l.agencies.first() {
            Some((code, _)) => code.clone(),
            None => {
                return Err(refused(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "No agency receives this procedure",
                ));
            }
        },
    };
    let applicant = Applicant {
        full_name: text("full_name").unwrap_or_default(),
        id_number: text("id_number").unwrap_or_default(),
        phone: text("phone").unwrap_or_default(),
        email: text("email"),
        address: a.get("address").cloned(),
        birth_date: text("birth_date"),
    };
    let now = state.app.clock.now();
    state
        .app
        .store
        .file_dossier(
            &l.draft.token,
            &agency,
            &applicant,
            &Value::Object(answers),
            citizen,
            now,
        )
        .await
        .map_err(internal)?;
    Ok(see_other(&l.href(flow::RECEIPT)))
}
