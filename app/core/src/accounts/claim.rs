//! A signed-in citizen claims a dossier filed as a guest into their account, with its code
//! and its access code (printed on the receipt; the ID number is known to too many people to
//! hand a dossier over). A wrong pair and a dossier that already has an
//! owner are the same refusal, so claiming cannot be used to learn which dossiers exist.

use motcua_domain::ids::{AccessCode, DossierCode};
use motcua_store::{Account, AccountStore, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ClaimError {
    /// The citizen's: no unclaimed dossier has this code and access code.
    #[error("no unclaimed dossier with this code and access code")]
    NoMatch,
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Makes the dossier `code` (as typed, any case) the `citizen`'s, if `access` is its access
/// code (as typed: any case, grouped or not) and nobody owns it yet. A malformed code or
/// access code is no match either.
pub async fn claim(
    store: &impl AccountStore,
    citizen: &Account,
    code: &str,
    access: &str,
) -> Result<(), ClaimError> {
    let (Ok(code), Ok(access)) = (DossierCode::parse(code), AccessCode::parse(access)) else {
        return Err(ClaimError::NoMatch);
    };
    if store.claim_dossier(&code, &access, citizen.id).await? {
        Ok(())
    } else {
        Err(ClaimError::NoMatch)
    }
}
