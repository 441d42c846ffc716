//! Several servers on one SQLite file (WAL mode on one machine): a write waits its turn
//! behind another process's writer rather than failing with "database is locked".

use std::time::{Duration, Instant};

use motcua_store::prelude::*;
use motcua_store::{Agency, Store};
use sqlx::Connection;
use tempfile::TempDir;

/// Longer than the busy timeout once was (5 s), which two servers each filing a hundred
/// dossiers at once on a loaded machine exceeded.
const HELD: Duration = Duration::from_secs(6);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_waits_for_another_servers_long_write() {
    let dir = TempDir::new().unwrap();
    let url = format!("sqlite://{}/motcua.db", dir.path().display());
    let store = Store::open(&url).await.unwrap();
    let mut other_server = sqlx::SqliteConnection::connect(&url).await.unwrap();
    let held = other_server.begin_with("BEGIN IMMEDIATE").await.unwrap();

    let started = Instant::now();
    let write = tokio::spawn(async move {
        store
            .upsert_agency(&Agency {
                code: "000.50.01.H56".parse().unwrap(),
                name: "Ủy ban nhân dân phường Hạc Thành".into(),
                level: "commune".into(),
                unit_code: None,
            })
            .await
    });
    tokio::time::sleep(HELD).await;
    assert!(!write.is_finished(), "the write did not wait for the lock");
    held.commit().await.unwrap();
    write
        .await
        .unwrap()
        .expect("the write waited for the other server's");
    assert!(started.elapsed() >= HELD);
}
