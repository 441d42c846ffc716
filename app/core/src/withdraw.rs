//! The citizen's withdrawal of a dossier that is new (1) or waiting for their supplement
//! (5): a final move (→7), with an optional reason, through
//! [`workflow::perform`](crate::workflow::perform) like every move.

use motcua_domain::ids::DossierCode;
use motcua_domain::workflow::Action;
use motcua_store::{
    AccountStore, AuditStore, CalendarStore, DossierStore, ProcedureStore, WorkflowStore,
};
use time::OffsetDateTime;

use crate::audit::Origin;
use crate::calendar::CalendarCache;
use crate::workflow::{ActionError, ActionInput, Requester, Who, perform};

/// Withdraws dossier `code` for `who` (a citizen: signed in as its owner, or proven by the
/// dossier code and ID number, which the caller checked) at `now`, with `reason` as typed.
pub async fn withdraw(
    store: &(
         impl ProcedureStore + DossierStore + WorkflowStore + AccountStore + CalendarStore + AuditStore
     ),
    calendar: &CalendarCache,
    who: &Who,
    code: &DossierCode,
    reason: String,
    origin: &Origin,
    now: OffsetDateTime,
) -> Result<(), ActionError> {
    let input = ActionInput {
        reason,
        ..Default::default()
    };
    let requester = Requester { who, origin };
    perform(
        store,
        calendar,
        &requester,
        code,
        Action::Withdraw,
        input,
        now,
    )
    .await?;
    Ok(())
}
