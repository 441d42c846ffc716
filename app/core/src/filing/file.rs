//! The check page and the final submit: every page is re-validated in order from what was
//! typed, so a change on an early page that hides or shows later fields never files stale
//! answers; then the draft is filed, once.

use motcua_domain::condition::applicable_documents;
use motcua_domain::filing::{AGENCY_FIELD, DOCUMENTS, Evaluated, UploadProblem, evaluate};
use motcua_domain::ids::{AccessCode, AgencyCode, DossierCode, ParseError};
use motcua_domain::validate::UnitCatalog;
use motcua_store::{Applicant, DossierStore, DraftStore, NewDossier, StoreError};
use serde_json::Value;
use time::OffsetDateTime;

use super::documents::missing;
use super::open::{Filing, context};

/// A page is not complete and valid: the citizen is sent back to it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("page {page} is not complete")]
pub struct Incomplete {
    pub page: String,
}

/// Every form page of `filing` validated in order, as of `now`: what the check page shows,
/// or the first page to complete.
pub fn review(
    filing: &Filing,
    units: &dyn UnitCatalog,
    now: OffsetDateTime,
) -> Result<Evaluated, Incomplete> {
    let ctx = context(units, now);
    let eval = evaluate(
        &filing.procedure,
        &filing.applicant_fields(),
        &filing.state,
        &ctx,
    );
    match &eval.first_invalid {
        Some(page) => Err(Incomplete { page: page.clone() }),
        None => Ok(eval),
    }
}

/// Why the draft was not filed; nothing was.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The citizen's: a page to complete again.
    #[error(transparent)]
    Incomplete(#[from] Incomplete),
    /// The citizen's: required documents without a file (kept in the draft to show on the
    /// documents page).
    #[error("{} required document(s) without a file", .0.len())]
    DocumentsMissing(Vec<UploadProblem>),
    /// No agency receives this procedure: the deployment's to fix, not the citizen's.
    #[error("no agency receives this procedure")]
    NoReceiver,
    /// Ours: a validated applicant answer (agency, ID number, phone) that does not read as
    /// its identifier, so the applicant page's rules and the identifiers' disagree. Logged,
    /// never shown.
    #[error("applicant answer: {0}")]
    Applicant(#[from] ParseError),
    /// Ours: the operating system gave no randomness for the access code. Logged, never shown.
    #[error("no randomness for the access code: {0}")]
    Random(getrandom::Error),
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A fresh access code from the operating system's randomness.
fn draw_access_code() -> Result<AccessCode, FileError> {
    let mut random = [0u8; 8];
    getrandom::fill(&mut random).map_err(FileError::Random)?;
    Ok(AccessCode::from_random(random))
}

/// Files `filing` at `now` for `citizen` (the signed-in citizen's account, if any) and returns
/// the dossier's code. Idempotent per draft: a draft already filed, by this call's twin or
/// a concurrent one, gives back the same dossier, never a second.
pub async fn file(
    store: &(impl DraftStore + DossierStore),
    units: &dyn UnitCatalog,
    filing: &mut Filing,
    citizen: Option<i64>,
    now: OffsetDateTime,
) -> Result<DossierCode, FileError> {
    if let Some(code) = filing.filed_as() {
        return Ok(code.clone());
    }
    let eval = review(filing, units, now)?;
    let answers = eval.answers();
    let token = filing.token.as_str();
    if !filing.procedure.documents.is_empty() {
        let applicable = applicable_documents(&filing.procedure, &answers);
        // Files for documents that a later answer made unnecessary are not filed: what is
        // hidden is not stored.
        let hidden: Vec<i64> = store
            .uploads(token)
            .await?
            .into_iter()
            .filter(|u| !applicable.iter().any(|d| d.id == u.document_id))
            .map(|u| u.id)
            .collect();
        store.remove_uploads(token, &hidden, now).await?;
        let uploads = store.uploads(token).await?;
        let missing = missing(applicable, &uploads);
        if !missing.is_empty() {
            filing.state.upload_problems = missing.clone();
            filing.state.done.remove(DOCUMENTS);
            filing.save(store, now).await?;
            return Err(FileError::DocumentsMissing(missing));
        }
    }
    let a = &eval.applicant;
    let text = |k: &str| a.get(k).and_then(Value::as_str).map(str::to_string);
    let agency = match text(AGENCY_FIELD) {
        Some(code) => AgencyCode::parse(&code)?,
        None => filing
            .agencies
            .first()
            .map(|(code, _)| AgencyCode::parse(code))
            .ok_or(FileError::NoReceiver)??,
    };
    let applicant = Applicant {
        full_name: text("full_name").unwrap_or_default(),
        id_number: text("id_number").unwrap_or_default().parse()?,
        phone: text("phone").unwrap_or_default().parse()?,
        email: text("email"),
        address: a.get("address").cloned(),
        birth_date: text("birth_date"),
    };
    let filed = store
        .file_dossier(
            token,
            &NewDossier {
                agency: &agency,
                applicant: &applicant,
                answers: &Value::Object(answers),
                citizen_account_id: citizen,
                access: &draw_access_code()?,
            },
            now,
        )
        .await?;
    filing.draft.dossier_code = Some(filed.dossier.code.clone());
    Ok(filed.dossier.code)
}
