//! The public dossier lookup: a dossier's code plus the applicant's ID number or phone
//! proves the asker may follow it. The caller counts misses against the client (the
//! guessing limit), since a wrong pair and an unknown code must look the same.

use motcua_domain::procedure::Procedure;
use motcua_store::{Dossier, Event, Store, StoreError};

/// A code and the proof typed with it, as the store compares them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookupKey {
    /// Upper case, without surrounding spaces.
    pub code: String,
    /// The ID number or the phone without spaces, dots or dashes; a phone typed `+84…` or
    /// `84…` as `0…`, as the store keeps it.
    pub proof: String,
}

impl LookupKey {
    /// The key of what was typed; `None` when nothing was (the empty form).
    pub fn parse(code: &str, id_or_phone: &str) -> Option<LookupKey> {
        let code = code.trim().to_uppercase();
        let proof: String = id_or_phone
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
            .collect();
        if code.is_empty() && proof.is_empty() {
            return None;
        }
        let proof = motcua_domain::validate::parse_phone(&proof).unwrap_or(proof);
        Some(LookupKey { code, proof })
    }
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
pub async fn find(store: &Store, key: &LookupKey) -> Result<Option<Found>, StoreError> {
    let Some(dossier) = store.find_for_lookup(&key.code, &key.proof).await? else {
        return Ok(None);
    };
    let procedure = store
        .procedure_version(dossier.procedure_id)
        .await?
        .map(|p| p.procedure);
    let agency_name = store
        .agency(&dossier.agency_code)
        .await?
        .map(|a| a.name)
        .unwrap_or_else(|| dossier.agency_code.clone());
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
        let key = LookupKey::parse(" abc-1 ", "001.234 567-890").unwrap();
        assert_eq!(key.code, "ABC-1");
        assert_eq!(key.proof, "001234567890");
    }
}
