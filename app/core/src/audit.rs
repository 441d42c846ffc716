//! Writing the audit trail, and reading it for an admin and for a citizen.
//!
//! The use cases that act for a person (sign-in, a staff view of a dossier or a file, a
//! workflow move, an admin's change, a password change) record what they did here, with the
//! [`Origin`] of the request the handler passes in: the entry is written only once the act
//! was, and a trail that cannot be written fails the act, so nothing recorded as done is
//! missing from it. A workflow move's entry is written in the move's own transaction
//! ([`entry`], `WorkflowStore::apply_transitions`): neither is ever on record without the
//! other.

mod read;
#[cfg(test)]
mod tests;

use std::net::IpAddr;

use motcua_domain::audit::AuditAction;
use motcua_domain::ids::DossierCode;
use motcua_store::{Account, AuditActor, AuditEntry, AuditStore, StoreError};
use time::OffsetDateTime;

pub use read::{CitizenSeen, SHOWN, SearchError, SearchForm, SearchProblem, for_citizen, search};

/// Where a request came from: what the trail says of it besides the actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The request's id (`x-request-id`), which its log lines carry too.
    pub request_id: String,
    /// The client's address (behind a trusted proxy, the one it forwarded).
    pub client: Option<IpAddr>,
}

impl Origin {
    /// An operator's command (`motcua calendar import`): no client, the process as the id.
    pub fn command_line() -> Origin {
        Origin {
            request_id: format!("cli-{}", std::process::id()),
            client: None,
        }
    }
}

/// The origin the core's tests act from.
#[cfg(test)]
pub(crate) fn test_origin() -> &'static Origin {
    static ORIGIN: std::sync::LazyLock<Origin> = std::sync::LazyLock::new(|| Origin {
        request_id: "test-request".into(),
        client: Some(IpAddr::from([203, 0, 113, 7])),
    });
    &ORIGIN
}

/// The object an entry names for a staff account.
pub fn account_object(id: i64) -> String {
    format!("account:{id}")
}

/// `account` as the trail records an actor: its id, agency and roles as they are now.
pub fn actor(account: &Account) -> AuditActor {
    AuditActor {
        account_id: Some(account.id),
        agency: account.agency_code.clone(),
        roles: account.roles.clone(),
    }
}

/// What was done, to what: the parts of an entry a use case decides.
#[derive(Clone, Debug)]
pub struct Act {
    pub action: AuditAction,
    pub dossier: Option<DossierCode>,
    pub object: Option<String>,
    pub detail: String,
}

impl Act {
    pub fn new(action: AuditAction) -> Act {
        Act {
            action,
            dossier: None,
            object: None,
            detail: String::new(),
        }
    }

    pub fn on_dossier(mut self, code: &DossierCode) -> Act {
        self.dossier = Some(code.clone());
        self
    }

    pub fn on(mut self, object: impl Into<String>) -> Act {
        self.object = Some(object.into());
        self
    }

    pub fn saying(mut self, detail: impl Into<String>) -> Act {
        self.detail = detail.into();
        self
    }
}

/// Appends `act`, done by `actor` at `now`, to the trail.
pub async fn record(
    store: &impl AuditStore,
    origin: &Origin,
    actor: AuditActor,
    act: Act,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    store.append_audit(&entry(origin, actor, act, now)).await
}

/// The trail's entry for `act`, done by `actor` at `now`: what [`record`] appends, or what
/// a store writes in the transaction of the act itself (a workflow move).
pub fn entry(origin: &Origin, actor: AuditActor, act: Act, now: OffsetDateTime) -> AuditEntry {
    AuditEntry {
        at: now,
        action: act.action,
        actor,
        dossier: act.dossier,
        object: act.object,
        detail: act.detail,
        client: origin.client.map(|c| c.to_string()),
        request_id: origin.request_id.clone(),
    }
}
