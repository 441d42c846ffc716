//! Moving a deployment between databases (`motcua_store::migrate`): a populated store (units,
//! a procedure, accounts and sessions, a calendar, drafts with uploads, filed dossiers moved
//! by staff with an attachment and a supplement round, miss counters) is copied from a SQLite
//! file into the run's backend (`MOTCUA_TEST_DATABASE`: SQLite or PostgreSQL) and back out
//! into a SQLite file, and verified; and what must be refused is refused with the target
//! left as it was.

use motcua_domain::calendar::{CalendarDay, DayKind};
use motcua_domain::ids::DossierCode;
use motcua_domain::procedure::Procedure;
use motcua_domain::rating::{Contacts, Quality, Rating, Satisfaction, Timeliness};
use motcua_domain::testing::{SAMPLE_CODE, sample_procedure, sample_procedure_json};
use motcua_domain::workflow::{EventDetails, StaffRole, Status};
use motcua_store::migrate::{self, FileProblem, MigrateError, Side};
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use motcua_store::{
    AccountKind, Agency, Applicant, NewAccount, NewAttachment, NewDocument, NewDossier, Store,
    SupplementAnswer, Transition, Unit, WorkflowState,
};
use serde_json::json;
use sqlx::Connection;
use time::macros::{date, datetime};
use time::{Duration, OffsetDateTime};

const PROC: &str = SAMPLE_CODE;
const AGENCY: &str = "000.00.06.H56";
/// 2025-11-22 10:00 in Hà Nội.
const NOW: OffsetDateTime = datetime!(2025-11-22 03:00 UTC);
const IDLE: Duration = Duration::minutes(30);
const ABSOLUTE: Duration = Duration::hours(12);
const MISS_WINDOW: Duration = Duration::minutes(15);

/// Every table the copy knows, in its order.
const TABLES: [&str; 22] = [
    "admin_units",
    "reference_data",
    "agencies",
    "procedures",
    "procedure_receivers",
    "files",
    "calendar_days",
    "calendar_version",
    "accounts",
    "account_roles",
    "sessions",
    "dossiers",
    "dossier_sequences",
    "dossier_documents",
    "dossier_events",
    "ratings",
    "dossier_event_attachments",
    "dossier_answer_versions",
    "drafts",
    "draft_uploads",
    "miss_counters",
    "audit_log",
];

/// The sample procedure and its definition as imported.
fn procedure() -> (Procedure, String) {
    (sample_procedure(), sample_procedure_json().to_string())
}

fn applicant(name: &str, id_number: &str) -> Applicant {
    Applicant {
        full_name: name.into(),
        id_number: id_number.parse().unwrap(),
        phone: "0912345678".parse().unwrap(),
        email: None,
        address: Some(json!({ "province": "01", "commune": "00004", "street": "12 Kim Mã" })),
        birth_date: Some("1990-05-17".into()),
    }
}

fn account(kind: AccountKind, login: &str, roles: Vec<StaffRole>) -> NewAccount {
    NewAccount {
        kind,
        login: login.into(),
        full_name: "Nguyễn Thị Lan".into(),
        phone: None,
        email: None,
        agency_code: (kind == AccountKind::Staff).then(|| AGENCY.parse().unwrap()),
        password_hash: "$argon2id$placeholder".into(),
        roles,
    }
}

/// A move from `from` to `to` by the staff account, expecting nothing else.
fn accept_move(from: Status, to: Status, staff: i64) -> Transition {
    Transition {
        expected_status: from,
        expected_step: None,
        expected_version: None,
        to_status: to,
        at: NOW + Duration::minutes(5),
        actor: "Nguyễn Thị Lan".into(),
        actor_account_id: Some(staff),
        step: None,
        reason: None,
        details: EventDetails::Accept {
            due: NOW + Duration::days(1),
            walk: None,
        },
        state: WorkflowState {
            accepted_at: Some(NOW),
            due_at: Some(NOW + Duration::days(1)),
            ..Default::default()
        },
        attachments: vec![],
        supplement: None,
    }
}

/// What the test reads back after a copy.
struct Populated {
    accepted: DossierCode,
    supplemented: DossierCode,
    open_draft: String,
    session: String,
    procedure_id: i64,
}

