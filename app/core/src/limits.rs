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
    /// The rule of the guessing limits: 5 misses in 5 minutes.
    pub fn new(store: S, clock: Arc<Clock>, scope: &'static str) -> LookupLimiter<S> {
        LookupLimiter::with_rule(store, clock, scope, 5, Duration::minutes(5))
    }

    /// A limit of `max_misses` attempts in `window` (for quotas, where every attempt counts).
    pub fn with_rule(
        store: S,
        clock: Arc<Clock>,
        scope: &'static str,
        max_misses: u32,
        window: Duration,
    ) -> LookupLimiter<S> {
        LookupLimiter {
            store,
            clock,
            scope,
            max_misses,
            window,
        }
    }

    /// Takes back one recorded miss (an attempt counted up front that then succeeded).
    pub async fn forgive(&self, ip: IpAddr) {
        if let Err(e) = self.store.forgive_miss(self.scope, &client_key(ip)).await {
            tracing::error!(error = %e, scope = self.scope, "forgiving a miss failed");
        }
    }

    /// Counts an attempt as a miss *before* it is checked, so that parallel guesses cannot all
    /// slip in before the first miss is recorded. `Err(seconds to wait)` when this attempt is
    /// over the limit (it must not be checked); otherwise the caller checks it and, when it
    /// succeeds, takes the miss back with [`LookupLimiter::forgive`].
    ///
    /// A database failure is logged and lets the attempt through: the attempt itself needs
    /// the database, so it fails anyway, and a limiter must not lock everyone out.
    pub async fn attempt(&self, ip: IpAddr) -> Result<(), u64> {
        let now = self.clock.now();
        match self
            .store
            .record_miss(self.scope, &client_key(ip), self.window, now)
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
}

/// The client an address counts as. An IPv4 address is one client (a NAT may hide many, which
/// is why the limit forgives a success). An IPv6 client is usually given a whole /64 and
/// picks any address in it at will: counted per address, it would never run out of tries,
/// so it is counted per /64. An IPv4 address written as IPv6 (`::ffff:a.b.c.d`) is itself.
fn client_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                let prefix = std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
                format!("{prefix}/64")
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use motcua_store::testing::TestDatabase;

    #[tokio::test]
    async fn five_misses_block_one_client_of_one_limit_until_the_window_passes() {
        let db = TestDatabase::new().await;
        let store = db.open().await;
        let clock = Arc::new(Clock::default());
        let lookup = LookupLimiter::new(store.clone(), clock.clone(), "lookup");
        let sign_in = LookupLimiter::new(store, clock.clone(), "sign-in");
        let guesser: IpAddr = "203.0.113.7".parse().unwrap();
        let other: IpAddr = "203.0.113.8".parse().unwrap();
        for _ in 0..5 {
            assert_eq!(lookup.attempt(guesser).await, Ok(()));
        }
        let wait = lookup
            .attempt(guesser)
            .await
            .expect_err("the sixth is refused");
        assert!((1..=300).contains(&wait), "{wait}");
        assert_eq!(lookup.attempt(other).await, Ok(()));
        assert_eq!(sign_in.attempt(guesser).await, Ok(()), "another limit");
        clock.advance(Duration::minutes(6));
        assert_eq!(lookup.attempt(guesser).await, Ok(()), "the window passed");
    }

    #[tokio::test]
    async fn a_success_takes_its_attempt_back() {
        let db = TestDatabase::new().await;
        let lookup = LookupLimiter::new(db.open().await, Arc::new(Clock::default()), "lookup");
        let citizen: IpAddr = "198.51.100.4".parse().unwrap();
        for _ in 0..20 {
            assert_eq!(lookup.attempt(citizen).await, Ok(()));
            lookup.forgive(citizen).await;
        }
    }

    #[tokio::test]
    async fn an_ipv6_client_is_its_whole_64() {
        let db = TestDatabase::new().await;
        let lookup = LookupLimiter::new(db.open().await, Arc::new(Clock::default()), "lookup");
        // A new address of the same /64 for every guess.
        for n in 1..=5u16 {
            let ip = IpAddr::V6(std::net::Ipv6Addr::new(0x2001, 0xdb8, 7, 1, 0, 0, 0, n));
            assert_eq!(lookup.attempt(ip).await, Ok(()));
        }
        let sixth: IpAddr = "2001:db8:7:1:ffff::1".parse().unwrap();
        assert!(lookup.attempt(sixth).await.is_err());
        let neighbour: IpAddr = "2001:db8:7:2::1".parse().unwrap();
        assert_eq!(lookup.attempt(neighbour).await, Ok(()), "another /64");
        assert_eq!(
            client_key("::ffff:203.0.113.9".parse().unwrap()),
            "203.0.113.9"
        );
        assert_eq!(client_key(sixth), "2001:db8:7:1::/64");
    }
}
