//! What a citizen sees of their dossiers (signed in, or proved with the lookup): the slips
//! addressed to them and the supplement request waiting for their answer.

use std::collections::HashMap;

use motcua_domain::ids::AgencyCode;
use motcua_domain::procedure::Procedure;
use motcua_domain::workflow::{Slip, Status};
use motcua_store::{
    Account, Dossier, DossierStore, Event, ProcedureStore, StoreError, UnitStore, WorkflowStore,
};

/// A dossier of the citizen with what its line shows.
pub struct CitizenDossier {
    pub dossier: Dossier,
    /// The procedure version it was filed under (`None` if it is gone).
    pub procedure: Option<Procedure>,
    /// The name of the agency handling it (its code if the agency is gone).
    pub agency_name: String,
    pub events: Vec<Event>,
}

/// The open supplement request of a dossier: why, and what to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenSupplement {
    pub reason: String,
    pub items: Vec<String>,
}

/// The dossiers of a signed-in citizen, newest first.
pub async fn my_dossiers(
    store: &(impl ProcedureStore + DossierStore + WorkflowStore + UnitStore),
    citizen: &Account,
) -> Result<Vec<CitizenDossier>, StoreError> {
    // A citizen's dossiers mostly share a few agencies and procedure versions: each is read
    // once, not once per dossier.
    let mut procedures: HashMap<i64, Option<Procedure>> = HashMap::new();
    let mut agencies: HashMap<AgencyCode, String> = HashMap::new();
    let mut out = vec![];
    for dossier in store.dossiers_of_citizen(citizen.id).await? {
        let events = store.events(&dossier.code).await?;
        let procedure = match procedures.get(&dossier.procedure_id) {
            Some(p) => p.clone(),
            None => {
                let read = store.procedure_version(dossier.procedure_id).await?;
                let p = read.map(|p| p.procedure);
                procedures.insert(dossier.procedure_id, p.clone());
                p
            }
        };
        let agency_name = match agencies.get(&dossier.agency_code) {
            Some(name) => name.clone(),
            None => {
                let name = agency_name(store, &dossier).await?;
                agencies.insert(dossier.agency_code.clone(), name.clone());
                name
            }
        };
        out.push(CitizenDossier {
            dossier,
            procedure,
            agency_name,
            events,
        });
    }
    Ok(out)
}

/// The name of the agency handling `dossier`, or its code when the agency is gone.
pub async fn agency_name(store: &impl UnitStore, dossier: &Dossier) -> Result<String, StoreError> {
    Ok(store
        .agency(&dossier.agency_code)
        .await?
        .map(|a| a.name)
        .unwrap_or_else(|| dossier.agency_code.to_string()))
}

/// The supplement request waiting for the citizen, when the dossier is in status 5.
pub fn open_supplement(d: &Dossier, events: &[Event]) -> Option<OpenSupplement> {
    if d.status != Status::SupplementRequested {
        return None;
    }
    let e = events
        .iter()
        .rev()
        .find(|e| e.to_status == Status::SupplementRequested)?;
    Some(OpenSupplement {
        reason: e.reason.clone().unwrap_or_default(),
        items: crate::workflow::requested_item_labels(e),
    })
}

/// The slips of a dossier addressed to the citizen, with the event that issued each.
pub fn citizen_slips(d: &Dossier, events: &[Event]) -> Vec<(Slip, Option<i64>)> {
    crate::slips::issued(d, events)
        .into_iter()
        .filter(|(s, _)| crate::slips::for_citizen(*s))
        .collect()
}
