//! Page models of the staff workspace: the queues and the dossier page. Each server function
//! reads the session and answers only with what the signed-in officer's agency and roles
//! allow; the pages render what they get.

use leptos::prelude::*;

use crate::api::ApiError;
use motcua_domain::workflow::Action;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
#[cfg(feature = "ssr")]
use motcua_store::prelude::*;

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
    /// `None` only for an account that is no agency's staff.
    pub agency_code: Option<motcua_domain::ids::AgencyCode>,
    pub agency_name: String,
    /// Role names (`reception`, ...).
    pub roles: Vec<String>,
}

/// One line of a queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueLine {
    pub code: motcua_domain::ids::DossierCode,
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
    /// The queue shown, by its name in the address (`moi`, `cua-toi`, ...).
    pub queue: String,
    /// Every queue's name in the address, in the order of the tabs.
    pub tabs: Vec<String>,
    pub lines: Vec<QueueLine>,
    pub page: u32,
    pub has_next: bool,
    /// Procedures the agency receives, for the filter: `(code, name)`.
    pub procedures: Vec<(String, String)>,
}

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
    pub action: Action,
    pub reason: bool,
    pub items: bool,
    pub result_document: bool,
    pub new_due: bool,
    /// People who may take the next step; empty when the action enters no step.
    pub assignees: Vec<AssigneeOption>,
}

/// A person the officer may hand the next step to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssigneeOption {
    pub account_id: i64,
    pub name: String,
    /// The steps they hold now.
    pub open_steps: i64,
}

/// Supplement items the officer can pick: `(value, label)`, value `field:id` / `document:id`.
pub type ItemChoice = (String, String);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffDossierView {
    pub officer: Officer,
    pub code: motcua_domain::ids::DossierCode,
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
    use motcua_core::dossier_view;
    use motcua_core::queues::{self, Queue, QueueRequest};
    use motcua_domain::format::format_datetime_vn;
    use motcua_domain::ids::DossierCode;
    use motcua_store::{Account, AccountKind, Store};

    /// The signed-in staff member, or `None`.
    pub async fn officer_account() -> Option<Account> {
        current_account()
            .await
            .filter(|a| a.kind == AccountKind::Staff)
    }

    pub async fn officer(store: &Store, a: &Account) -> Result<Officer, ApiError> {
        let agency_name = match &a.agency_code {
            Some(code) => (store.agency(code).await?)
                .map(|x| x.name)
                .unwrap_or_else(|| code.to_string()),
            None => String::new(),
        };
        Ok(Officer {
            id: a.id,
            name: a.full_name.clone(),
            agency_code: a.agency_code.clone(),
            agency_name,
            roles: a.roles.iter().map(|r| r.as_str().to_string()).collect(),
        })
    }

    /// The tab named in the address (`?hang=`) by [`queue_name`].
    fn queue_named(name: &str) -> Option<Queue> {
        Queue::ALL.into_iter().find(|q| queue_name(*q) == name)
    }

    /// The name in the address of a tab: the one place these names are written.
    fn queue_name(queue: Queue) -> &'static str {
        match queue {
            Queue::New => "moi",
            Queue::MySteps => "cua-toi",
            Queue::InProcess => "dang-xu-ly",
            Queue::WaitingCitizen => "cho-cong-dan",
            Queue::ResultReady => "tra-ket-qua",
            Queue::All => "tat-ca",
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
        let request = QueueRequest {
            queue: queue_named(&queue),
            search: q,
            procedure: Some(procedure),
            newest_first,
            page,
        };
        let calendar = state.calendar().await?;
        let now = state.clock.now();
        let today = motcua_domain::format::today_vn(now);
        let found = queues::queue(&state.store, &calendar, &account, request, now, today).await?;
        let lines = found
            .entries
            .into_iter()
            .map(|e| {
                let d = e.dossier;
                let step = d.state.current_step.as_ref().and_then(|id| {
                    e.procedure.as_ref().and_then(|p| {
                        p.process
                            .iter()
                            .find(|s| &s.id == id)
                            .map(|s| s.title.get(lang).to_string())
                    })
                });
                QueueLine {
                    code: d.code,
                    procedure: e
                        .procedure
                        .map(|p| p.name.get(lang).to_string())
                        .unwrap_or(e.procedure_name_vi),
                    applicant: d.applicant.full_name,
                    status: d.status,
                    filed_at: format_datetime_vn(d.filed_at),
                    due: e.due_at.map(format_datetime_vn),
                    step,
                    assignee: e.assignee,
                    overdue: e.overdue,
                    due_soon: e.due_soon,
                }
            })
            .collect();
        let procedures = found
            .procedures
            .into_iter()
            .map(|p| (p.code.clone(), p.name.get(lang).to_string()))
            .collect();
        Ok(Guarded::Ok(QueueView {
            officer: officer(&state.store, &account).await?,
            queue: queue_name(found.queue).to_string(),
            tabs: Queue::ALL.map(|q| queue_name(q).to_string()).into(),
            lines,
            page: found.page,
            has_next: found.has_next,
            procedures,
        }))
    }

    pub async fn dossier(code: String, lang: Lang) -> Result<Guarded<StaffDossierView>, ApiError> {
        let state = AppState::get()?;
        let Some(account) = officer_account().await else {
            return Ok(Guarded::SignInFirst);
        };
        let calendar = state.calendar().await?;
        let now = state.clock.now();
        let Ok(code) = DossierCode::parse(&code) else {
            return Ok(Guarded::NotFound);
        };
        let origin = crate::api::origin::current_origin();
        let viewed =
            dossier_view::staff_dossier(&state.store, &calendar, &account, &code, &origin, now);
        let found = match viewed.await {
            Ok(found) => found,
            Err(dossier_view::DossierViewError::NotFound) => return Ok(Guarded::NotFound),
            Err(e) => return Err(ApiError::internal(e)),
        };
        let officer = officer(&state.store, &account).await?;
        Ok(Guarded::Ok(crate::api::staff_view::dossier_view(
            &state.units,
            officer,
            found,
            lang,
        )))
    }
}
