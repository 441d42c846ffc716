//! Sessions live in the database ([`AccountStore::create_session`]), never in the cookie: sign-out
//! and locking an account take effect at once. The cookie holds only a random id; the
//! database only its hash.

use motcua_store::{Account, AccountStore, StoreError};
use time::OffsetDateTime;

/// A session unused this long has ended.
pub const SESSION_IDLE: time::Duration = time::Duration::minutes(30);
/// A session ends this long after sign-in however busy (a working day plus margin).
pub const SESSION_ABSOLUTE: time::Duration = time::Duration::hours(12);

/// The account signed in with `session_id` at `now`, if the session is still alive (and
/// the account active); reading it counts as use.
pub async fn signed_in(
    store: &impl AccountStore,
    session_id: &str,
    now: OffsetDateTime,
) -> Result<Option<Account>, StoreError> {
    store
        .session_account(session_id, now, SESSION_IDLE, SESSION_ABSOLUTE)
        .await
}

/// Ends the session `session_id` (an unknown one is already ended).
pub async fn sign_out(store: &impl AccountStore, session_id: &str) -> Result<(), StoreError> {
    store.delete_session(session_id).await
}

/// A new session of `account_id` from `now`: its id, for the cookie.
pub(crate) async fn start(
    store: &impl AccountStore,
    account_id: i64,
    now: OffsetDateTime,
) -> Result<String, StoreError> {
    store.create_session(account_id, now).await
}
