//! What every request handler shares: the store, the units cache, the lookup limiter.

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::sync::Arc;

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
    /// The reverse proxies whose `X-Forwarded-For` names the client (`trusted_proxies`):
    /// the limits on guessing count per citizen, not per proxy. Empty: the header is ignored.
    pub trusted_proxies: Vec<IpAddr>,
}

impl Default for Settings {
    /// The spec's working periods (07:00–11:30, 13:30–17:00), no public address.
    fn default() -> Self {
        Settings {
            working_periods: WorkingCalendar::new([]).periods().to_vec(),
            public_url: PublicUrl::default(),
            trusted_proxies: Vec::new(),
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
            store: store.clone(),
            settings: Arc::new(settings),
            units: Arc::new(units),
            lookup_limiter: Arc::new(LookupLimiter::new(store.clone(), clock.clone(), "lookup")),
            sign_in_limiter: Arc::new(LookupLimiter::new(store, clock.clone(), "sign-in")),
            clock,
        })
    }

    /// The working calendar now: the configured periods with the stored holidays and
    /// make-up days.
    pub async fn calendar(&self) -> Result<WorkingCalendar, motcua_store::StoreError> {
        motcua_core::workflow::calendar(&self.store, &self.settings.working_periods).await
    }

    /// The state provided to the current request.
    pub fn get() -> Result<AppState, crate::api::ApiError> {
        use_context::<AppState>().ok_or_else(|| crate::api::ApiError::internal("AppState missing"))
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

/// Slows down guessing (the public lookup, passwords): after a few misses from one client
/// address, further attempts are refused for a while (HTTP 429 with `Retry-After`).
///
/// The counts are in the database ([`Store::record_miss`]), so every server of a deployment
/// counts the same misses and a restart forgets none.
pub struct LookupLimiter {
    store: Store,
    clock: Arc<Clock>,
    /// Which limit this is, as stored: `lookup` or `sign-in`.
    scope: &'static str,
    pub max_misses: u32,
    pub window: time::Duration,
}

impl LookupLimiter {
    /// The rule of both limits: 5 misses in 5 minutes.
    pub fn new(store: Store, clock: Arc<Clock>, scope: &'static str) -> LookupLimiter {
        LookupLimiter {
            store,
            clock,
            scope,
            max_misses: 5,
            window: time::Duration::minutes(5),
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
        let left = self.window - (now - misses.since);
        (misses.count >= self.max_misses).then(|| left.whole_seconds().max(1) as u64)
    }

    /// Takes back one recorded miss (an attempt counted up front that then succeeded).
    pub async fn forgive(&self, ip: IpAddr) {
        if let Err(e) = self.store.forgive_miss(self.scope, &ip.to_string()).await {
            tracing::error!(error = %e, scope = self.scope, "forgiving a miss failed");
        }
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

/// The real moment, read in this one place; everything else asks a [`Clock`].
fn now_utc() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}
