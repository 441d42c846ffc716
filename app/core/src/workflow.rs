//! Carrying out a workflow action on a dossier: authorize, decide with the domain's status
//! machine, compute the new due moments with the working calendar, and write the move with
//! the store. Called by the form-post handlers of the staff workspace and the citizen's
//! supplement and withdraw pages.
//!
//! Authorization is checked here, for every dossier and every action: staff act only on
//! dossiers of their own agency, through moves their roles allow; a citizen acts only on a
//! dossier they own (account) or proved they own (code plus ID number). A dossier the actor
//! may not see is reported exactly like one that does not exist.

use motcua_domain::audit::AuditAction;
use motcua_domain::calendar::{WorkingCalendar, WorkingPeriod};
use motcua_domain::ids::{AgencyCode, DossierCode};
use motcua_domain::procedure::{Procedure, ProcessStep};
use motcua_domain::workflow::{
    self, Action, Actor, Applied, ApplyError, AssigneeNote, EventDetails, MoveContext, MoveError,
    MoveFacts, MoveInput, StaffRole, Status, SupplementItem, SupplementItemKind,
};
use motcua_store::{
    Account, AccountKind, AccountStore, AuditActor, CITIZEN_ACTOR, CalendarStore, Dossier,
    DossierStore, Event, NewAttachment, ProcedureStore, StoreError, SupplementAnswer, Transition,
    WorkflowStore,
};
use time::OffsetDateTime;

use crate::audit::{self, Act, Origin};
use crate::calendar::CalendarCache;

/// Who acts.
#[derive(Clone, Debug)]
pub enum Who {
    Staff(Account),
    /// A citizen, signed in (`Some(account)`) or proven by code plus ID number (`None`).
    Citizen(Option<Account>),
}

/// Who asks for a move and where the request came from (for the audit trail).
#[derive(Clone, Copy, Debug)]
pub struct Requester<'a> {
    pub who: &'a Who,
    pub origin: &'a Origin,
}

/// What the actor entered with the action.
#[derive(Clone, Debug, Default)]
pub struct ActionInput {
    pub reason: String,
    /// Supplement items: `field:<id>` or `document:<id>` of the procedure version.
    pub items: Vec<String>,
    /// The person to take the next step; the least loaded holder of its role by default.
    pub assignee: Option<i64>,
    /// Slip 04: the new due moment and the unit responsible for the delay.
    pub new_due: Option<OffsetDateTime>,
    pub responsible_unit: String,
    /// Stop by a specialist: a leader approved it. Set by [`perform`] from the recorded
    /// approval ([`Action::ApproveStop`]), never from what a form says.
    pub leader_approved: bool,
    /// Finish: the result document.
    pub result: Option<NewAttachment>,
    /// Resupply: the citizen's changed answers and files.
    pub supplement: Option<SupplementAnswer>,
}

/// Why an action was not carried out; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    /// No such dossier, or not one this actor may see.
    #[error("no such dossier for this actor")]
    NotFound,
    /// The status machine refused it.
    #[error("the status machine refused the move: {0:?}")]
    Refused(MoveError),
    /// Somebody moved the dossier since the page was shown.
    #[error("the dossier was moved since it was shown")]
    Moved,
    /// The input is not acceptable (key for the message, e.g. `assignee_invalid`).
    #[error("invalid input: {0}")]
    Invalid(&'static str),
    /// Ours, not the actor's: logged, never shown.
    #[error(transparent)]
    Store(StoreError),
}

/// A conflict (the dossier moved under the write) and a missing row are the actor's
/// situation, not our failure; anything else is ours.
impl From<StoreError> for ActionError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict(_) => ActionError::Moved,
            StoreError::NotFound(_) => ActionError::NotFound,
            other => ActionError::Store(other),
        }
    }
}

/// A dossier with the procedure version it was filed under, loaded for an actor that may see
/// it.
pub struct Loaded {
    pub dossier: Dossier,
    pub procedure: Procedure,
}

