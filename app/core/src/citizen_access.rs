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
    Ok(
        proven_under_limit(store, limiter, ask.code, ask.proof, ask.ip)
            .await?
            .map(|dossier| ActingCitizen {
                dossier,
                who: Who::Citizen(None),
            }),
    )
}

/// Dossier `code` when `proof` (the applicant's ID number or phone) proves it and client `ip`
/// is not over the guessing limit; a wrong proof counts as a miss. An empty proof guesses
/// nothing, so it is neither checked nor counted (a signed-in visitor who typed none).
/// Every anonymous path to a dossier (acting on it here, reading its slips) goes through
/// this, so they share one limit.
pub async fn proven_under_limit(
    store: &impl DossierStore,
    limiter: &LookupLimiter<impl LimitStore>,
    code: &DossierCode,
    proof: &str,
    ip: IpAddr,
) -> Result<Option<Dossier>, StoreError> {
    if proof.trim().is_empty() || limiter.blocked(ip).await.is_some() {
        return Ok(None);
    }
    let proven = proven_by(store, code, proof).await?;
    if proven.is_none() {
        limiter.miss(ip).await;
    }
    Ok(proven)
}

#[cfg(test)]
mod tests;
