//! The demo deployment, loaded into an empty database on first `serve`: agencies, the
//! procedure catalogue, which desk receives which procedure, the calendar and staff. The
//! administrative units are not demo data: every database has them (`crate::reference`).
//! The files and their shapes are described in `demo/README.md`.

use std::path::Path;

use motcua_core::accounts::password::hash_password;
use motcua_core::accounts::setup;
use motcua_domain::workflow::StaffRole;
use motcua_store::prelude::*;
use motcua_store::{Agency, Store};
use serde::Deserialize;

#[derive(Deserialize)]
struct AgenciesFile {
    agencies: Vec<AgencyEntry>,
}

#[derive(Deserialize)]
struct AgencyEntry {
    code: motcua_domain::ids::AgencyCode,
    name: String,
    level: String,
    #[serde(default)]
    unit_code: Option<String>,
    /// Province-level procedures this agency receives.
    #[serde(default)]
    receives: Vec<String>,
}

/// Loads the demo from `dir` when the database holds no procedure yet, under the store's
/// setup lock: servers starting at the same moment on an empty database would otherwise
/// all see it empty and load the demo twice (the second load fails on its staff accounts).
pub async fn load_if_empty(store: &Store, dir: &Path) -> Result<(), String> {
    let setup = store.lock_setup().await.map_err(|e| e.to_string())?;
    let loaded = load_if_still_empty(store, dir).await;
    setup.release().await;
    loaded
}

async fn load_if_still_empty(store: &Store, dir: &Path) -> Result<(), String> {
    // Asked for and missing is a mistake in the setting, not a reason to start otherwise.
    if !dir.is_dir() {
        return Err(format!(
            "demo_dir (MOTCUA_DEMO_DIR) {:?} is not a folder; set it to \"\" for no demo",
            dir.display().to_string()
        ));
    }
    let far_future = time::macros::date!(9999 - 12 - 31);
    if !store
        .current_procedures(far_future)
        .await
        .map_err(|e| e.to_string())?
        .is_empty()
    {
        return Ok(());
    }
    tracing::warn!(
        folder = %dir.display(),
        "loading the demo: its staff accounts share a published password. Never in a deployment."
    );
    load(store, dir).await
}

/// Loads the demo from `dir` (agencies, procedures, receivers, calendar, staff).
pub async fn load(store: &Store, dir: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(dir.join("agencies.json"))
        .map_err(|e| format!("agencies.json: {e}"))?;
    let file: AgenciesFile =
        serde_json::from_str(&text).map_err(|e| format!("agencies.json: {e}"))?;
    for a in &file.agencies {
        store
            .upsert_agency(&Agency {
                code: a.code.clone(),
                name: a.name.clone(),
                level: a.level.clone(),
                unit_code: a.unit_code.clone(),
            })
            .await
            .map_err(|e| e.to_string())?;
    }
    let now = time::OffsetDateTime::now_utc();
    let report = crate::import::import_paths(store, &[dir.join("procedures")], now).await;
    if report.failed > 0 {
        return Err(format!("demo catalogue:\n{}", report.lines.join("\n")));
    }
    // The import gave every procedure its default desks; the demo names the department
    // that receives each province-level procedure.
    let mut named: std::collections::BTreeMap<&str, Vec<motcua_domain::ids::AgencyCode>> =
        Default::default();
    for a in &file.agencies {
        for code in &a.receives {
            named.entry(code.as_str()).or_default().push(a.code.clone());
        }
    }
    for (code, desks) in named {
        store
            .set_receivers(code, &desks)
            .await
            .map_err(|e| e.to_string())?;
    }
    let days = crate::import::import_calendar(store, &dir.join("calendar.csv")).await?;
    let staff = load_staff(store, &file.agencies).await?;
    tracing::info!(
        agencies = file.agencies.len(),
        procedures = report.imported,
        calendar_days = days,
        staff_accounts = staff,
        "demo loaded; every demo staff account has the password {DEMO_PASSWORD}"
    );
    Ok(())
}

/// The password of every demo staff account. Demo only: a real deployment creates its first
/// admin with `motcua user add`.
pub const DEMO_PASSWORD: &str = "motcua-demo";

/// Demo staff of each agency: `(login prefix, full name, roles)`. The login is the prefix,
/// a dot and the agency code in lower case, e.g. `tiepnhan.000.50.01.h56`.
const DEMO_STAFF: [(&str, &str, &[StaffRole]); 6] = [
    ("tiepnhan", "Nguyễn Thị Lan", &[StaffRole::Reception]),
    ("chuyenvien", "Trần Văn Minh", &[StaffRole::Specialist]),
    ("chuyenvien2", "Hoàng Thị Mai", &[StaffRole::Specialist]),
    ("lanhdao", "Lê Văn Hùng", &[StaffRole::Leader]),
    ("vanthu", "Phạm Thị Hoa", &[StaffRole::Clerk]),
    ("quantri", "Đỗ Văn Quân", &[StaffRole::Admin]),
];

/// The demo login of `prefix` at `agency`.
pub fn demo_login(prefix: &str, agency: &str) -> String {
    format!("{prefix}.{}", agency.to_lowercase())
}

/// Creates the demo staff of every agency. One password hash serves them all: hashing is
/// deliberately slow, and these accounts share one published password anyway.
async fn load_staff(store: &Store, agencies: &[AgencyEntry]) -> Result<usize, String> {
    let hash = hash_password(DEMO_PASSWORD).map_err(|e| e.to_string())?;
    let now = time::OffsetDateTime::now_utc();
    let mut n = 0;
    for a in agencies {
        for (i, (prefix, name, roles)) in DEMO_STAFF.iter().enumerate() {
            let staff = setup::StaffSetup {
                login: &demo_login(prefix, &a.code),
                full_name: name,
                agency: &a.code,
                roles: roles.to_vec(),
                phone: Some(format!("02373{:02}{:03}", i, n % 1000)),
            };
            setup::create(store, &staff, hash.clone(), now)
                .await
                .map_err(|e| e.to_string())?;
            n += 1;
        }
    }
    Ok(n)
}
