//! The token a draft is reached by: the only proof a citizen needs to continue a filing or a
//! supplement answer, so it is a secret (never logged, never shown but in the URL).

use std::fmt;

use motcua_store::{DraftStore, StoreError};
use time::OffsetDateTime;

/// A draft's token, as the store makes them: 64 lowercase hex digits (32 random bytes).
/// Parsed once from the URL; anything else names no draft.
#[derive(Clone, PartialEq, Eq)]
pub struct FilingToken(String);

impl FilingToken {
    /// The token in `text`, or `None` when it cannot be one.
    pub fn parse(text: &str) -> Option<FilingToken> {
        let well_formed = text.len() == 64
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        well_formed.then(|| FilingToken(text.to_string()))
    }

    /// A new, empty draft of procedure version `procedure_id` (a filing or a supplement
    /// answer): its token.
    pub(crate) async fn new_draft(
        store: &impl DraftStore,
        procedure_id: i64,
        now: OffsetDateTime,
    ) -> Result<FilingToken, StoreError> {
        let token = store.create_draft(procedure_id, now).await?;
        FilingToken::parse(&token)
            .ok_or_else(|| StoreError::Invalid("the store made a malformed draft token".into()))
    }

    /// The token as the store and the URL take it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Never the token itself: a `{:?}` in a log line must not hand out someone's draft.
impl fmt::Debug for FilingToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FilingToken(…)")
    }
}
