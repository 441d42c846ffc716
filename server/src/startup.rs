//! Building the parts the same way for `main`, every subcommand and every test.

use app::api::state::Settings;
use std::path::Path;

use motcua_store::Store;

use crate::config::Config;

/// The settings requests need, parsed and checked from the configuration: a bad value is
/// refused at start with a message that names it.
pub fn settings(config: &Config) -> Result<Settings, String> {
    Ok(Settings {
        working_periods: motcua_core::workflow::parse_working_periods(&config.working_periods)
            .map_err(|e| format!("working_periods: {e}"))?,
        public_url: app::auth::PublicUrl::parse(&config.public_url)?,
        trusted_proxies: config
            .trusted_proxies
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse()
                    .map_err(|_| format!("trusted_proxies: {s:?} is not an IP address"))
            })
            .collect::<Result<_, _>>()?,
    })
}

/// Opens (creating if needed) the database, applies its migrations and the reference data
/// the product ships (the national administrative units), so that every install, with or
/// without the demo, can take an applicant's address from its first start.
///
/// `files_dir` is where uploaded files go; `None` puts them beside a SQLite file (and is
/// refused for PostgreSQL, whose servers must share one directory).
pub async fn open_store(database_url: &str, files_dir: Option<&Path>) -> Result<Store, String> {
    let store = Store::open_with_files(database_url, files_dir)
        .await
        .map_err(|e| format!("database: {e}"))?;
    // Under the setup lock, a second server starting at the same moment waits for the list
    // rather than for SQLite's write lock, which gives up after a few seconds.
    let setup = store
        .lock_setup()
        .await
        .map_err(|e| format!("database: {e}"))?;
    let applied = crate::reference::ensure_units(&store, time::OffsetDateTime::now_utc()).await;
    setup.release().await;
    applied?;
    Ok(store)
}
