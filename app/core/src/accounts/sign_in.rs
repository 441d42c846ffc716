//! Signing in with a user name (staff) or phone number (citizen) and a password. A new
//! session id is issued at every sign-in (no session fixation). A refusal is the same
//! whether the account exists or not, and takes as long; the limit on tries from one
//! address is the caller's (it counts per client address, which only the request knows).
//!
//! Each login also has its own counter, for a guesser who spreads tries over many
//! addresses: past a few misses in an hour its sign-ins are *slowed*, never refused, so a
//! stranger who keeps guessing cannot lock the owner out; the owner waits a few seconds.

use motcua_domain::audit::AuditAction;
use motcua_domain::ids::Phone;
use motcua_store::{Account, AccountStore, AuditActor, AuditStore, LimitStore, StoreError};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::password::{DUMMY_HASH, verify_off_thread};
use super::sessions;
use crate::audit::{self, Act, Origin};

/// How long a refused sign-in waits before answering: a guesser gets a few tries a second
/// at most, a person who mistyped does not notice.
pub const REFUSAL_DELAY: std::time::Duration = std::time::Duration::from_millis(400);

/// The counter of misses per login, as stored in the miss counters.
const ACCOUNT_SCOPE: &str = "sign-in-account";
/// Misses on one login in [`ACCOUNT_WINDOW`] that cost nothing more than [`REFUSAL_DELAY`].
pub const ACCOUNT_FREE_MISSES: u32 = 5;
/// The window of the per-login counter.
pub const ACCOUNT_WINDOW: time::Duration = time::Duration::hours(1);
/// The longest a sign-in is slowed: long enough that guessing one account from many
/// addresses gets a few hundred tries an hour, short enough for its owner to wait.
pub const MAX_SLOWDOWN: std::time::Duration = std::time::Duration::from_secs(8);

/// How long a sign-in waits before its password is checked, when it is the `misses`-th
/// attempt on its login in the window: nothing for the first few, then one second,
/// doubling with each further miss up to [`MAX_SLOWDOWN`].
pub fn slowdown(misses: u32) -> std::time::Duration {
    let Some(over) = misses.checked_sub(ACCOUNT_FREE_MISSES + 1) else {
        return std::time::Duration::ZERO;
    };
    std::time::Duration::from_secs(1u64 << over.min(8)).min(MAX_SLOWDOWN)
}

/// The per-login counter's key: a digest, so the table of counters holds no phone number.
fn login_key(login: &str) -> String {
    format!("{:x}", Sha256::digest(format!("motcua-login/1:{login}")))
}

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
/// (`previous_session`) is ended, so the new one has a fresh id. The attempt is counted on
/// its login before the check (unknown logins too, so the wait tells nothing) and taken
/// back when it succeeds; a counter that cannot be written is logged and slows nothing.
/// The trail records the sign-in, a refusal (of a known account, or of an unknown login
/// with no actor; what was typed is not kept) and the attempt that starts the slowing.
pub async fn sign_in(
    store: &(impl AccountStore + LimitStore + AuditStore),
    credentials: &Credentials<'_>,
    previous_session: Option<&str>,
    origin: &Origin,
    now: OffsetDateTime,
) -> Result<SignedIn, SignInError> {
    let login = normalise_login(credentials.login);
    let key = login_key(&login);
    let mut starts_slowing = false;
    match store
        .record_miss(ACCOUNT_SCOPE, &key, ACCOUNT_WINDOW, now)
        .await
    {
        Ok(misses) => {
            starts_slowing = misses.count == ACCOUNT_FREE_MISSES + 1;
            tokio::time::sleep(slowdown(misses.count)).await
        }
        Err(e) => tracing::error!(error = %e, "counting a sign-in on its login failed"),
    }
    let found = store.account_for_sign_in(&login).await?;
    let (account, hash) = match found {
        Some((account, hash)) => (Some(account), hash),
        None => (None, DUMMY_HASH.to_string()),
    };
    let matches = verify_off_thread(credentials.password.to_string(), hash).await;
    let who = account.as_ref().map(audit::actor).unwrap_or_default();
    if starts_slowing {
        let act = Act::new(AuditAction::SignInSlowed);
        audit::record(store, origin, who.clone(), act, now).await?;
    }
    let Some(account) = account.filter(|a| matches && a.active) else {
        refused(store, origin, who, now).await?;
        tokio::time::sleep(REFUSAL_DELAY).await;
        return Err(SignInError::Refused);
    };
    if let Err(e) = store.forgive_miss(ACCOUNT_SCOPE, &key).await {
        tracing::error!(error = %e, "forgiving a sign-in on its login failed");
    }
    if let Some(old) = previous_session {
        // Best effort: an old session that outlives this is still bounded by its timeouts.
        let _ = sessions::sign_out(store, old).await;
    }
    let session_id = sessions::start(store, account.id, now).await?;
    audit::record(store, origin, who, Act::new(AuditAction::SignIn), now).await?;
    Ok(SignedIn {
        account,
        session_id,
    })
}

/// Records a refused sign-in of `who` (no account for an unknown login).
async fn refused(
    store: &impl AuditStore,
    origin: &Origin,
    who: AuditActor,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let detail = if who.account_id.is_some() {
        ""
    } else {
        "unknown login"
    };
    let act = Act::new(AuditAction::SignInRefused).saying(detail);
    audit::record(store, origin, who, act, now).await
}

#[cfg(test)]
mod tests {
    use super::{MAX_SLOWDOWN, normalise_login, slowdown};
    use std::time::Duration;

    #[test]
    fn a_login_is_slowed_after_five_misses_doubling_up_to_the_cap() {
        let waits: Vec<_> = (1..=12).map(slowdown).collect();
        assert!(waits[..5].iter().all(|w| w.is_zero()), "{waits:?}");
        assert_eq!(waits[5], Duration::from_secs(1));
        assert_eq!(waits[6], Duration::from_secs(2));
        assert_eq!(waits[7], Duration::from_secs(4));
        assert!(waits[8..].iter().all(|w| *w == MAX_SLOWDOWN));
        assert_eq!(slowdown(u32::MAX), MAX_SLOWDOWN);
    }

    #[test]
    fn logins_are_normalised() {
        assert_eq!(normalise_login(" +84 912 345 678 "), "0912345678");
        assert_eq!(
            normalise_login("TiepNhan.000.00.06.H56"),
            "tiepnhan.000.00.06.h56"
        );
    }
}
