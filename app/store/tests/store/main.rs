//! The storage contract: store behaviour on a real database, SQLite or PostgreSQL as the run's
//! `MOTCUA_TEST_DATABASE` says (see `motcua_store::testing`); `scripts/test.sh` runs it on both.

use motcua_domain::workflow::Status;
use std::collections::BTreeSet;

use motcua_domain::ids::{DossierCode, Proof};
use motcua_domain::procedure::Procedure;
use motcua_domain::testing::{SAMPLE_CODE, sample_procedure_json};
use motcua_store::testing::TestDatabase;
use motcua_store::{Agency, Applicant, ImportOutcome, Store, StoreError, Unit};
use serde_json::{Value, json};
use tempfile::TempDir;
use time::macros::{date, datetime};
use time::{Duration, OffsetDateTime};

const PROC: &str = SAMPLE_CODE;
const AGENCY: &str = "000.00.06.H56";

async fn open(db: &TestDatabase) -> Store {
    db.open().await
}

/// The sample procedure (`motcua_domain::testing`) with the version and name given, plus an
/// optional document, a conditional field and a second process step.
fn procedure_json(version: &str, name: &str) -> Value {
    let mut v = sample_procedure_json();
    v["version"] = json!(version);
    v["name"]["vi"] = json!(name);
    let mut add = |pointer: &str, item: Value| {
        let list = v.pointer_mut(pointer).and_then(Value::as_array_mut);
        list.expect("a list of the sample").push(item);
    };
    add(
        "/documents",
        json!({ "id": "giay_to_khac", "name": "Giấy tờ khác", "copy": "any",
                "quantity": 1, "required": false }),
    );
    add(
        "/form/0/fields",
        json!({ "id": "da_tung_ket_hon", "type": "radio", "label": "Đã từng kết hôn?",
                "options": [ { "value": "khong", "label": "Chưa" },
                             { "value": "co", "label": "Đã từng" } ] }),
    );
    add(
        "/form/0/fields",
        json!({ "id": "giay_ly_hon_so", "type": "text", "label": "Số quyết định ly hôn",
                "visible_if": { "field": "da_tung_ket_hon", "equals": "co" } }),
    );
    add(
        "/process",
        json!({ "id": "tham_dinh", "title": "Thẩm định", "role": "specialist",
                "duration_hours": 7 }),
    );
    v
}

fn parts(v: &Value) -> (Procedure, String) {
    (
        serde_json::from_value(v.clone()).expect("valid procedure"),
        serde_json::to_string(v).unwrap(),
    )
}

async fn import(store: &Store, version: &str, name: &str) -> ImportOutcome {
    let (p, json) = parts(&procedure_json(version, name));
    store.import_procedure(&p, &json).await.expect("import")
}

/// Units, one agency receiving the procedure, and version 2025-07-01 of it.
async fn seeded(dir: &TestDatabase) -> (Store, i64) {
    let store = open(dir).await;
    store
        .import_units(&[
            unit("01", "Thành phố Hà Nội", "province", None),
            unit("00004", "Phường Ba Đình", "commune", Some("01")),
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
    import(&store, "2025-07-01", "Đăng ký kết hôn").await;
    let id = store
        .current_procedure(PROC, date!(2025 - 11 - 22))
        .await
        .unwrap()
        .unwrap()
        .id;
    (store, id)
}

fn unit(code: &str, name: &str, level: &str, parent: Option<&str>) -> Unit {
    Unit {
        code: code.into(),
        name: name.into(),
        level: level.into(),
        parent_code: parent.map(Into::into),
    }
}

fn applicant(id_number: &str, phone: &str) -> Applicant {
    Applicant {
        full_name: "Nguyễn Văn An".into(),
        id_number: id_number.parse().unwrap(),
        phone: phone.parse().unwrap(),
        email: Some("an@example.vn".into()),
        address: Some(json!({ "province": "01", "commune": "00004", "street": "12 Phố Kim Mã" })),
        birth_date: Some("1990-05-17".into()),
    }
}

fn proof(typed: &str) -> Proof {
    Proof::parse(typed).unwrap()
}

fn answers() -> Value {
    json!({ "chong_ho_ten": "Nguyễn Văn An", "da_tung_ket_hon": "khong" })
}

/// 2025-11-22 10:00 in Hà Nội.
const NOW: OffsetDateTime = datetime!(2025-11-22 03:00 UTC);

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

#[tokio::test]
async fn units_upsert_and_validate_parents() {
    let dir = TestDatabase::new().await;
    let store = open(&dir).await;
    // A commune may come before its province in the same list.
    let n = store
        .import_units(&[
            unit("00004", "Phường Ba Đình", "commune", Some("01")),
            unit("01", "Thành phố Hà Nội", "province", None),
            unit("79", "Thành phố Hồ Chí Minh", "province", None),
            unit("00001", "Phường Hoàn Kiếm", "commune", Some("01")),
        ])
        .await
        .unwrap();
    assert_eq!(n, 4);
    let codes: Vec<_> = store
        .provinces()
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.code)
        .collect();
    assert_eq!(codes, ["01", "79"]);
    let communes: Vec<_> = store
        .communes_of("01")
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.code)
        .collect();
    assert_eq!(communes, ["00001", "00004"]);
    assert!(store.communes_of("79").await.unwrap().is_empty());

    // Upsert by code.
    store
        .import_units(&[unit("01", "Hà Nội", "province", None)])
        .await
        .unwrap();
    assert_eq!(store.unit("01").await.unwrap().unwrap().name, "Hà Nội");
    assert_eq!(store.unit("99").await.unwrap(), None);

    // An unknown parent rejects the whole list.
    let err = store
        .import_units(&[
            unit("00007", "Phường Mới", "commune", Some("01")),
            unit("00008", "Xã Lạc", "commune", Some("42")),
        ])
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(ref m) if m.contains("00008")),
        "{err}"
    );
    assert_eq!(store.unit("00007").await.unwrap(), None);
    // A commune whose parent is a commune is refused too.
    let err = store
        .import_units(&[unit("00009", "X", "commune", Some("00004"))])
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)));
    assert!(matches!(
        store
            .import_units(&[unit("02", "X", "district", None)])
            .await,
        Err(StoreError::Invalid(_))
    ));
}

