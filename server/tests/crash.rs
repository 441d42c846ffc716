//! Crash safety: the real server (the release build when `MOTCUA_CRASH_BINARY` names it) on
//! the run's database (PostgreSQL when `MOTCUA_TEST_DATABASE` names a server), under
//! citizens filing without JavaScript (form posts with uploads) and a receptionist
//! accepting what they filed, is killed with SIGKILL at a random moment, restarted, and so
//! on for `MOTCUA_CRASH_CYCLES` cycles (10 by default; run 100 or more on demand).
//!
//! After each kill, with the server down: the database's integrity check passes, every
//! filing whose receipt reached its citizen is there once with its documents and their
//! bytes, and every dossier's status is the one its last event moved it to (no move is
//! half-applied). After each restart, a submit that was cut off is sent again and must land
//! on a receipt; then the dossiers are exactly the receipts the citizens hold (none lost,
//! none twice), numbered per agency and day from 1 without a gap.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::served::Served;
use common::{Browser, client, demo_procedures, receipt_code, repo_root};
use motcua_domain::ids::DossierCode;
use motcua_server::demo::{DEMO_PASSWORD, demo_login};
use motcua_store::Store;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use serde_json::Value;

/// What the citizens and the receptionist know, shared by their tasks.
#[derive(Clone, Default)]
struct Ledger {
    /// Codes whose receipt reached the citizen.
    receipts: BTreeSet<String>,
    /// Review pages (their path: the port changes at every start) whose submit was sent
    /// but whose answer never came: filed or not, unknown.
    in_doubt: Vec<String>,
}

