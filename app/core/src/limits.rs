//! The limits on guessing: after a few misses from one client address (a wrong dossier key,
//! a wrong password), further attempts are refused for a while. The servers answer a
//! refusal with HTTP 429 and `Retry-After`.

use std::net::IpAddr;
use std::sync::Arc;

use motcua_store::{LimitStore, Misses};
use time::{Duration, OffsetDateTime};

use crate::clock::Clock;

/// One limit on guessing, counted per client address.
///
/// The counts are in the database ([`LimitStore::record_miss`]), so every server of a deployment
/// counts the same misses and a restart forgets none.
pub struct LookupLimiter<S> {
    store: S,
    clock: Arc<Clock>,
    /// Which limit this is, as stored: `lookup` or `sign-in`.
    scope: &'static str,
    pub max_misses: u32,
    pub window: Duration,
}

impl<S: LimitStore> LookupLimiter<S> {
    /// The rule of both limits: 5 misses in 5 minutes.
    pub fn new(store: S, clock: Arc<Clock>, scope: &'static str) -> LookupLimiter<S> {
        LookupLimiter {
            store,
            clock,
            scope,
            max_misses: 5,
            window: Duration::minutes(5),
        }
    }

    /// `Some(seconds to wait)` when `ip` has used up its misses in the current window.
    ///
    /// A database failure is logged and lets the attempt through: the attempt itself needs
    /// the database, so it fails anyway, and a limiter must not lock everyone out.
    pub async fn blocked(&self, ip: IpAddr) -> Option<u64> {
        let now = self.clock.now();
        let misses = match self
            .store
            .misses(self.scope, &ip.to_string(), self.window, now)
            .await
        {
            Ok(m) => m?,
            Err(e) => {
                tracing::error!(error = %e, scope = self.scope, "reading a miss counter failed");
                return None;
            }
        };
        (misses.count >= self.max_misses).then(|| self.wait(misses, now))
    }

    /// Takes back one recorded miss (an attempt counted up front that then succeeded).
    pub async fn forgive(&self, ip: IpAddr) {
        if let Err(e) = self.store.forgive_miss(self.scope, &ip.to_string()).await {
            tracing::error!(error = %e, scope = self.scope, "forgiving a miss failed");
        }
    }

    /// Counts an attempt as a miss *before* it is checked, so that parallel guesses cannot all
    /// slip in before the first miss is recorded. `Err(seconds to wait)` when this attempt is
    /// over the limit (it must not be checked); otherwise the caller checks it and, when it
    /// succeeds, takes the miss back with [`LookupLimiter::forgive`].
    ///
    /// A database failure is logged and lets the attempt through, as in
    /// [`LookupLimiter::blocked`].
    pub async fn attempt(&self, ip: IpAddr) -> Result<(), u64> {
        let now = self.clock.now();
        match self
            .store
            .record_miss(self.scope, &ip.to_string(), self.window, now)
            .await
        {
            Ok(misses) if misses.count > self.max_misses => Err(self.wait(misses, now)),
            Ok(_) => Ok(()),
            Err(e) => {
                tracing::error!(error = %e, scope = self.scope, "recording an attempt failed");
                Ok(())
            }
        }
    }

    /// Seconds until the window of `misses` has passed, at least one.
    fn wait(&self, misses: Misses, now: OffsetDateTime) -> u64 {
        let left = self.window - (now - misses.since);
        left.whole_seconds().max(1) as u64
    }

    /// Records a miss; the window starts at the first miss.
    pub async fn miss(&self, ip: IpAddr) {
        let now = self.clock.now();
        if let Err(e) = self
            .store
            .record_miss(self.scope, &ip.to_string(), self.window, now)
            .await
        {
            tracing::error!(error = %e, scope = self.scope, "recording a miss failed");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use motcua_store::testing::TestDatabase;

    #[tokio::test]
    async fn five_misses_block_one_address_of_one_limit_until_the_window_passes() {
        let db = TestDatabase::new().await;
        let store = db.open().await;
        let clock = Arc::new(Clock::default());
        let lookup = LookupLimiter::new(store.clone(), clock.clone(), "lookup");
        let sign_in = LookupLimiter::new(store, clock.clone(), "sign-in");
        let guesser: IpAddr = "203.0.113.7".parse().unwrap();
        let other: IpAddr = "203.0.113.8".parse().unwrap();
        for _ in 0..4 {
            lookup.miss(guesser).await;
        }
        assert_eq!(lookup.blocked(guesser).await, None);
        lookup.miss(guesser).await;
        let wait = lookup.blocked(guesser).await.expect("five misses block");
        assert!((1..=300).contains(&wait), "{wait}");
        assert_eq!(lookup.blocked(other).await, None);
        assert_eq!(sign_in.blocked(guesser).await, None);

        lookup.forgive(guesser).await;
        assert_eq!(lookup.blocked(guesser).await, None);
        lookup.miss(guesser).await;
        assert!(lookup.blocked(guesser).await.is_some());
        clock.advance(Duration::minutes(6));
        assert_eq!(lookup.blocked(guesser).await, None);
    }
}