#[tokio::test]
async fn agencies_and_receivers() {
    let dir = TestDatabase::new().await;
    let (store, _) = seeded(&dir).await;
    let other = Agency {
        code: "000.00.07.H56".parse().unwrap(),
        name: "UBND phường Hoàn Kiếm".into(),
        level: "commune".into(),
        unit_code: None,
    };
    store.upsert_agency(&other).await.unwrap();
    assert_eq!(store.agencies().await.unwrap().len(), 2);
    assert_eq!(
        store.agency(&other.code).await.unwrap(),
        Some(other.clone())
    );
    let renamed = Agency {
        name: "UBND phường Hoàn Kiếm (mới)".into(),
        ..other.clone()
    };
    store.upsert_agency(&renamed).await.unwrap();
    assert_eq!(store.agency(&other.code).await.unwrap(), Some(renamed));

    let bad = Agency {
        unit_code: Some("nowhere".into()),
        ..other.clone()
    };
    assert!(matches!(
        store.upsert_agency(&bad).await,
        Err(StoreError::Invalid(_))
    ));

    store
        .set_receivers(PROC, &[other.code.clone(), AGENCY.parse().unwrap()])
        .await
        .unwrap();
    let codes: Vec<_> = store
        .receivers(PROC)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.code)
        .collect();
    assert_eq!(codes, [AGENCY, "000.00.07.H56"]);
    // Replaces, not adds.
    store
        .set_receivers(PROC, std::slice::from_ref(&other.code))
        .await
        .unwrap();
    assert_eq!(store.receivers(PROC).await.unwrap().len(), 1);
    // Unknown agency: error and nothing changed.
    assert!(matches!(
        store
            .set_receivers(PROC, &["999.99.99.H99".parse().unwrap()])
            .await,
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(store.receivers(PROC).await.unwrap().len(), 1);
    assert!(store.receivers("other").await.unwrap().is_empty());
}

#[tokio::test]
async fn procedure_import_is_idempotent_and_versions_supersede() {
    let dir = TestDatabase::new().await;
    let store = open(&dir).await;
    assert_eq!(
        import(&store, "2025-07-01", "Đăng ký kết hôn").await,
        ImportOutcome::Inserted
    );
    assert_eq!(
        import(&store, "2025-07-01", "Đăng ký kết hôn").await,
        ImportOutcome::Unchanged
    );

    let (changed, json) = parts(&procedure_json("2025-07-01", "Đăng ký kết hôn (sửa)"));
    assert!(matches!(
        store.import_procedure(&changed, &json).await,
        Err(StoreError::Conflict(_))
    ));
    // The JSON must describe the procedure given.
    let (p, _) = parts(&procedure_json("2025-07-01", "Đăng ký kết hôn"));
    assert!(matches!(
        store.import_procedure(&p, &json).await,
        Err(StoreError::Invalid(_))
    ));
    // The version must be a real date.
    let (bad, json) = parts(&procedure_json("2025-7-1", "Đăng ký kết hôn"));
    assert!(matches!(
        store.import_procedure(&bad, &json).await,
        Err(StoreError::Invalid(_))
    ));

    // Nothing in effect before the first version.
    assert_eq!(
        store
            .current_procedure(PROC, date!(2025 - 06 - 30))
            .await
            .unwrap(),
        None
    );
    let old = store
        .current_procedure(PROC, date!(2025 - 07 - 01))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(old.procedure.version, "2025-07-01");

    assert_eq!(
        import(&store, "2026-01-01", "Đăng ký kết hôn 2026").await,
        ImportOutcome::Inserted
    );
    let still_old = store
        .current_procedure(PROC, date!(2025 - 12 - 31))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(still_old.id, old.id);
    let new = store
        .current_procedure(PROC, date!(2026 - 01 - 01))
        .await
        .unwrap()
        .unwrap();
    assert_ne!(new.id, old.id);
    assert_eq!(new.procedure.name.vi(), "Đăng ký kết hôn 2026");
    // The old version stays readable by id (dossiers filed under it keep their rules).
    let by_id = store.procedure_version(old.id).await.unwrap().unwrap();
    assert_eq!(by_id, old);
    assert_eq!(store.procedure_version(9999).await.unwrap(), None);

    // Catalogue: one per code.
    let mut other = procedure_json("2025-01-01", "Thủ tục khác");
    other["code"] = json!("2.000001.000.00.00.H56");
    let (p, json) = parts(&other);
    store.import_procedure(&p, &json).await.unwrap();
    let catalogue = store
        .current_procedures(date!(2026 - 02 - 01))
        .await
        .unwrap();
    let listed: Vec<_> = catalogue
        .iter()
        .map(|s| (s.procedure.code.as_str(), s.id))
        .collect();
    assert_eq!(
        listed,
        [(PROC, new.id), ("2.000001.000.00.00.H56", listed[1].1)]
    );
    let early = store
        .current_procedures(date!(2025 - 03 - 01))
        .await
        .unwrap();
    assert_eq!(early.len(), 1);
    assert_eq!(early[0].procedure.code, "2.000001.000.00.00.H56");
}

#[tokio::test]
async fn drafts_round_trip_and_expire() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    assert!(matches!(
        store.create_draft(424242).await,
        Err(StoreError::NotFound(_))
    ));

    let token = store.create_draft(pid).await.unwrap();
    assert_eq!(token.len(), 64);
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));
    let other = store.create_draft(pid).await.unwrap();
    assert_ne!(token, other);

    let fresh = store.draft(&token).await.unwrap().unwrap();
    assert_eq!(fresh.procedure_id, pid);
    assert_eq!(fresh.data, json!({}));
    assert_eq!(fresh.dossier_code, None);

    let data = json!({ "raw": { "chong_ho_ten": ["  An "] }, "errors": [], "agency": AGENCY });
    store.save_draft(&token, &data).await.unwrap();
    let saved = store.draft(&token).await.unwrap().unwrap();
    assert_eq!(saved.data, data);
    assert_eq!(saved.token, token);
    assert!(saved.updated_at >= saved.created_at);

    assert_eq!(store.draft("not-a-token").await.unwrap(), None);
    assert!(matches!(
        store.save_draft("not-a-token", &data).await,
        Err(StoreError::NotFound(_))
    ));

    // Nothing is older than an hour ago; everything is older than an hour from now.
    let now = OffsetDateTime::now_utc();
    assert_eq!(
        store
            .delete_stale_drafts(now - Duration::hours(1))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store
            .delete_stale_drafts(now + Duration::hours(1))
            .await
            .unwrap(),
        2
    );
    assert_eq!(store.draft(&token).await.unwrap(), None);
}