fn cycles() -> usize {
    std::env::var("MOTCUA_CRASH_CYCLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10)
}

fn program() -> std::path::PathBuf {
    std::env::var_os("MOTCUA_CRASH_BINARY")
        .map(Into::into)
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_motcua").into())
}

fn start(db: &TestDatabase) -> Served {
    let env = [
        (
            "MOTCUA_DEMO_DIR",
            repo_root().join("demo").display().to_string(),
        ),
        ("MOTCUA_FILINGS_PER_HOUR", "100000".to_string()),
    ];
    Served::start_program(&program(), db, &env)
}

/// A demo procedure that asks for documents, so every filing carries uploads.
fn procedure_with_documents() -> Value {
    demo_procedures()
        .into_iter()
        .find(|p| p["documents"].as_array().is_some_and(|d| !d.is_empty()))
        .expect("a demo procedure with documents")
}

/// Submits the review page `review`; the receipt's code, or `None` when no receipt came
/// back (the server went away under the request).
async fn submit(citizen: &Arc<Browser>, review: &str) -> Option<String> {
    let (citizen, review) = (citizen.clone(), review.to_string());
    // The test helpers fail loudly on a lost connection; here that is expected.
    let (url, html) = tokio::spawn(async move { citizen.submit(&review).await })
        .await
        .ok()?;
    url.ends_with("/bien-nhan").then(|| receipt_code(&html))
}

/// A citizen filing one dossier after another until the server goes away.
async fn citizen_files(base: String, procedure: Value, ledger: Arc<Mutex<Ledger>>) {
    let citizen = Arc::new(Browser::new(base));
    loop {
        let (c, p) = (citizen.clone(), procedure.clone());
        let Ok(review) = tokio::spawn(async move { c.fill_to_review(&p).await }).await else {
            return; // Cut off before the submit: an unfinished draft, nothing to check.
        };
        match submit(&citizen, &review).await {
            Some(code) => {
                ledger.lock().unwrap().receipts.insert(code);
            }
            None => {
                let path = reqwest::Url::parse(&review).unwrap().path().to_string();
                ledger.lock().unwrap().in_doubt.push(path);
                return;
            }
        }
    }
}

/// The receptionist of each agency accepting the dossiers filed there, until the server goes
/// away. A move cut off is either made or not; the checks say which it may not be: half.
async fn reception_accepts(base: String, ledger: Arc<Mutex<Ledger>>) {
    let mut signed_in: BTreeMap<String, reqwest::Client> = BTreeMap::new();
    let mut accepted = BTreeSet::new();
    loop {
        let next = {
            let ledger = ledger.lock().unwrap();
            ledger.receipts.difference(&accepted).next().cloned()
        };
        let Some(code) = next else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let agency = code.split('-').next().unwrap().to_lowercase();
        if !signed_in.contains_key(&agency) {
            let c = client();
            let login = demo_login("tiepnhan", &agency);
            let form = [
                ("ten_dang_nhap", login.as_str()),
                ("mat_khau", DEMO_PASSWORD),
            ];
            if c.post(format!("{base}/dang-nhap"))
                .form(&form)
                .send()
                .await
                .is_err()
            {
                return;
            }
            signed_in.insert(agency.clone(), c);
        }
        let form = reqwest::multipart::Form::new().text("ly_do", "Hồ sơ đầy đủ");
        let url = format!("{base}/can-bo/ho-so/{code}/accept");
        if signed_in[&agency]
            .post(url)
            .multipart(form)
            .send()
            .await
            .is_err()
        {
            return;
        }
        accepted.insert(code);
    }
}

/// The checks that hold whenever the server is down, even with submits in doubt: of every
/// dossier, and in full of those whose receipts are not in `checked` (which then holds them:
/// a long run does not check the same dossier a hundred times; the final check reads all).
async fn check_after_crash(
    store: &Store,
    ledger: &Ledger,
    checked: &mut BTreeSet<String>,
    cycle: usize,
) {
    let problems = store.integrity_problems().await.unwrap();
    assert!(problems.is_empty(), "cycle {cycle}: {problems:?}");
    let dossiers = store.dossier_count().await.unwrap();
    let held = ledger.receipts.len() as u64;
    assert!(
        (held..=held + ledger.in_doubt.len() as u64).contains(&dossiers),
        "cycle {cycle}: {dossiers} dossiers, {held} receipts, {} in doubt",
        ledger.in_doubt.len()
    );
    let new: Vec<String> = ledger.receipts.difference(checked).cloned().collect();
    for code in new {
        check_dossier(store, &code, cycle).await;
        checked.insert(code);
    }
}

/// A dossier whose receipt was given: there, with its documents' bytes, its status the one
/// its last event moved it to.
async fn check_dossier(store: &Store, code: &str, cycle: usize) {
    let parsed: DossierCode = code.parse().unwrap();
    let dossier = store.dossier(&parsed).await.unwrap();
    let dossier = dossier.unwrap_or_else(|| panic!("cycle {cycle}: {code} lost"));
    let documents = store.dossier_documents(&parsed).await.unwrap();
    assert!(
        !documents.is_empty(),
        "cycle {cycle}: {code} has no documents"
    );
    for doc in documents {
        let bytes = store.read_file(&doc.sha256).await;
        assert!(bytes.is_ok(), "cycle {cycle}: {code}'s file: {bytes:?}");
    }
    let events = store.events(&parsed).await.unwrap();
    let last = events
        .last()
        .unwrap_or_else(|| panic!("{code} has no event"));
    assert_eq!(dossier.status, last.to_status, "cycle {cycle}: {code}");
    assert!(
        events[0].from_status.is_none(),
        "{code} starts with its filing"
    );
}

/// The dossiers are exactly the receipts held, numbered per agency and day without a gap.
async fn check_exact(store: &Store, ledger: &Ledger, cycle: usize) {
    assert!(ledger.in_doubt.is_empty());
    assert_eq!(
        store.dossier_count().await.unwrap(),
        ledger.receipts.len() as u64,
        "cycle {cycle}: a dossier no receipt names"
    );
    let mut numbers: BTreeMap<(String, String), Vec<u32>> = BTreeMap::new();
    for code in &ledger.receipts {
        let parts: Vec<&str> = code.split('-').collect();
        let n = parts[2].parse().unwrap();
        numbers
            .entry((parts[0].into(), parts[1].into()))
            .or_default()
            .push(n);
    }
    for (day, mut n) in numbers {
        n.sort_unstable();
        let expected: Vec<u32> = (1..=n.len() as u32).collect();
        assert_eq!(n, expected, "cycle {cycle}: the numbers of {day:?}");
    }
}

/// Sends every submit in doubt again: each must land on a receipt now (the same dossier
/// when the first one was filed, as the exact check then shows).
async fn resolve_doubts(base: &str, ledger: &Arc<Mutex<Ledger>>) {
    let doubts = std::mem::take(&mut ledger.lock().unwrap().in_doubt);
    let citizen = Arc::new(Browser::new(base.to_string()));
    for path in doubts {
        let review = format!("{base}{path}");
        let code = submit(&citizen, &review).await;
        let code = code.unwrap_or_else(|| panic!("the retried submit of {review} got no receipt"));
        ledger.lock().unwrap().receipts.insert(code);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_at_random_moments_it_loses_nothing_acknowledged_and_files_nothing_twice() {
    let db = TestDatabase::new().await;
    let procedure = procedure_with_documents();
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let probe = client();
    let mut doubted = 0;
    let mut checked = BTreeSet::new();
    for cycle in 0..cycles() {
        let mut server = start(&db);
        server.wait_until_ready(&probe).await;
        resolve_doubts(&server.base, &ledger).await;
        {
            let store = db.open().await;
            let known = ledger.lock().unwrap().clone();
            check_exact(&store, &known, cycle).await;
            store.close().await;
        }
        let mut load = vec![];
        for _ in 0..3 {
            let work = citizen_files(server.base.clone(), procedure.clone(), ledger.clone());
            load.push(tokio::spawn(work));
        }
        load.push(tokio::spawn(reception_accepts(
            server.base.clone(),
            ledger.clone(),
        )));
        let pause = 300 + rand_millis(1500);
        tokio::time::sleep(Duration::from_millis(pause)).await;
        server.stop(); // SIGKILL: no chance to finish anything.
        for task in load {
            let _ = tokio::time::timeout(Duration::from_secs(60), task).await;
        }
        let store = db.open().await;
        let known = ledger.lock().unwrap().clone();
        check_after_crash(&store, &known, &mut checked, cycle).await;
        doubted += known.in_doubt.len();
        eprintln!(
            "cycle {cycle}: killed after {pause} ms; {} receipts, {} submits in doubt",
            known.receipts.len(),
            known.in_doubt.len()
        );
        store.close().await;
    }
    let mut server = start(&db);
    server.wait_until_ready(&probe).await;
    resolve_doubts(&server.base, &ledger).await;
    let store = db.open().await;
    let ledger = ledger.lock().unwrap().clone();
    check_exact(&store, &ledger, cycles()).await;
    check_after_crash(&store, &ledger, &mut BTreeSet::new(), cycles()).await;
    // Every table readable and every file the database lists there with its hash.
    motcua_store::migrate::verify(&store, &store).await.unwrap();
    let mut accepted = 0;
    for code in &ledger.receipts {
        let d = store
            .dossier(&code.parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        accepted += usize::from(d.status != motcua_domain::workflow::Status::Submitted);
    }
    eprintln!(
        "{} filings in {} cycles, {accepted} accepted, {doubted} submits cut off and sent again",
        ledger.receipts.len(),
        cycles()
    );
    assert!(accepted > 0, "the receptionist's moves did not run");
    assert!(
        ledger.receipts.len() >= cycles(),
        "only {} filings in {} cycles: the load did not run",
        ledger.receipts.len(),
        cycles()
    );
}

/// A pseudo-random number below `below`, from the clock (a crate for one number a cycle is
/// more than the test needs).
fn rand_millis(below: u64) -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    u64::from(nanos) % below
}
