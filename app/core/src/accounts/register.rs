//! A citizen creates an account with their phone number (and optionally an e-mail
//! address) and a password, and is signed in. The phone is their login.

use motcua_domain::ids::Phone;
use motcua_domain::validate::{nfc, parse_email};
use motcua_store::{AccountKind, AccountStore, NewAccount, StoreError};
use time::OffsetDateTime;

use super::Problem;
use super::password::{HashError, NewPassword};
use super::sessions;

/// What the registration form sends, as typed.
pub struct Registration<'a> {
    pub full_name: &'a str,
    pub phone: &'a str,
    /// Optional: empty for none.
    pub email: &'a str,
    pub password: &'a str,
    pub confirmation: &'a str,
}

/// A registration once every field is checked.
struct NewCitizen {
    full_name: String,
    /// Canonical `0…` form, which is also the login.
    phone: Phone,
    email: Option<String>,
    password: NewPassword,
}

/// The new account and its first session.
#[derive(Debug)]
pub struct Registered {
    pub account_id: i64,
    pub session_id: String,
}

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    /// The user's, each at its field; no account was created.
    #[error("registration refused: {0:?}")]
    Invalid(Vec<Problem>),
    #[error(transparent)]
    Hashing(#[from] HashError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The account exists but no session could be started: the citizen signs in.
    #[error("account {account_id} was created but its session was not: {error}")]
    NoSession { account_id: i64, error: StoreError },
}

/// Every problem of `form`, in the order of the form, or the citizen it describes.
fn parse(form: &Registration<'_>) -> Result<NewCitizen, Vec<Problem>> {
    let mut problems = vec![];
    let full_name = nfc(form.full_name.trim());
    if full_name.is_empty() {
        problems.push(Problem::NameRequired);
    }
    let phone = Phone::parse(form.phone).ok();
    if phone.is_none() {
        problems.push(Problem::PhoneInvalid);
    }
    let email = parse_email(form.email);
    if !form.email.trim().is_empty() && email.is_none() {
        problems.push(Problem::EmailInvalid);
    }
    let password = NewPassword::parse(form.password, form.confirmation)
        .map_err(|p| problems.push(p))
        .ok();
    match (phone, password) {
        (Some(phone), Some(password)) if problems.is_empty() => Ok(NewCitizen {
            full_name,
            phone,
            email,
            password,
        }),
        _ => Err(problems),
    }
}

/// Creates the citizen's account described by `form` at `now` and signs them in.
pub async fn register(
    store: &impl AccountStore,
    form: &Registration<'_>,
    now: OffsetDateTime,
) -> Result<Registered, RegisterError> {
    let citizen = parse(form).map_err(RegisterError::Invalid)?;
    // Before the slow hash, so that a registration bound to fail costs no CPU (the insert
    // below still refuses a phone taken meanwhile).
    let login = citizen.phone.to_string();
    if store.account_for_sign_in(&login).await?.is_some() {
        return Err(RegisterError::Invalid(vec![Problem::PhoneTaken]));
    }
    let new = NewAccount {
        kind: AccountKind::Citizen,
        login,
        full_name: citizen.full_name,
        phone: Some(citizen.phone),
        email: citizen.email,
        agency_code: None,
        password_hash: citizen.password.hash().await?,
        roles: vec![],
    };
    let account_id = match store.create_account(&new, now).await {
        Ok(id) => id,
        Err(StoreError::Conflict(_)) => {
            return Err(RegisterError::Invalid(vec![Problem::PhoneTaken]));
        }
        Err(e) => return Err(e.into()),
    };
    match sessions::start(store, account_id, now).await {
        Ok(session_id) => Ok(Registered {
            account_id,
            session_id,
        }),
        Err(error) => Err(RegisterError::NoSession { account_id, error }),
    }
}
