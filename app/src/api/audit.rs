//! The page model of the admin's audit trail (`/can-bo/quan-tri/nhat-ky`): the entries of
//! the admin's agency a search asks for (`motcua_core::audit::search`). The search is
//! posted (an actor may be a citizen's phone, which must not travel in a URL), and the
//! page is rendered with what was posted.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::ApiError;
use crate::api::staff::{Guarded, Officer};

/// One entry, in the page's words (the action's name is the page's to translate).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditLine {
    /// `HH:MM dd/mm/yyyy`, Vietnam time.
    pub at: String,
    pub action: motcua_domain::audit::AuditAction,
    /// The actor's login and name, if an account acted.
    pub actor: Option<String>,
    pub dossier: Option<String>,
    pub object: Option<String>,
    pub detail: String,
    pub client: Option<String>,
    pub request_id: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditView {
    pub officer: Officer,
    pub lines: Vec<AuditLine>,
    /// The boxes that did not read: `(field, key)`.
    pub problems: Vec<(String, String)>,
    /// Whether the search shows its limit's worth (an older entry may be left out).
    pub cut: bool,
}

/// The trail's entries for the search posted: dossier code, actor, from and until dates.
#[server(endpoint = "can-bo/quan-tri/nhat-ky")]
pub async fn get_audit_trail(
    dossier: String,
    actor: String,
    from: String,
    until: String,
) -> Result<Guarded<AuditView>, ApiError> {
    ssr::audit_trail(dossier, actor, from, until).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::AppState;
    use crate::api::admin::ssr::admin_account;
    use crate::api::staff::ssr::officer;
    use motcua_core::audit::{SHOWN, SearchError, SearchForm, search};
    use motcua_domain::format::format_datetime_vn;

    pub async fn audit_trail(
        dossier: String,
        actor: String,
        from: String,
        until: String,
    ) -> Result<Guarded<AuditView>, ApiError> {
        let state = AppState::get()?;
        let admin = match admin_account().await {
            Ok(a) => a,
            Err(Guarded::SignInFirst) => return Ok(Guarded::SignInFirst),
            Err(_) => return Ok(Guarded::NotFound),
        };
        let form = SearchForm {
            dossier: &dossier,
            actor: &actor,
            from: &from,
            until: &until,
        };
        let (records, problems) = match search(&state.store, &admin, &form).await {
            Ok(records) => (records, vec![]),
            Err(SearchError::Invalid(problems)) => {
                let named = problems
                    .iter()
                    .map(|p| (p.field().to_string(), "invalid".into()));
                (vec![], named.collect())
            }
            Err(SearchError::NotFound) => return Ok(Guarded::NotFound),
            Err(SearchError::Store(e)) => return Err(e.into()),
        };
        let cut = records.len() >= SHOWN as usize;
        let lines = records
            .into_iter()
            .map(|r| AuditLine {
                at: format_datetime_vn(r.entry.at),
                action: r.entry.action,
                actor: r.actor_login.map(|login| match r.actor_name {
                    Some(name) => format!("{login} · {name}"),
                    None => login,
                }),
                dossier: r.entry.dossier.map(|d| d.to_string()),
                object: r.entry.object,
                detail: r.entry.detail,
                client: r.entry.client,
                request_id: r.entry.request_id,
            })
            .collect();
        Ok(Guarded::Ok(AuditView {
            officer: officer(&state.store, &admin).await?,
            lines,
            problems,
            cut,
        }))
    }
}
