//! The citizen's answer to a supplement request (status 5): only the requested fields and
//! documents re-open, with what was filed; the answer is kept in a draft of the same
//! procedure version under an unguessable token (so a lost connection loses nothing), and
//! filing it returns the dossier to where it was (5→1 or 5→4) with the paused time added.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::fields::FormModel;
use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplementView {
    pub code: String,
    pub procedure: String,
    pub reason: String,
    pub items: Vec<String>,
    pub form: FormModel,
}

/// The supplement page of dossier `code` under draft `token`; `None` when the token does not
/// belong to an open supplement request of that dossier.
#[server(endpoint = "bo-sung")]
pub async fn get_supplement(
    code: String,
    token: String,
    lang: Lang,
) -> Result<Option<SupplementView>, ServerFnError> {
    ssr::view(code, token, lang)
        .await
        .map_err(ServerFnError::new)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::api::AppState;
    use crate::components::fields::FileSlot;
    use crate::i18n::{Key, t};
    use motcua_domain::answers::RawForm;
    use motcua_domain::procedure::{Document, Field, Procedure};
    use motcua_domain::upload::{FileRule, UploadProblemKind};
    use motcua_domain::validate::{FieldError, raw_from_answers};
    use motcua_store::{Dossier, Draft, Store};

    /// What the draft of a supplement answer keeps.
    #[derive(Clone, Debug, Default, Serialize, Deserialize)]
    pub struct SupplementDraft {
        pub supplement_for: String,
        #[serde(default)]
        pub raw: Option<RawForm>,
        #[serde(default)]
        pub errors: Vec<FieldError>,
        /// Document id → why it has no acceptable file yet (the same problems as filing's).
        #[serde(default)]
        pub upload_problems: std::collections::BTreeMap<String, UploadProblemKind>,
    }

    /// An open supplement answer, loaded.
    pub struct Pending {
        pub dossier: Dossier,
        pub procedure: Procedure,
        pub draft: Draft,
        pub data: SupplementDraft,
        pub reason: String,
        pub item_labels: Vec<String>,
        /// The requested top-level fields, in form order.
        pub fields: Vec<Field>,
        pub documents: Vec<Document>,
    }

    pub async fn load(store: &Store, code: &str, token: &str) -> Result<Option<Pending>, String> {
        let e = |x: motcua_store::StoreError| x.to_string();
        let Some(draft) = store.draft(token).await.map_err(e)? else {
            return Ok(None);
        };
        let Ok(data) = serde_json::from_value::<SupplementDraft>(draft.data.clone()) else {
            return Ok(None);
        };
        if data.supplement_for != code {
            return Ok(None);
        }
        let Some(dossier) = store
            .dossier(code)
            .await
            .map_err(e)?
            .filter(|d| d.status == motcua_domain::workflow::Status::SupplementRequested)
        else {
            return Ok(None);
        };
        let Some(procedure) = store
            .procedure_version(dossier.procedure_id)
            .await
            .map_err(e)?
        else {
            return Ok(None);
        };
        let procedure = procedure.procedure;
        let events = store.events(code).await.map_err(e)?;
        let Some(request) = events
            .iter()
            .rev()
            .find(|ev| ev.to_status == motcua_domain::workflow::Status::SupplementRequested)
        else {
            return Ok(None);
        };
        use motcua_domain::workflow::{EventDetails, SupplementItemKind};
        let EventDetails::RequestSupplement { items } = &request.details else {
            return Ok(None);
        };
        let wanted = |kind, id: &str| items.iter().any(|i| i.kind == kind && i.id == id);
        let fields = procedure
            .form
            .iter()
            .flat_map(|s| &s.fields)
            .filter(|f| wanted(SupplementItemKind::Field, &f.id))
            .cloned()
            .collect();
        let documents = procedure
            .documents
            .iter()
            .filter(|d| wanted(SupplementItemKind::Document, &d.id))
            .cloned()
            .collect();
        Ok(Some(Pending {
            reason: request.reason.clone().unwrap_or_default(),
            item_labels: items.iter().map(|i| i.label.clone()).collect(),
            dossier,
            procedure,
            draft,
            data,
            fields,
            documents,
        }))
    }

    pub async fn view(
        code: String,
        token: String,
        lang: Lang,
    ) -> Result<Option<SupplementView>, String> {
        let state = AppState::get().map_err(|e| e.to_string())?;
        let Some(p) = load(&state.store, &code, &token).await? else {
            return Ok(None);
        };
        let answers = p.dossier.answers.as_object().cloned().unwrap_or_default();
        let raw = p
            .data
            .raw
            .clone()
            .unwrap_or_else(|| raw_from_answers(&p.fields, &answers));
        let uploads = state
            .store
            .uploads(&token)
            .await
            .map_err(|e| e.to_string())?;
        let files =
            p.documents
                .iter()
                .map(|d| (d, FileRule::of(d)))
                .map(|(d, rule)| FileSlot {
                    name: format!("file.{}", d.id),
                    label: d.name.get(lang).to_string(),
                    hint: format!(
                        "{}: {}, ≤ {} MB",
                        t(lang, Key::UploadHint),
                        rule.accepted_names().join(", ").to_uppercase(),
                        motcua_domain::format::format_decimal(rule.max_mb)
                    ),
                    received: uploads
                        .iter()
                        .filter(|u| u.document_id == d.id)
                        .map(|u| u.original_name.clone())
                        .collect(),
                    error: p.data.upload_problems.get(&d.id).map(|problem| {
                        crate::flow::upload_message(lang, d.name.get(lang), problem)
                    }),
                })
                .collect();
        let mut communes = std::collections::BTreeMap::new();
        for (name, values) in &raw {
            if name.ends_with(".province") {
                for v in values {
                    if let Some(list) = state.units.communes.get(v) {
                        communes.insert(v.clone(), list.clone());
                    }
                }
            }
        }
        let mut earlier = answers.clone();
        for f in &p.fields {
            earlier.remove(&f.id);
        }
        Ok(Some(SupplementView {
            code: code.clone(),
            procedure: p.procedure.name.get(lang).to_string(),
            reason: p.reason,
            items: p.item_labels,
            form: FormModel {
                lang,
                action: format!("/bo-sung/{code}/{token}"),
                fields: p.fields,
                raw,
                errors: p.data.errors,
                earlier,
                today: crate::api::state::today_vn().to_string(),
                provinces: state.units.provinces.clone(),
                communes,
                back_href: None,
                return_to_review: false,
                files,
                multipart: true,
            },
        }))
    }
}
