//! The staff queues: the dossiers of the officer's agency a tab lists, a page at a time,
//! each with the due moment that matters in that tab and whether it has passed or is near.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Arc;

use motcua_domain::calendar::WorkingCalendar;
use motcua_domain::procedure::Procedure;
use motcua_domain::workflow::{StaffRole, Status};
use motcua_store::{
    Account, AccountStore, Dossier, ProcedureStore, QueueKind, QueueQuery, StoreError,
    WorkflowStore,
};
use time::{Date, OffsetDateTime};

/// Lines per queue page.
pub const PAGE_SIZE: u32 = 25;

/// The last page anybody may ask for: nobody needs page 10,000, and the offset must not
/// overflow.
const LAST_PAGE: u32 = 10_000;

/// A tab of the staff workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Queue {
    /// Filed online, not yet checked.
    New,
    /// The process steps assigned to the officer.
    MySteps,
    /// Everything in process, whoever holds the step.
    InProcess,
    /// Waiting for the citizen (supplement, fee).
    WaitingCitizen,
    /// Results to return.
    ResultReady,
    /// Every dossier of the agency (for search).
    All,
}

impl Queue {
    /// Every tab, in the order they are shown.
    pub const ALL: [Queue; 6] = [
        Queue::New,
        Queue::MySteps,
        Queue::InProcess,
        Queue::WaitingCitizen,
        Queue::ResultReady,
        Queue::All,
    ];

    /// The tab an officer starts from when none is asked for: reception starts its day with
    /// the new dossiers, everyone else with their own steps.
    pub fn default_for(officer: &Account) -> Queue {
        if officer.has_role(StaffRole::Reception) {
            Queue::New
        } else {
            Queue::MySteps
        }
    }

    fn kind(self, officer: &Account) -> QueueKind {
        match self {
            Queue::New => QueueKind::New,
            Queue::MySteps => QueueKind::MySteps(officer.id),
            Queue::InProcess => QueueKind::InProcess,
            Queue::WaitingCitizen => QueueKind::WaitingCitizen,
            Queue::ResultReady => QueueKind::ResultReady,
            Queue::All => QueueKind::All,
        }
    }

    /// Whether the tab judges a dossier by its current step's due moment (the tabs of the
    /// processing) rather than by the dossier's.
    fn by_step(self) -> bool {
        matches!(self, Queue::MySteps | Queue::InProcess)
    }
}

/// What the officer asked for.
#[derive(Clone, Debug)]
pub struct QueueRequest {
    /// The tab; the officer's default one when `None`.
    pub queue: Option<Queue>,
    /// Code prefix, exact ID number or part of the applicant's name; empty for all.
    pub search: String,
    /// Only dossiers of this procedure code.
    pub procedure: Option<String>,
    pub newest_first: bool,
    /// From 1.
    pub page: u32,
}

/// One dossier of a queue.
pub struct QueueEntry {
    pub dossier: Dossier,
    /// The procedure version it was filed under (shared by the entries of that version);
    /// `None` if it is gone, then [`QueueEntry::procedure_name_vi`] names it.
    pub procedure: Option<Arc<Procedure>>,
    pub procedure_name_vi: String,
    /// The due moment that matters in this tab.
    pub due_at: Option<OffsetDateTime>,
    /// The name of the officer holding the current step.
    pub assignee: Option<String>,
    pub overdue: bool,
    /// Due within one working day from now.
    pub due_soon: bool,
}

/// A page of a queue.
pub struct QueuePage {
    pub queue: Queue,
    /// The page shown (the one asked for, within 1..=10,000).
    pub page: u32,
    pub entries: Vec<QueueEntry>,
    pub has_next: bool,
    /// The procedures the agency receives today, for the filter.
    pub procedures: Vec<Procedure>,
}

/// A page of a queue of `officer`'s agency, judged at `now` with `calendar`.
pub async fn queue(
    store: &(impl ProcedureStore + WorkflowStore + AccountStore),
    calendar: &WorkingCalendar,
    officer: &Account,
    request: QueueRequest,
    now: OffsetDateTime,
    today: Date,
) -> Result<QueuePage, StoreError> {
    let queue = request.queue.unwrap_or_else(|| Queue::default_for(officer));
    let page = request.page.clamp(1, LAST_PAGE);
    // Staff always have an agency; an account without one sees an empty queue.
    let Some(agency) = officer.agency_code.clone() else {
        return Ok(QueuePage {
            queue,
            page,
            entries: vec![],
            has_next: false,
            procedures: vec![],
        });
    };
    let mut rows = store
        .queue(&QueueQuery {
            agency_code: agency.clone(),
            kind: queue.kind(officer),
            search: request.search,
            procedure_code: request.procedure.filter(|p| !p.is_empty()),
            descending: request.newest_first,
            offset: (page - 1) * PAGE_SIZE,
            limit: PAGE_SIZE + 1,
        })
        .await?;
    let has_next = rows.len() > PAGE_SIZE as usize;
    rows.truncate(PAGE_SIZE as usize);
    // A page's lines mostly share a few procedure versions and officers: each is read once.
    let mut versions: HashMap<i64, Option<Arc<Procedure>>> = HashMap::new();
    let mut names: HashMap<i64, Option<String>> = HashMap::new();
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let d = row.dossier;
        if let Entry::Vacant(slot) = versions.entry(d.procedure_id) {
            let version = store.procedure_version(d.procedure_id).await?;
            slot.insert(version.map(|v| Arc::new(v.procedure)));
        }
        let assignee = match d.state.assignee_id {
            None => None,
            Some(id) => {
                if let Entry::Vacant(slot) = names.entry(id) {
                    slot.insert(store.account(id).await?.map(|a| a.full_name));
                }
                names[&id].clone()
            }
        };
        let due_at = if queue.by_step() {
            d.state.step_due_at
        } else {
            d.state.due_at
        };
        let running = matches!(d.status, Status::Accepted | Status::InProcess);
        let overdue = running && due_at.is_some_and(|t| now > t);
        let due_soon = running
            && !overdue
            && due_at.is_some_and(|t| calendar.working_minutes_between(now, t) <= 8 * 60);
        entries.push(QueueEntry {
            procedure: versions[&d.procedure_id].clone(),
            procedure_name_vi: row.procedure_name_vi,
            dossier: d,
            due_at,
            assignee,
            overdue,
            due_soon,
        });
    }
    let procedures = store
        .procedures_received_by(&agency, today)
        .await?
        .into_iter()
        .map(|p| p.procedure)
        .collect();
    Ok(QueuePage {
        queue,
        page,
        entries,
        has_next,
        procedures,
    })
}
