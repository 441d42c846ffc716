//! The documents page of a filing: one post may carry several files (one per document),
//! removals and a button. Each file is checked and kept as it arrives (through
//! [`upload::attach`], the same check as a supplement answer's), a refused one is noted at
//! its document, and [`DocumentsPost::finish`] decides whether the citizen may move on.

use motcua_domain::condition::applicable_documents;
use motcua_domain::filing::{REVIEW, UploadProblem, evaluate, next_page};
use motcua_domain::procedure::Document;
use motcua_domain::upload::{MAX_FILES_PER_DRAFT, UploadProblemKind};
use motcua_domain::validate::UnitCatalog;
use motcua_store::{DraftStore, StoreError};
use time::OffsetDateTime;

use super::open::{Filing, Page, context};
use crate::scan::MalwareScanner;
use crate::upload::{self, SentFile};

/// The documents page as it is being posted.
#[derive(Debug)]
pub struct DocumentsPost {
    /// The documents the answers so far ask for; files for others are ignored.
    documents: Vec<Document>,
    problems: Vec<UploadProblem>,
    /// "Continue" (the default) rather than "upload" or "remove".
    moving_on: bool,
    /// Files the post asked to remove, not yet removed: all are removed in one transaction,
    /// before the next file is kept or when the post ends.
    removals: Vec<i64>,
    /// The moment of the post: what the draft's writes are stamped with.
    now: OffsetDateTime,
}

/// The button pressed on the documents page (`_action`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentsButton {
    /// "Continue" (`next`): move on when every required document has a file.
    Continue,
    /// "Upload" (`upload`), or a value we do not know: keep the files and show the page again.
    Stay,
}

impl DocumentsButton {
    /// The button a posted `_action` value names.
    pub fn parse(value: &str) -> DocumentsButton {
        match value {
            "next" => DocumentsButton::Continue,
            _ => DocumentsButton::Stay,
        }
    }
}

/// The documents page saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentsSaved {
    /// Every required document has a file: go to this page.
    Next { page: String },
    /// Files added or removed: show the page again.
    Stay,
}

/// Why the citizen may not move on from the documents page. What was sent is kept.
#[derive(Debug, thiserror::Error)]
pub enum SaveDocumentsError {
    /// The citizen's to fix: each problem is shown at its document.
    #[error("{} document(s) without an acceptable file", .0.len())]
    Refused(Vec<UploadProblem>),
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl DocumentsPost {
    /// Starts reading a post of the documents page of `filing`: the documents asked for are
    /// those that apply to the answers as typed so far (checked at `now`).
    pub fn begin(filing: &Filing, units: &dyn UnitCatalog, now: OffsetDateTime) -> DocumentsPost {
        let ctx = context(units, now);
        let applicant_fields = filing.applicant_fields();
        let answers = evaluate(&filing.procedure, &applicant_fields, &filing.state, &ctx).answers();
        DocumentsPost {
            documents: applicable_documents(&filing.procedure, &answers)
                .into_iter()
                .cloned()
                .collect(),
            problems: Vec::new(),
            moving_on: true,
            removals: Vec::new(),
            now,
        }
    }

    /// The button pressed: only "Continue" moves on.
    pub fn press(&mut self, button: DocumentsButton) {
        self.moving_on = button == DocumentsButton::Continue;
    }

    /// Whether `document_id` is one the page asks for (a file for another is not read).
    pub fn asks_for(&self, document_id: &str) -> bool {
        self.documents.iter().any(|d| d.id == document_id)
    }

    /// Keeps `file` for document `document_id` if it passes the document's rule; a refused
    /// file is noted at its document, a document the page does not ask for is ignored.
    pub async fn upload(
        &mut self,
        store: &impl DraftStore,
        scanner: &dyn MalwareScanner,
        filing: &Filing,
        document_id: &str,
        file: SentFile<'_>,
    ) -> Result<(), StoreError> {
        // Removals first: "remove one, send its replacement" works on a full draft.
        self.remove_noted(store, filing).await?;
        let token = filing.token.as_str();
        let asked = &self.documents;
        let refused =
            upload::attach_asked(store, scanner, token, asked, document_id, file, self.now);
        if let Some(problem) = refused.await? {
            self.problems.push(UploadProblem {
                document_id: document_id.to_string(),
                problem,
            });
        }
        Ok(())
    }

    /// Notes that the file `upload_id` is to be removed from the draft (a file of another
    /// draft is left alone); the page is then shown again. More ids than a draft can hold
    /// files are ignored: a post cannot make the server delete without end.
    pub fn remove(&mut self, upload_id: i64) {
        if self.removals.len() < MAX_FILES_PER_DRAFT {
            self.removals.push(upload_id);
        }
        self.moving_on = false;
    }

    /// Removes the files noted by [`remove`](Self::remove), in one transaction.
    async fn remove_noted(
        &mut self,
        store: &impl DraftStore,
        filing: &Filing,
    ) -> Result<(), StoreError> {
        let ids = std::mem::take(&mut self.removals);
        store
            .remove_uploads(filing.token.as_str(), &ids, self.now)
            .await?;
        Ok(())
    }

    /// Ends the post of page `page`: on "Continue", every required document must have a
    /// file. The problems are kept in the draft to show at their documents.
    pub async fn finish(
        mut self,
        store: &impl DraftStore,
        filing: &mut Filing,
        page: &Page,
    ) -> Result<DocumentsSaved, SaveDocumentsError> {
        self.remove_noted(store, filing).await?;
        if self.moving_on && self.problems.is_empty() {
            let uploads = store.uploads(filing.token.as_str()).await?;
            self.problems = missing(self.documents.iter(), &uploads);
        }
        let ok = self.problems.is_empty();
        filing.state.upload_problems = self.problems.clone();
        if ok && self.moving_on {
            filing.state.done.insert(page.slug.clone());
        } else {
            filing.state.done.remove(&page.slug);
        }
        filing.save(store, self.now).await?;
        match (ok, self.moving_on) {
            (false, _) => Err(SaveDocumentsError::Refused(self.problems)),
            (true, true) => Ok(DocumentsSaved::Next {
                page: next_page(&filing.procedure, &page.slug)
                    .unwrap_or_else(|| REVIEW.to_string()),
            }),
            (true, false) => Ok(DocumentsSaved::Stay),
        }
    }
}

/// The required documents among `documents` without a file in `uploads`.
pub(crate) fn missing<'a>(
    documents: impl IntoIterator<Item = &'a Document>,
    uploads: &[motcua_store::UploadedFile],
) -> Vec<UploadProblem> {
    documents
        .into_iter()
        .filter(|d| d.required && !uploads.iter().any(|u| u.document_id == d.id))
        .map(|d| UploadProblem {
            document_id: d.id.clone(),
            problem: UploadProblemKind::Missing,
        })
        .collect()
}
