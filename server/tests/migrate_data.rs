//! `motcua migrate-data`, the real binary: a deployment on a SQLite file (the demo, and a
//! dossier filed with an uploaded document) is moved into the run's backend (PostgreSQL when
//! `MOTCUA_TEST_DATABASE` names a server, else another SQLite file), the configured
//! database is never created, a second run is refused because the target is no longer
//! empty, and `motcua serve` on the target shows the moved dossier and its document over
//! HTTP.

mod common;

use common::served::Served;
use common::staff::signed_in_at;
use common::{client, repo_root};
use motcua_server::demo::demo_login;
use motcua_server::startup::open_store;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use motcua_store::{Applicant, Store};

/// Runs the real `motcua` with a configured database (`configured`) it must leave alone.
fn motcua(args: &[&str], configured: &str) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(args)
        .env("MOTCUA_CONFIG", "/nonexistent/none.toml")
        .env("MOTCUA_DATABASE_URL", configured)
        .env_remove("MOTCUA_FILES_DIR")
        .output()
        .expect("motcua runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Files a dossier of the first demo procedure that asks for documents, with one uploaded;
/// returns its code, its agency and the uploaded bytes.
async fn file_with_a_document(store: &Store) -> (String, String, Vec<u8>) {
    let today = time::OffsetDateTime::now_utc().date();
    let mut procedures = store.current_procedures(today).await.unwrap();
    procedures.retain(|p| !p.procedure.documents.is_empty());
    let procedure = procedures.first().expect("a demo procedure with documents");
    let agency = store.receivers(&procedure.procedure.code).await.unwrap()[0]
        .code
        .clone();
    let now = time::OffsetDateTime::now_utc();
    let token = store.create_draft(procedure.id, now).await.unwrap();
    let pdf = b"%PDF-1.4 giay to da chuyen".to_vec();
    store
        .save_upload(
            &token,
            &procedure.procedure.documents[0].id,
            "giấy tờ.pdf",
            "application/pdf",
            &pdf,
            now,
        )
        .await
        .unwrap();
    let applicant = Applicant {
        full_name: "Nguyễn Văn Chuyển".into(),
        id_number: "038090012345".parse().unwrap(),
        phone: "0912345678".parse().unwrap(),
        email: None,
        address: None,
        birth_date: None,
    };
    let code = store
        .file_dossier(
            &token,
            &motcua_store::NewDossier {
                agency: &agency,
                applicant: &applicant,
                answers: &serde_json::json!({}),
                citizen_account_id: None,
                access: &motcua_domain::testing::sample_access_code(),
            },
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap()
        .dossier
        .code;
    (code.to_string(), agency.to_string(), pdf)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_deployment_moves_with_its_files_and_is_served_from_the_target() {
    let from = TestDatabase::sqlite();
    let source = open_store(from.url(), Some(&from.files())).await.unwrap();
    motcua_server::demo::load(&source, &repo_root().join("demo"))
        .await
        .unwrap();
    let (code, agency, pdf) = file_with_a_document(&source).await;
    source.close().await;

    let to = TestDatabase::new().await;
    let configured = format!("sqlite://{}/configured/motcua.db", to.dir().display());
    let from_files = from.files_dir();
    let to_files = to.files_dir();
    let args = [
        "migrate-data",
        "--from",
        from.url(),
        "--to",
        to.url(),
        "--from-files",
        from_files.to_str().unwrap(),
        "--to-files",
        to_files.to_str().unwrap(),
    ];
    let (ok, out, err) = motcua(&args, &configured);
    assert!(ok, "{err}");
    for table in [
        "admin_units",
        "agencies",
        "dossiers",
        "dossier_documents",
        "files",
    ] {
        assert!(
            out.lines()
                .any(|l| l.starts_with(table) && l.ends_with(" rows")),
            "{table}: {out}"
        );
    }
    assert!(
        out.lines()
            .any(|l| l.starts_with("dossiers ") && l.contains(" 1 rows")),
        "{out}"
    );
    assert!(out.lines().last().unwrap().starts_with("verified"), "{out}");
    assert!(
        !to.dir().join("configured").exists(),
        "the configured database is not created"
    );

    // Again: the target now has the deployment, so it is refused and left as it is.
    let (ok, _, err) = motcua(&args, &configured);
    assert!(!ok);
    assert!(err.contains("not empty"), "{err}");
    // A source that does not exist is refused, not created empty.
    let missing = format!("sqlite://{}/nothing/motcua.db", to.dir().display());
    let (ok, _, err) = motcua(
        &["migrate-data", "--from", &missing, "--to", to.url()],
        &configured,
    );
    assert!(!ok && err.contains("no database"), "{err}");
    assert!(!to.dir().join("nothing").exists());
    // PostgreSQL has no "beside it" for the files: the directory must be named.
    let (ok, _, err) = motcua(
        &[
            "migrate-data",
            "--from",
            from.url(),
            "--to",
            "postgres://db.invalid/motcua",
        ],
        &configured,
    );
    assert!(!ok && err.contains("--to-files"), "{err}");

    // `motcua serve` on the target shows the dossier and serves its document.
    let target = open_store(to.url(), Some(&to.files())).await.unwrap();
    let document = target
        .dossier_documents(&code.parse().unwrap())
        .await
        .unwrap()[0]
        .id;
    target.close().await;
    let mut server = Served::start(&to);
    let probe = client();
    server.wait_until_ready(&probe).await;
    let base = server.base.clone();
    let staff = signed_in_at(&base, &demo_login("tiepnhan", &agency)).await;
    let page = staff
        .get(format!("{base}/can-bo/ho-so/{code}"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains(&code) && html.contains("Nguyễn Văn Chuyển"),
        "the dossier page"
    );
    let file = staff
        .get(format!("{base}/can-bo/ho-so/{code}/tep/{document}"))
        .send()
        .await
        .unwrap();
    assert_eq!(file.status(), 200);
    assert_eq!(file.bytes().await.unwrap().to_vec(), pdf);
}
