//! Opening a supplement answer, and loading one in progress.

use std::collections::BTreeMap;

use motcua_domain::answers::{Answers, RawForm};
use motcua_domain::ids::DossierCode;
use motcua_domain::procedure::{Document, Field, Procedure};
use motcua_domain::upload::UploadProblemKind;
use motcua_domain::validate::FieldError;
use motcua_domain::workflow::{EventDetails, Status, SupplementItemKind};
use motcua_store::{Dossier, DossierStore, Draft, DraftStore, ProcedureStore, StoreError};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::filing::FilingToken;

/// What the draft of a supplement answer keeps. Stored as JSON, so its shape is kept stable.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SupplementDraft {
    /// The dossier this answers.
    pub supplement_for: DossierCode,
    #[serde(default)]
    pub raw: Option<RawForm>,
    #[serde(default)]
    pub errors: Vec<FieldError>,
    /// Document id → why it has no acceptable file yet (the same problems as filing's).
    #[serde(default)]
    pub upload_problems: BTreeMap<String, UploadProblemKind>,
}

/// Why no answer was opened.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The dossier is not waiting for a supplement (answered already, or never asked).
    #[error("the dossier is not waiting for a supplement")]
    NotRequested,
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Opens an answer to the supplement request of `dossier` (whose owner the caller has
/// checked): a new draft under a new token, at `now`.
pub async fn start(
    store: &impl DraftStore,
    dossier: &Dossier,
    now: OffsetDateTime,
) -> Result<FilingToken, StartError> {
    if dossier.status != Status::SupplementRequested {
        return Err(StartError::NotRequested);
    }
    let data = SupplementDraft {
        supplement_for: dossier.code.clone(),
        raw: None,
        errors: vec![],
        upload_problems: BTreeMap::new(),
    };
    let token = FilingToken::new_draft(store, dossier.procedure_id, now).await?;
    let json = serde_json::to_value(&data)
        .map_err(|e| StoreError::Invalid(format!("supplement draft: {e}")))?;
    store.save_draft(token.as_str(), &json, now).await?;
    Ok(token)
}

/// An open supplement answer, loaded.
pub struct Pending {
    pub token: FilingToken,
    pub dossier: Dossier,
    pub procedure: Procedure,
    pub draft: Draft,
    pub data: SupplementDraft,
    pub reason: String,
    pub item_labels: Vec<String>,
    /// The requested top-level fields, in form order.
    pub fields: Vec<Field>,
    pub documents: Vec<Document>,
}

impl Pending {
    /// The answer under `token` to the open supplement request of dossier `code`; `None`
    /// when there is no such draft, it answers another dossier, or the dossier no longer
    /// waits for it.
    pub async fn open(
        store: &(impl ProcedureStore + DraftStore + DossierStore),
        code: &DossierCode,
        token: &FilingToken,
    ) -> Result<Option<Pending>, StoreError> {
        let Some(draft) = store.draft(token.as_str()).await? else {
            return Ok(None);
        };
        let Ok(data) = serde_json::from_value::<SupplementDraft>(draft.data.clone()) else {
            return Ok(None);
        };
        if &data.supplement_for != code {
            return Ok(None);
        }
        let Some(dossier) = store
            .dossier(code)
            .await?
            .filter(|d| d.status == Status::SupplementRequested)
        else {
            return Ok(None);
        };
        let Some(procedure) = store.procedure_version(dossier.procedure_id).await? else {
            return Ok(None);
        };
        let procedure = procedure.procedure;
        let events = store.events(code).await?;
        let Some(request) = events
            .iter()
            .rev()
            .find(|ev| ev.to_status == Status::SupplementRequested)
        else {
            return Ok(None);
        };
        let EventDetails::RequestSupplement { items } = &request.details else {
            return Ok(None);
        };
        let wanted = |kind, id: &str| items.iter().any(|i| i.kind == kind && i.id == id);
        let fields = procedure
            .form
            .iter()
            .flat_map(|s| &s.fields)
            .filter(|f| wanted(SupplementItemKind::Field, &f.id))
            .cloned()
            .collect();
        let documents = procedure
            .documents
            .iter()
            .filter(|d| wanted(SupplementItemKind::Document, &d.id))
            .cloned()
            .collect();
        Ok(Some(Pending {
            token: token.clone(),
            reason: request.reason.clone().unwrap_or_default(),
            item_labels: items.iter().map(|i| i.label.clone()).collect(),
            dossier,
            procedure,
            draft,
            data,
            fields,
            documents,
        }))
    }

    /// Whether `document_id` is one of the requested documents (a file for another is not
    /// read).
    pub fn asks_for(&self, document_id: &str) -> bool {
        self.documents.iter().any(|d| d.id == document_id)
    }

    /// The filed answers that are not reopened: the scope of the reopened fields'
    /// conditions, and what the answer keeps unchanged.
    pub fn earlier_answers(&self) -> Answers {
        let mut earlier = self
            .dossier
            .answers
            .as_object()
            .cloned()
            .unwrap_or_default();
        for f in &self.fields {
            earlier.remove(&f.id);
        }
        earlier
    }

    /// Writes what the draft keeps, at `now`.
    pub(crate) async fn save(
        &self,
        store: &impl DraftStore,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        // Serialising maps of strings cannot fail; `Null` is what the old code wrote if it did.
        let data = serde_json::to_value(&self.data).unwrap_or(serde_json::Value::Null);
        store.save_draft(self.token.as_str(), &data, now).await
    }
}
