//! A post of the supplement answer page: what was typed and uploaded is saved, checked with
//! the same domain code as filing, and when all is well sent as the citizen's resupply move.

use motcua_domain::answers::RawForm;
use motcua_domain::ids::DossierCode;
use motcua_domain::upload::{FileRule, UploadProblemKind};
use motcua_domain::validate::{UnitCatalog, validate_fields};
use motcua_domain::workflow::{Action, EventDetails};
use motcua_store::{
    AccountStore, AuditStore, CalendarStore, DossierStore, DraftStore, NewDocument, ProcedureStore,
    StoreError, SupplementAnswer, WorkflowStore,
};
use serde_json::Value;
use time::OffsetDateTime;

use super::pending::Pending;
use crate::audit::Origin;
use crate::calendar::CalendarCache;
use crate::filing::context;
use crate::scan::MalwareScanner;
use crate::upload::{self, SentFile};
use crate::workflow::{ActionError, ActionInput, Requester, Who, perform};

/// The answer page as it is being posted.
#[derive(Debug)]
pub struct AnswerPost {
    raw: RawForm,
    /// "Show again" without JavaScript rather than "Send".
    refresh: bool,
    /// The moment of the post: what the draft's writes are stamped with.
    now: OffsetDateTime,
}

/// The answer saved and taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerSaved {
    /// Saved; show the page again, recomputed.
    Refreshed,
    /// Sent: the dossier went back to where it was (or a twin request of this one did it).
    Sent,
}

/// Why the answer was not sent.
#[derive(Debug, thiserror::Error)]
pub enum AnswerError {
    /// The citizen's to fix: the problems are saved in the draft, at their fields and
    /// documents, for the page to show.
    #[error("the answer has problems to fix")]
    Refused,
    /// The status machine did not take the move: the dossier no longer waits (withdrawn, or
    /// moved by staff) and no twin post sent this answer. Its draft is kept.
    #[error("the resupply move was refused: {0:?}")]
    NotTaken(ActionError),
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AnswerPost {
    /// Starts reading a post of `pending`'s page: the problems of the last post are
    /// forgotten, this post's are found afresh. `now` is the moment of the post.
    pub fn begin(pending: &mut Pending, now: OffsetDateTime) -> AnswerPost {
        pending.data.upload_problems.clear();
        AnswerPost {
            raw: RawForm::default(),
            refresh: false,
            now,
        }
    }

    /// A posted input: `_action` is the button, other `_` names are the form's own.
    pub fn input(&mut self, name: String, value: String) {
        if name == "_action" {
            self.refresh = value == "refresh";
        } else if !name.starts_with('_') {
            self.raw.entry(name).or_default().push(value);
        }
    }

    /// Keeps `file` for requested document `document_id` if it passes the document's rule;
    /// a refused one is noted at the document, a document not requested is ignored.
    pub async fn upload(
        &mut self,
        store: &impl DraftStore,
        scanner: &dyn MalwareScanner,
        pending: &mut Pending,
        document_id: &str,
        file: SentFile<'_>,
    ) -> Result<(), StoreError> {
        let token = pending.token.as_str();
        let asked = &pending.documents;
        let refused =
            upload::attach_asked(store, scanner, token, asked, document_id, file, self.now);
        if let Some(problem) = refused.await? {
            let problems = &mut pending.data.upload_problems;
            problems.insert(document_id.to_string(), problem);
        }
        Ok(())
    }

    /// The file for `document_id` did not arrive whole (a body cut off or over the request
    /// limit): it is reported as too large.
    pub fn cut_off(&mut self, pending: &mut Pending, document_id: &str) {
        if let Some(document) = pending.documents.iter().find(|d| d.id == document_id) {
            let max_mb = FileRule::of(document).max_mb;
            pending
                .data
                .upload_problems
                .insert(document.id.clone(), UploadProblemKind::TooLarge { max_mb });
        }
    }

    /// Ends the post: saves and checks it at `now`, and sends it when it is complete and
    /// valid. A sent answer's draft is deleted.
    pub async fn finish(
        self,
        store: &(
             impl ProcedureStore
             + DraftStore
             + DossierStore
             + WorkflowStore
             + AccountStore
             + CalendarStore
             + AuditStore
         ),
        calendar: &CalendarCache,
        units: &dyn UnitCatalog,
        mut pending: Pending,
        origin: &Origin,
        now: OffsetDateTime,
    ) -> Result<AnswerSaved, AnswerError> {
        let AnswerPost { raw, refresh, .. } = self;
        let earlier = pending.earlier_answers();
        let ctx = context(units, now);
        let outcome = validate_fields(&pending.fields, &raw, &earlier, &ctx);
        let token = pending.token.as_str().to_string();
        let uploads = store.uploads(&token).await?;
        if !refresh {
            for d in &pending.documents {
                if !uploads.iter().any(|u| u.document_id == d.id)
                    && !pending.data.upload_problems.contains_key(&d.id)
                {
                    pending
                        .data
                        .upload_problems
                        .insert(d.id.clone(), UploadProblemKind::Missing);
                }
            }
        }
        pending.data.raw = Some(raw);
        pending.data.errors = outcome.errors.clone();
        let ok = !refresh && outcome.errors.is_empty() && pending.data.upload_problems.is_empty();
        if !ok {
            pending.save(store, now).await?;
            return if refresh {
                Ok(AnswerSaved::Refreshed)
            } else {
                Err(AnswerError::Refused)
            };
        }
        let mut documents = vec![];
        for u in &uploads {
            documents.push(NewDocument {
                document_id: u.document_id.clone(),
                original_name: u.original_name.clone(),
                content_type: u.content_type.clone(),
                bytes: store.read_file(&u.sha256).await?,
            });
        }
        let mut answers = earlier;
        answers.extend(outcome.answers);
        let input = ActionInput {
            supplement: Some(SupplementAnswer {
                answers: Value::Object(answers),
                replace_documents: pending.documents.iter().map(|d| d.id.clone()).collect(),
                documents,
            }),
            ..Default::default()
        };
        // The token proved the answer is the owner's, as the lookup did when it was opened.
        let who = Who::Citizen(None);
        let code = &pending.dossier.code;
        let requester = Requester { who: &who, origin };
        let moved = perform(
            store,
            calendar,
            &requester,
            code,
            Action::Resupply,
            input,
            now,
        );
        if let Err(e) = moved.await {
            match e {
                ActionError::Store(e) => return Err(AnswerError::Store(e)),
                // The dossier moved since the page was loaded, or no longer waits: sent if a
                // twin post of this answer did it. Anything else (the citizen's withdrawal,
                // a staff move) means the answer was not taken, and its draft is kept.
                ActionError::Moved | ActionError::Refused(_)
                    if resupplied_last(store, code).await? => {}
                e => return Err(AnswerError::NotTaken(e)),
            }
        }
        // The answer is in the dossier now; a draft left behind expires by itself.
        let _ = store.delete_draft(&token).await;
        Ok(AnswerSaved::Sent)
    }
}

/// Whether the last move of dossier `code` is a resupply: a twin post of the same answer
/// (a double tap, a retried request) got there first.
async fn resupplied_last(
    store: &impl DossierStore,
    code: &DossierCode,
) -> Result<bool, StoreError> {
    let events = store.events(code).await?;
    Ok(events
        .last()
        .is_some_and(|e| matches!(e.details, EventDetails::Resupply { .. })))
}
