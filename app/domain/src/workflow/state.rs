//! What a dossier's workflow state is: the typed shape the store keeps beside the dossier
//! (what each move records about itself is [`super::EventDetails`]).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::Status;

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
