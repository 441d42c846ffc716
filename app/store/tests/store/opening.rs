//! Opening a store: a SQLite file with its files folder, and the refusal of in-memory databases.

use motcua_store::prelude::*;
use motcua_store::{Store, StoreError};
use tempfile::TempDir;

#[tokio::test]
async fn a_sqlite_file_is_created_with_its_files_folder_and_reopens() {
    let dir = TempDir::new().unwrap();
    let url = format!("sqlite://{}/data/motcua.db", dir.path().display());
    let store = Store::open(&url).await.unwrap();
    assert!(dir.path().join("data/motcua.db").is_file());
    assert!(dir.path().join("data/files").is_dir());
    assert_eq!(
        store.blobs().to_string(),
        dir.path().join("data/files").display().to_string()
    );
    store.close().await;
    // Migrations already applied: reopening is a no-op, and the data is still there.
    let store = Store::open(&url).await.unwrap();
    assert!(store.provinces().await.unwrap().is_empty());
}

#[tokio::test]
async fn in_memory_is_refused() {
    assert!(matches!(
        Store::open("sqlite::memory:").await,
        Err(StoreError::Invalid(_))
    ));
}