/// Rows in every table and files of several kinds (uploads, an attachment, a supplement).
async fn populate(store: &Store) -> Populated {
    let unit = |code: &str, name: &str, parent: Option<&str>| Unit {
        code: code.into(),
        name: name.into(),
        level: if parent.is_some() {
            "commune"
        } else {
            "province"
        }
        .into(),
        parent_code: parent.map(Into::into),
    };
    store
        .import_units(&[
            unit("00004", "Phường Ba Đình", Some("01")),
            unit("01", "Thành phố Hà Nội", None),
        ])
        .await
        .unwrap();
    store
        .upsert_agency(&Agency {
            code: AGENCY.parse().unwrap(),
            name: "UBND phường Ba Đình".into(),
            level: "commune".into(),
            unit_code: Some("00004".into()),
        })
        .await
        .unwrap();
    store
        .set_receivers(PROC, &[AGENCY.parse().unwrap()])
        .await
        .unwrap();
    let (p, text) = procedure();
    store.import_procedure(&p, &text, NOW).await.unwrap();
    let procedure_id = store
        .current_procedure(PROC, date!(2025 - 11 - 22))
        .await
        .unwrap()
        .unwrap()
        .id;
    store
        .import_calendar(&[CalendarDay {
            date: date!(2026 - 04 - 30),
            kind: DayKind::Holiday,
            name: "Ngày Giải phóng miền Nam".into(),
        }])
        .await
        .unwrap();
    let staff = store
        .create_account(
            &account(
                AccountKind::Staff,
                "lan",
                vec![StaffRole::Reception, StaffRole::Admin],
            ),
            NOW,
        )
        .await
        .unwrap();
    let citizen = store
        .create_account(&account(AccountKind::Citizen, "0912345678", vec![]), NOW)
        .await
        .unwrap();
    let session = store.create_session(staff, NOW).await.unwrap();

    let file = |name: &str, who: Applicant, bytes: &'static [u8]| {
        let store = store.clone();
        let name = name.to_string();
        async move {
            let token = store.create_draft(procedure_id, NOW).await.unwrap();
            store
                .save_upload(&token, "to_khai", &name, "application/pdf", bytes, NOW)
                .await
                .unwrap();
            store
                .file_dossier(
                    &token,
                    &NewDossier {
                        agency: &AGENCY.parse().unwrap(),
                        applicant: &who,
                        answers: &json!({ "chong_ho_ten": who.full_name }),
                        citizen_account_id: Some(citizen),
                        access: &motcua_domain::testing::sample_access_code(),
                    },
                    NOW,
                )
                .await
                .unwrap()
                .dossier
                .code
        }
    };
    let accepted = file(
        "tờ khai.pdf",
        applicant("Nguyễn Văn An", "001090012345"),
        b"%PDF an",
    )
    .await;
    let mut accept = accept_move(Status::Submitted, Status::Accepted, staff);
    accept.attachments = vec![NewAttachment {
        kind: "slip_01".into(),
        original_name: "phieu-01.pdf".into(),
        content_type: "application/pdf".into(),
        bytes: b"%PDF slip 01 \x00\xff".to_vec(),
    }];
    store.apply_transition(&accepted, &accept).await.unwrap();
    // The store keeps a rating whatever the status (the rule is the core's).
    let rating = Rating {
        overall: Satisfaction::Satisfied,
        timeliness: Timeliness::Early,
        contacts: Contacts::One,
        attitude: Quality::Good,
        transparency: Quality::Acceptable,
        online_service: None,
        comment: "Nhanh, chu đáo.".into(),
    };
    store.save_rating(&accepted, &rating, NOW).await.unwrap();

    let supplemented = file(
        "cũ.pdf",
        applicant("Trần Thị Bình", "001090054321"),
        b"%PDF old",
    )
    .await;
    let mut ask = accept_move(Status::Submitted, Status::SupplementRequested, staff);
    ask.reason = Some("Thiếu bản sao".into());
    ask.details = EventDetails::RequestSupplement { items: vec![] };
    ask.state = WorkflowState {
        resume_status: Some(Status::Submitted),
        ..Default::default()
    };
    store.apply_transition(&supplemented, &ask).await.unwrap();
    let answer = Transition {
        expected_status: Status::SupplementRequested,
        to_status: Status::Submitted,
        actor: "citizen".into(),
        actor_account_id: None,
        reason: None,
        details: EventDetails::Resupply { pause: None },
        state: WorkflowState::default(),
        supplement: Some(SupplementAnswer {
            answers: json!({ "chong_ho_ten": "Trần Thị Bình" }),
            replace_documents: vec!["to_khai".into()],
            documents: vec![NewDocument {
                document_id: "to_khai".into(),
                original_name: "mới.pdf".into(),
                content_type: "application/pdf".into(),
                bytes: b"%PDF new".to_vec(),
            }],
        }),
        ..ask
    };
    store
        .apply_transition(&supplemented, &answer)
        .await
        .unwrap();

    let open_draft = store.create_draft(procedure_id, NOW).await.unwrap();
    store
        .save_draft(
            &open_draft,
            &json!({ "raw": { "chong_ho_ten": "Lê Văn Cường" } }),
            NOW,
        )
        .await
        .unwrap();
    store
        .save_upload(
            &open_draft,
            "to_khai",
            "ảnh.png",
            "image/png",
            b"\x89PNG half filed",
            NOW,
        )
        .await
        .unwrap();
    store
        .record_miss("lookup", "203.0.113.9", MISS_WINDOW, NOW)
        .await
        .unwrap();
    let viewed = motcua_store::AuditEntry {
        at: NOW,
        action: motcua_domain::audit::AuditAction::DossierViewed,
        actor: motcua_store::AuditActor::default(),
        dossier: Some(accepted.clone()),
        object: None,
        detail: String::new(),
        client: Some("203.0.113.9".into()),
        request_id: "req-1".into(),
    };
    store.append_audit(&viewed).await.unwrap();
    Populated {
        accepted,
        supplemented,
        open_draft,
        session,
        procedure_id,
    }
}

