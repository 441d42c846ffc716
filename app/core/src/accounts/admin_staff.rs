//! An admin's changes to the staff accounts of their agency: replace the roles, lock or
//! unlock, set a new password (adding one is [`super::add_staff`]).
//!
//! Authorization is here: the acting account must be staff with the admin role, and an
//! account that is not staff of the admin's own agency (another agency's, a citizen's, an
//! unknown id) is "not found" alike, so an admin learns nothing of other agencies. An admin
//! cannot remove their own admin role nor lock themselves out: nobody could undo it.

use motcua_domain::audit::AuditAction;
use motcua_domain::ids::AgencyCode;
use motcua_domain::workflow::StaffRole;
use motcua_store::{Account, AccountKind, AccountStore, AuditStore, StoreError};
use time::OffsetDateTime;

use super::Problem;
use super::password::{HashError, NewPassword};
use super::sessions;
use super::staff_input::parse_roles;
use crate::audit::{self, Act, Origin, account_object};

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// Not an admin, or no such staff account in the admin's agency: nothing was changed.
    #[error("no such staff account for this admin")]
    NotFound,
    /// The admin's mistakes, each at its field; nothing was changed.
    #[error("refused: {0:?}")]
    Invalid(Vec<Problem>),
    #[error(transparent)]
    Hashing(#[from] HashError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The admin's own password was changed, which ended their sessions, and no new one
    /// could be started: they sign in again.
    #[error("the password was set but no new session was started: {0}")]
    NoSession(StoreError),
}

impl From<Problem> for AdminError {
    fn from(p: Problem) -> Self {
        AdminError::Invalid(vec![p])
    }
}

/// `admin`'s agency if they are staff with the admin role.
pub(crate) fn admins_agency(admin: &Account) -> Result<&AgencyCode, AdminError> {
    match &admin.agency_code {
        Some(agency) if admin.kind == AccountKind::Staff && admin.has_role(StaffRole::Admin) => {
            Ok(agency)
        }
        _ => Err(AdminError::NotFound),
    }
}

/// The staff account `id` if it belongs to `admin`'s agency.
pub async fn staff_of_admin(
    store: &impl AccountStore,
    admin: &Account,
    id: i64,
) -> Result<Account, AdminError> {
    let agency = admins_agency(admin)?;
    match store.account(id).await? {
        Some(a) if a.kind == AccountKind::Staff && a.agency_code.as_ref() == Some(agency) => Ok(a),
        _ => Err(AdminError::NotFound),
    }
}

/// Records `act` of `admin` on staff account `target`.
pub(super) async fn record(
    store: &impl AuditStore,
    origin: &Origin,
    admin: &Account,
    act: Act,
    target: i64,
    now: OffsetDateTime,
) -> Result<(), AdminError> {
    let act = act.on(account_object(target));
    Ok(audit::record(store, origin, audit::actor(admin), act, now).await?)
}

/// The roles of account `id` become those `ticked` (role names as the form sends them).
pub async fn replace_roles(
    store: &(impl AccountStore + AuditStore),
    admin: &Account,
    id: i64,
    ticked: &[String],
    origin: &Origin,
    now: OffsetDateTime,
) -> Result<(), AdminError> {
    let target = staff_of_admin(store, admin, id).await?;
    let roles = parse_roles(ticked)?;
    if target.id == admin.id && !roles.contains(&StaffRole::Admin) {
        return Err(Problem::OwnAdminRole.into());
    }
    store.set_roles(target.id, &roles).await?;
    let act = Act::new(AuditAction::RolesChanged).saying(StaffRole::codes(&roles));
    record(store, origin, admin, act, target.id, now).await
}

/// Locks (`active == false`, which ends its sessions) or unlocks the account `id`.
pub async fn set_active(
    store: &(impl AccountStore + AuditStore),
    admin: &Account,
    id: i64,
    active: bool,
    origin: &Origin,
    now: OffsetDateTime,
) -> Result<(), AdminError> {
    let target = staff_of_admin(store, admin, id).await?;
    if target.id == admin.id && !active {
        return Err(Problem::OwnLockOut.into());
    }
    store.set_active(target.id, active).await?;
    let action = if active {
        AuditAction::AccountUnlocked
    } else {
        AuditAction::AccountLocked
    };
    record(store, origin, admin, Act::new(action), target.id, now).await
}

/// Gives account `id` a new password, which ends every session of it. An admin who sets
/// their own gets a fresh session so that they stay signed in: its id is returned.
pub async fn set_password(
    store: &(impl AccountStore + AuditStore),
    admin: &Account,
    id: i64,
    password: &str,
    confirmation: &str,
    origin: &Origin,
    now: OffsetDateTime,
) -> Result<Option<String>, AdminError> {
    let target = staff_of_admin(store, admin, id).await?;
    let hash = NewPassword::parse(password, confirmation)?.hash().await?;
    store.set_password_hash(target.id, &hash).await?;
    let act = Act::new(AuditAction::PasswordSet);
    record(store, origin, admin, act, target.id, now).await?;
    if target.id != admin.id {
        return Ok(None);
    }
    match sessions::start(store, admin.id, now).await {
        Ok(session) => Ok(Some(session)),
        Err(e) => Err(AdminError::NoSession(e)),
    }
}
