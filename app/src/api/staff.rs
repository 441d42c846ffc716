//! Page models of the staff workspace: the queues and the dossier page. Each server function
//! reads the session and answers only with what the signed-in officer's agency and roles
//! allow; the pages render what they get.

use leptos::prelude::*;

use crate::api::ApiError;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// What a staff page gets: its model, or why not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Guarded<T> {
    /// Nobody (or a citizen) is signed in: show the sign-in link.
    SignInFirst,
    /// Signed in, but this is not theirs to see (other agency, or a role they lack): the same
    /// answer as for something that does not exist.
    NotFound,
    Ok(T),
}

/// The signed-in officer, for the header of staff pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Officer {
    pub id: i64,
    pub name: String,
    pub agency_code: String,
    pub agency_name: String,
    /// Role names (`reception`, ...).
    pub roles: Vec<String>,
}

/// One line of a queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueLine {
    pub code: String,
    pub procedure: String,
    pub applicant: String,
    pub status: motcua_domain::workflow::Status,
    pub filed_at: String,
    /// The due moment that matters in this queue (the step's in "my steps"), formatted.
    pub due: Option<String>,
    pub step: Option<String>,
    pub assignee: Option<String>,
    pub overdue: bool,
    /// Due within one working day from now.
    pub due_soon: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueView {
    pub officer: Officer,
    /// The queue shown: `moi`, `cua-toi`, `dang-xu-ly`, `cho-cong-dan`, `tra-ket-qua`, `tat-ca`.
    pub queue: String,
    pub lines: Vec<QueueLine>,
    pub page: u32,
    pub has_next: bool,
    /// Procedures the agency receives, for the filter: `(code, name)`.
    pub procedures: Vec<(String, String)>,
}

/// The queues, in the order of the tabs. The first is where reception starts its day.
pub const QUEUES: [&str; 6] = [
    "moi",
    "cua-toi",
    "dang-xu-ly",
    "cho-cong-dan",
    "tra-ket-qua",
    "tat-ca",
];

/// Lines per queue page.
pub const PAGE_SIZE: u32 = 25;

/// A page of a staff queue of the officer's agency.
#[server(endpoint = "can-bo/hang-doi")]
pub async fn get_queue(
    queue: String,
    q: String,
    procedure: String,
    newest_first: bool,
    page: u32,
    lang: Lang,
) -> Result<Guarded<QueueView>, ApiError> {
    ssr::queue(queue, q, procedure, newest_first, page, lang).await
}

