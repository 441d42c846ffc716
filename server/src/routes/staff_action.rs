//! `POST /can-bo/ho-so/{code}/{action}`: an officer acts on a dossier (accept, refuse,
//! request a supplement, hand on to the next step, finish with the result, apologise...).
//! The form is multipart because finishing carries the result document. Authorization and
//! the rules are in `motcua_core::workflow`; this handler reads the form, calls it, and answers
//! 303 back to the dossier page when done; a refused action (nothing was changed then) is
//! answered with the dossier page itself, its message at the top and what was typed kept in
//! the form: the reason may name the applicant, so it never goes in a URL.

use app::pages::Posted;
use axum::extract::{Multipart, Path, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use motcua_core::scan::{MalwareScanner, OnePost};
use motcua_core::upload::{self, SentFile};
use motcua_core::workflow::{ActionError, ActionInput, Requester, Who, perform};
use motcua_domain::ids::DossierCode;
use motcua_domain::upload::{FileRule, UploadProblemKind};
use motcua_domain::workflow::Action;
use motcua_store::NewAttachment;
use time::{OffsetDateTime, PrimitiveDateTime};

use crate::error::AppError;
use crate::extract::RequestOrigin;
use crate::extract::SignedInStaff;
use crate::not_found::not_found;
use crate::render::posted_page;
use crate::router::ServerState;
use crate::routes::see_other;

pub async fn post(
    State(state): State<ServerState>,
    RequestOrigin(origin): RequestOrigin,
    SignedInStaff(officer): SignedInStaff,
    Path((code, action)): Path<(String, String)>,
    mut parts: Parts,
    multipart: Multipart,
) -> Response {
    let store = &state.app.store;
    let Ok(code) = DossierCode::parse(&code) else {
        return not_found();
    };
    let here = format!("/can-bo/ho-so/{code}");
    let Some(action) = Action::parse(&action).filter(|a| !a.by_citizen()) else {
        return not_found();
    };
    // The answer to a refusal is the dossier page, rendered for its own address.
    parts.uri = match here.parse() {
        Ok(uri) => uri,
        Err(_) => return not_found(),
    };
    let refused = |key: &str, typed: &Typed| {
        let posted = Posted {
            errors: key.to_string(),
            values: vec![
                ("hanh_dong".into(), action.as_str().into()),
                ("ly_do".into(), typed.reason.clone()),
                ("don_vi".into(), typed.unit.clone()),
            ],
        };
        posted_page(&state, parts, posted)
    };
    let scanner = OnePost::new(state.app.scanner.as_ref());
    let (input, typed) = match read_form(multipart, &scanner).await {
        Ok(x) => x,
        Err(key) => return refused(key, &Typed::default()).await,
    };
    let now = state.app.clock.now();
    match perform(
        store,
        &state.app.calendar_cache,
        &Requester {
            who: &Who::Staff(officer),
            origin: &origin,
        },
        &code,
        action,
        input,
        now,
    )
    .await
    {
        Ok(_) => see_other(&format!("{here}?xong={}", action.as_str())),
        Err(ActionError::NotFound) => not_found(),
        Err(ActionError::Refused(e)) => refused(e.key(), &typed).await,
        Err(ActionError::Moved) => refused("moved", &typed).await,
        Err(ActionError::Invalid(key)) => refused(key, &typed).await,
        Err(ActionError::Store(e)) => {
            AppError::during(&format!("action {}", action.as_str()), e).into_response()
        }
    }
}

/// What the officer typed, to put back in the form after a refusal.
#[derive(Default)]
struct Typed {
    reason: String,
    unit: String,
}

/// A `datetime-local` value (`YYYY-MM-DDTHH:MM`), read as Asia/Ho_Chi_Minh time.
fn local_moment(s: &str) -> Option<OffsetDateTime> {
    let format = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
    PrimitiveDateTime::parse(s.trim(), format)
        .ok()
        .map(|t| t.assume_offset(motcua_domain::format::VN_OFFSET))
}

/// The action's form; a result document is checked by its content and by the malware
/// scanner before it is taken. `Err` is the key of the message to show.
async fn read_form(
    mut multipart: Multipart,
    scanner: &dyn MalwareScanner,
) -> Result<(ActionInput, Typed), &'static str> {
    let mut input = ActionInput::default();
    let mut typed = Typed::default();
    let mut new_due_text = String::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| "form_unreadable")?
    {
        let name = field.name().unwrap_or("").to_string();
        if name == "ket_qua" {
            let file_name = field.file_name().unwrap_or("").to_string();
            let bytes = field.bytes().await.map_err(|_| "result_file_too_large")?;
            let sent = SentFile {
                file_name: &file_name,
                bytes: &bytes,
            };
            if bytes.is_empty() {
                continue;
            }
            let content_type = match upload::check(&FileRule::result_document(), sent) {
                Ok(content_type) => content_type,
                Err(UploadProblemKind::TooLarge { .. }) => return Err("result_file_too_large"),
                Err(_) => return Err("result_file_type"),
            };
            upload::scan(scanner, &bytes, "result")
                .await
                .map_err(|problem| match problem {
                    UploadProblemKind::Malware => "result_file_malware",
                    UploadProblemKind::TooLargeToScan => "result_file_too_large_to_scan",
                    _ => "result_file_unscanned",
                })?;
            input.result = Some(NewAttachment {
                kind: "result".into(),
                original_name: file_name,
                content_type: content_type.into(),
                bytes: bytes.to_vec(),
            });
            continue;
        }
        let value = field.text().await.map_err(|_| "form_unreadable")?;
        match name.as_str() {
            "ly_do" => input.reason = value,
            "muc" => input.items.push(value),
            "nguoi_xu_ly" => input.assignee = value.parse().ok(),
            "han_moi" => new_due_text = value,
            "don_vi" => input.responsible_unit = value,
            _ => {}
        }
    }
    typed.reason = input.reason.clone();
    typed.unit = input.responsible_unit.clone();
    if !new_due_text.trim().is_empty() {
        input.new_due = Some(local_moment(&new_due_text).ok_or("new_due_invalid")?);
    }
    Ok((input, typed))
}

#[cfg(test)]
mod tests {
    use super::local_moment;

    #[test]
    fn datetime_local_is_vietnam_time() {
        let t = local_moment("2026-12-10T16:30").unwrap();
        assert_eq!(t.to_offset(time::UtcOffset::UTC).hour(), 9);
        assert!(local_moment("10/12/2026").is_none());
    }
}
