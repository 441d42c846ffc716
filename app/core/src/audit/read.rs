//! Reading the trail: an admin's search, and what a citizen sees of their dossier's.

use motcua_domain::audit::AuditAction;
use motcua_domain::format::VN_OFFSET;
use motcua_domain::ids::{AgencyCode, DossierCode};
use motcua_domain::validate::parse_date;
use motcua_domain::workflow::StaffRole;
use motcua_store::{Account, AuditQuery, AuditRecord, AuditStore, StoreError};
use time::{Date, OffsetDateTime, Time};

use crate::accounts::admin_staff::admins_agency;

/// The most entries one search shows; a narrower search finds the older ones.
pub const SHOWN: u32 = 200;

/// The admin's search form as posted: every box may be empty.
#[derive(Clone, Copy, Debug, Default)]
pub struct SearchForm<'a> {
    pub dossier: &'a str,
    /// A staff user name or a citizen's phone.
    pub actor: &'a str,
    /// `dd/mm/yyyy`, from the start of that day in Vietnam.
    pub from: &'a str,
    /// `dd/mm/yyyy`, to the end of that day in Vietnam.
    pub until: &'a str,
}

/// A box of the search form that does not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchProblem {
    DossierInvalid,
    FromInvalid,
    UntilInvalid,
}

impl SearchProblem {
    /// The name of the form control it is shown at.
    pub fn field(self) -> &'static str {
        match self {
            SearchProblem::DossierInvalid => "ma_ho_so",
            SearchProblem::FromInvalid => "tu_ngay",
            SearchProblem::UntilInvalid => "den_ngay",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Not an admin: they see nothing of the trail.
    #[error("not an admin")]
    NotFound,
    #[error("the search does not read: {0:?}")]
    Invalid(Vec<SearchProblem>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The entries of `admin`'s agency that `form` asks for, the newest first, at most
/// [`SHOWN`]: what its staff did, and what anyone did to its dossiers.
pub async fn search(
    store: &impl AuditStore,
    admin: &Account,
    form: &SearchForm<'_>,
) -> Result<Vec<AuditRecord>, SearchError> {
    let agency = admins_agency(admin)
        .map_err(|_| SearchError::NotFound)?
        .clone();
    let query = parse(form, agency)?;
    Ok(store.search_audit(&query).await?)
}

fn parse(form: &SearchForm<'_>, agency: AgencyCode) -> Result<AuditQuery, SearchError> {
    let mut problems = vec![];
    let dossier = match form.dossier.trim() {
        "" => None,
        typed => DossierCode::parse(typed)
            .map_err(|_| problems.push(SearchProblem::DossierInvalid))
            .ok(),
    };
    let mut day = |typed: &str, problem| match typed.trim() {
        "" => None,
        typed => parse_date(typed).or_else(|| {
            problems.push(problem);
            None
        }),
    };
    let from = day(form.from, SearchProblem::FromInvalid);
    let until = day(form.until, SearchProblem::UntilInvalid);
    if !problems.is_empty() {
        return Err(SearchError::Invalid(problems));
    }
    let actor = form.actor.trim();
    Ok(AuditQuery {
        agency,
        dossier,
        actor_login: (!actor.is_empty()).then(|| crate::accounts::sign_in::normalise_login(actor)),
        from: from.map(start_of),
        until: until.and_then(Date::next_day).map(start_of),
        limit: SHOWN,
    })
}

/// The first moment of `day` in Vietnam.
fn start_of(day: Date) -> OffsetDateTime {
    day.with_time(Time::MIDNIGHT).assume_offset(VN_OFFSET)
}

/// One thing done to a citizen's dossier, as the citizen sees it: by which role of which
/// agency (a citizen's own acts have neither), never by whom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitizenSeen {
    pub at: OffsetDateTime,
    pub action: AuditAction,
    pub agency: Option<AgencyCode>,
    /// The roles the actor held, minus admin (which acts on no dossier).
    pub roles: Vec<StaffRole>,
    /// A move's action code (`accept`, …); empty for a view.
    pub detail: String,
}

/// Who handled and who viewed dossier `code`, the oldest first. The caller has checked that
/// the person asking may see the dossier (its owner, or its access code).
pub async fn for_citizen(
    store: &impl AuditStore,
    code: &DossierCode,
) -> Result<Vec<CitizenSeen>, StoreError> {
    let entries = store.dossier_audit(code).await?;
    Ok(entries
        .into_iter()
        .filter(|e| e.action.shown_to_citizen())
        .map(|e| CitizenSeen {
            at: e.at,
            action: e.action,
            agency: e.actor.agency,
            roles: e
                .actor
                .roles
                .into_iter()
                .filter(|r| *r != StaffRole::Admin)
                .collect(),
            detail: e.detail,
        })
        .collect())
}
