//! The demo deployment, loaded into an empty database on first `serve`: agencies, the
//! procedure catalogue, which desk receives which procedure, the calendar and staff. The
//! administrative units are not demo data: every database has them (`crate::reference`).
//! The files and their shapes are described in `demo/README.md`.

use std::path::Path;

use motcua_core::accounts::password::{hash_password, verify_password};
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

/// The demo staff accounts that are active and still sign in with [`DEMO_PASSWORD`]: anyone
/// who has read the README could sign in as them. Each distinct hash is checked once (the
/// demo's accounts share one), so this costs one slow hash however many agencies there are.
pub async fn accounts_with_the_published_password(store: &Store) -> Result<Vec<String>, String> {
    let mut open = Vec::new();
    let mut verdicts: std::collections::HashMap<String, bool> = Default::default();
    for agency in store.agencies().await.map_err(|e| e.to_string())? {
        for (prefix, ..) in DEMO_STAFF {
            let login = demo_login(prefix, agency.code.as_str());
            let Some((account, hash)) = store
                .account_for_sign_in(&login)
                .await
                .map_err(|e| e.to_string())?
            else {
                continue;
            };
            let published = match verdicts.get(&hash) {
                Some(&v) => v,
                None => {
                    let h = hash.clone();
                    let v = tokio::task::spawn_blocking(move || verify_password(DEMO_PASSWORD, &h))
                        .await
                        .unwrap_or(false);
                    verdicts.insert(hash, v);
                    v
                }
            };
            if account.active && published {
                open.push(login);
            }
        }
    }
    Ok(open)
}

/// What `motcua serve` does about [`accounts_with_the_published_password`]: a warning at
/// every start, and no start at all for a public `https://` site, since then the demo's
/// accounts would be a way in for anyone.
pub async fn refuse_published_passwords(store: &Store, public_https: bool) -> Result<(), String> {
    let open = accounts_with_the_published_password(store).await?;
    let Some(first) = open.first() else {
        return Ok(());
    };
    let what = format!(
        "{} staff account(s) (such as {first}) still have the demo's published password \
         {DEMO_PASSWORD:?}",
        open.len()
    );
    if public_https {
        return Err(format!(
            "{what}: refusing to serve a public https site with them. Start on a database \
             without the demo, or start once on loopback without MOTCUA_PUBLIC_URL and lock \
             them or change their passwords on the admin's users page"
        ));
    }
    tracing::warn!("{what}: anyone who has read the README can sign in as them");
    Ok(())
}

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
