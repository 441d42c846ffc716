//! What a decided move does to a dossier's state: due moments, pauses, the step and its due
//! moment, and what the event records. Pure: the caller has decided the move with
//! [`super::decide`], looked up what needs the database (the step's assignee), and writes
//! the result.

use time::OffsetDateTime;

use super::details::{
    AssigneeNote, EndedPause, EventDetails, StepEntered, StepLeft, SupplementItem,
};
use super::state::WorkflowState;
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
    pub details: EventDetails,
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
    let left = || match (&before.current_step, before.step_due_at) {
        (Some(step), Some(due)) => Some(StepLeft {
            step: step.clone(),
            due,
        }),
        _ => None,
    };
    let details = match action {
        Action::Accept => {
            let walk = cal.due(now, &procedure.duration);
            state.accepted_at = Some(now);
            state.due_at = Some(walk.due);
            state.statutory_due_at = Some(walk.due);
            EventDetails::Accept {
                due: walk.due,
                walk: Some(walk),
            }
        }
        Action::RequestSupplement => {
            if clock_running(status) {
                state.paused_at = Some(now);
            }
            state.resume_status = Some(status);
            EventDetails::RequestSupplement { items: facts.items }
        }
        Action::RequestFee => {
            state.paused_at = Some(now);
            EventDetails::RequestFee
        }
        Action::FeePaid => EventDetails::FeePaid {
            pause: end_pause(&mut state, cal, now),
        },
        Action::Resupply => EventDetails::Resupply {
            pause: end_pause(&mut state, cal, now),
        },
        Action::StartProcessing => EventDetails::StartProcessing {
            entered: enter_step(&mut state, decided, procedure, cal, facts.assignee, now)?,
        },
        Action::NextStep => EventDetails::NextStep {
            left: left(),
            entered: enter_step(&mut state, decided, procedure, cal, facts.assignee, now)?,
        },
        Action::Finish => {
            let left = left();
            state.finished_at = Some(now);
            state.assignee_id = None;
            EventDetails::Finish { left }
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
            // The citizen is promised the new date; statistics keep the statutory one.
            state.due_at = Some(new_due);
            EventDetails::Apologize {
                old_due,
                new_due,
                responsible_unit: unit.to_string(),
            }
        }
        Action::Stop => {
            state.assignee_id = None;
            EventDetails::Stop {
                leader_approved: facts.leader_approved,
            }
        }
        // Read back by the core's `stop_approved` until the dossier moves on.
        Action::ApproveStop => EventDetails::ApproveStop,
        Action::Refuse => {
            state.assignee_id = None;
            EventDetails::Refuse
        }
        Action::Withdraw => {
            state.assignee_id = None;
            EventDetails::Withdraw
        }
        Action::ReturnResult => {
            state.assignee_id = None;
            EventDetails::ReturnResult
        }
    };
    Ok(Applied { state, details })
}

/// Ends the pause of the clock, if it was paused: every due moment moves on by the working
/// time the pause lasted, as counted now, and the event records that count.
fn end_pause(
    state: &mut WorkflowState,
    cal: &WorkingCalendar,
    now: OffsetDateTime,
) -> Option<EndedPause> {
    state.resume_status = None;
    let from = state.paused_at.take()?;
    let minutes = cal.working_minutes_between(from, now);
    let push = |m: Option<OffsetDateTime>| m.map(|t| cal.add_working_minutes(t, minutes));
    state.due_at = push(state.due_at);
    state.statutory_due_at = push(state.statutory_due_at);
    state.step_due_at = push(state.step_due_at);
    Some(EndedPause { from, minutes })
}

/// Enters the process step the move names: its start, due moment and assignee.
fn enter_step(
    state: &mut WorkflowState,
    decided: &Move,
    procedure: &Procedure,
    cal: &WorkingCalendar,
    assignee: Option<AssigneeNote>,
    now: OffsetDateTime,
) -> Result<StepEntered, ApplyError> {
    let step = procedure
        .process
        .iter()
        .find(|s| Some(s.id.as_str()) == decided.step.as_deref())
        .ok_or(ApplyError::UnknownStep)?;
    let step_due = cal.add_working_minutes(cal.clock_start(now), step_minutes(step.duration_hours));
    state.current_step = Some(step.id.clone());
    state.step_started_at = Some(now);
    state.step_due_at = Some(step_due);
    state.assignee_id = assignee.as_ref().map(|a| a.id);
    Ok(StepEntered { step_due, assignee })
}

#[cfg(test)]
mod tests;
