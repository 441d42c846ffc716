//! Page models for the signed-in citizen: "my dossiers", with the slips addressed to them
//! and the supplement requests waiting for them.

use leptos::prelude::*;

use crate::api::ApiError;
use serde::{Deserialize, Serialize};

use crate::api::staff::Guarded;
use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyDossier {
    pub code: motcua_domain::ids::DossierCode,
    pub procedure: String,
    pub status: motcua_domain::workflow::Status,
    pub filed_at: String,
    pub due: Option<String>,
    /// `(number, title, href)` of the slips addressed to the citizen.
    pub slips: Vec<(String, String, String)>,
    /// The supplement request waiting for an answer: its reason and items.
    pub supplement: Option<(String, Vec<String>)>,
    /// Who handled and viewed the dossier, by role and agency.
    pub seen: Vec<crate::api::lookup::SeenEntry>,
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
    use motcua_core::citizen;
    use motcua_domain::format::format_datetime_vn;
    use motcua_store::{AccountKind, Dossier, Event};

    /// The open supplement request of a dossier in status 5: reason and item labels.
    pub fn open_supplement(d: &Dossier, events: &[Event]) -> Option<(String, Vec<String>)> {
        citizen::open_supplement(d, events).map(|s| (s.reason, s.items))
    }

    /// The slips of a dossier addressed to the citizen, as links (with `query` appended).
    /// The slips addressed to the applicant, as `(number, title, href)`. The href names the
    /// slip only: a signed-in citizen opens it with a GET, a guest posts the access code to it
    /// (never in the URL).
    pub fn citizen_slips(d: &Dossier, events: &[Event]) -> Vec<(String, String, String)> {
        citizen::citizen_slips(d, events)
            .into_iter()
            .map(|(s, e)| {
                let mut href = format!("/phieu/{}/{}", d.code, s.number());
                if let Some(e) = e {
                    href.push_str(&format!("?su-kien={e}"));
                }
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
        let mut dossiers = vec![];
        for c in citizen::my_dossiers(&state.store, &account).await? {
            let d = c.dossier;
            let seen = crate::api::lookup::seen_by(&state.store, &d, &c.agency_name, lang).await?;
            dossiers.push(MyDossier {
                seen,
                procedure: c
                    .procedure
                    .map(|p| p.name.get(lang).to_string())
                    .unwrap_or_default(),
                status: d.status,
                filed_at: format_datetime_vn(d.filed_at),
                due: d.state.due_at.map(format_datetime_vn),
                slips: citizen_slips(&d, &c.events),
                supplement: open_supplement(&d, &c.events),
                code: d.code,
            });
        }
        Ok(Guarded::Ok(MyDossiers {
            name: account.full_name,
            dossiers,
        }))
    }
}
