//! A signed-in citizen claims a dossier filed as a guest into their account, with its code
//! and the ID number given when filing. A wrong pair and a dossier that already has an
//! owner are the same refusal, so claiming cannot be used to learn which dossiers exist.

use motcua_domain::ids::{DossierCode, Proof};
use motcua_store::{Account, AccountStore, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ClaimError {
    /// The citizen's: no unclaimed dossier has this code and ID number.
    #[error("no unclaimed dossier with this code and ID number")]
    NoMatch,
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Makes the dossier `code` (as typed, any case) the `citizen`'s, if `id_number` is the one
/// given when it was filed and nobody owns it yet. A malformed code or ID number is no
/// match either.
pub async fn claim(
    store: &impl AccountStore,
    citizen: &Account,
    code: &str,
    id_number: &str,
) -> Result<(), ClaimError> {
    // The ID number is read by the lookup's rule (grouped with spaces, dots or dashes); a
    // phone proves no claim.
    let (Ok(code), Ok(Proof::IdNumber(id_number))) =
        (DossierCode::parse(code), Proof::parse(id_number))
    else {
        return Err(ClaimError::NoMatch);
    };
    if store.claim_dossier(&code, &id_number, citizen.id).await? {
        Ok(())
    } else {
        Err(ClaimError::NoMatch)
    }
}
