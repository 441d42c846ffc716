//! Page models for the signed-in citizen: "my dossiers", with the slips addressed to them
//! and the supplement requests waiting for them.

use leptos::prelude::*;

use crate::api::ApiError;
use serde::{Deserialize, Serialize};

use crate::api::staff::Guarded;
use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyDossier {
    pub code: String,
    pub procedure: String,
    pub status: motcua_domain::workflow::Status,
    pub filed_at: String,
    pub due: Option<String>,
    /// `(number, title, href)` of the slips addressed to the citizen.
    pub slips: Vec<(String, String, String)>,
    /// The supplement request waiting for an answer: its reason and items.
    pub supplement: Option<(String, Vec<String>)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyDossiers {
    pub name: String,
    pub dossiers: Vec<MyDossier>,
}

#[server(endpoint = "ho-so-cua-toi")]
pub async fn get_my_dossiers(lang: Lang) -> Result<Guarded<MyDossiers>, ApiError> {
    ssr::my_dossiers(lang).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use motcua_domain::format::format_datetime_vn;
    use motcua_store::{AccountKind, Dossier, Event};

    /// The open supplement request of a dossier in status 5: reason and item labels.
    pub fn open_supplement(d: &Dossier, events: &[Event]) -> Option<(String, Vec<String>)> {
        if d.status != motcua_domain::workflow::Status::SupplementRequested {
            return None;
        }
        let e = events
            .iter()
            .rev()
            .find(|e| e.to_status == motcua_domain::workflow::Status::SupplementRequested)?;
        let items = motcua_core::workflow::requested_item_labels(e);
        Some((e.reason.clone().unwrap_or_default(), items))
    }

    /// The slips of a dossier addressed to the citizen, as links (with `query` appended).
    pub fn citizen_slips(
        d: &Dossier,
        events: &[Event],
        query: &str,
    ) -> Vec<(String, String, String)> {
        motcua_core::slips::issued(d, events)
            .into_iter()
            .filter(|(s, _)| motcua_core::slips::for_citizen(*s))
            .map(|(s, e)| {
                let mut href = format!("/phieu/{}/{}?", d.code, s.number());
                if let Some(e) = e {
                    href.push_str(&format!("su-kien={e}&"));
                }
                href.push_str(query);
                (s.number().to_string(), s.title_vi().to_string(), href)
            })
            .collect()
    }

    pub async fn my_dossiers(lang: Lang) -> Result<Guarded<MyDossiers>, ApiError> {
        let state = crate::api::AppState::get()?;
        let Some(account) = crate::auth::current_account()
            .await
            .filter(|a| a.kind == AccountKind::Citizen)
        else {
            return Ok(Guarded::SignInFirst);
        };
        let mut out = vec![];
        for d in state.store.dossiers_of_citizen(account.id).await? {
            let events = state.store.events(&d.code).await?;
            let procedure = state.store.procedure_version(d.procedure_id).await?;
            out.push(MyDossier {
                procedure: procedure
                    .map(|p| p.procedure.name.get(lang).to_string())
                    .unwrap_or_default(),
                status: d.status,
                filed_at: format_datetime_vn(d.filed_at),
                due: d.state.due_at.map(format_datetime_vn),
                slips: citizen_slips(&d, &events, ""),
                supplement: open_supplement(&d, &events),
                code: d.code,
            });
        }
        Ok(Guarded::Ok(MyDossiers {
            name: account.full_name,
            dossiers: out,
        }))
    }
}