/// Everything a page would read of the populated data, as text, to compare two stores.
async fn readable(store: &Store, p: &Populated) -> String {
    let mut out = String::new();
    for code in [&p.accepted, &p.supplemented] {
        let dossier = store
            .dossier(code)
            .await
            .unwrap()
            .expect("the dossier is there");
        out += &format!("{dossier:?}\n{:?}\n", store.events(code).await.unwrap());
        // `Debug` masks the applicant's ID number and phone: compare them in full.
        let applicant = &dossier.applicant;
        out += &format!(
            "{} {}\n",
            applicant.id_number.as_str(),
            applicant.phone.as_str()
        );
        out += &format!(
            "{:?}\n",
            store.dossier_document_history(code).await.unwrap()
        );
        out += &format!("{:?}\n", store.answer_versions(code).await.unwrap());
        out += &format!("{:?}\n", store.rating(code).await.unwrap());
        for attachment in store.attachments(code).await.unwrap() {
            out += &format!(
                "{attachment:?} {:?}\n",
                store.read_file(&attachment.sha256).await.unwrap()
            );
        }
        for (document, _, _) in store.dossier_document_history(code).await.unwrap() {
            out += &format!("{:?}\n", store.read_file(&document.sha256).await.unwrap());
        }
    }
    let draft = store
        .draft(&p.open_draft)
        .await
        .unwrap()
        .expect("the draft is there");
    out += &format!(
        "{draft:?}\n{:?}\n",
        store.uploads(&p.open_draft).await.unwrap()
    );
    let session = store
        .session_account(&p.session, NOW + Duration::minutes(1), IDLE, ABSOLUTE)
        .await
        .unwrap();
    out += &format!(
        "{session:?}\n{:?}\n",
        store.account_for_sign_in("lan").await.unwrap()
    );
    out += &format!("{:?}\n", store.calendar_days().await.unwrap());
    out += &format!(
        "{:?}\n",
        store
            .misses("lookup", "203.0.113.9", MISS_WINDOW, NOW)
            .await
            .unwrap()
    );
    out += &format!("{:?}\n", store.communes_of("01").await.unwrap());
    out
}

/// A table-by-table fingerprint of a store (its own copy checked against itself).
async fn fingerprint(store: &Store) -> migrate::MigrationReport {
    migrate::verify(store, store).await.unwrap()
}

/// The store keeps working on the copy: new drafts, uploads, dossiers and accounts take new
/// ids (on PostgreSQL, the identities were moved past the copied ones).
async fn keeps_working(store: &Store, p: &Populated) {
    let token = store.create_draft(p.procedure_id, NOW).await.unwrap();
    store
        .save_upload(
            &token,
            "to_khai",
            "x.pdf",
            "application/pdf",
            b"%PDF after",
            NOW,
        )
        .await
        .unwrap();
    let filed = store
        .file_dossier(
            &token,
            &NewDossier {
                agency: &AGENCY.parse().unwrap(),
                applicant: &applicant("Phạm Văn Dũng", "001090099999"),
                answers: &json!({}),
                citizen_account_id: None,
                access: &motcua_domain::testing::sample_access_code(),
            },
            NOW,
        )
        .await
        .unwrap();
    assert!(
        filed.dossier.code.ends_with("-0003"),
        "{}",
        filed.dossier.code
    );
    store
        .create_account(
            &account(AccountKind::Staff, "minh", vec![StaffRole::Specialist]),
            NOW,
        )
        .await
        .unwrap();
}

async fn copied(from: &TestDatabase, to: &TestDatabase) {
    let source = from.open().await;
    let p = populate(&source).await;
    let target = to.open().await;
    // What a fresh open of the target may have written of reference data (the national
    // unit list, under `startup::open_store`): replaced by the source's.
    target
        .import_units(&[Unit {
            code: "99".into(),
            name: "Tỉnh Thử".into(),
            level: "province".into(),
            parent_code: None,
        }])
        .await
        .unwrap();

    let report = migrate::copy_all(&source, &target).await.unwrap();
    let names: Vec<&str> = report.tables.iter().map(|t| t.table).collect();
    assert_eq!(names, TABLES);
    for table in &report.tables {
        assert!(table.rows > 0, "{} has rows to copy", table.table);
    }
    // Two filed uploads, their supplement, the attachment and the open draft's upload.
    assert_eq!(report.files.files, 5);
    assert_eq!(migrate::verify(&source, &target).await.unwrap(), report);
    assert_eq!(fingerprint(&target).await, report);
    assert_eq!(readable(&target, &p).await, readable(&source, &p).await);
    assert_eq!(
        target.unit("99").await.unwrap(),
        None,
        "the source's units, exactly"
    );
    keeps_working(&target, &p).await;
}

