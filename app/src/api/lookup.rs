//! The public dossier lookup: code plus the applicant's ID number or the access code.

use leptos::prelude::*;

use crate::api::ApiError;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: String,
    pub status: motcua_domain::workflow::Status,
}

/// One thing done to the dossier, as its citizen sees it: by whom in role and agency only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeenEntry {
    pub at: String,
    pub action: motcua_domain::audit::AuditAction,
    /// The roles and the agency (`Chuyên viên · UBND phường …`); empty for the citizen.
    pub by: String,
    /// A move's action.
    pub moved: Option<motcua_domain::workflow::Action>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LookupResult {
    pub code: motcua_domain::ids::DossierCode,
    pub procedure_name: String,
    pub agency_name: String,
    pub status: motcua_domain::workflow::Status,
    pub filed_at: String,
    /// The due moment promised (after an apology, its new date).
    pub due: Option<String>,
    /// The process step in progress, by its title (never the officer's name).
    pub step: Option<String>,
    pub timeline: Vec<TimelineEntry>,
    /// Slips addressed to the applicant: `(number, title, href)`.
    pub slips: Vec<(String, String, String)>,
    /// An open supplement request: reason and items.
    pub supplement: Option<(String, Vec<String>)>,
    /// The access code the citizen typed, carried on in the body of the action forms
    /// (supplement, withdrawal, slips); `None` when they typed the ID number, which shows the
    /// status only.
    pub key: Option<String>,
    /// Who handled and viewed the dossier (with the access code only).
    pub seen: Vec<SeenEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LookupView {
    /// No query yet: show the empty form.
    Empty,
    /// Wrong pair or unknown code: the same answer for both, so nothing leaks.
    NotFound,
    /// Too many misses from this client: wait this many seconds.
    TooMany(u64),
    Found(Box<LookupResult>),
}

/// Looks up dossier `code` for the holder of `id_or_phone` (the applicant's ID number, or the
/// access code, which also opens the actions; the argument keeps its old name because it is
/// the server function's wire name). Attempts count against the client
/// address, and past the limit the answer is HTTP 429 with `Retry-After`, whether or not
/// the next guess would be right.
/// Who handled and viewed dossier `d`, by role and agency, for its citizen.
#[cfg(feature = "ssr")]
pub async fn seen_by(
    store: &motcua_store::Store,
    d: &motcua_store::Dossier,
    agency_name: &str,
    lang: Lang,
) -> Result<Vec<SeenEntry>, ApiError> {
    use motcua_domain::format::format_datetime_vn;
    let seen = motcua_core::audit::for_citizen(store, &d.code).await?;
    Ok(seen
        .into_iter()
        .map(|s| {
            let roles: Vec<&str> = s
                .roles
                .iter()
                .map(|r| crate::i18n::role_name(lang, r.as_str()))
                .collect();
            let agency = match &s.agency {
                Some(a) if *a == d.agency_code => agency_name.to_string(),
                Some(a) => a.to_string(),
                None => String::new(),
            };
            let by = [roles.join(", "), agency]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            SeenEntry {
                at: format_datetime_vn(s.at),
                action: s.action,
                by,
                moved: motcua_domain::workflow::Action::parse(&s.detail),
            }
        })
        .collect())
}

#[server(endpoint = "tra-cuu")]
pub async fn lookup_dossier(
    code: String,
    id_or_phone: String,
    lang: Lang,
) -> Result<LookupView, ApiError> {
    use motcua_core::lookup::{LookupKey, find};
    use motcua_domain::format::format_datetime_vn;

    let state = crate::api::AppState::get()?;
    let Some(typed) = LookupKey::parse(&code, &id_or_phone) else {
        return Ok(LookupView::Empty);
    };
    let ip = client_ip().await;
    // Counted before the check, so parallel guesses cannot all get through; forgiven below
    // when it is right.
    if let Err(wait) = state.lookup_limiter.attempt(ip).await {
        too_many(wait);
        return Ok(LookupView::TooMany(wait));
    }
    let found = match &typed {
        Ok(key) => find(&state.store, key).await?,
        // Not a code and an ID number or access code: a miss, as a wrong pair.
        Err(_) => None,
    };
    let (Ok(key), Some(found)) = (typed, found) else {
        return Ok(LookupView::NotFound);
    };
    state.lookup_limiter.forgive(ip).await;
    let d = found.dossier;
    let events = found.events;
    let key = key
        .proof
        .opens_actions()
        .then(|| key.proof.as_str().to_string());
    // The step in progress, by its title (never the officer's name).
    let step = (d.status == motcua_domain::workflow::Status::InProcess)
        .then(|| {
            let id = d.state.current_step.as_ref()?;
            let p = found.procedure.as_ref()?;
            p.process
                .iter()
                .find(|s| &s.id == id)
                .map(|s| s.title.get(lang).to_string())
        })
        .flatten();
    let seen = match &key {
        Some(_) => seen_by(&state.store, &d, &found.agency_name, lang).await?,
        None => vec![],
    };
    Ok(LookupView::Found(Box::new(LookupResult {
        seen,
        due: d.state.due_at.map(format_datetime_vn),
        step,
        slips: key
            .as_ref()
            .map(|_| crate::api::citizen::ssr::citizen_slips(&d, &events))
            .unwrap_or_default(),
        supplement: crate::api::citizen::ssr::open_supplement(&d, &events),
        key,
        code: d.code.clone(),
        procedure_name: found
            .procedure
            .map(|p| p.name.get(lang).to_string())
            .unwrap_or_default(),
        agency_name: found.agency_name,
        status: d.status,
        filed_at: format_datetime_vn(d.filed_at),
        timeline: events
            .into_iter()
            .map(|e| TimelineEntry {
                at: format_datetime_vn(e.at),
                status: e.to_status,
            })
            .collect(),
    })))
}

#[cfg(feature = "ssr")]
async fn client_ip() -> std::net::IpAddr {
    use axum::extract::ConnectInfo;
    leptos_axum::extract::<ConnectInfo<std::net::SocketAddr>>()
        .await
        .map(|ConnectInfo(addr)| addr.ip())
        .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
}

#[cfg(feature = "ssr")]
fn too_many(wait: u64) {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::TOO_MANY_REQUESTS);
        if let Ok(v) = http::HeaderValue::from_str(&wait.to_string()) {
            res.insert_header(http::header::RETRY_AFTER, v);
        }
    }
}
