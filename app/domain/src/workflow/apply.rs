//! What a decided move does to a dossier's state: due moments, pauses, the step and its due
//! moment, and what the event records. Pure: the caller has decided the move with
//! [`super::decide`], looked up what needs the database (the step's assignee), and writes
//! the result.

use time::OffsetDateTime;

use super::state::{AssigneeNote, MoveDetails, SupplementItem, WorkflowState};
use super::{Action, Move, Status};
use crate::calendar::{WorkingCalendar, is_overdue, step_minutes};
use crate::procedure::Procedure;

/// Statuses in which the clock runs, so that a passed due moment makes the dossier overdue.
pub fn clock_running(status: Status) -> bool {
    matches!(status, Status::Accepted | Status::InProcess)
}

/// Whether a dossier in `status` with `state` is overdue at `now`: its clock runs and the
/// due moment promised (the statutory one, or an apology's new date) has passed.
pub fn overdue(status: Status, state: &WorkflowState, now: OffsetDateTime) -> bool {
    clock_running(status) && state.due_at.is_some_and(|due| is_overdue(now, due))
}

/// What the actor entered that the state change needs, and what the caller looked up.
#[derive(Clone, Debug, Default)]
pub struct MoveFacts {
    /// RequestSupplement: the items, with their labels.
    pub items: Vec<SupplementItem>,
    /// StartProcessing, NextStep: who takes the step entered (`None`: nobody holds its
    /// role; the dossier then waits in the agency's queue).
    pub assignee: Option<AssigneeNote>,
    /// Apologize: the new due moment and the unit responsible for the delay.
    pub new_due: Option<OffsetDateTime>,
    pub responsible_unit: String,
    /// Stop: whether a leader approved it.
    pub leader_approved: bool,
}

/// The state after a move, and what its event records.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub state: WorkflowState,
    pub details: MoveDetails,
}

/// Why a decided move cannot be applied (the actor's input); nothing changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplyError {
    /// Apologize without a new due moment.
    NewDueMissing,
    /// Apologize with a new due moment not after the old one and now.
    NewDueNotLater,
    /// Apologize without the unit responsible.
    ResponsibleUnitRequired,
    /// The move enters a step the procedure does not have.
    UnknownStep,
}

impl ApplyError {
    /// The message key the pages show for it.
    pub fn key(self) -> &'static str {
        match self {
            ApplyError::NewDueMissing => "new_due_invalid",
            ApplyError::NewDueNotLater => "new_due_not_later",
            ApplyError::ResponsibleUnitRequired => "responsible_unit_required",
            ApplyError::UnknownStep => "unknown_step",
        }
    }
}

/// Applies the move `decided` (of `action`, from `decided.from` and `state`) at `now`, with
/// the working calendar `cal` and the procedure version the dossier was filed under.
pub fn apply(
    action: Action,
    decided: &Move,
    state: &WorkflowState,
    procedure: &Procedure,
    cal: &WorkingCalendar,
    facts: MoveFacts,
    now: OffsetDateTime,
) -> Result<Applied, ApplyError> {
    let status = decided.from;
    let before = state;
    let mut state = before.clone();
    let mut details = MoveDetails {
        slip: decided.slip,
        ..MoveDetails::default()
    };
    let left_step = |details: &mut MoveDetails| {
        if let (Some(left), Some(due)) = (&before.current_step, before.step_due_at) {
            details.left_step = Some(left.clone());
            details.left_step_due = Some(due);
        }
    };
    match action {
        Action::Accept => {
            let walk = cal.due(now, &procedure.duration);
            state.accepted_at = Some(now);
            state.due_at = Some(walk.due);
            state.statutory_due_at = Some(walk.due);
            details.due = Some(walk.due);
            details.walk = Some(walk);
        }
        Action::RequestSupplement => {
            if clock_running(status) {
                state.paused_at = Some(now);
            }
            state.resume_status = Some(status);
            details.items = facts.items;
        }
        Action::RequestFee => {
            state.paused_at = Some(now);
        }
        Action::FeePaid | Action::Resupply => {
            if let Some(paused) = state.paused_at.take() {
                let minutes = cal.working_minutes_between(paused, now);
                let push =
                    |m: Option<OffsetDateTime>| m.map(|t| cal.add_working_minutes(t, minutes));
                state.due_at = push(state.due_at);
                state.statutory_due_at = push(state.statutory_due_at);
                state.step_due_at = push(state.step_due_at);
                details.paused_from = Some(paused);
                details.paused_minutes = Some(minutes);
            }
            state.resume_status = None;
        }
        Action::NextStep | Action::StartProcessing => {
            let step = procedure
                .process
                .iter()
                .find(|s| Some(s.id.as_str()) == decided.step.as_deref())
                .ok_or(ApplyError::UnknownStep)?;
            left_step(&mut details);
            state.current_step = Some(step.id.clone());
            state.step_started_at = Some(now);
            let step_due =
                cal.add_working_minutes(cal.clock_start(now), step_minutes(step.duration_hours));
            state.step_due_at = Some(step_due);
            state.assignee_id = facts.assignee.as_ref().map(|a| a.id);
            details.step_due = Some(step_due);
            details.assignee = facts.assignee;
        }
        Action::Finish => {
            left_step(&mut details);
            state.finished_at = Some(now);
            state.assignee_id = None;
        }
        Action::Apologize => {
            let new_due = facts.new_due.ok_or(ApplyError::NewDueMissing)?;
            let old_due = before.due_at;
            if old_due.is_some_and(|d| new_due <= d) || new_due <= now {
                return Err(ApplyError::NewDueNotLater);
            }
            let unit = facts.responsible_unit.trim();
            if unit.is_empty() {
                return Err(ApplyError::ResponsibleUnitRequired);
            }
            details.old_due = old_due;
            details.new_due = Some(new_due);
            details.responsible_unit = Some(unit.to_string());
            // The citizen is promised the new date; statistics keep the statutory one.
            state.due_at = Some(new_due);
        }
        Action::Stop => {
            details.leader_approved = Some(facts.leader_approved);
            state.assignee_id = None;
        }
        // Read back by the core's `stop_approved` until the dossier moves on.
        Action::ApproveStop => {
            details.stop_approval = true;
        }
        Action::Refuse | Action::Withdraw | Action::ReturnResult => {
            state.assignee_id = None;
        }
    }
    Ok(Applied { state, details })
}

#[cfg(test)]
mod tests;