#[tokio::test]
async fn uploads_are_content_addressed_and_durable() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let token = store.create_draft(pid).await.unwrap();
    let pdf = b"%PDF-1.7 to khai".to_vec();
    let a = store
        .save_upload(&token, "to_khai", "tờ khai.pdf", "application/pdf", &pdf)
        .await
        .unwrap();
    assert_eq!(a.size, pdf.len() as u64);
    assert_eq!(a.sha256.len(), 64);
    assert!(
        dir.files_dir()
            .join(&a.sha256[..2])
            .join(&a.sha256)
            .is_file()
    );
    // Several files per document, identical content stored once.
    let b = store
        .save_upload(&token, "to_khai", "trang 2.png", "image/png", b"png page 2")
        .await
        .unwrap();
    let c = store
        .save_upload(&token, "giay_to_khac", "copy.pdf", "application/pdf", &pdf)
        .await
        .unwrap();
    assert_eq!(c.sha256, a.sha256);
    assert_eq!(
        store.uploads(&token).await.unwrap(),
        [a.clone(), b.clone(), c.clone()]
    );

    // Unknown document or draft.
    assert!(matches!(
        store
            .save_upload(&token, "nope", "x.pdf", "application/pdf", b"x")
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store
            .save_upload("bad", "to_khai", "x.pdf", "application/pdf", b"x")
            .await,
        Err(StoreError::NotFound(_))
    ));

    // Removal only through the owning draft.
    let stranger = store.create_draft(pid).await.unwrap();
    assert!(!store.remove_upload(&stranger, b.id).await.unwrap());
    assert!(store.remove_upload(&token, b.id).await.unwrap());
    assert!(!store.remove_upload(&token, b.id).await.unwrap());
    assert_eq!(store.uploads(&token).await.unwrap(), [a.clone(), c]);

    // Survives reopening.
    store.close().await;
    let store = open(&dir).await;
    assert_eq!(store.read_file(&a.sha256).await.unwrap(), pdf);
    assert_eq!(store.uploads(&token).await.unwrap().len(), 2);
    assert!(matches!(
        store.read_file(&"0".repeat(64)).await,
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.read_file("../../etc/passwd").await,
        Err(StoreError::Invalid(_))
    ));
    // Corruption on disk is detected, not served.
    std::fs::write(
        dir.files_dir().join(&a.sha256[..2]).join(&a.sha256),
        b"tampered",
    )
    .unwrap();
    assert!(matches!(
        store.read_file(&a.sha256).await,
        Err(StoreError::Corrupt(_))
    ));
}

#[tokio::test]
async fn filing_is_idempotent() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let token = store.create_draft(pid).await.unwrap();
    let doc = store
        .save_upload(
            &token,
            "to_khai",
            "to_khai.pdf",
            "application/pdf",
            b"%PDF tk",
        )
        .await
        .unwrap();
    let who = applicant("001090012345", "0912345678");

    let first = store
        .file_dossier(
            &token,
            &AGENCY.parse().unwrap(),
            &who,
            &answers(),
            None,
            NOW,
        )
        .await
        .unwrap();
    assert!(first.newly_filed);
    let d = &first.dossier;
    assert_eq!(d.code, "000.00.06.H56-251122-0001");
    assert_eq!(d.status, Status::Submitted);
    assert_eq!(d.procedure_id, pid);
    assert_eq!(d.agency_code, AGENCY);
    assert_eq!(d.applicant, who);
    assert_eq!(d.answers, answers());
    assert_eq!(d.filed_at, NOW);
    assert_eq!(d.state.due_at, None);

    // Retried submit (even with other arguments): same dossier, nothing new filed.
    let again = store
        .file_dossier(
            &token,
            &AGENCY.parse().unwrap(),
            &applicant("002000000002", "0987654321"),
            &json!({}),
            None,
            NOW + Duration::minutes(5),
        )
        .await
        .unwrap();
    assert!(!again.newly_filed);
    assert_eq!(again.dossier, first.dossier);

    assert_eq!(store.dossier(&d.code).await.unwrap().as_ref(), Some(d));
    assert_eq!(
        store
            .draft(&token)
            .await
            .unwrap()
            .unwrap()
            .dossier_code
            .as_deref(),
        Some(d.code.as_str())
    );
    let docs = store.dossier_documents(&d.code).await.unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(
        (
            docs[0].document_id.as_str(),
            docs[0].sha256.as_str(),
            docs[0].size
        ),
        ("to_khai", doc.sha256.as_str(), doc.size)
    );
    let events = store.events(&d.code).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].from_status, None);
    assert_eq!(events[0].to_status, Status::Submitted);
    assert_eq!(events[0].actor, "citizen");
    assert_eq!(events[0].at, NOW);

    // The filed draft's uploads are frozen; the dossier keeps its documents after cleanup.
    assert!(matches!(
        store
            .save_upload(&token, "to_khai", "late.pdf", "application/pdf", b"late")
            .await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        store.remove_upload(&token, doc.id).await,
        Err(StoreError::Conflict(_))
    ));
    store
        .delete_stale_drafts(OffsetDateTime::now_utc() + Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(store.dossier_documents(&d.code).await.unwrap(), docs);
    assert_eq!(store.read_file(&doc.sha256).await.unwrap(), b"%PDF tk");
}