/// Loads a dossier for `who`, or `NotFound` when it does not exist or is not theirs.
pub async fn load_for(
    store: &(impl ProcedureStore + DossierStore),
    who: &Who,
    code: &DossierCode,
) -> Result<Loaded, ActionError> {
    let dossier = store.dossier(code).await?.ok_or(ActionError::NotFound)?;
    if !may_see(who, &dossier) {
        return Err(ActionError::NotFound);
    }
    let procedure = store
        .procedure_version(dossier.procedure_id)
        .await?
        .ok_or_else(|| {
            let missing = format!("dossier {code}: its procedure version is missing");
            ActionError::Store(StoreError::Corrupt(missing))
        })?
        .procedure;
    Ok(Loaded { dossier, procedure })
}

/// As [`load_for`], with "not there or not theirs" as `None`, leaving only our own failures
/// as errors: for a page that falls back to another way in (a slip read by its owner, else
/// by a proof) and must not hide a database failure as a miss.
pub async fn load_if_visible(
    store: &(impl ProcedureStore + DossierStore),
    who: &Who,
    code: &DossierCode,
) -> Result<Option<Loaded>, StoreError> {
    match load_for(store, who, code).await {
        Ok(loaded) => Ok(Some(loaded)),
        Err(ActionError::Store(e)) => Err(e),
        Err(_) => Ok(None),
    }
}

/// Whether `who` may see `dossier`: staff of its agency, the citizen who owns it, or a
/// citizen the caller already checked with the code and the applicant's proof.
pub fn may_see(who: &Who, dossier: &Dossier) -> bool {
    match who {
        Who::Staff(a) => {
            a.kind == AccountKind::Staff && a.agency_code.as_ref() == Some(&dossier.agency_code)
        }
        Who::Citizen(Some(a)) => dossier.citizen_account_id == Some(a.id),
        // Proven by code and ID number by the caller.
        Who::Citizen(None) => true,
    }
}

/// Whether the dossier is overdue now (the domain's rule: its clock runs and the due moment
/// promised has passed).
pub fn overdue(d: &Dossier, now: OffsetDateTime) -> bool {
    workflow::overdue(d.status, &d.state, now)
}

/// The status machine's view of a dossier.
pub fn context<'a>(
    d: &'a Dossier,
    p: &'a Procedure,
    now: OffsetDateTime,
    leader_approved: bool,
) -> MoveContext<'a> {
    MoveContext {
        status: d.status,
        steps: &p.process,
        current_step: d.state.current_step.as_deref(),
        status_before_supplement: d.state.resume_status,
        overdue: overdue(d, now),
        leader_approved,
    }
}

/// The roles of a staff actor as the status machine sees them (none for a citizen).
pub fn actor_of(who: &Who) -> Actor<'_> {
    match who {
        Who::Staff(a) => Actor::Staff { roles: &a.roles },
        Who::Citizen(_) => Actor::Citizen,
    }
}

/// Parses `"07:00-11:30, 13:30-17:00"`, and checks the periods make a calendar (ordered,
/// not overlapping, at least one).
pub fn parse_working_periods(text: &str) -> Result<Vec<WorkingPeriod>, String> {
    let periods = parse_periods(text)?;
    WorkingCalendar::with_periods(periods.clone(), [])?;
    Ok(periods)
}

fn parse_periods(text: &str) -> Result<Vec<WorkingPeriod>, String> {
    let format = time::macros::format_description!("[hour]:[minute]");
    text.split(',')
        .map(|part| {
            let (start, end) = part
                .trim()
                .split_once('-')
                .ok_or_else(|| format!("working period {part:?}: expected HH:MM-HH:MM"))?;
            let time = |t: &str| {
                time::Time::parse(t.trim(), format)
                    .map_err(|_| format!("working period {part:?}: {t:?} is not HH:MM"))
            };
            Ok(WorkingPeriod {
                start: time(start)?,
                end: time(end)?,
            })
        })
        .collect()
}

