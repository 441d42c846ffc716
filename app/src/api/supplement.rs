//! The citizen's answer to a supplement request (status 5): only the requested fields and
//! documents re-open, with what was filed; the answer is kept in a draft of the same
//! procedure version under an unguessable token (so a lost connection loses nothing), and
//! filing it returns the dossier to where it was (5→1 or 5→4) with the paused time added.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::fields::FormModel;
use crate::i18n::Lang;
#[cfg(feature = "ssr")]
use motcua_store::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplementView {
    pub code: motcua_domain::ids::DossierCode,
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
) -> Result<Option<SupplementView>, crate::api::ApiError> {
    ssr::view(code, token, lang).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    //! Server-only: the page model of an answer the core keeps
    //! (`motcua_core::supplement`).

    use super::*;
    use crate::api::AppState;
    use crate::components::fields::FileSlot;
    use crate::i18n::{Key, t};
    use motcua_core::filing::FilingToken;
    use motcua_core::supplement::Pending;
    use motcua_domain::ids::DossierCode;
    use motcua_domain::upload::FileRule;
    use motcua_domain::validate::raw_from_answers;

    pub async fn view(
        code: String,
        token: String,
        lang: Lang,
    ) -> Result<Option<SupplementView>, crate::api::ApiError> {
        let state = AppState::get()?;
        let Some(token) = FilingToken::parse(&token) else {
            return Ok(None);
        };
        let Ok(code) = DossierCode::parse(&code) else {
            return Ok(None);
        };
        let Some(p) = Pending::open(&state.store, &code, &token).await? else {
            return Ok(None);
        };
        let answers = p.dossier.answers.as_object().cloned().unwrap_or_default();
        let raw = p
            .data
            .raw
            .clone()
            .unwrap_or_else(|| raw_from_answers(&p.fields, &answers));
        let uploads = state.store.uploads(token.as_str()).await?;
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
        let earlier = p.earlier_answers();
        Ok(Some(SupplementView {
            code: code.clone(),
            procedure: p.procedure.name.get(lang).to_string(),
            reason: p.reason,
            items: p.item_labels,
            form: FormModel {
                lang,
                action: format!("/bo-sung/{code}/{}", token.as_str()),
                fields: p.fields,
                raw,
                errors: p.data.errors,
                earlier,
                today: motcua_domain::format::today_vn(state.clock.now()).to_string(),
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