#[tokio::test]
async fn filing_checks_agency_and_numbers_per_local_day() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let who = applicant("001090012345", "0912345678");

    let t = store.create_draft(pid).await.unwrap();
    assert!(matches!(
        store
            .file_dossier(
                "nope",
                &AGENCY.parse().unwrap(),
                &who,
                &answers(),
                None,
                NOW
            )
            .await,
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store
            .file_dossier(
                &t,
                &"999.99.99.H99".parse().unwrap(),
                &who,
                &answers(),
                None,
                NOW
            )
            .await,
        Err(StoreError::NotFound(_))
    ));
    store
        .upsert_agency(&Agency {
            code: "000.00.07.H56".parse().unwrap(),
            name: "Không tiếp nhận".into(),
            level: "commune".into(),
            unit_code: None,
        })
        .await
        .unwrap();
    assert!(matches!(
        store
            .file_dossier(
                &t,
                &"000.00.07.H56".parse().unwrap(),
                &who,
                &answers(),
                None,
                NOW
            )
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store
            .file_dossier(&t, &AGENCY.parse().unwrap(), &who, &json!([1]), None, NOW)
            .await,
        Err(StoreError::Invalid(_))
    ));
    // Failed attempts consumed no number and left the draft unfiled.
    assert_eq!(store.draft(&t).await.unwrap().unwrap().dossier_code, None);

    let mut codes = vec![];
    // 16:59:59 UTC is 23:59:59 in Hà Nội on the 22nd; 17:00 UTC is already the 23rd there.
    for now in [
        datetime!(2025-11-22 16:59:59 UTC),
        datetime!(2025-11-22 17:00 UTC),
        datetime!(2025-11-23 02:00 UTC),
    ] {
        let t = store.create_draft(pid).await.unwrap();
        let filed = store
            .file_dossier(&t, &AGENCY.parse().unwrap(), &who, &answers(), None, now)
            .await
            .unwrap();
        codes.push(filed.dossier.code);
    }
    assert_eq!(
        codes,
        [
            "000.00.06.H56-251122-0001",
            "000.00.06.H56-251123-0001",
            "000.00.06.H56-251123-0002"
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_filing_gives_distinct_consecutive_codes() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let mut tokens = vec![];
    for _ in 0..200 {
        tokens.push(store.create_draft(pid).await.unwrap());
    }
    let mut tasks = tokio::task::JoinSet::new();
    for (i, token) in tokens.into_iter().enumerate() {
        let store = store.clone();
        tasks.spawn(async move {
            let who = applicant(&format!("{:012}", i), &format!("09{:08}", i));
            store
                .file_dossier(
                    &token,
                    &AGENCY.parse().unwrap(),
                    &who,
                    &answers(),
                    None,
                    NOW,
                )
                .await
                .map(|f| (f.newly_filed, f.dossier.code))
        });
    }
    let mut codes = BTreeSet::new();
    while let Some(res) = tasks.join_next().await {
        let (newly, code) = res.unwrap().expect("filing succeeds");
        assert!(newly);
        assert!(codes.insert(code), "code issued twice");
    }
    let expected: BTreeSet<DossierCode> = (1..=200)
        .map(|n| format!("000.00.06.H56-251122-{n:04}").parse().unwrap())
        .collect();
    assert_eq!(codes, expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_double_submit_files_once() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let token = store.create_draft(pid).await.unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let store = store.clone();
        let token = token.clone();
        tasks.spawn(async move {
            let who = applicant("001090012345", "0912345678");
            store
                .file_dossier(
                    &token,
                    &AGENCY.parse().unwrap(),
                    &who,
                    &answers(),
                    None,
                    NOW,
                )
                .await
                .unwrap()
        });
    }
    let mut codes = BTreeSet::new();
    let mut newly = 0;
    while let Some(res) = tasks.join_next().await {
        let filed = res.unwrap();
        newly += usize::from(filed.newly_filed);
        codes.insert(filed.dossier.code);
    }
    assert_eq!(newly, 1);
    assert_eq!(codes.len(), 1);
    // The next filing gets 0002: no number was burnt by the duplicates.
    let t = store.create_draft(pid).await.unwrap();
    let who = applicant("001090012345", "0912345678");
    let next = store
        .file_dossier(&t, &AGENCY.parse().unwrap(), &who, &answers(), None, NOW)
        .await
        .unwrap();
    assert_eq!(next.dossier.code, "000.00.06.H56-251122-0002");
}

#[tokio::test]
async fn lookup_needs_code_and_id_or_phone() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let token = store.create_draft(pid).await.unwrap();
    let who = applicant("001090012345", "0912345678");
    let code = store
        .file_dossier(
            &token,
            &AGENCY.parse().unwrap(),
            &who,
            &answers(),
            None,
            NOW,
        )
        .await
        .unwrap()
        .dossier
        .code;

    let by_id = store
        .find_for_lookup(&code, &proof("001090012345"))
        .await
        .unwrap();
    assert_eq!(by_id.unwrap().code, code);
    let by_phone = store
        .find_for_lookup(&code, &proof(" 0912345678 "))
        .await
        .unwrap();
    assert_eq!(by_phone.unwrap().code, code);

    assert_eq!(
        store
            .find_for_lookup(&code, &proof("001090099999"))
            .await
            .unwrap(),
        None
    );
    assert!(Proof::parse("").is_err(), "nothing typed is no proof");
    assert_eq!(
        store
            .find_for_lookup(
                &"000.00.06.H56-251122-0002".parse().unwrap(),
                &proof("001090012345")
            )
            .await
            .unwrap(),
        None
    );
    // Another applicant's dossier does not open with this applicant's id.
    let t2 = store.create_draft(pid).await.unwrap();
    let code2 = store
        .file_dossier(
            &t2,
            &AGENCY.parse().unwrap(),
            &applicant("002000000002", "0987654321"),
            &answers(),
            None,
            NOW,
        )
        .await
        .unwrap()
        .dossier
        .code;
    assert_eq!(
        store
            .find_for_lookup(&code2, &proof("001090012345"))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .find_for_lookup(&code2, &proof("0987654321"))
            .await
            .unwrap()
            .unwrap()
            .code,
        code2
    );
}

// ---- the back office ----------------------------------------------------------------------

use motcua_domain::calendar::{CalendarDay, DayKind};
use motcua_domain::workflow::{
    Action, AssigneeNote, EndedPause, EventDetails, Slip, StaffRole, StepEntered, StepLeft,
    SupplementItem, SupplementItemKind,
};
use motcua_store::{AccountKind, NewAccount, QueueKind, QueueQuery, Transition, WorkflowState};

fn staff_account(login: &str, roles: Vec<StaffRole>) -> NewAccount {
    NewAccount {
        kind: AccountKind::Staff,
        login: login.into(),
        full_name: "Nguyễn Thị Lan".into(),
        phone: None,
        email: None,
        agency_code: Some(AGENCY.parse().unwrap()),
        password_hash: "$argon2id$placeholder".into(),
        roles,
    }
}

async fn filed(store: &Store, pid: i64, name: &str, id: &str) -> DossierCode {
    let token = store.create_draft(pid).await.unwrap();
    let mut who = applicant(id, "0912345678");
    who.full_name = name.into();
    store
        .file_dossier(
            &token,
            &AGENCY.parse().unwrap(),
            &who,
            &answers(),
            None,
            NOW,
        )
        .await
        .unwrap()
        .dossier
        .code
}

