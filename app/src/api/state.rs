//! What every request handler shares: the store, the settings, the units cache, the working
//! calendar, the guessing limits and the clock (the last three are the core's).

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::sync::Arc;

use leptos::prelude::*;
use motcua_core::calendar::CalendarCache;
use motcua_core::clock::Clock;
use motcua_core::limits::LookupLimiter;
use motcua_domain::calendar::{WorkingCalendar, WorkingPeriod};
use motcua_domain::validate::UnitCatalog;
use motcua_store::Store;

use crate::auth::PublicUrl;
use crate::components::fields::UnitOption;
use motcua_store::prelude::*;

/// Shared state, provided to every Leptos render and server function as context.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// The deployment's settings, read once at start.
    pub settings: Arc<Settings>,
    pub units: Arc<Units>,
    /// The working calendar, read again only when another request changed it (on any server).
    pub calendar_cache: Arc<CalendarCache>,
    pub lookup_limiter: Arc<LookupLimiter<Store>>,
    /// Failed sign-ins per client address (same rule: 5 in 5 minutes).
    pub sign_in_limiter: Arc<LookupLimiter<Store>>,
    /// Registrations per client (each costs a slow password hash).
    pub registration_limiter: Arc<LookupLimiter<Store>>,
    /// Filings started per client: each is a draft that keeps files until it expires.
    pub filing_start_limiter: Arc<LookupLimiter<Store>>,
    /// The clock of the workflow (acceptance, due moments, overdue).
    pub clock: Arc<Clock>,
    /// What every citizen's file passes before it is kept: clamd when `clamd` is set.
    pub scanner: Arc<dyn motcua_core::scan::MalwareScanner>,
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
    /// How many filings one client may start in an hour (`filings_per_hour`).
    pub filings_per_hour: u32,
    /// How many requests a server works on at once before others wait in line, and 503s
    /// answer the rest (`max_requests`; `server/src/overload.rs`).
    pub max_requests: usize,
    /// ClamAV's daemon, which every citizen's file passes before it is kept (`clamd`);
    /// `None`: no malware scanning.
    pub clamd: Option<motcua_core::scan::ClamdAddress>,
}

impl Default for Settings {
    /// The spec's working periods (07:00–11:30, 13:30–17:00), no public address.
    fn default() -> Self {
        Settings {
            working_periods: WorkingCalendar::new([]).periods().to_vec(),
            public_url: PublicUrl::default(),
            trusted_proxies: Vec::new(),
            filings_per_hour: 30,
            max_requests: 64,
            clamd: None,
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
        let calendar_cache = CalendarCache::new(settings.working_periods.clone());
        let filings_per_hour = settings.filings_per_hour;
        let scanner: Arc<dyn motcua_core::scan::MalwareScanner> = match &settings.clamd {
            Some(address) => Arc::new(motcua_core::scan::Clamd::new(address.clone())),
            None => Arc::new(motcua_core::scan::NoScanner),
        };
        Ok(AppState {
            scanner,
            store: store.clone(),
            settings: Arc::new(settings),
            units: Arc::new(units),
            calendar_cache: Arc::new(calendar_cache),
            lookup_limiter: Arc::new(LookupLimiter::new(store.clone(), clock.clone(), "lookup")),
            sign_in_limiter: Arc::new(LookupLimiter::new(store.clone(), clock.clone(), "sign-in")),
            registration_limiter: Arc::new(LookupLimiter::new(
                store.clone(),
                clock.clone(),
                "register",
            )),
            // A family behind one network starts a few; a script, thousands.
            filing_start_limiter: Arc::new(LookupLimiter::with_rule(
                store,
                clock.clone(),
                "filing-start",
                filings_per_hour,
                time::Duration::hours(1),
            )),
            clock,
        })
    }

    /// The working calendar now: the configured periods with the stored holidays and
    /// make-up days. Read it once per request and pass it down.
    pub async fn calendar(&self) -> Result<Arc<WorkingCalendar>, motcua_store::StoreError> {
        self.calendar_cache.current(&self.store).await
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