/// Carries out `action` on dossier `code` for `requester` at `now`. Returns the events
/// written (acceptance writes two: 1→2 and 2→4 into the first process step). The calendar
/// is read once, for both moves of an acceptance. The trail's entry is written with the moves.
pub async fn perform(
    store: &(impl ProcedureStore + DossierStore + WorkflowStore + AccountStore + CalendarStore),
    calendar: &CalendarCache,
    requester: &Requester<'_>,
    code: &DossierCode,
    action: Action,
    input: ActionInput,
    now: OffsetDateTime,
) -> Result<Vec<Event>, ActionError> {
    let who = requester.who;
    let Loaded { dossier, procedure } = load_for(store, who, code).await?;
    let cal = calendar.current(store).await?;
    let assignee = input.assignee;
    let mut input = input;
    // Only a stop, or its approval, depends on whether a leader approved: the history is read
    // for those alone.
    if matches!(action, Action::Stop | Action::ApproveStop) {
        input.leader_approved = stop_approved(&dossier, &store.events(code).await?);
    }
    let first = plan(store, who, &dossier, &procedure, &cal, action, input, now).await?;
    let mut moves = vec![first];
    if action == Action::Accept {
        // Acceptance starts the first process step at once (2→4), in the same transaction:
        // the dossier is never left accepted without a step.
        let mut accepted = dossier.clone();
        accepted.status = moves[0].to_status;
        accepted.state = moves[0].state.clone();
        let input = ActionInput {
            assignee,
            ..Default::default()
        };
        let start = plan(
            store,
            who,
            &accepted,
            &procedure,
            &cal,
            Action::StartProcessing,
            input,
            now,
        );
        let mut start = start.await?;
        start.expected_version = None;
        moves.push(start);
    }
    let act = Act::new(AuditAction::Moved)
        .on_dossier(code)
        .saying(action.as_str());
    let trail = audit::entry(requester.origin, audit_actor(who), act, now);
    Ok(store.apply_transitions(code, &moves, Some(&trail)).await?)
}

/// `who` as the trail records an actor: a citizen has no roles, and an account only when
/// signed in.
fn audit_actor(who: &Who) -> AuditActor {
    match who {
        Who::Staff(account) | Who::Citizen(Some(account)) => audit::actor(account),
        Who::Citizen(None) => AuditActor::default(),
    }
}

/// Whether a leader has approved stopping the dossier in its current step: the spec lets a
/// specialist stop processing "with leader approval", and the approval is the leader's own
/// recorded act ([`Action::ApproveStop`]), valid until the dossier moves on.
pub fn stop_approved(d: &Dossier, events: &[Event]) -> bool {
    for e in events.iter().rev() {
        if e.details == EventDetails::ApproveStop {
            return true;
        }
        // Any other move: an approval before it was for another situation.
        if e.to_status != Status::InProcess
            || e.from_status != Some(Status::InProcess)
            || e.step != d.state.current_step
        {
            return false;
        }
        if matches!(e.details, EventDetails::NextStep { .. }) {
            return false;
        }
    }
    false
}

