//! What a move records about itself in the event log: one variant per kind of move, each
//! with only the facts that move has.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

use super::{Action, Slip, Status};
use crate::calendar::DueWalk;

mod flat_pair;
mod legacy;

/// What an event records about itself, beyond its statuses, step and reason: the kind of
/// move (the filing, or the [`Action`] of the same name) and the facts of that kind. Readers
/// (the timeline, slips, "why this date?", the stop approval) match on the kind.
///
/// Stored as JSON with the kind under `"kind"` (serde's internally tagged form), so a row
/// says what it is by itself, whichever backend holds it and whatever reads it (`motcua
/// migrate-data` copies it as text). The fields keep the names the rows written before kinds
/// were stored used (`due`, `items`, `left_step`, ...): such a row lacks only its `"kind"`,
/// which [`EventDetails::decode`] names from the event's statuses, and then reads as any
/// other. Events are append-only, so those rows are never rewritten. Unknown keys (the
/// `slip` and `stop_approval` those rows hold, now implied by the kind) are ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventDetails {
    /// The filing itself: no status before it.
    Filed,
    /// The due moment, and the walk that explains it (kept so "why this date?" explains the
    /// stored moment after the calendar changes; `None` for dossiers accepted before walks
    /// were stored).
    Accept {
        due: OffsetDateTime,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        walk: Option<DueWalk>,
    },
    Refuse,
    /// What the citizen must supply (slip 02).
    RequestSupplement {
        items: Vec<SupplementItem>,
    },
    Withdraw,
    /// The first step's due moment and who it went to.
    StartProcessing {
        #[serde(flatten)]
        entered: StepEntered,
    },
    /// The step handed on, and the step entered.
    NextStep {
        #[serde(flatten, deserialize_with = "flat_pair::strict")]
        left: Option<StepLeft>,
        #[serde(flatten)]
        entered: StepEntered,
    },
    RequestFee,
    /// The pause that ended (`None` when the clock was not paused).
    FeePaid {
        #[serde(flatten, deserialize_with = "flat_pair::strict")]
        pause: Option<EndedPause>,
    },
    /// Whether a leader had approved it (slip 05).
    Stop {
        leader_approved: bool,
    },
    /// The last step, handed on.
    Finish {
        #[serde(flatten, deserialize_with = "flat_pair::strict")]
        left: Option<StepLeft>,
    },
    ReturnResult,
    /// The pause that ended (`None` for a request made before acceptance, when the clock
    /// had not started).
    Resupply {
        #[serde(flatten, deserialize_with = "flat_pair::strict")]
        pause: Option<EndedPause>,
    },
    /// Slip 04: the due moment before and after, and who caused the delay.
    Apologize {
        old_due: Option<OffsetDateTime>,
        new_due: OffsetDateTime,
        responsible_unit: String,
    },
    /// A leader's approval to stop, valid until the dossier moves on.
    ApproveStop,
    /// A stored row whose details could not be read (corruption, a manual edit): the store
    /// keeps the event in the history, with its statuses and moment, rather than fail the
    /// whole dossier's, and the timeline says so. Never written by a move.
    Unreadable,
}

/// A supplement item as recorded on the request (and printed on slip 02).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplementItem {
    pub kind: SupplementItemKind,
    /// The field's or the document's id in the procedure.
    pub id: String,
    pub label: String,
}

/// What a supplement item asks for again: an answer of the form, or a document. Stored as
/// `"field"` or `"document"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplementItemKind {
    Field,
    Document,
}

impl SupplementItemKind {
    /// `"field"` or `"document"`, as stored and as the staff form names an item
    /// (`field:ho_ten`).
    pub fn as_str(self) -> &'static str {
        match self {
            SupplementItemKind::Field => "field",
            SupplementItemKind::Document => "document",
        }
    }

    /// The kind named by [`SupplementItemKind::as_str`].
    pub fn parse(s: &str) -> Option<SupplementItemKind> {
        [SupplementItemKind::Field, SupplementItemKind::Document]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// The person a step was assigned to, as named at that moment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssigneeNote {
    pub id: i64,
    pub name: String,
}