#[tokio::test]
async fn a_sqlite_deployment_is_copied_into_the_runs_backend_and_verified() {
    copied(&TestDatabase::sqlite(), &TestDatabase::new().await).await;
}

#[tokio::test]
async fn the_runs_backend_is_copied_back_into_a_sqlite_file() {
    copied(&TestDatabase::new().await, &TestDatabase::sqlite()).await;
}

#[tokio::test]
async fn the_runs_backend_is_copied_into_another_database_on_it() {
    copied(&TestDatabase::new().await, &TestDatabase::new().await).await;
}

#[tokio::test]
async fn a_target_with_data_is_refused_and_left_unchanged() {
    let from = TestDatabase::sqlite();
    let source = from.open().await;
    populate(&source).await;
    let to = TestDatabase::new().await;
    let target = to.open().await;
    target
        .import_calendar(&[CalendarDay {
            date: date!(2026 - 09 - 02),
            kind: DayKind::Holiday,
            name: "Quốc khánh".into(),
        }])
        .await
        .unwrap();
    let before = fingerprint(&target).await;
    match migrate::copy_all(&source, &target).await {
        Err(MigrateError::TargetNotEmpty { table, rows }) => {
            assert_eq!((table.as_str(), rows), ("calendar_days", 1));
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(fingerprint(&target).await, before);
    assert!(
        std::fs::read_dir(to.files_dir()).unwrap().next().is_none(),
        "no file was written"
    );
}

#[tokio::test]
async fn a_missing_or_damaged_source_file_refuses_and_writes_nothing() {
    let from = TestDatabase::sqlite();
    let source = from.open().await;
    let p = populate(&source).await;
    let to = TestDatabase::new().await;
    let target = to.open().await;
    let before = fingerprint(&target).await;
    let sha = source.attachments(&p.accepted).await.unwrap()[0]
        .sha256
        .clone();
    let path = from.files_dir().join(&sha[..2]).join(&sha);
    let bytes = std::fs::read(&path).unwrap();

    std::fs::remove_file(&path).unwrap();
    match migrate::copy_all(&source, &target).await {
        Err(MigrateError::File {
            sha256,
            problem: FileProblem::Missing(_),
        }) => assert_eq!(sha256, sha),
        other => panic!("expected a missing file, got {other:?}"),
    }
    assert_eq!(fingerprint(&target).await, before, "rolled back");

    std::fs::write(&path, b"damaged").unwrap();
    match migrate::copy_all(&source, &target).await {
        Err(MigrateError::File {
            sha256,
            problem: FileProblem::Corrupt,
        }) => assert_eq!(sha256, sha),
        other => panic!("expected a damaged file, got {other:?}"),
    }
    assert_eq!(fingerprint(&target).await, before, "rolled back");

    // Repaired, the same target takes the copy: nothing of the failed attempts was left.
    std::fs::write(&path, bytes).unwrap();
    migrate::copy_all(&source, &target).await.unwrap();
    assert_eq!(readable(&target, &p).await, readable(&source, &p).await);
}

#[tokio::test]
async fn a_source_with_an_unknown_table_or_other_migrations_is_refused() {
    let from = TestDatabase::sqlite();
    let source = from.open().await;
    populate(&source).await;
    let to = TestDatabase::new().await;
    let target = to.open().await;
    let before = fingerprint(&target).await;
    let mut raw = sqlx::SqliteConnection::connect(from.url()).await.unwrap();

    sqlx::query("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        .execute(&mut raw)
        .await
        .unwrap();
    match migrate::copy_all(&source, &target).await {
        Err(MigrateError::UnknownTables { side, tables }) => {
            assert_eq!((side, tables.as_str()), (Side::Source, "notes"));
        }
        other => panic!("expected unknown tables, got {other:?}"),
    }

    sqlx::query("DROP TABLE notes")
        .execute(&mut raw)
        .await
        .unwrap();
    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
    )
    .execute(&mut raw)
    .await
    .unwrap();
    let err = migrate::copy_all(&source, &target).await.unwrap_err();
    assert!(
        matches!(err, MigrateError::VersionMismatch { .. }),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("different schema versions"),
        "{err}"
    );
    assert_eq!(fingerprint(&target).await, before);
}