/// Decides one move and computes what it writes; writes nothing.
#[allow(clippy::too_many_arguments)]
async fn plan(
    store: &impl AccountStore,
    who: &Who,
    dossier: &Dossier,
    procedure: &Procedure,
    cal: &WorkingCalendar,
    action: Action,
    input: ActionInput,
    now: OffsetDateTime,
) -> Result<Transition, ActionError> {
    let ctx = context(dossier, procedure, now, input.leader_approved);
    // A step is handed on or finished by the person it is assigned to (or a leader, who
    // may take over any step of the agency); others holding the role only see it.
    if let (Who::Staff(a), Some(holder)) = (who, dossier.state.assignee_id)
        && matches!(action, Action::NextStep | Action::Finish)
        && holder != a.id
        && !a.has_role(StaffRole::Leader)
    {
        return Err(ActionError::Invalid("not_your_step"));
    }
    let items = supplement_items(procedure, &input.items);
    if action == Action::RequestSupplement && items.len() != input.items.len() {
        return Err(ActionError::Invalid("items_invalid"));
    }
    let decided = workflow::decide(
        &actor_of(who),
        action,
        &ctx,
        &MoveInput {
            reason: &input.reason,
            items: &input.items,
            has_result_document: input.result.is_some(),
            has_new_due: input.new_due.is_some(),
        },
    )
    .map_err(ActionError::Refused)?;
    let (actor_name, actor_id) = match who {
        Who::Staff(a) => (a.full_name.clone(), Some(a.id)),
        Who::Citizen(a) => (CITIZEN_ACTOR.to_string(), a.as_ref().map(|a| a.id)),
    };
    // What needs the database is looked up here; the state change itself is the domain's.
    let assignee = match action {
        Action::NextStep | Action::StartProcessing => {
            let step = next_step(procedure, decided.step.as_deref())?;
            choose_assignee(store, &dossier.agency_code, step, input.assignee)
                .await?
                .map(|a| AssigneeNote {
                    id: a.id,
                    name: a.full_name,
                })
        }
        _ => None,
    };
    let facts = MoveFacts {
        items,
        assignee,
        new_due: input.new_due,
        responsible_unit: input.responsible_unit.clone(),
        leader_approved: input.leader_approved,
    };
    let Applied { state, details } =
        workflow::apply(action, &decided, &dossier.state, procedure, cal, facts, now).map_err(
            |e| match e {
                ApplyError::UnknownStep => ActionError::Refused(MoveError::UnknownCurrentStep),
                other => ActionError::Invalid(other.key()),
            },
        )?;
    let reason = motcua_domain::plain_text::clean_text(&input.reason);
    let attachments = match action {
        Action::Finish => input.result.into_iter().collect(),
        _ => Vec::new(),
    };
    Ok(Transition {
        expected_status: dossier.status,
        expected_step: dossier.state.current_step.clone(),
        expected_version: Some(dossier.version),
        to_status: decided.to,
        at: now,
        actor: actor_name,
        actor_account_id: actor_id,
        step: decided.step.clone().or_else(|| state.current_step.clone()),
        reason: (!reason.is_empty()).then(|| reason.to_string()),
        details,
        state,
        attachments,
        supplement: input.supplement,
    })
}

/// The process step `id` of the procedure.
fn next_step<'a>(p: &'a Procedure, id: Option<&str>) -> Result<&'a ProcessStep, ActionError> {
    p.process
        .iter()
        .find(|s| Some(s.id.as_str()) == id)
        .ok_or(ActionError::Refused(MoveError::UnknownCurrentStep))
}

/// The assignee of a step: the one chosen (who must be active staff of the agency holding
/// the step's role), otherwise the least loaded such person, or nobody if the agency has
/// none (the dossier then waits in the agency's in-process queue).
async fn choose_assignee(
    store: &impl AccountStore,
    agency: &AgencyCode,
    step: &ProcessStep,
    chosen: Option<i64>,
) -> Result<Option<Account>, ActionError> {
    let holders = store
        .staff_with_role(agency, StaffRole::from(step.role))
        .await?;
    match chosen {
        Some(id) => holders
            .into_iter()
            .find(|h| h.account.id == id)
            .map(|h| Some(h.account))
            .ok_or(ActionError::Invalid("assignee_invalid")),
        None => Ok(holders.into_iter().next().map(|h| h.account)),
    }
}

/// The labels of the items a supplement request event named (for slip 02 and the citizen).
pub fn requested_item_labels(e: &Event) -> Vec<String> {
    match &e.details {
        EventDetails::RequestSupplement { items } => {
            items.iter().map(|i| i.label.clone()).collect()
        }
        _ => Vec::new(),
    }
}

/// The supplement items named by `ids` that exist in the procedure, with their labels.
pub fn supplement_items(p: &Procedure, ids: &[String]) -> Vec<SupplementItem> {
    ids.iter()
        .filter_map(|item| {
            let (kind, id) = item.split_once(':')?;
            let kind = SupplementItemKind::parse(kind)?;
            let label = match kind {
                SupplementItemKind::Field => p
                    .form
                    .iter()
                    .flat_map(|s| &s.fields)
                    .find(|f| f.id == id)
                    .map(|f| f.label.get(motcua_domain::text::Lang::Vi).to_string()),
                SupplementItemKind::Document => p
                    .documents
                    .iter()
                    .find(|d| d.id == id)
                    .map(|d| d.name.get(motcua_domain::text::Lang::Vi).to_string()),
            }?;
            Some(SupplementItem {
                kind,
                id: id.into(),
                label,
            })
        })
        .collect()
}