#[tokio::test]
async fn calendar_rows_are_replaced_by_date_and_kept_otherwise() {
    let dir = TestDatabase::new().await;
    let store = open(&dir).await;
    let day = |d: time::Date, kind, name: &str| CalendarDay {
        date: d,
        kind,
        name: name.into(),
    };
    store
        .import_calendar(&[
            day(date!(2026 - 04 - 30), DayKind::Holiday, "Giải phóng"),
            day(date!(2026 - 05 - 09), DayKind::Workday, "Làm bù"),
        ])
        .await
        .unwrap();
    store
        .import_calendar(&[day(date!(2026 - 05 - 09), DayKind::Holiday, "Đổi")])
        .await
        .unwrap();
    let days = store.calendar_days().await.unwrap();
    assert_eq!(days.len(), 2);
    assert_eq!(days[1], day(date!(2026 - 05 - 09), DayKind::Holiday, "Đổi"));
    assert!(
        store
            .delete_calendar_day(date!(2026 - 04 - 30))
            .await
            .unwrap()
    );
    assert_eq!(store.calendar_days().await.unwrap().len(), 1);
}

#[tokio::test]
async fn accounts_sessions_and_their_timeouts() {
    let dir = TestDatabase::new().await;
    let (store, _) = seeded(&dir).await;
    let id = store
        .create_account(
            &staff_account("lan", vec![StaffRole::Admin, StaffRole::Reception]),
            NOW,
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .create_account(&staff_account("lan", vec![]), NOW)
            .await,
        Err(StoreError::Conflict(_))
    ));
    let mut citizen = staff_account("0912345678", vec![]);
    citizen.kind = AccountKind::Citizen;
    assert!(
        store.create_account(&citizen, NOW).await.is_err(),
        "a citizen belongs to no agency"
    );
    let (account, hash) = store.account_for_sign_in("lan").await.unwrap().unwrap();
    assert_eq!(account.roles, vec![StaffRole::Reception, StaffRole::Admin]);
    assert_eq!(hash, "$argon2id$placeholder");

    let idle = Duration::minutes(30);
    let absolute = Duration::hours(12);
    let sid = store.create_session(id, NOW).await.unwrap();
    assert_eq!(sid.len(), 64);
    let at = |m: i64| NOW + Duration::minutes(m);
    assert!(
        store
            .session_account(&sid, at(10), idle, absolute)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .session_account("nope", at(10), idle, absolute)
            .await
            .unwrap()
            .is_none()
    );
    // Idle timeout: 31 minutes after the last request (the 10th minute refreshed nothing:
    // refreshes happen at most once a minute, and this one did).
    assert!(
        store
            .session_account(&sid, at(39), idle, absolute)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .session_account(&sid, at(80), idle, absolute)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .session_account(&sid, at(81), idle, absolute)
            .await
            .unwrap()
            .is_none(),
        "an expired session is gone"
    );
    // Absolute timeout, however active.
    let sid = store.create_session(id, NOW).await.unwrap();
    for m in (20..=12 * 60).step_by(20) {
        assert!(
            store
                .session_account(&sid, at(m), idle, absolute)
                .await
                .unwrap()
                .is_some()
        );
    }
    assert!(
        store
            .session_account(&sid, at(12 * 60 + 5), idle, absolute)
            .await
            .unwrap()
            .is_none()
    );
    // The hourly cleanup removes what can no longer sign in, and keeps the rest.
    let stale = store.create_session(id, NOW).await.unwrap();
    let fresh = store.create_session(id, at(100)).await.unwrap();
    assert_eq!(
        store
            .delete_expired_sessions(at(90), at(-600))
            .await
            .unwrap(),
        1
    );
    assert!(
        store
            .session_account(&stale, at(1), idle, absolute)
            .await
            .unwrap()
            .is_none(),
        "the stale one is gone"
    );
    assert!(
        store
            .session_account(&fresh, at(101), idle, absolute)
            .await
            .unwrap()
            .is_some()
    );
    // Deactivating ends every session.
    let sid = store.create_session(id, NOW).await.unwrap();
    store.set_active(id, false).await.unwrap();
    assert!(
        store
            .session_account(&sid, at(1), idle, absolute)
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn a_transition_is_written_only_from_the_status_it_expects() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let code = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    let filed = store.dossier(&code).await.unwrap().unwrap();
    assert_eq!(filed.version, 0, "a new dossier is at version 0");
    let accept = Transition {
        expected_status: Status::Submitted,
        expected_step: None,
        expected_version: Some(0),
        to_status: Status::Accepted,
        at: NOW,
        actor: "Nguyễn Thị Lan".into(),
        actor_account_id: None,
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
    };
    let event = store.apply_transition(&code, &accept).await.unwrap();
    assert_eq!(
        (event.from_status, event.to_status),
        (Some(Status::Submitted), Status::Accepted)
    );
    assert_eq!(event.details.slip(), Some(Slip::S01));
    // The same move again (a double submit, or a second officer): refused, nothing written.
    assert!(matches!(
        store.apply_transition(&code, &accept).await,
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(store.events(&code).await.unwrap().len(), 2);
    let d = store.dossier(&code).await.unwrap().unwrap();
    assert_eq!(d.status, Status::Accepted);
    assert_eq!(d.state.accepted_at, Some(NOW));
    assert_eq!(d.version, 1, "each move raises the version by one");
    // A move that keeps the status (an apology) is still written once: the second of two
    // identical submits saw the dossier before the first changed it.
    let apology = Transition {
        expected_status: Status::Accepted,
        to_status: Status::Accepted,
        at: NOW + Duration::minutes(1),
        expected_version: Some(d.version),
        ..accept.clone()
    };
    store.apply_transition(&code, &apology).await.unwrap();
    assert!(matches!(
        store.apply_transition(&code, &apology).await,
        Err(StoreError::Conflict(_))
    ));
    // Several moves at once are all or nothing: the second is refused, the first undone.
    let start = Transition {
        expected_status: Status::Accepted,
        to_status: Status::InProcess,
        expected_version: None,
        ..accept.clone()
    };
    let wrong = Transition {
        expected_status: Status::ResultReady,
        ..start.clone()
    };
    assert!(
        store
            .apply_transitions(&code, &[start.clone(), wrong])
            .await
            .is_err()
    );
    assert_eq!(
        store.dossier(&code).await.unwrap().unwrap().status,
        Status::Accepted
    );
    assert_eq!(
        store
            .apply_transitions(&code, &[start])
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        store.dossier(&code).await.unwrap().unwrap().status,
        Status::InProcess
    );
}

/// A move of the dossier from `from` to `to` recording `details`, by nobody in particular.
fn a_move(from: Status, to: Status, details: EventDetails) -> Transition {
    Transition {
        expected_status: from,
        expected_step: None,
        expected_version: None,
        to_status: to,
        at: NOW,
        actor: "Nguyễn Thị Lan".into(),
        actor_account_id: None,
        step: None,
        reason: None,
        details,
        state: WorkflowState::default(),
        attachments: vec![],
        supplement: None,
    }
}

#[tokio::test]
async fn every_kind_of_event_reads_back_as_written() {
    use Status::*;
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let due = NOW + Duration::days(1);
    let lan = AssigneeNote {
        id: 7,
        name: "Lê Thị Lan".into(),
    };
    let entered = |assignee| StepEntered {
        step_due: due,
        assignee,
    };
    let left = || {
        Some(StepLeft {
            step: "tiep_nhan".into(),
            due,
        })
    };
    let accept = || EventDetails::Accept { due, walk: None };
    let items = vec![SupplementItem {
        kind: SupplementItemKind::Document,
        id: "to_khai".into(),
        label: "Tờ khai".into(),
    }];
    // Dossiers moved along paths that together take every kind of move.
    let paths = vec![
        vec![
            (Accepted, accept()),
            (
                InProcess,
                EventDetails::StartProcessing {
                    entered: entered(Some(lan.clone())),
                },
            ),
            (InProcess, EventDetails::ApproveStop),
            (
                InProcess,
                EventDetails::Apologize {
                    old_due: Some(due),
                    new_due: due + Duration::days(2),
                    responsible_unit: "Phòng Tư pháp".into(),
                },
            ),
            (
                InProcess,
                EventDetails::NextStep {
                    left: left(),
                    entered: entered(None),
                },
            ),
            (FeeDue, EventDetails::RequestFee),
            (
                InProcess,
                EventDetails::FeePaid {
                    pause: Some(EndedPause {
                        from: NOW,
                        minutes: 480,
                    }),
                },
            ),
            (
                SupplementRequested,
                EventDetails::RequestSupplement {
                    items: items.clone(),
                },
            ),
            (InProcess, EventDetails::Resupply { pause: None }),
            (ResultReady, EventDetails::Finish { left: left() }),
            (Returned, EventDetails::ReturnResult),
        ],
        vec![(Refused, EventDetails::Refuse)],
        vec![
            (
                SupplementRequested,
                EventDetails::RequestSupplement { items },
            ),
            (Withdrawn, EventDetails::Withdraw),
        ],
        vec![
            (Accepted, accept()),
            (
                InProcess,
                EventDetails::StartProcessing {
                    entered: entered(None),
                },
            ),
            (
                Stopped,
                EventDetails::Stop {
                    leader_approved: false,
                },
            ),
        ],
    ];
    let mut kinds = std::collections::HashSet::new();
    for (i, path) in paths.into_iter().enumerate() {
        let code = filed(&store, pid, "Trần Thị Bình", &format!("00109001234{i}")).await;
        let mut status = Submitted;
        for (to, details) in &path {
            let t = a_move(status, *to, details.clone());
            store.apply_transition(&code, &t).await.unwrap();
            status = *to;
        }
        let read: Vec<EventDetails> = store
            .events(&code)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.details)
            .collect();
        let written: Vec<EventDetails> = std::iter::once(EventDetails::Filed)
            .chain(path.into_iter().map(|(_, d)| d))
            .collect();
        assert_eq!(read, written);
        kinds.extend(read.iter().map(EventDetails::action));
    }
    assert_eq!(
        kinds.len(),
        Action::ALL.len() + 1,
        "every action, and the filing"
    );
}

#[tokio::test]
async fn events_written_before_kinds_were_stored_read_as_their_kind() {
    use sqlx::Connection;
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let code = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    let due = NOW + Duration::days(1);
    let later = due + Duration::days(2);
    // As rows were written then: no kind, each fact a key, the slip, no details at all for a
    // move without facts (the filing too).
    let old: [(Option<i64>, i64, Option<Value>, EventDetails); 6] = [
        (
            Some(1),
            2,
            Some(json!({ "due": due, "slip": "01" })),
            EventDetails::Accept { due, walk: None },
        ),
        (
            Some(2),
            4,
            Some(json!({ "step_due": due })),
            EventDetails::StartProcessing {
                entered: StepEntered {
                    step_due: due,
                    assignee: None,
                },
            },
        ),
        (
            Some(4),
            4,
            Some(json!({ "stop_approval": true })),
            EventDetails::ApproveStop,
        ),
        (
            Some(4),
            4,
            Some(json!({
                "old_due": due, "new_due": later, "responsible_unit": "Phòng Tư pháp",
                "slip": "04"
            })),
            EventDetails::Apologize {
                old_due: Some(due),
                new_due: later,
                responsible_unit: "Phòng Tư pháp".into(),
            },
        ),
        (Some(4), 6, None, EventDetails::RequestFee),
        (None, 1, None, EventDetails::Filed),
    ];
    let mut raw = sqlx::AnyConnection::connect(dir.url()).await.unwrap();
    for (from, to, details, _) in &old {
        sqlx::query(
            "INSERT INTO dossier_events (dossier_code, at, from_status, to_status, actor, details)
             SELECT dossier_code, at, $1, $2, actor, $3 FROM dossier_events
             WHERE dossier_code = $4 AND from_status IS NULL ORDER BY id LIMIT 1",
        )
        .bind(*from)
        .bind(*to)
        .bind(details.as_ref().map(Value::to_string))
        .bind(code.as_str())
        .execute(&mut raw)
        .await
        .unwrap();
    }
    raw.close().await.unwrap();
    let read: Vec<EventDetails> = store
        .events(&code)
        .await
        .unwrap()
        .into_iter()
        .skip(1)
        .map(|e| e.details)
        .collect();
    let expected: Vec<EventDetails> = old.into_iter().map(|(_, _, _, d)| d).collect();
    assert_eq!(read, expected);
}

#[tokio::test]
async fn an_event_whose_details_do_not_read_is_kept_as_unreadable() {
    use sqlx::Connection;
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let code = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    // Not JSON at all, and JSON that is not what an acceptance holds.
    let mut raw = sqlx::AnyConnection::connect(dir.url()).await.unwrap();
    for details in ["{not json", r#"{"kind": "accept", "due": "tomorrow"}"#] {
        sqlx::query(
            "INSERT INTO dossier_events (dossier_code, at, from_status, to_status, actor, details)
             SELECT dossier_code, at, 1, 2, actor, $1 FROM dossier_events
             WHERE dossier_code = $2 AND from_status IS NULL ORDER BY id LIMIT 1",
        )
        .bind(details)
        .bind(code.as_str())
        .execute(&mut raw)
        .await
        .unwrap();
    }
    raw.close().await.unwrap();
    let events = store.events(&code).await.unwrap();
    let read: Vec<(Option<Status>, &EventDetails)> =
        events.iter().map(|e| (e.from_status, &e.details)).collect();
    assert_eq!(
        read,
        [
            (None, &EventDetails::Filed),
            (Some(Status::Submitted), &EventDetails::Unreadable),
            (Some(Status::Submitted), &EventDetails::Unreadable),
        ]
    );
}

#[tokio::test]
async fn a_stored_phone_that_is_no_phone_is_corruption_and_not_quoted() {
    use sqlx::Connection;
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let code = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    let mut raw = sqlx::AnyConnection::connect(dir.url()).await.unwrap();
    sqlx::query("UPDATE dossiers SET applicant_phone = '12345 sửa tay' WHERE code = $1")
        .bind(code.as_str())
        .execute(&mut raw)
        .await
        .unwrap();
    raw.close().await.unwrap();
    match store.dossier(&code).await {
        Err(StoreError::Corrupt(what)) => {
            assert!(what.contains("applicant phone"), "{what}");
            assert!(
                !what.contains("12345"),
                "the value stays out of the message: {what}"
            );
        }
        other => panic!("expected corruption, got {other:?}"),
    }
}

#[tokio::test]
async fn a_supplement_answer_keeps_the_earlier_answers_and_files() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let token = store.create_draft(pid).await.unwrap();
    store
        .save_upload(&token, "to_khai", "cu.pdf", "application/pdf", b"%PDF old")
        .await
        .unwrap();
    let who = applicant("001090012345", "0912345678");
    let code = store
        .file_dossier(
            &token,
            &AGENCY.parse().unwrap(),
            &who,
            &answers(),
            None,
            NOW,
        )
        .await
        .unwrap()
        .dossier
        .code;
    let to_five = Transition {
        expected_status: Status::Submitted,
        expected_step: None,
        expected_version: None,
        to_status: Status::SupplementRequested,
        at: NOW,
        actor: "x".into(),
        actor_account_id: None,
        step: None,
        reason: Some("Thiếu".into()),
        details: EventDetails::RequestSupplement { items: vec![] },
        state: WorkflowState {
            resume_status: Some(Status::Submitted),
            ..Default::default()
        },
        attachments: vec![],
        supplement: None,
    };
    store.apply_transition(&code, &to_five).await.unwrap();
    let back = Transition {
        expected_status: Status::SupplementRequested,
        to_status: Status::Submitted,
        state: WorkflowState::default(),
        reason: None,
        details: EventDetails::Resupply { pause: None },
        supplement: Some(motcua_store::SupplementAnswer {
            answers: json!({ "chong_ho_ten": "Mới" }),
            replace_documents: vec!["to_khai".into()],
            documents: vec![motcua_store::NewDocument {
                document_id: "to_khai".into(),
                original_name: "moi.pdf".into(),
                content_type: "application/pdf".into(),
                bytes: b"%PDF new".to_vec(),
            }],
        }),
        ..to_five.clone()
    };
    store.apply_transition(&code, &back).await.unwrap();
    let d = store.dossier(&code).await.unwrap().unwrap();
    assert_eq!((d.status, d.supplement_round), (Status::Submitted, 1));
    assert_eq!(d.answers, json!({ "chong_ho_ten": "Mới" }));
    assert_eq!(
        store.answer_versions(&code).await.unwrap(),
        vec![(1, answers())]
    );
    let history = store.dossier_document_history(&code).await.unwrap();
    let names: Vec<(&str, i64, bool)> = history
        .iter()
        .map(|(f, round, superseded)| (f.original_name.as_str(), *round, *superseded))
        .collect();
    assert_eq!(names, vec![("cu.pdf", 0, true), ("moi.pdf", 1, false)]);
    let current = store.dossier_documents(&code).await.unwrap();
    assert_eq!(current.len(), 1);
    assert_eq!(
        store.read_file(&current[0].sha256).await.unwrap(),
        b"%PDF new"
    );
}

