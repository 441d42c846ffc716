//! What a dossier's workflow state is, and what each move records about itself: the typed
//! shapes the store keeps (the state beside the dossier, the details in the event log).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{Slip, Status};
use crate::calendar::DueWalk;

/// The workflow state of a dossier: what the latest events imply, kept beside the dossier so
/// that queues and statistics need no replay of the history. [`super::apply`] computes the
/// new state of a move; the store writes it together with the move's event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkflowState {
    /// Set on acceptance (status 2); `None` before.
    pub accepted_at: Option<OffsetDateTime>,
    /// The due moment promised to the citizen (an apology's new date replaces it).
    pub due_at: Option<OffsetDateTime>,
    /// The statutory due moment (pauses added, apologies not), which statistics judge by.
    pub statutory_due_at: Option<OffsetDateTime>,
    /// The process step in progress (status 4), its start, due moment and assignee.
    pub current_step: Option<String>,
    pub step_started_at: Option<OffsetDateTime>,
    pub step_due_at: Option<OffsetDateTime>,
    pub assignee_id: Option<i64>,
    /// Since when the clock is paused (status 5 or 6).
    pub paused_at: Option<OffsetDateTime>,
    /// The status a supplement answer returns to (1 or 4).
    pub resume_status: Option<Status>,
    /// When status 9 was reached.
    pub finished_at: Option<OffsetDateTime>,
}

/// A supplement item as recorded on the request (and printed on slip 02).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplementItem {
    /// `field` or `document`.
    pub kind: String,
    pub id: String,
    pub label: String,
}

/// The person a step was assigned to, as named at that moment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssigneeNote {
    pub id: i64,
    pub name: String,
}

/// What a move records about itself in the event log, beyond its statuses, step and reason.
/// Each field says which moves write it; readers (the timeline, slips, "why this date?",
/// the stop approval) read these fields, never keys by name.
///
/// One type for every move, not one per move: an event records its statuses, not its
/// action, so its kind is known only from them, and the rows written so far have exactly
/// this shape. Unknown keys are ignored and missing ones are `None`, so every stored event
/// reads back.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MoveDetails {
    /// Accept: the due moment and the walk that explains it (kept so "why this date?"
    /// explains the stored moment after the calendar changes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<OffsetDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub walk: Option<DueWalk>,
    /// RequestSupplement: what the citizen must supply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<SupplementItem>,
    /// FeePaid, Resupply: the pause that ended, and its length in working minutes as
    /// counted when it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused_from: Option<OffsetDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused_minutes: Option<i64>,
    /// NextStep, Finish: the step left and the due moment it had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_step: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_step_due: Option<OffsetDateTime>,
    /// StartProcessing, NextStep: the new step's due moment and who it went to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_due: Option<OffsetDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<AssigneeNote>,
    /// Apologize (slip 04): the due moment before and after, and who caused the delay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_due: Option<OffsetDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_due: Option<OffsetDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible_unit: Option<String>,
    /// Stop: whether a leader had approved it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader_approved: Option<bool>,
    /// ApproveStop: the leader's approval, valid until the dossier moves on.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stop_approval: bool,
    /// The slip the move produced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slip: Option<Slip>,
}

impl MoveDetails {
    /// Whether there is nothing to record (the event then has no details at all).
    pub fn is_empty(&self) -> bool {
        self == &MoveDetails::default()
    }
}
