//! The public dossier lookup: a dossier's code plus the applicant's ID number (or the
//! dossier's access code) proves the asker may follow it. The caller counts each attempt
//! against the client before the check (the guessing limit), since a wrong pair and an
//! unknown code must look the same.

use motcua_domain::ids::{DossierCode, ParseError, Proof};
use motcua_domain::procedure::Procedure;
use motcua_store::{Dossier, DossierStore, Event, ProcedureStore, StoreError, UnitStore};

/// A dossier's code and the applicant's ID number or the dossier's access code typed with
/// it: what the public lookup compares. Only the access code also opens the dossier's
/// actions and slips ([`Proof::opens_actions`], `citizen_access`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookupKey {
    pub code: DossierCode,
    pub proof: Proof,
}

impl LookupKey {
    /// The key of what was typed into the lookup form: `None` when nothing was (the empty
    /// form), `Some(Err)` when it cannot be a code and a proof, which the caller counts as
    /// a miss like a wrong pair, so a typo and a guess look the same.
    pub fn parse(code: &str, typed: &str) -> Option<Result<LookupKey, ParseError>> {
        if code.trim().is_empty() && typed.trim().is_empty() {
            return None;
        }
        Some(DossierCode::parse(code).and_then(|code| LookupKey::with_proof(code, typed)))
    }

    /// The key of a dossier already named (by a path) and the proof typed or linked with it.
    pub fn with_proof(code: DossierCode, typed: &str) -> Result<LookupKey, ParseError> {
        Ok(LookupKey {
            code,
            proof: Proof::parse(typed)?,
        })
    }
}

/// The dossier `key` opens, or `None` for a wrong pair or an unknown code alike (a miss).
pub async fn proven(
    store: &impl DossierStore,
    key: &LookupKey,
) -> Result<Option<Dossier>, StoreError> {
    store.find_for_lookup(&key.code, &key.proof).await
}

/// A dossier found by its code and proof, with what the lookup page shows.
pub struct Found {
    pub dossier: Dossier,
    /// The procedure version it was filed under (`None` if it is gone).
    pub procedure: Option<Procedure>,
    /// The receiving agency's name (its code when the agency is gone).
    pub agency_name: String,
    pub events: Vec<Event>,
}

/// The dossier `key` names, or `None` for a wrong pair or an unknown code alike (a miss).
pub async fn find(
    store: &(impl UnitStore + ProcedureStore + DossierStore),
    key: &LookupKey,
) -> Result<Option<Found>, StoreError> {
    let Some(dossier) = proven(store, key).await? else {
        return Ok(None);
    };
    let procedure = store
        .procedure_version(dossier.procedure_id)
        .await?
        .map(|p| p.procedure);
    let agency_name = crate::citizen::agency_name(store, &dossier).await?;
    let events = store.events(&dossier.code).await?;
    Ok(Some(Found {
        dossier,
        procedure,
        agency_name,
        events,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_typed_is_normalised_once() {
        assert_eq!(LookupKey::parse(" ", ""), None);
        let key = LookupKey::parse(" 000.00.06.h56-251122-0001 ", "001.234 567-890")
            .unwrap()
            .unwrap();
        assert_eq!(key.code, "000.00.06.H56-251122-0001");
        assert_eq!(key.proof.as_str(), "001234567890");
        let key = LookupKey::parse("000.00.06.H56-251122-0001", "k7qm-3xhd-9tpa");
        assert_eq!(key.unwrap().unwrap().proof.as_str(), "K7QM3XHD9TPA");
        assert!(
            LookupKey::parse("000.00.06.H56-251122-0001", "+84 912 345 678")
                .unwrap()
                .is_err()
        );
    }

    #[test]
    fn what_cannot_be_a_key_is_a_miss_not_an_empty_form() {
        assert!(LookupKey::parse("ABC-1", "001234567890").unwrap().is_err());
        assert!(
            LookupKey::parse("000.00.06.H56-251122-0001", "")
                .unwrap()
                .is_err()
        );
        assert!(LookupKey::parse("", "0912345678").unwrap().is_err());
    }
}
