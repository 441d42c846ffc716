//! What every request handler shares: the store, the units cache, the lookup limiter.

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use leptos::prelude::*;
use motcua_domain::calendar::{WorkingCalendar, WorkingPeriod};
use motcua_domain::validate::UnitCatalog;
use motcua_store::Store;

use crate::auth::PublicUrl;
use crate::components::fields::UnitOption;

/// Shared state, provided to every Leptos render and server function as context.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// The deployment's settings, read once at start.
    pub settings: Arc<Settings>,
    pub units: Arc<Units>,
    pub lookup_limiter: Arc<LookupLimiter>,
    /// Failed sign-ins per client address (same rule: 5 in 5 minutes).
    pub sign_in_limiter: Arc<LookupLimiter>,
    /// The clock of the workflow (acceptance, due moments, overdue).
    pub clock: Arc<Clock>,
}

/// The moment the workflow acts at. Real time, plus an offset that only tests set (to make a
/// dossier overdue without waiting days); a deployment never changes it.
#[derive(Debug, Default)]
pub struct Clock {
    offset_seconds: std::sync::atomic::AtomicI64,
}

impl Clock {
    pub fn now(&self) -> time::OffsetDateTime {
        now_utc()
            + time::Duration::seconds(
                self.offset_seconds
                    .load(std::sync::atomic::Ordering::Relaxed),
            )
    }

    /// Moves this clock forward (tests only).
    pub fn advance(&self, by: time::Duration) {
        self.offset_seconds
            .fetch_add(by.whole_seconds(), std::sync::atomic::Ordering::Relaxed);
    }
}

/// What the deployment configures that requests need: read from the configuration once at
/// start by the same code for `main` and for every test, and passed down, never global, so
/// that two servers in one process (tests) can differ.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The office hours due moments are counted in (`working_periods`).
    pub working_periods: Vec<WorkingPeriod>,
    /// Where citizens reach the site (`public_url`).
    pub public_url: PublicUrl,
}

impl Default for Settings {
    /// The spec's working periods (07:00–11:30, 13:30–17:00), no public address.
    fn default() -> Self {
        Settings {
            working_periods: WorkingCalendar::new([]).periods().to_vec(),
            public_url: PublicUrl::default(),
        }
    }
}

impl AppState {
    /// The state of a server on `store`: loads the unit list once.
    pub async fn new(
        store: Store,
        settings: Settings,
        clock: Arc<Clock>,
    ) -> Result<AppState, motcua_store::StoreError> {
        let units = Units::load(&store).await?;
        Ok(AppState {
            store,
            settings: Arc::new(settings),
            units: Arc::new(units),
            lookup_limiter: Arc::new(LookupLimiter::default()),
            sign_in_limiter: Arc::new(LookupLimiter::default()),
            clock,
        })
    }

    /// The working calendar now: the configured periods with the stored holidays and
    /// make-up days.
    pub async fn calendar(&self) -> Result<WorkingCalendar, motcua_store::StoreError> {
        crate::workflow::calendar(&self.store, &self.settings.working_periods).await
    }

    /// The state provided to the current request.
    pub fn get() -> Result<AppState, ServerFnError> {
        use_context::<AppState>().ok_or_else(|| ServerFnError::new("AppState missing"))
    }
}

/// Administrative units held in memory: a few thousand rows that every address field needs
/// and that change only by `motcua import-units` (a restart picks them up).
#[derive(Default)]
pub struct Units {
    pub provinces: Vec<UnitOption>,
    pub communes: BTreeMap<String, Vec<UnitOption>>,
    commune_province: HashMap<String, String>,
}

impl Units {
    pub async fn load(store: &Store) -> Result<Units, motcua_store::StoreError> {
        let mut units = Units::default();
        for p in store.provinces().await? {
            let communes: Vec<UnitOption> = store
                .communes_of(&p.code)
                .await?
                .into_iter()
                .map(|c| UnitOption {
                    code: c.code,
                    name: c.name,
                })
                .collect();
            for c in &communes {
                units
                    .commune_province
                    .insert(c.code.clone(), p.code.clone());
            }
            units.communes.insert(p.code.clone(), communes);
            units.provinces.push(UnitOption {
                code: p.code,
                name: p.name,
            });
        }
        Ok(units)
    }

    /// The name of a province or commune.
    pub fn name(&self, code: &str) -> Option<&str> {
        self.provinces
            .iter()
            .chain(self.communes.values().flatten())
            .find(|u| u.code == code)
            .map(|u| u.name.as_str())
    }
}

impl UnitCatalog for Units {
    fn province_exists(&self, code: &str) -> bool {
        self.provinces.iter().any(|p| p.code == code)
    }
    fn province_has_communes(&self, province: &str) -> bool {
        self.communes.get(province).is_some_and(|c| !c.is_empty())
    }
    fn commune_in_province(&self, province: &str, commune: &str) -> bool {
        self.commune_province
            .get(commune)
            .is_some_and(|p| p == province)
    }
}

/// Slows down guessing (the public lookup, passwords): after a few misses from one client address,
/// further attempts are refused for a while (HTTP 429 with `Retry-After`).
pub struct LookupLimiter {
    misses: Mutex<HashMap<IpAddr, (u32, Instant)>>,
    pub max_misses: u32,
    pub window: Duration,
}

impl Default for LookupLimiter {
    fn default() -> Self {
        LookupLimiter {
            misses: Mutex::new(HashMap::new()),
            max_misses: 5,
            window: Duration::from_secs(300),
        }
    }
}

impl LookupLimiter {
    /// `Some(seconds to wait)` when `ip` has used up its misses in the current window.
    pub fn blocked(&self, ip: IpAddr) -> Option<u64> {
        let map = self.misses.lock().unwrap_or_else(|e| e.into_inner());
        let (count, since) = map.get(&ip)?;
        let elapsed = since.elapsed();
        (*count >= self.max_misses && elapsed < self.window)
            .then(|| (self.window - elapsed).as_secs().max(1))
    }

    /// Takes back one recorded miss (an attempt counted up front that then succeeded).
    pub fn forgive(&self, ip: IpAddr) {
        let mut map = self.misses.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(entry) = map.get_mut(&ip) {
            entry.0 = entry.0.saturating_sub(1);
        }
    }

    /// Records a miss; the window starts at the first miss.
    pub fn miss(&self, ip: IpAddr) {
        let mut map = self.misses.lock().unwrap_or_else(|e| e.into_inner());
        let entry = map.entry(ip).or_insert((0, Instant::now()));
        if entry.1.elapsed() >= self.window {
            *entry = (0, Instant::now());
        }
        entry.0 += 1;
        if map.len() > 100_000 {
            let window = self.window;
            map.retain(|_, (_, since)| since.elapsed() < window);
        }
    }
}

/// Today's date in Asia/Ho_Chi_Minh (UTC+7 all year: Vietnam has no daylight saving).
pub fn today_vn() -> time::Date {
    now_utc().to_offset(time::macros::offset!(+7)).date()
}

/// The current moment. One place, so tests and logs agree on how "now" is read.
pub fn now_utc() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}