/// A process step entered: its due moment, and who took it (`None`: nobody held its role,
/// so it waits in the agency's queue).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepEntered {
    pub step_due: OffsetDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<AssigneeNote>,
}

/// A process step handed on, and the due moment it had (slip 06 judges the hand-off by it).
/// Stored as two keys beside the event's others; both or neither ([`flat_pair`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepLeft {
    #[serde(rename = "left_step")]
    pub step: String,
    #[serde(rename = "left_step_due")]
    pub due: OffsetDateTime,
}

/// A pause of the clock that ended: when it began, and its length in working minutes as
/// counted when it ended. Stored as two keys beside the event's others; both or neither
/// ([`flat_pair`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EndedPause {
    #[serde(rename = "paused_from")]
    pub from: OffsetDateTime,
    #[serde(rename = "paused_minutes")]
    pub minutes: i64,
}

impl EventDetails {
    /// Reads the stored details of an event from `from` to `to`; `stored` is `None` for a
    /// row that recorded nothing (before kinds were stored, a move without facts wrote no
    /// details). A row without a kind gets the one its statuses name.
    pub fn decode(
        from: Option<Status>,
        to: Status,
        stored: Option<Value>,
    ) -> Result<EventDetails, serde_json::Error> {
        let mut stored = match stored {
            None | Some(Value::Null) => Value::Object(serde_json::Map::new()),
            Some(v) => v,
        };
        if let Value::Object(fields) = &mut stored
            && !fields.contains_key("kind")
        {
            let kind = legacy::kind(from, to, fields).ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "no kind, and no move from {from:?} to {to:?} to name one"
                ))
            })?;
            fields.insert("kind".into(), kind.into());
        }
        serde_json::from_value(stored)
    }

    /// The action the move was, `None` for the filing (and an unreadable row, which does not
    /// say).
    pub fn action(&self) -> Option<Action> {
        Some(match self {
            EventDetails::Filed | EventDetails::Unreadable => return None,
            EventDetails::Accept { .. } => Action::Accept,
            EventDetails::Refuse => Action::Refuse,
            EventDetails::RequestSupplement { .. } => Action::RequestSupplement,
            EventDetails::Withdraw => Action::Withdraw,
            EventDetails::StartProcessing { .. } => Action::StartProcessing,
            EventDetails::NextStep { .. } => Action::NextStep,
            EventDetails::RequestFee => Action::RequestFee,
            EventDetails::FeePaid { .. } => Action::FeePaid,
            EventDetails::Stop { .. } => Action::Stop,
            EventDetails::Finish { .. } => Action::Finish,
            EventDetails::ReturnResult => Action::ReturnResult,
            EventDetails::Resupply { .. } => Action::Resupply,
            EventDetails::Apologize { .. } => Action::Apologize,
            EventDetails::ApproveStop => Action::ApproveStop,
        })
    }

    /// The slip the move produced.
    pub fn slip(&self) -> Option<Slip> {
        self.action().and_then(Action::slip)
    }

    /// The step a hand-off entered (start of processing, next step).
    pub fn step_entered(&self) -> Option<&StepEntered> {
        match self {
            EventDetails::StartProcessing { entered } | EventDetails::NextStep { entered, .. } => {
                Some(entered)
            }
            _ => None,
        }
    }

    /// The step a hand-off left (next step, finish).
    pub fn step_left(&self) -> Option<&StepLeft> {
        match self {
            EventDetails::NextStep { left, .. } | EventDetails::Finish { left } => left.as_ref(),
            _ => None,
        }
    }

    /// The pause of the clock the move ended (fee paid, items supplied).
    pub fn ended_pause(&self) -> Option<&EndedPause> {
        match self {
            EventDetails::FeePaid { pause } | EventDetails::Resupply { pause } => pause.as_ref(),
            _ => None,
        }
    }
}

impl flat_pair::FlatPair for StepLeft {
    const KEYS: [&'static str; 2] = ["left_step", "left_step_due"];
}

impl flat_pair::FlatPair for EndedPause {
    const KEYS: [&'static str; 2] = ["paused_from", "paused_minutes"];
}

#[cfg(test)]
mod tests;
