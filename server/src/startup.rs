//! Opening the database the same way for every subcommand and every test.

use motcua_store::Store;

/// Opens (creating if needed) the database, applies its migrations and the reference data
/// the product ships (the national administrative units), so that every install, with or
/// without the demo, can take an applicant's address from its first start.
pub async fn open_store(database_url: &str) -> Result<Store, String> {
    let store = Store::open(database_url)
        .await
        .map_err(|e| format!("{database_url}: {e}"))?;
    crate::reference::ensure_units(&store, time::OffsetDateTime::now_utc()).await?;
    Ok(store)
}
