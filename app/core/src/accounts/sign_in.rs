//! Signing in with a user name (staff) or phone number (citizen) and a password. A new
//! session id is issued at every sign-in (no session fixation). A refusal is the same
//! whether the account exists or not, and takes as long; the limit on tries from one
//! address is the caller's (it counts per client address, which only the request knows).

use motcua_domain::ids::Phone;
use motcua_store::{Account, AccountStore, StoreError};
use time::OffsetDateTime;

use super::password::{DUMMY_HASH, verify_off_thread};
use super::sessions;

/// How long a refused sign-in waits before answering: a guesser gets a few tries a second
/// at most, a person who mistyped does not notice.
pub const REFUSAL_DELAY: std::time::Duration = std::time::Duration::from_millis(400);

/// What the sign-in form sends.
pub struct Credentials<'a> {
    /// A staff user name or a citizen's phone, as typed.
    pub login: &'a str,
    pub password: &'a str,
}

/// A successful sign-in: who, and the id of their new session (for the cookie).
#[derive(Debug)]
pub struct SignedIn {
    pub account: Account,
    pub session_id: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// The user's: unknown login, wrong password or a locked account, told apart to nobody.
    #[error("wrong login or password, or a locked account")]
    Refused,
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How a login is stored: a phone in its canonical `0…` form, a user name in lower case.
pub fn normalise_login(login: &str) -> String {
    let login = login.trim();
    Phone::parse(login)
        .map(String::from)
        .unwrap_or_else(|_| login.to_lowercase())
}

/// Signs in with `credentials` at `now`. The session the browser already had
/// (`previous_session`) is ended, so the new one has a fresh id.
pub async fn sign_in(
    store: &impl AccountStore,
    credentials: &Credentials<'_>,
    previous_session: Option<&str>,
    now: OffsetDateTime,
) -> Result<SignedIn, SignInError> {
    let found = store
        .account_for_sign_in(&normalise_login(credentials.login))
        .await?;
    let (account, hash) = match found {
        Some((account, hash)) => (Some(account), hash),
        None => (None, DUMMY_HASH.to_string()),
    };
    let matches = verify_off_thread(credentials.password.to_string(), hash).await;
    let Some(account) = account.filter(|a| matches && a.active) else {
        tokio::time::sleep(REFUSAL_DELAY).await;
        return Err(SignInError::Refused);
    };
    if let Some(old) = previous_session {
        // Best effort: an old session that outlives this is still bounded by its timeouts.
        let _ = sessions::sign_out(store, old).await;
    }
    let session_id = sessions::start(store, account.id, now).await?;
    Ok(SignedIn {
        account,
        session_id,
    })
}

#[cfg(test)]
mod tests {
    use super::normalise_login;

    #[test]
    fn logins_are_normalised() {
        assert_eq!(normalise_login(" +84 912 345 678 "), "0912345678");
        assert_eq!(
            normalise_login("TiepNhan.000.00.06.H56"),
            "tiepnhan.000.00.06.h56"
        );
    }
}