#[tokio::test]
async fn queues_filter_search_without_diacritics_and_paginate() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let binh = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    let mut others = vec![];
    for i in 0..5 {
        others.push(filed(&store, pid, "Lê Văn Đức", &format!("00109001999{i}")).await);
    }
    let q = |search: &str, offset, limit| QueueQuery {
        agency_code: AGENCY.parse().unwrap(),
        kind: QueueKind::New,
        search: search.into(),
        procedure_code: None,
        descending: false,
        offset,
        limit,
    };
    let codes = |rows: Vec<motcua_store::QueueRow>| {
        rows.into_iter().map(|r| r.dossier.code).collect::<Vec<_>>()
    };
    assert_eq!(
        codes(store.queue(&q("tran thi binh", 0, 10)).await.unwrap()),
        vec![binh.clone()]
    );
    assert_eq!(codes(store.queue(&q("duc", 0, 10)).await.unwrap()), others);
    assert_eq!(
        codes(store.queue(&q("001090012345", 0, 10)).await.unwrap()),
        vec![binh.clone()]
    );
    assert_eq!(
        codes(store.queue(&q(&binh.to_lowercase(), 0, 10)).await.unwrap()),
        vec![binh.clone()]
    );
    assert!(
        store.queue(&q("50%", 0, 10)).await.unwrap().is_empty(),
        "LIKE wildcards are literal"
    );
    let page1 = codes(store.queue(&q("", 0, 4)).await.unwrap());
    let page2 = codes(store.queue(&q("", 4, 4)).await.unwrap());
    assert_eq!((page1.len(), page2.len()), (4, 2));
    assert!(page1.iter().all(|c| !page2.contains(c)));
    let mut other_agency = q("", 0, 10);
    other_agency.agency_code = "000.00.07.H56".parse().unwrap();
    assert!(store.queue(&other_agency).await.unwrap().is_empty());
    let mut in_process = q("", 0, 10);
    in_process.kind = QueueKind::InProcess;
    assert!(store.queue(&in_process).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_search_for_an_exact_code_or_id_number_reads_those_dossiers_by_their_indexes() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let first = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    let second = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    let other = filed(&store, pid, "Lê Văn Đức", "001090019999").await;
    let q = |search: &str, offset, limit| QueueQuery {
        agency_code: AGENCY.parse().unwrap(),
        kind: QueueKind::All,
        search: search.into(),
        procedure_code: None,
        descending: false,
        offset,
        limit,
    };
    let codes = |rows: Vec<motcua_store::QueueRow>| {
        rows.into_iter().map(|r| r.dossier.code).collect::<Vec<_>>()
    };
    assert_eq!(
        codes(store.queue(&q(&other.to_lowercase(), 0, 10)).await.unwrap()),
        vec![other.clone()]
    );
    assert_eq!(
        codes(store.queue(&q("001090012345", 0, 10)).await.unwrap()),
        vec![first.clone(), second.clone()]
    );
    // Pages of the exact matches, not of the broad search.
    assert_eq!(
        codes(store.queue(&q("001090012345", 1, 1)).await.unwrap()),
        vec![second.clone()]
    );
    assert!(store.queue(&q(&other, 1, 10)).await.unwrap().is_empty());
    // Nothing exactly that: the broad search (a code prefix).
    let prefix = &first[..first.len() - 1];
    assert_eq!(
        codes(store.queue(&q(prefix, 0, 10)).await.unwrap()),
        vec![first.clone(), second.clone(), other.clone()]
    );
    if dir.backend() == motcua_store::Backend::Sqlite {
        let plan = store
            .explain_queue(&q(&other, 0, 10))
            .await
            .unwrap()
            .join("\n");
        let exact = &plan[..plan.find("Broad:").unwrap()];
        assert!(exact.contains("dossiers_applicant_id"), "{plan}");
        assert!(!exact.contains("dossiers_agency_filed"), "{plan}");
    }
}

