//! Miss counters: how many failed guesses a client made in its current window, per limit
//! (the public lookup, sign-in). In the database, so that all servers count together.

use time::{Duration, OffsetDateTime};

use crate::{Result, Store, parse_ts, ts};

/// Where a client stands against a limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Misses {
    pub count: u32,
    /// The first miss of the window.
    pub since: OffsetDateTime,
}

/// Counted misses of rate-limited anonymous actions (lookups, sign-ins).
pub trait LimitStore: Send + Sync {
    /// The misses `client` made under `scope` in the window of length `window` that is still
    /// open at `now`; `None` when it has none (or its window has passed).
    fn misses(
        &self,
        scope: &str,
        client: &str,
        window: Duration,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Option<Misses>>> + Send;

    /// Counts one miss, in one statement (two servers counting at once both count): a window
    /// that has passed starts again at `now`. Returns the misses in the window, this one
    /// included, and when the window opened, so an attempt counted up front knows at once
    /// whether it is over the limit and for how long.
    fn record_miss(
        &self,
        scope: &str,
        client: &str,
        window: Duration,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Misses>> + Send;

    /// Takes back one miss (an attempt counted up front that then succeeded).
    fn forgive_miss(&self, scope: &str, client: &str) -> impl Future<Output = Result<()>> + Send;

    /// Deletes the counters whose window opened before `before` (the hourly cleanup).
    fn delete_old_misses(&self, before: OffsetDateTime)
    -> impl Future<Output = Result<u64>> + Send;
}

impl LimitStore for Store {
    async fn misses(
        &self,
        scope: &str,
        client: &str,
        window: Duration,
        now: OffsetDateTime,
    ) -> Result<Option<Misses>> {
        let row: Option<(i64, String)> = sqlx::query_as(
            "SELECT misses, window_start FROM miss_counters WHERE scope = $1 AND client = $2",
        )
        .bind(scope)
        .bind(client)
        .fetch_optional(&self.pool)
        .await?;
        let Some((count, since)) = row else {
            return Ok(None);
        };
        let since = parse_ts(&since)?;
        Ok((now - since < window).then(|| Misses {
            count: u32::try_from(count).unwrap_or(u32::MAX),
            since,
        }))
    }

    async fn record_miss(
        &self,
        scope: &str,
        client: &str,
        window: Duration,
        now: OffsetDateTime,
    ) -> Result<Misses> {
        let now_text = ts(now)?;
        let window_opened_after = ts(now - window)?;
        let (count, since): (i64, String) = sqlx::query_as(
            "INSERT INTO miss_counters (scope, client, misses, window_start)
             VALUES ($1, $2, 1, $3)
             ON CONFLICT (scope, client) DO UPDATE SET
               misses = CASE WHEN miss_counters.window_start <= $4 THEN 1
                             ELSE miss_counters.misses + 1 END,
               window_start = CASE WHEN miss_counters.window_start <= $4 THEN $3
                                   ELSE miss_counters.window_start END
             RETURNING misses, window_start",
        )
        .bind(scope)
        .bind(client)
        .bind(&now_text)
        .bind(&window_opened_after)
        .fetch_one(&self.pool)
        .await?;
        Ok(Misses {
            count: u32::try_from(count).unwrap_or(u32::MAX),
            since: parse_ts(&since)?,
        })
    }

    async fn forgive_miss(&self, scope: &str, client: &str) -> Result<()> {
        sqlx::query(
            "UPDATE miss_counters SET misses = misses - 1
             WHERE scope = $1 AND client = $2 AND misses > 0",
        )
        .bind(scope)
        .bind(client)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn delete_old_misses(&self, before: OffsetDateTime) -> Result<u64> {
        Ok(
            sqlx::query("DELETE FROM miss_counters WHERE window_start < $1")
                .bind(ts(before)?)
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }
}
