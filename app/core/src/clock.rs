//! The one source of "now": every use case is given a moment, and the servers take it from
//! a [`Clock`], so that a test can move time forward without waiting.

use std::sync::atomic::{AtomicI64, Ordering};

use time::{Duration, OffsetDateTime};

/// The moment the workflow acts at. Real time, plus an offset that only tests set (to make a
/// dossier overdue without waiting days); a deployment never changes it.
#[derive(Debug, Default)]
pub struct Clock {
    offset_seconds: AtomicI64,
}

impl Clock {
    pub fn now(&self) -> OffsetDateTime {
        now_utc() + Duration::seconds(self.offset_seconds.load(Ordering::Relaxed))
    }

    /// Moves this clock forward (tests only).
    pub fn advance(&self, by: Duration) {
        self.offset_seconds
            .fetch_add(by.whole_seconds(), Ordering::Relaxed);
    }
}

/// The real moment, read in this one place; everything else asks a [`Clock`].
fn now_utc() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advancing_moves_every_later_reading_forward() {
        let clock = Clock::default();
        let before = clock.now();
        clock.advance(Duration::days(3));
        let after = clock.now();
        assert!(after - before >= Duration::days(3));
        assert!(after - before < Duration::days(3) + Duration::minutes(1));
    }
}
