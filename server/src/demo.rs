//! The demo deployment, loaded into an empty database on first `serve`: administrative
//! units, agencies, the procedure catalogue and which desk receives which procedure.
//! The files and their shapes are described in `demo/README.md`.

use std::path::Path;

use motcua_store::{Agency, Store};
use serde::Deserialize;

#[derive(Deserialize)]
struct AgenciesFile {
    agencies: Vec<AgencyEntry>,
}

#[derive(Deserialize)]
struct AgencyEntry {
    code: String,
    name: String,
    level: String,
    #[serde(default)]
    unit_code: Option<String>,
    /// Province-level procedures this agency receives.
    #[serde(default)]
    receives: Vec<String>,
}

/// Loads the demo from `dir` when the database holds no procedure yet.
pub async fn load_if_empty(store: &Store, dir: &Path) -> Result<(), String> {
    let far_future = time::macros::date!(9999 - 12 - 31);
    if !store
        .current_procedures(far_future)
        .await
        .map_err(|e| e.to_string())?
        .is_empty()
    {
        return Ok(());
    }
    if !dir.exists() {
        eprintln!(
            "motcua: no demo folder at {}; starting empty",
            dir.display()
        );
        return Ok(());
    }
    load(store, dir).await
}

/// Loads the demo from `dir` (units, agencies, procedures, receivers).
pub async fn load(store: &Store, dir: &Path) -> Result<(), String> {
    let units = crate::import::import_units(store, &dir.join("units.csv")).await?;
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
    let report = crate::import::import_paths(store, &[dir.join("procedures")]).await;
    if report.failed > 0 {
        return Err(format!("demo catalogue:\n{}", report.lines.join("\n")));
    }
    // The import gave every procedure its default desks; the demo names the department
    // that receives each province-level procedure.
    let mut named: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
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
    println!(
        "motcua: demo loaded: {units} units, {} agencies, {} procedures",
        file.agencies.len(),
        report.imported
    );
    Ok(())
}
