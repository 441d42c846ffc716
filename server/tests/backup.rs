//! `motcua backup` and `motcua restore`: a backup taken while citizens file (no-JS form
//! posts with uploads over real HTTP) restores, into a new database on the run's backend
//! (PostgreSQL when `MOTCUA_TEST_DATABASE` names a server), every dossier acknowledged
//! before it with its documents' bytes, and tables and files equal to its manifest; a
//! damaged backup, or a database that is not empty, is refused with nothing written. The
//! real binary takes and restores one too.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use app::api::state::Settings;
use common::{Browser, demo_procedures, spawn_app_with};
use motcua_domain::ids::DossierCode;
use motcua_server::backup::{Manifest, restore, take};
use motcua_store::Store;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use serde_json::Value;

/// A demo procedure that asks for documents, so filings carry uploads.
fn procedure_with_documents() -> Value {
    demo_procedures()
        .into_iter()
        .find(|p| p["documents"].as_array().is_some_and(|d| !d.is_empty()))
        .expect("a demo procedure with documents")
}

/// The documents of `code` in `store`, with their bytes.
async fn documents(store: &Store, code: &str) -> Vec<(String, Vec<u8>)> {
    let code: DossierCode = code.parse().unwrap();
    let mut out = vec![];
    for doc in store.dossier_documents(&code).await.unwrap() {
        let bytes = store.read_file(&doc.sha256).await.unwrap();
        out.push((doc.original_name, bytes));
    }
    out
}

fn rows(manifest: &Manifest, table: &str) -> u64 {
    manifest
        .tables
        .iter()
        .find(|t| t.table == table)
        .unwrap_or_else(|| panic!("{table} in the manifest"))
        .rows
}

async fn count_dossiers(store: &Store) -> u64 {
    let report = motcua_store::migrate::verify(store, store).await.unwrap();
    report
        .tables
        .iter()
        .find(|t| t.table == "dossiers")
        .unwrap()
        .rows
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_load_restores_every_acknowledged_filing_and_refuses_damage() {
    // Many filings from one address: above the anonymous quota of a real deployment.
    let app = spawn_app_with(Settings {
        filings_per_hour: 10_000,
        ..Settings::default()
    })
    .await;
    let procedure = procedure_with_documents();
    let mut acknowledged = vec![];
    for _ in 0..2 {
        acknowledged.push(app.file(&procedure).await);
    }

    // Citizens keep filing while the backup is taken.
    let stop = Arc::new(AtomicBool::new(false));
    let citizens: Vec<_> = (0..3)
        .map(|_| {
            let citizen = Browser::new(app.url(""));
            let (procedure, stop) = (procedure.clone(), stop.clone());
            tokio::spawn(async move {
                let mut codes = vec![];
                while !stop.load(Ordering::Relaxed) {
                    codes.push(citizen.file(&procedure).await);
                }
                codes
            })
        })
        .collect();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("sao-luu");
    let manifest = take(&app.store, &dir).await.expect("the backup");
    stop.store(true, Ordering::Relaxed);
    let mut during = vec![];
    for c in citizens {
        during.extend(c.await.unwrap());
    }
    assert!(!during.is_empty(), "filings ran during the backup");
    assert!(rows(&manifest, "dossiers") >= acknowledged.len() as u64);
    assert!(manifest.files >= 1, "{manifest:?}");
    assert!(
        !dir.join("motcua.db-wal").exists(),
        "the database file is whole"
    );

    // A second backup into the same folder is refused.
    let again = take(&app.store, &dir).await.unwrap_err();
    assert!(again.contains("not empty"), "{again}");

    // Restored into a new database: the tables and files of the manifest, and every filing
    // acknowledged before the backup with its documents.
    let db = TestDatabase::new().await;
    let restored = db.open().await;
    assert_eq!(restore(&dir, &restored).await.unwrap(), manifest);
    assert_eq!(count_dossiers(&restored).await, rows(&manifest, "dossiers"));
    assert!(count_dossiers(&app.store).await >= rows(&manifest, "dossiers"));
    for code in &acknowledged {
        let original = documents(&app.store, code).await;
        assert!(!original.is_empty(), "{code} has documents");
        assert_eq!(documents(&restored, code).await, original, "{code}");
    }
    // The backup folder is as it was: nothing left behind by the restore.
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["files", "manifest.json", "motcua.db"]);

    // Into a database that is not empty: refused.
    let twice = restore(&dir, &restored).await.unwrap_err();
    assert!(twice.contains("not empty"), "{twice}");

    // A damaged file, then a damaged database: refused before anything is written.
    let empty_db = TestDatabase::new().await;
    let empty = empty_db.open().await;
    let a_file = walk(&dir.join("files")).pop().expect("a stored file");
    let original = std::fs::read(&a_file).unwrap();
    std::fs::write(&a_file, b"hong").unwrap();
    let damaged = restore(&dir, &empty).await.unwrap_err();
    assert!(
        damaged.contains("damaged") || damaged.contains("SHA-256"),
        "{damaged}"
    );
    std::fs::write(&a_file, &original).unwrap();
    let db_file = dir.join("motcua.db");
    let mut bytes = std::fs::read(&db_file).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&db_file, &bytes).unwrap();
    let damaged = restore(&dir, &empty).await.unwrap_err();
    assert!(damaged.contains("damaged"), "{damaged}");
    assert_eq!(count_dossiers(&empty).await, 0);
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn the_binary_backs_up_and_restores_a_sqlite_deployment() {
    let folder = tempfile::tempdir().unwrap();
    let motcua = |database: &str, args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_motcua"))
            .args(args)
            .env("MOTCUA_CONFIG", "/nonexistent/none.toml")
            .env("MOTCUA_DATABASE_URL", database)
            .env_remove("MOTCUA_FILES_DIR")
            .env_remove("MOTCUA_DEMO_DIR")
            .output()
            .expect("motcua runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.success(), text)
    };
    let live = format!("sqlite://{}/live/motcua.db", folder.path().display());
    let copy = format!("sqlite://{}/copy/motcua.db", folder.path().display());
    let dir = folder.path().join("backup");
    let dir = dir.to_str().unwrap();
    // A deployment with something of its own in it: a holiday.
    let calendar = folder.path().join("lich.csv");
    std::fs::write(&calendar, "date,kind,name\n2027-01-04,holiday,Nghỉ bù\n").unwrap();
    let (ok, out) = motcua(&live, &["calendar", "import", calendar.to_str().unwrap()]);
    assert!(ok, "{out}");
    let (ok, out) = motcua(&live, &["backup", dir]);
    assert!(ok, "{out}");
    assert!(out.contains("manifest.json"), "{out}");
    let (ok, out) = motcua(&copy, &["restore", dir]);
    assert!(ok, "{out}");
    assert!(out.contains("restored"), "{out}");
    let (ok, out) = motcua(
        &copy,
        &["due", "--from", "2027-01-01 08:00", "--duration", "2wd"],
    );
    assert!(ok, "{out}");
    assert!(
        out.contains("05/01/2027"),
        "the restored holiday counts: {out}"
    );
    let (ok, out) = motcua(&copy, &["restore", dir]);
    assert!(
        !ok,
        "a second restore into the same database is refused: {out}"
    );
    assert!(out.contains("not empty"), "{out}");
}
