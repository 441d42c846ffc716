//! An officer opens a file of a dossier: a document the citizen sent (any round, superseded
//! copies included) or a file attached to a move (the result, a scan). Only staff of the
//! dossier's agency may; for anyone else the file does not exist.

use motcua_domain::audit::AuditAction;
use motcua_domain::ids::DossierCode;
use motcua_store::{Account, AuditStore, DossierStore, DraftStore, StoreError, WorkflowStore};
use time::OffsetDateTime;

use crate::audit::{self, Act, Origin};
use crate::workflow::{Who, may_see};

/// The bytes of a file and what the browser needs to show it.
#[derive(Debug)]
pub struct ServedFile {
    pub bytes: Vec<u8>,
    /// The type sniffed at upload.
    pub content_type: String,
    /// The name the citizen's or officer's file had.
    pub original_name: String,
}

#[derive(Debug, thiserror::Error)]
pub enum StaffFileError {
    /// No such dossier or file, or not of the officer's agency: the same answer for each,
    /// so nobody learns what other agencies hold.
    #[error("no such file for this officer")]
    NotFound,
    /// Ours (the database, or the file's bytes missing or corrupt): logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Which of a dossier's files.
pub struct StaffFile;

/// Who asks for a file, from where, when: the trail records every file an officer opens.
pub struct Opening<'a> {
    pub officer: &'a Account,
    pub origin: &'a Origin,
    pub now: OffsetDateTime,
}

impl StaffFile {
    /// Document file `id` of dossier `code`.
    pub async fn document(
        store: &(impl DraftStore + DossierStore + WorkflowStore + AuditStore),
        opening: &Opening<'_>,
        code: &DossierCode,
        id: i64,
    ) -> Result<ServedFile, StaffFileError> {
        visible(store, opening.officer, code).await?;
        let found = store
            .dossier_document_history(code)
            .await?
            .into_iter()
            .find(|(f, _, _)| f.id == id)
            .map(|(f, _, _)| (f.sha256, f.content_type, f.original_name));
        let file = read(store, found).await?;
        record(store, opening, code, format!("document:{id}")).await?;
        Ok(file)
    }

    /// Attachment `id` of a move of dossier `code`.
    pub async fn attachment(
        store: &(impl DraftStore + DossierStore + WorkflowStore + AuditStore),
        opening: &Opening<'_>,
        code: &DossierCode,
        id: i64,
    ) -> Result<ServedFile, StaffFileError> {
        visible(store, opening.officer, code).await?;
        let found = store
            .attachments(code)
            .await?
            .into_iter()
            .find(|a| a.id == id)
            .map(|a| (a.sha256, a.content_type, a.original_name));
        let file = read(store, found).await?;
        record(store, opening, code, format!("attachment:{id}")).await?;
        Ok(file)
    }
}

/// `NotFound` unless dossier `code` exists and `officer` may see it.
async fn visible(
    store: &impl DossierStore,
    officer: &Account,
    code: &DossierCode,
) -> Result<(), StaffFileError> {
    let dossier = store.dossier(code).await?.ok_or(StaffFileError::NotFound)?;
    if may_see(&Who::Staff(officer.clone()), &dossier) {
        Ok(())
    } else {
        Err(StaffFileError::NotFound)
    }
}

/// Records that `opening`'s officer opened `object` of dossier `code`.
async fn record(
    store: &impl AuditStore,
    opening: &Opening<'_>,
    code: &DossierCode,
    object: String,
) -> Result<(), StoreError> {
    let act = Act::new(AuditAction::FileViewed)
        .on_dossier(code)
        .on(object);
    let actor = audit::actor(opening.officer);
    audit::record(store, opening.origin, actor, act, opening.now).await
}

/// The bytes of `found`: `(hash, content type, original name)`.
async fn read(
    store: &impl DraftStore,
    found: Option<(String, String, String)>,
) -> Result<ServedFile, StaffFileError> {
    let (sha256, content_type, original_name) = found.ok_or(StaffFileError::NotFound)?;
    Ok(ServedFile {
        bytes: store.read_file(&sha256).await?,
        content_type,
        original_name,
    })
}

#[cfg(test)]
mod tests;
