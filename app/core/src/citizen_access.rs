//! Which dossier a citizen may act on (answer a supplement request, withdraw, rate, read
//! the slips that carry personal data): their own when signed in, or one they prove with its
//! code and its access code (printed on the receipt and slip 01), under the public lookup's
//! guessing limit. The applicant's ID number only lets one follow the status (the lookup);
//! a phone number proves nothing.

use std::net::IpAddr;

use motcua_domain::ids::{AccessCode, DossierCode, Proof};
use motcua_store::{Account, AccountKind, Dossier, DossierStore, LimitStore, StoreError};

use crate::limits::LookupLimiter;
use crate::workflow::Who;

/// A dossier and the citizen acting on it, as the workflow knows them.
pub struct ActingCitizen {
    pub dossier: Dossier,
    pub who: Who,
}

/// What a citizen sent to act on dossier `code`: their session's account, if any, and the
/// access code typed or carried with it (`proof`, as typed in the lookup form), from client
/// `ip`.
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

/// Dossier `code` when `proof` is its access code and client `ip` is not over the guessing
/// limit. The attempt is counted before the check and forgiven when it is right, so parallel
/// guesses share the limit too. An empty proof guesses nothing, so it is neither checked nor
/// counted (a signed-in visitor who typed none); an ID number is a miss here, since it only
/// opens the status. Every anonymous path to a dossier's actions and personal data (acting on
/// it here, reading its slips) goes through this, so they share one limit.
pub async fn proven_under_limit(
    store: &impl DossierStore,
    limiter: &LookupLimiter<impl LimitStore>,
    code: &DossierCode,
    proof: &str,
    ip: IpAddr,
) -> Result<Option<Dossier>, StoreError> {
    if proof.trim().is_empty() || limiter.attempt(ip).await.is_err() {
        return Ok(None);
    }
    let proven = match AccessCode::parse(proof) {
        Ok(access) => {
            store
                .find_for_lookup(code, &Proof::AccessCode(access))
                .await?
        }
        Err(_) => None,
    };
    if proven.is_some() {
        limiter.forgive(ip).await;
    }
    Ok(proven)
}

#[cfg(test)]
mod tests;
