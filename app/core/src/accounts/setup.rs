//! Staff accounts the operator creates: `motcua user add` (the first admin of an agency)
//! and the demo's staff. The operator reads these errors in English on the terminal, so
//! they are sentences, not translation keys.

use motcua_domain::ids::{AgencyCode, Phone};
use motcua_domain::workflow::StaffRole;
use motcua_store::{AccountKind, AccountStore, NewAccount, StoreError, UnitStore};
use time::OffsetDateTime;

use super::Problem;
use super::password::{HashError, MIN_PASSWORD_LEN, NewPassword};

/// A staff account to create.
pub struct StaffSetup<'a> {
    /// One word; stored in lower case.
    pub login: &'a str,
    pub full_name: &'a str,
    /// The agency's code; it must exist.
    pub agency: &'a str,
    pub roles: Vec<StaffRole>,
    pub phone: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("the password needs at least {MIN_PASSWORD_LEN} characters")]
    PasswordShort,
    #[error("that password is on the list of common passwords a guesser tries first")]
    PasswordCommon,
    #[error("the login must be one word")]
    LoginInvalid,
    #[error("no agency {0}")]
    NoAgency(String),
    #[error("the phone is not a Vietnamese phone number")]
    PhoneInvalid,
    #[error(transparent)]
    Hashing(#[from] HashError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Creates `staff` with `password` at `now`: the new account's id. The password follows the
/// rules of one chosen in a form (long enough, not a common one).
pub async fn add_staff(
    store: &(impl UnitStore + AccountStore),
    staff: &StaffSetup<'_>,
    password: &str,
    now: OffsetDateTime,
) -> Result<i64, SetupError> {
    // Typed once on the command line, so it is its own confirmation: only the length and
    // the common-password list can refuse it.
    let password = NewPassword::parse(password, password).map_err(|problem| match problem {
        Problem::PasswordCommon => SetupError::PasswordCommon,
        _ => SetupError::PasswordShort,
    })?;
    create(store, staff, password.hash().await?, now).await
}

/// Creates `staff` with an already computed password hash (the demo hashes its one shared
/// password once for all its accounts: hashing is slow on purpose).
pub async fn create(
    store: &(impl UnitStore + AccountStore),
    staff: &StaffSetup<'_>,
    password_hash: String,
    now: OffsetDateTime,
) -> Result<i64, SetupError> {
    let login = staff.login.trim().to_lowercase();
    if login.is_empty() || login.chars().any(char::is_whitespace) {
        return Err(SetupError::LoginInvalid);
    }
    let no_agency = || SetupError::NoAgency(staff.agency.to_string());
    let agency = AgencyCode::parse(staff.agency).map_err(|_| no_agency())?;
    if store.agency(&agency).await?.is_none() {
        return Err(no_agency());
    }
    let phone = (staff.phone.as_deref())
        .map(Phone::parse)
        .transpose()
        .map_err(|_| SetupError::PhoneInvalid)?;
    let new = NewAccount {
        kind: AccountKind::Staff,
        login,
        full_name: staff.full_name.trim().to_string(),
        phone,
        email: None,
        agency_code: Some(agency),
        password_hash,
        roles: staff.roles.clone(),
    };
    Ok(store.create_account(&new, now).await?)
}
