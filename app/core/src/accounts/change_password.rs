//! A signed-in citizen or officer changes their own password. The current password is
//! required (a session left open on a shared computer must not be enough to take the
//! account over); the change ends every session of the account, on every device, and
//! this browser gets a fresh one.

use motcua_domain::audit::AuditAction;
use motcua_store::{Account, AccountStore, AuditStore, StoreError};
use time::OffsetDateTime;

use super::Problem;
use super::password::{HashError, NewPassword, verify_off_thread};
use super::sessions;
use crate::audit::{self, Act, Origin};

/// What the form sends, as typed.
pub struct PasswordChange<'a> {
    pub current: &'a str,
    pub new: &'a str,
    pub confirmation: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum ChangePasswordError {
    /// The user's, each at its field; nothing was changed.
    #[error("password change refused: {0:?}")]
    Invalid(Vec<Problem>),
    #[error(transparent)]
    Hashing(#[from] HashError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The password was changed but no new session could be started: they sign in again.
    #[error("the password of account {account_id} was changed but no session started: {error}")]
    NoSession { account_id: i64, error: StoreError },
}

/// Changes the password of `account` (signed in) as `change` asks, at `now`. Returns the
/// id of the new session for the cookie.
pub async fn change_password(
    store: &(impl AccountStore + AuditStore),
    account: &Account,
    change: &PasswordChange<'_>,
    origin: &Origin,
    now: OffsetDateTime,
) -> Result<String, ChangePasswordError> {
    let mut problems = vec![];
    // The new password's rules first: they cost nothing, the current one's check a hash.
    let new = NewPassword::parse(change.new, change.confirmation)
        .map_err(|p| problems.push(p))
        .ok();
    let Some((_, hash)) = store.account_for_sign_in(&account.login).await? else {
        // Deleted under the session: nothing to change.
        return Err(ChangePasswordError::Invalid(vec![
            Problem::CurrentPasswordWrong,
        ]));
    };
    if !verify_off_thread(change.current.to_string(), hash).await {
        problems.insert(0, Problem::CurrentPasswordWrong);
    }
    let Some(new) = new.filter(|_| problems.is_empty()) else {
        return Err(ChangePasswordError::Invalid(problems));
    };
    store
        .set_password_hash(account.id, &new.hash().await?)
        .await?;
    let act = Act::new(AuditAction::PasswordChanged);
    audit::record(store, origin, audit::actor(account), act, now).await?;
    sessions::start(store, account.id, now)
        .await
        .map_err(|error| ChangePasswordError::NoSession {
            account_id: account.id,
            error,
        })
}