/// One field's answer, as filed and (after supplements) as it was before.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerLine {
    pub label: String,
    pub value: String,
    /// The earlier values this answer replaced, oldest first, with their round.
    pub earlier: Vec<(i64, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerSection {
    pub title: String,
    pub lines: Vec<AnswerLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentLine {
    pub id: i64,
    pub document: String,
    pub name: String,
    pub size: String,
    pub round: i64,
    pub superseded: bool,
    pub href: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineLine {
    pub at: String,
    pub from: Option<motcua_domain::workflow::Status>,
    pub to: motcua_domain::workflow::Status,
    pub actor: String,
    pub step: Option<String>,
    pub reason: Option<String>,
    /// Extra facts of the move, already worded (items, new date, assignee...).
    pub notes: Vec<String>,
    pub attachments: Vec<(String, String)>,
}

/// An action the officer may take now, with what its form must ask.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionOffer {
    /// `accept`, `next_step`, ... (the status machine's names).
    pub action: String,
    pub reason: bool,
    pub items: bool,
    pub result_document: bool,
    pub new_due: bool,
    /// People who may take the next step: `(id, name, open steps)`; empty when the action
    /// enters no step.
    pub assignees: Vec<(i64, String, i64)>,
}

/// Supplement items the officer can pick: `(value, label)`, value `field:id` / `document:id`.
pub type ItemChoice = (String, String);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffDossierView {
    pub officer: Officer,
    pub code: String,
    pub procedure: String,
    pub procedure_version: String,
    pub status: motcua_domain::workflow::Status,
    pub applicant: Vec<(String, String)>,
    pub filed_at: String,
    pub accepted_at: Option<String>,
    pub due: Option<String>,
    pub statutory_due: Option<String>,
    pub overdue: bool,
    pub step: Option<String>,
    pub step_due: Option<String>,
    pub step_overdue: bool,
    pub assignee: Option<String>,
    /// The "why this date?" walk, one line each.
    pub due_walk: Vec<String>,
    pub answers: Vec<AnswerSection>,
    pub documents: Vec<DocumentLine>,
    pub timeline: Vec<TimelineLine>,
    pub actions: Vec<ActionOffer>,
    pub item_choices: Vec<ItemChoice>,
    /// Slips issued for this dossier: `(number, title, href)`.
    pub slips: Vec<(String, String, String)>,
}

/// The dossier page of the staff workspace.
#[server(endpoint = "can-bo/ho-so")]
pub async fn get_staff_dossier(
    code: String,
    lang: Lang,
) -> Result<Guarded<StaffDossierView>, ApiError> {
    ssr::dossier(code, lang).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::api::AppState;
    use crate::auth::current_account;
    use motcua_core::workflow::{self, Who};
    use motcua_domain::format::format_datetime_vn;
    use motcua_domain::workflow::{StaffRole, available_actions};
    use motcua_store::{Account, AccountKind, QueueKind, QueueQuery, Store};

    /// The signed-in staff member, or `None`.
    pub async fn officer_account() -> Option<Account> {
        current_account()
            .await
            .filter(|a| a.kind == AccountKind::Staff)
    }

    pub async fn officer(store: &Store, a: &Account) -> Result<Officer, ApiError> {
        let agency_code = a.agency_code.clone().unwrap_or_default();
        let agency_name = store
            .agency(&agency_code)
            .await?
            .map(|x| x.name)
            .unwrap_or_else(|| agency_code.clone());
        Ok(Officer {
            id: a.id,
            name: a.full_name.clone(),
            agency_code,
            agency_name,
            roles: a.roles.iter().map(|r| r.as_str().to_string()).collect(),
        })
    }

    fn queue_kind(name: &str, account: &Account) -> QueueKind {
        match name {
            "cua-toi" => QueueKind::MySteps(account.id),
            "dang-xu-ly" => QueueKind::InProcess,
            "cho-cong-dan" => QueueKind::WaitingCitizen,
            "tra-ket-qua" => QueueKind::ResultReady,
            "tat-ca" => QueueKind::All,
            _ => QueueKind::New,
        }
    }

    /// The queue a role starts from when none is asked for.
    fn default_queue(a: &Account) -> &'static str {
        if a.has_role(StaffRole::Reception) {
            "moi"
        } else {
            "cua-toi"
        }
    }

    pub async fn queue(
        queue: String,
        q: String,
        procedure: String,
        newest_first: bool,
        page: u32,
        lang: Lang,
    ) -> Result<Guarded<QueueView>, ApiError> {
        let state = AppState::get()?;
        let Some(account) = officer_account().await else {
            return Ok(Guarded::SignInFirst);
        };
        let queue = if QUEUES.contains(&queue.as_str()) {
            queue
        } else {
            default_queue(&account).to_string()
        };
        let agency = account.agency_code.clone().unwrap_or_default();
        let kind = queue_kind(&queue, &account);
        // Staff page through a queue; nobody needs page 10,000 (and the offset must not overflow).
        let page = page.clamp(1, 10_000);
        let mut rows = state
            .store
            .queue(&QueueQuery {
                agency_code: agency.clone(),
                kind,
                search: q,
                procedure_code: (!procedure.is_empty()).then_some(procedure),
                descending: newest_first,
                offset: (page - 1) * PAGE_SIZE,
                limit: PAGE_SIZE + 1,
            })
            .await?;
        let has_next = rows.len() > PAGE_SIZE as usize;
        rows.truncate(PAGE_SIZE as usize);
        let cal = state.calendar().await?;
        let now = state.clock.now();
        let mut names = std::collections::HashMap::new();
        let mut lines = Vec::with_capacity(rows.len());
        // A page's lines mostly share a few procedure versions: each is read once.
        let mut versions = std::collections::HashMap::new();
        for row in rows {
            let d = row.dossier;
            if let std::collections::hash_map::Entry::Vacant(slot) = versions.entry(d.procedure_id)
            {
                let version = state.store.procedure_version(d.procedure_id).await?;
                slot.insert(version);
            }
            let procedure = versions[&d.procedure_id].as_ref();
            let step = d.state.current_step.as_ref().and_then(|id| {
                procedure.as_ref().and_then(|p| {
                    p.procedure
                        .process
                        .iter()
                        .find(|s| &s.id == id)
                        .map(|s| s.title.get(lang).to_string())
                })
            });
            let due_at = if matches!(kind, QueueKind::MySteps(_) | QueueKind::InProcess) {
                d.state.step_due_at
            } else {
                d.state.due_at
            };
            let running = matches!(
                d.status,
                motcua_domain::workflow::Status::Accepted
                    | motcua_domain::workflow::Status::InProcess
            );
            let overdue = running && due_at.is_some_and(|t| now > t);
            let due_soon = running
                && !overdue
                && due_at.is_some_and(|t| cal.working_minutes_between(now, t) <= 8 * 60);
            let assignee = match d.state.assignee_id {
                None => None,
                Some(id) => {
                    if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(id) {
                        let n = state.store.account(id).await?;
                        slot.insert(n.map(|a| a.full_name));
                    }
                    names.get(&id).cloned().flatten()
                }
            };
            lines.push(QueueLine {
                code: d.code,
                procedure: procedure
                    .map(|p| p.procedure.name.get(lang).to_string())
                    .unwrap_or(row.procedure_name_vi),
                applicant: d.applicant.full_name,
                status: d.status,
                filed_at: format_datetime_vn(d.filed_at),
                due: due_at.map(format_datetime_vn),
                step,
                assignee,
                overdue,
                due_soon,
            });
        }
        let today = crate::api::state::today_vn();
        let procedures: Vec<(String, String)> = state
            .store
            .procedures_received_by(&agency, today)
            .await?
            .into_iter()
            .map(|p| {
                (
                    p.procedure.code.clone(),
                    p.procedure.name.get(lang).to_string(),
                )
            })
            .collect();
        Ok(Guarded::Ok(QueueView {
            officer: officer(&state.store, &account).await?,
            queue,
            lines,
            page,
            has_next,
            procedures,
        }))
    }

    pub async fn dossier(code: String, lang: Lang) -> Result<Guarded<StaffDossierView>, ApiError> {
        let state = AppState::get()?;
        let Some(account) = officer_account().await else {
            return Ok(Guarded::SignInFirst);
        };
        let who = Who::Staff(account.clone());
        let loaded = match workflow::load_for(&state.store, &who, &code).await {
            Ok(l) => l,
            Err(workflow::ActionError::NotFound) => return Ok(Guarded::NotFound),
            Err(e) => return Err(ApiError::internal(e)),
        };
        let now = state.clock.now();
        let store = &state.store;
        let d = &loaded.dossier;
        let p = &loaded.procedure;
        let events = state.store.events(&d.code).await?;
        let approved = workflow::stop_approved(d, &events);
        let ctx = workflow::context(d, p, now, approved);
        let mut actions = Vec::new();
        for a in available_actions(&workflow::actor_of(&who), &ctx) {
            actions.push(crate::api::staff_view::offer(store, d, p, a, &account).await?);
        }
        let view = crate::api::staff_view::dossier_view(
            &state,
            officer(store, &account).await?,
            &loaded,
            actions,
            now,
            lang,
        )
        .await?;
        Ok(Guarded::Ok(view))
    }
}
