//! Which dossier a citizen may act on (answer a supplement request, withdraw): their own
//! when signed in, or one they prove with its code and the applicant's ID number or phone,
//! as in the public lookup and under the same guessing limit.

use std::net::IpAddr;

use motcua_domain::ids::DossierCode;
use motcua_store::{Account, AccountKind, Dossier, DossierStore, LimitStore, StoreError};

use crate::limits::LookupLimiter;
use crate::lookup::proven_by;
use crate::workflow::Who;

/// A dossier and the citizen acting on it, as the workflow knows them.
pub struct ActingCitizen {
    pub dossier: Dossier,
    pub who: Who,
}

/// What a citizen sent to act on dossier `code`: their session's account, if any, and the
/// ID number or phone typed with it (`proof`, as in the lookup form), from client `ip`.
pub struct CitizenAsk<'a> {
    pub signed_in: Option<Account>,
    pub code: &'a DossierCode,
    pub proof: &'a str,
    pub ip: IpAddr,
}

/// The dossier `ask` may act on; `Ok(None)` for anything else, exactly as for an unknown
/// code (a signed-in citizen who does not own it, a wrong proof, a client over the guessing
/// limit), so a stranger learns nothing. A wrong proof counts as a miss against the client.
/// `Err` is ours (the database failed), never the citizen's.
pub async fn citizen_dossier(
    store: &impl DossierStore,
    limiter: &LookupLimiter<impl LimitStore>,
    ask: CitizenAsk<'_>,
) -> Result<Option<ActingCitizen>, StoreError> {
    if let Some(account) = ask.signed_in.filter(|a| a.kind == AccountKind::Citizen)
        && let Some(dossier) = store
            .dossier(ask.code)
            .await?
            .filter(|d| d.citizen_account_id == Some(account.id))
    {
        return Ok(Some(ActingCitizen {
            dossier,
            who: Who::Citizen(Some(account)),
        }));
    }
    if limiter.blocked(ask.ip).await.is_some() {
        return Ok(None);
    }
    match proven_by(store, ask.code, ask.proof).await? {
        Some(dossier) => Ok(Some(ActingCitizen {
            dossier,
            who: Who::Citizen(None),
        })),
        None => {
            limiter.miss(ask.ip).await;
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests;
