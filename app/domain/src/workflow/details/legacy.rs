//! The kind of an event stored before events stored their kind.

use serde_json::{Map, Value};

use crate::workflow::{Action, Status};

/// The kind (`"filed"` or an [`Action`]'s name) of an event from `from` to `to` whose stored
/// details `fields` have no `"kind"`. The allowed-move list has one action per pair of
/// statuses, but for the moves that keep the status: an apology (any status it is allowed
/// from), and in 4 also the next step and a leader's approval to stop, which the keys those
/// rows hold tell apart (an approval wrote `stop_approval`, an apology `new_due`). `None`
/// for a pair no action makes.
pub(super) fn kind(
    from: Option<Status>,
    to: Status,
    fields: &Map<String, Value>,
) -> Option<&'static str> {
    use Status::*;
    let Some(from) = from else {
        return Some("filed");
    };
    let action = match (from, to) {
        (InProcess, InProcess) if fields.contains_key("stop_approval") => Action::ApproveStop,
        (InProcess, InProcess) if fields.contains_key("new_due") => Action::Apologize,
        (InProcess, InProcess) => Action::NextStep,
        (a, b) if a == b => Action::Apologize,
        (Submitted, Accepted) => Action::Accept,
        (Submitted, Refused) => Action::Refuse,
        (_, SupplementRequested) => Action::RequestSupplement,
        (_, Withdrawn) => Action::Withdraw,
        (Accepted, InProcess) => Action::StartProcessing,
        (InProcess, FeeDue) => Action::RequestFee,
        (FeeDue, InProcess) => Action::FeePaid,
        (InProcess, Stopped) => Action::Stop,
        (InProcess, ResultReady) => Action::Finish,
        (ResultReady, Returned) => Action::ReturnResult,
        (SupplementRequested, Submitted | InProcess) => Action::Resupply,
        _ => return None,
    };
    action
        .from_statuses()
        .contains(&from)
        .then(|| action.as_str())
}
