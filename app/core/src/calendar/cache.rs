//! The working calendar held in memory by each server, and kept current across the servers of
//! a deployment by the version the store raises with every change of the calendar days.
//!
//! Why a version in the database rather than a cache cleared by the admin page: several
//! servers share one database, and a change made through one of them must count on all of
//! them from the next request on. Each request reads the version (one row by its key); the
//! days are read and the calendar rebuilt only when it changed.

use std::sync::{Arc, Mutex};

use motcua_domain::calendar::{WorkingCalendar, WorkingPeriod};
use motcua_store::{CalendarStore, CalendarVersion, StoreError};

/// The deployment's working calendar: its configured periods with the stored holidays and
/// make-up days, as of the last version read.
pub struct CalendarCache {
    periods: Vec<WorkingPeriod>,
    held: Mutex<Option<(CalendarVersion, Arc<WorkingCalendar>)>>,
}

impl CalendarCache {
    /// An empty cache for the configured `periods`: the first [`CalendarCache::current`]
    /// reads the days.
    pub fn new(periods: Vec<WorkingPeriod>) -> CalendarCache {
        CalendarCache {
            periods,
            held: Mutex::new(None),
        }
    }

    /// The calendar as stored now. Call it once per request and pass the calendar down.
    pub async fn current(
        &self,
        store: &impl CalendarStore,
    ) -> Result<Arc<WorkingCalendar>, StoreError> {
        // The version first, then the days: the days read are at least as new as the version
        // they are kept under, so a change between the two reads is read again next time
        // rather than missed.
        let version = store.calendar_version().await?;
        if let Some((held, calendar)) = &*self.held()
            && *held == version
        {
            return Ok(calendar.clone());
        }
        let calendar = Arc::new(read(store, &self.periods).await?);
        *self.held() = Some((version, calendar.clone()));
        Ok(calendar)
    }

    /// The lock is never held across an await; a panic while holding it left a whole value.
    fn held(&self) -> std::sync::MutexGuard<'_, Option<(CalendarVersion, Arc<WorkingCalendar>)>> {
        self.held
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The working calendar of `periods` with the holidays and make-up days as stored now, read
/// without a cache (the command line's `motcua due`, and the cache when the version moved).
pub async fn read(
    store: &impl CalendarStore,
    periods: &[WorkingPeriod],
) -> Result<WorkingCalendar, StoreError> {
    let days = store.calendar_days().await?;
    WorkingCalendar::with_periods(periods.to_vec(), days).map_err(StoreError::Invalid)
}
