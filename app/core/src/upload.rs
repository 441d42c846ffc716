//! Receiving a citizen's file for one of a procedure's documents, on the filing's documents
//! page and in a supplement answer alike: one check (the domain's [`FileRule`]) and one
//! way of keeping it, so the two pages cannot drift apart.

use motcua_domain::procedure::{Document, FileKind};
use motcua_domain::upload::{FileRule, UploadProblemKind, draft_has_room, pixels_allowed};
use motcua_store::{DraftStore, StoreError};
use time::OffsetDateTime;

use crate::scan::{MalwareScanner, ScanError, Verdict};

/// The kind of a file from its first bytes (magic numbers, via the `infer` crate), with the
/// content type we record for it. `None` for anything but PDF, JPEG and PNG.
pub fn sniff(bytes: &[u8]) -> Option<(FileKind, &'static str)> {
    match infer::get(bytes)?.mime_type() {
        "application/pdf" => Some((FileKind::Pdf, "application/pdf")),
        "image/jpeg" => Some((FileKind::Jpg, "image/jpeg")),
        "image/png" => Some((FileKind::Png, "image/png")),
        _ => None,
    }
}

/// A file as a form control sent it.
#[derive(Clone, Copy, Debug)]
pub struct SentFile<'a> {
    /// The name on the citizen's device (kept to show it back; never trusted for the kind).
    pub file_name: &'a str,
    pub bytes: &'a [u8],
}

impl SentFile<'_> {
    /// A file control left empty sends no name and no bytes: nothing was chosen.
    pub fn is_nothing_chosen(&self) -> bool {
        self.file_name.is_empty() && self.bytes.is_empty()
    }
}

/// Checks `file` by its content against `rule`: the content type to record it under, which
/// is the one the content shows, never the browser's claim.
pub fn check(rule: &FileRule, file: SentFile<'_>) -> Result<&'static str, UploadProblemKind> {
    let sniffed = sniff(file.bytes);
    rule.check(file.bytes.len(), sniffed.map(|(kind, _)| kind))?;
    if matches!(sniffed, Some((FileKind::Jpg | FileKind::Png, _))) {
        // The header only: nothing is decoded here.
        let fits = imagesize::blob_size(file.bytes)
            .is_ok_and(|s| pixels_allowed(s.width as u64, s.height as u64));
        if !fits {
            return Err(UploadProblemKind::TooManyPixels);
        }
    }
    // `check` passed, so the content has a kind we know.
    Ok(sniffed.map_or("application/octet-stream", |(_, content_type)| content_type))
}

/// Asks `scanner` about `bytes` (a file for `document`, named in the log): `Ok` when it is
/// clean, else the problem to show. What was found and why the scanner failed are logged,
/// never shown.
pub async fn scan(
    scanner: &dyn MalwareScanner,
    bytes: &[u8],
    document: &str,
) -> Result<(), UploadProblemKind> {
    match scanner.scan(bytes).await {
        Ok(Verdict::Clean) => Ok(()),
        Ok(Verdict::Infected(found)) => {
            tracing::warn!(%found, document, "a file was refused by the malware scanner");
            Err(UploadProblemKind::Malware)
        }
        Err(ScanError::TooLarge { at }) => {
            tracing::warn!(%at, size = bytes.len(), document, "a file was longer than the malware scanner takes");
            Err(UploadProblemKind::TooLargeToScan)
        }
        Err(e) => {
            tracing::error!(error = %e, document, "a file could not be scanned and was not kept");
            Err(UploadProblemKind::ScanUnavailable)
        }
    }
}

/// Why a file was not kept for a document.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    /// The citizen's to fix; shown at the document.
    #[error("file refused: {0:?}")]
    Refused(UploadProblemKind),
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Keeps `file` in the draft (filing or supplement answer) under `draft_token` for
/// `document`, after checking it with the document's rule and then with `scanner` (last:
/// it is the slow check). A control left empty keeps nothing and is not an error.
pub async fn attach(
    store: &impl DraftStore,
    scanner: &dyn MalwareScanner,
    draft_token: &str,
    document: &Document,
    file: SentFile<'_>,
    now: OffsetDateTime,
) -> Result<(), AttachError> {
    if file.is_nothing_chosen() {
        return Ok(());
    }
    let content_type = check(&FileRule::of(document), file).map_err(AttachError::Refused)?;
    let kept = store.uploads(draft_token).await?;
    let kept_bytes = kept.iter().map(|u| u.size).sum();
    if !draft_has_room(kept.len(), kept_bytes, file.bytes.len()) {
        return Err(AttachError::Refused(UploadProblemKind::DraftFull));
    }
    scan(scanner, file.bytes, &document.id)
        .await
        .map_err(AttachError::Refused)?;
    let name = motcua_domain::plain_text::file_name(file.file_name);
    let saved = store.save_upload(
        draft_token,
        &document.id,
        &name,
        content_type,
        file.bytes,
        now,
    );
    match saved.await {
        Ok(_) => Ok(()),
        // Another post took the last place meanwhile (the check above is the early answer,
        // the store's, under the draft's lock, the one that holds).
        Err(StoreError::DraftFull) => Err(AttachError::Refused(UploadProblemKind::DraftFull)),
        Err(e) => Err(e.into()),
    }
}

/// A file posted on a page that asks for the documents `asked` (the filing's documents page,
/// a supplement answer): kept for `document_id` through [`attach`], or why not, for the page
/// to show at that document. A file for a document the page does not ask for is ignored.
pub async fn attach_asked(
    store: &impl DraftStore,
    scanner: &dyn MalwareScanner,
    draft_token: &str,
    asked: &[Document],
    document_id: &str,
    file: SentFile<'_>,
    now: OffsetDateTime,
) -> Result<Option<UploadProblemKind>, StoreError> {
    let Some(document) = asked.iter().find(|d| d.id == document_id) else {
        return Ok(None);
    };
    match attach(store, scanner, draft_token, document, file, now).await {
        Ok(()) => Ok(None),
        Err(AttachError::Refused(problem)) => Ok(Some(problem)),
        Err(AttachError::Store(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests;