#[tokio::test]
async fn reference_units_apply_once_per_version() {
    let dir = TestDatabase::new().await;
    let store = open(&dir).await;
    let list = [
        unit("01", "Thành phố Hà Nội", "province", None),
        unit("00004", "Phường Ba Đình", "commune", Some("01")),
    ];
    assert!(
        store
            .import_reference_units("admin_units", "v1", &list, &[], NOW)
            .await
            .unwrap()
    );
    // An administrator's own import: a renamed unit and one the list does not have.
    store
        .import_units(&[
            unit("00004", "Phường Ba Đình (sửa)", "commune", Some("01")),
            unit("00099", "Xã Mới", "commune", Some("01")),
        ])
        .await
        .unwrap();
    // The same version again changes nothing.
    assert!(
        !store
            .import_reference_units("admin_units", "v1", &list, &[], NOW)
            .await
            .unwrap()
    );
    assert_eq!(
        store.unit("00004").await.unwrap().unwrap().name,
        "Phường Ba Đình (sửa)"
    );
    // A new version applies over it, keeps what it does not name, and removes the codes it
    // retires unless an agency serves that unit.
    store
        .import_units(&[unit("00098", "Xã Cũ", "commune", Some("01"))])
        .await
        .unwrap();
    store
        .upsert_agency(&Agency {
            code: "000.50.99.H01".parse().unwrap(),
            name: "UBND xã Cũ".into(),
            level: "commune".into(),
            unit_code: Some("00099".into()),
        })
        .await
        .unwrap();
    assert!(
        store
            .import_reference_units("admin_units", "v2", &list, &["00098", "00099"], NOW)
            .await
            .unwrap()
    );
    assert_eq!(store.unit("00098").await.unwrap(), None, "retired");
    assert_eq!(
        store.unit("00004").await.unwrap().unwrap().name,
        "Phường Ba Đình"
    );
    assert!(store.unit("00099").await.unwrap().is_some());
    // A bad list is refused whole, and its version is not recorded.
    let bad = [unit("00005", "X", "commune", Some("77"))];
    assert!(
        store
            .import_reference_units("admin_units", "v3", &bad, &[], NOW)
            .await
            .is_err()
    );
    assert!(
        store
            .import_reference_units("admin_units", "v3", &list, &[], NOW)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn an_agency_lists_the_procedures_it_receives_in_one_read() {
    let dir = TestDatabase::new().await;
    let (store, id) = seeded(&dir).await;
    let today = date!(2025 - 11 - 22);
    let received = store
        .procedures_received_by(&AGENCY.parse().unwrap(), today)
        .await
        .unwrap();
    assert_eq!(received.iter().map(|p| p.id).collect::<Vec<_>>(), [id]);
    assert!(
        store
            .procedures_received_by(&"000.99.99.H56".parse().unwrap(), today)
            .await
            .unwrap()
            .is_empty()
    );
    // Not yet in force on a date before its version: nothing current.
    assert!(
        store
            .procedures_received_by(&AGENCY.parse().unwrap(), date!(2025 - 01 - 01))
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn miss_counters_count_per_limit_and_client_and_start_again_after_the_window() {
    let db = TestDatabase::new().await;
    let store = open(&db).await;
    let window = Duration::minutes(5);
    let ip = "203.0.113.7";
    assert_eq!(store.misses("lookup", ip, window, NOW).await.unwrap(), None);
    for i in 0..3 {
        let at = NOW + Duration::seconds(i);
        store.record_miss("lookup", ip, window, at).await.unwrap();
    }
    let seen = |at| {
        let store = store.clone();
        async move {
            store
                .misses("lookup", ip, window, at)
                .await
                .unwrap()
                .map(|m| (m.count, m.since))
        }
    };
    assert_eq!(seen(NOW + Duration::minutes(1)).await, Some((3, NOW)));
    // Another limit and another client count apart.
    assert_eq!(
        store.misses("sign-in", ip, window, NOW).await.unwrap(),
        None
    );
    assert_eq!(
        store.misses("lookup", "::1", window, NOW).await.unwrap(),
        None
    );
    store.forgive_miss("lookup", ip).await.unwrap();
    assert_eq!(seen(NOW + Duration::minutes(1)).await, Some((2, NOW)));
    // The window has passed: nothing is held against the client, and the next miss opens a
    // new window with one miss.
    let later = NOW + Duration::minutes(5);
    assert_eq!(seen(later).await, None);
    store
        .record_miss("lookup", ip, window, later)
        .await
        .unwrap();
    assert_eq!(seen(later).await, Some((1, later)));
    // Cleanup removes the counters whose window opened before the cut.
    store.record_miss("sign-in", ip, window, NOW).await.unwrap();
    assert_eq!(
        store
            .delete_old_misses(NOW + Duration::minutes(1))
            .await
            .unwrap(),
        1
    );
    assert_eq!(seen(later).await, Some((1, later)));
}
