//! What the staff dossier page shows, loaded for an officer: the dossier and its history,
//! the "why this date?" walk, the actions the officer may take now with the people who may
//! take the step they enter, and the slips issued. The page words and formats it.

use motcua_domain::audit::AuditAction;
use motcua_domain::calendar::{DueWalk, WorkingCalendar};
use motcua_domain::ids::DossierCode;
use motcua_domain::procedure::{Procedure, ProcessStep};
use motcua_domain::workflow::Slip;
use motcua_domain::workflow::{
    Action, EndedPause, EventDetails, StaffRole, Status, available_actions,
};
use motcua_store::{
    Account, AccountStore, Attachment, AuditStore, Dossier, DossierStore, Event, ProcedureStore,
    StoreError, UploadedFile, WorkflowStore,
};
use serde_json::Value;
use time::OffsetDateTime;

use crate::audit::{self, Act, Origin};
use crate::workflow::{self, ActionError, Loaded, Who};

/// An action the officer may take now.
pub struct ActionChoice {
    pub action: Action,
    /// People who may take the step the action enters, least loaded first; empty when it
    /// enters no step.
    pub assignees: Vec<Assignee>,
}

/// Someone who may take a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignee {
    pub account_id: i64,
    pub name: String,
    /// The process steps they hold now, for the officer choosing whom to hand it to.
    pub open_steps: i64,
}

/// A file of one of the dossier's documents, from any supplement round.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentFile {
    pub file: UploadedFile,
    /// 0 as filed, then the supplement round that brought it.
    pub round: i64,
    /// A later round replaced it.
    pub superseded: bool,
}

/// The staff dossier page's facts.
pub struct StaffDossier {
    pub loaded: Loaded,
    pub events: Vec<Event>,
    /// Earlier answers, by supplement round.
    pub answer_versions: Vec<(i64, Value)>,
    pub attachments: Vec<Attachment>,
    /// Every document file, superseded ones included.
    pub documents: Vec<DocumentFile>,
    /// Explains the statutory due moment, once accepted.
    pub due_walk: Option<DueWalk>,
    /// The name of the officer holding the current step.
    pub assignee: Option<String>,
    pub actions: Vec<ActionChoice>,
    /// The slips issued, with the event that issued each.
    pub slips: Vec<(Slip, Option<i64>)>,
    pub overdue: bool,
    pub step_overdue: bool,
}

/// Why there is no page.
#[derive(Debug, thiserror::Error)]
pub enum DossierViewError {
    /// No such dossier, or not of the officer's agency: the same answer.
    #[error("no such dossier for this officer")]
    NotFound,
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("loading the dossier: {0}")]
    Load(ActionError),
}

/// Loads dossier `code` for `officer`, judged at `now` with `calendar`; the trail records
/// the view (from `origin`).
pub async fn staff_dossier(
    store: &(impl ProcedureStore + DossierStore + WorkflowStore + AccountStore + AuditStore),
    calendar: &WorkingCalendar,
    officer: &Account,
    code: &DossierCode,
    origin: &Origin,
    now: OffsetDateTime,
) -> Result<StaffDossier, DossierViewError> {
    let who = Who::Staff(officer.clone());
    let loaded = match workflow::load_for(store, &who, code).await {
        Ok(l) => l,
        Err(ActionError::NotFound) => return Err(DossierViewError::NotFound),
        Err(e) => return Err(DossierViewError::Load(e)),
    };
    let act = Act::new(AuditAction::DossierViewed).on_dossier(code);
    audit::record(store, origin, audit::actor(officer), act, now).await?;
    let (d, p) = (&loaded.dossier, &loaded.procedure);
    let events = store.events(&d.code).await?;
    let approved = workflow::stop_approved(d, &events);
    let ctx = workflow::context(d, p, now, approved);
    let mut actions = Vec::new();
    for action in available_actions(&workflow::actor_of(&who), &ctx) {
        actions.push(ActionChoice {
            action,
            assignees: assignees(store, d, p, action).await?,
        });
    }
    let assignee = match d.state.assignee_id {
        Some(id) => store.account(id).await?.map(|a| a.full_name),
        None => None,
    };
    Ok(StaffDossier {
        answer_versions: store.answer_versions(&d.code).await?,
        attachments: store.attachments(&d.code).await?,
        documents: store
            .dossier_document_history(&d.code)
            .await?
            .into_iter()
            .map(|(file, round, superseded)| DocumentFile {
                file,
                round,
                superseded,
            })
            .collect(),
        due_walk: d
            .state
            .accepted_at
            .map(|start| explained_due(d, p, &events, calendar, start)),
        assignee,
        actions,
        slips: crate::slips::issued(d, &events),
        overdue: workflow::overdue(d, now),
        step_overdue: d.status == Status::InProcess && d.state.step_due_at.is_some_and(|t| now > t),
        events,
        loaded,
    })
}

/// The step an action enters, if it enters one with a choice of person.
fn entered_step<'a>(d: &Dossier, p: &'a Procedure, a: Action) -> Option<&'a ProcessStep> {
    match a {
        Action::Accept | Action::StartProcessing => p.process.first(),
        Action::NextStep => {
            let i = p
                .process
                .iter()
                .position(|s| Some(&s.id) == d.state.current_step.as_ref())?;
            p.process.get(i + 1)
        }
        _ => None,
    }
}

/// The staff of the dossier's agency who hold the role of the step `a` enters.
async fn assignees(
    store: &impl AccountStore,
    d: &Dossier,
    p: &Procedure,
    a: Action,
) -> Result<Vec<Assignee>, StoreError> {
    let Some(step) = entered_step(d, p, a) else {
        return Ok(vec![]);
    };
    Ok(store
        .staff_with_role(&d.agency_code, StaffRole::from(step.role))
        .await?
        .into_iter()
        .map(|h| Assignee {
            account_id: h.account.id,
            name: h.account.full_name,
            open_steps: h.open_steps,
        })
        .collect())
}

/// The walk that explains the dossier's statutory due moment: the one stored with the
/// acceptance, plus the pauses as recorded when they ended, so it explains the stored moment
/// even after the calendar changed. Dossiers accepted before walks were stored get one
/// recomputed with today's calendar.
fn explained_due(
    d: &Dossier,
    p: &Procedure,
    events: &[Event],
    cal: &WorkingCalendar,
    start: OffsetDateTime,
) -> DueWalk {
    let stored = events.iter().find_map(|e| match &e.details {
        EventDetails::Accept { walk, .. } => walk.clone(),
        _ => None,
    });
    let Some(mut walk) = stored else {
        let mut walk = cal.due(start, &p.duration);
        for (pause, e) in pauses(events) {
            walk.add_pause(cal, pause.from, e.at);
        }
        return walk;
    };
    for (pause, e) in pauses(events) {
        walk.add_recorded_pause(pause.from, e.at, pause.minutes);
    }
    if let Some(due) = d.state.statutory_due_at {
        walk.due = due.to_offset(motcua_domain::format::VN_OFFSET);
    }
    walk
}

/// The events that ended a pause of the clock, with the pause.
fn pauses(events: &[Event]) -> impl Iterator<Item = (&EndedPause, &Event)> {
    events
        .iter()
        .filter_map(|e| Some((e.details.ended_pause()?, e)))
}
