//! Starting a filing and opening one to continue it.

use motcua_domain::filing::{DraftState, PageKind, page_kind};
use motcua_domain::format::today_vn;
use motcua_domain::procedure::{Field, Procedure};
use motcua_domain::text::Text;
use motcua_domain::validate::{Context, UnitCatalog};
use motcua_store::{Draft, DraftStore, ProcedureStore, StoreError, UnitStore};
use time::OffsetDateTime;

use super::token::FilingToken;

/// Why no filing was started.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// No version of this procedure is in effect today (the citizen's link is wrong).
    #[error("no procedure in effect with this code")]
    NoSuchProcedure,
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Starts a filing of the version of procedure `code` in effect on `now`'s date in Vietnam:
/// a new, empty draft under a new token. Who files it (a signed-in citizen or not) is known
/// only at [`file`](super::file), from the request that submits it.
pub async fn start(
    store: &(impl ProcedureStore + DraftStore),
    code: &str,
    now: OffsetDateTime,
) -> Result<FilingToken, StartError> {
    let procedure = store
        .current_procedure(code, today_vn(now))
        .await?
        .ok_or(StartError::NoSuchProcedure)?;
    Ok(FilingToken::new_draft(store, procedure.id, now).await?)
}

/// A filing in progress: its draft, the procedure version it is filed under, what it keeps
/// between pages and the desks that may receive it.
pub struct Filing {
    pub token: FilingToken,
    pub draft: Draft,
    pub procedure: Procedure,
    pub state: DraftState,
    /// Desks that may receive it: `(agency code, name)`.
    pub agencies: Vec<(String, String)>,
}

/// A page of a filing, parsed against its procedure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// As in the URL and the draft.
    pub slug: String,
    pub kind: PageKind,
}

impl Filing {
    /// The draft `token` of procedure `code`; `None` when there is no such draft or it belongs
    /// to another procedure (a URL edited by hand).
    pub async fn open(
        store: &(impl UnitStore + ProcedureStore + DraftStore),
        code: &str,
        token: &FilingToken,
    ) -> Result<Option<Filing>, StoreError> {
        let Some(draft) = store.draft(token.as_str()).await? else {
            return Ok(None);
        };
        let Some(stored) = store.procedure_version(draft.procedure_id).await? else {
            return Ok(None);
        };
        if stored.procedure.code != code {
            return Ok(None);
        }
        // A draft whose data is not a filing's (a supplement answer's) starts empty, as before.
        let state: DraftState = serde_json::from_value(draft.data.clone()).unwrap_or_default();
        let agencies = store
            .receivers(code)
            .await?
            .into_iter()
            .map(|a| (a.code.into(), a.name))
            .collect();
        Ok(Some(Filing {
            token: token.clone(),
            draft,
            procedure: stored.procedure,
            state,
            agencies,
        }))
    }

    /// The dossier this draft became, once filed.
    pub fn filed_as(&self) -> Option<&motcua_domain::ids::DossierCode> {
        self.draft.dossier_code.as_ref()
    }

    /// The page `slug`, if the procedure has it.
    pub fn page(&self, slug: &str) -> Option<Page> {
        page_kind(&self.procedure, slug).map(|kind| Page {
            slug: slug.to_string(),
            kind,
        })
    }

    /// The applicant page's fields for checking what was typed. Unlabelled: validation reads
    /// ids and kinds only; the pages label them through the translation layer.
    pub(crate) fn applicant_fields(&self) -> Vec<Field> {
        let unlabelled = |_| Text::Plain(String::new());
        motcua_domain::filing::applicant_fields(&self.procedure, &self.agencies, &unlabelled)
    }

    /// Writes what the draft keeps, at `now`.
    pub(crate) async fn save(
        &self,
        store: &impl DraftStore,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let data = serde_json::to_value(&self.state)
            .map_err(|e| StoreError::Invalid(format!("draft state: {e}")))?;
        store.save_draft(self.token.as_str(), &data, now).await
    }
}

/// What fields are checked against: today in Vietnam (date limits) and the unit list.
pub(crate) fn context(units: &dyn UnitCatalog, now: OffsetDateTime) -> Context<'_> {
    Context {
        today: today_vn(now),
        units: Some(units),
    }
}
