//! Filing a dossier (idempotent, numbered per local day, safe under concurrency) and looking it up.

use crate::{AGENCY, NOW, answers, applicant, dossier_of, filed, proof, seeded};
use motcua_domain::ids::{DossierCode, Proof};
use motcua_domain::workflow::Status;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use motcua_store::{Agency, NewDossier, StoreError};
use serde_json::json;
use std::collections::BTreeSet;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

#[tokio::test]
async fn filing_is_idempotent() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let token = store.create_draft(pid, NOW).await.unwrap();
    let doc = store
        .save_upload(
            &token,
            "to_khai",
            "to_khai.pdf",
            "application/pdf",
            b"%PDF tk",
            NOW,
        )
        .await
        .unwrap();
    let who = applicant("001090012345", "0912345678");
    assert_eq!(store.dossier_count().await.unwrap(), 0);

    let first = store
        .file_dossier(&token, &dossier_of(&who), NOW)
        .await
        .unwrap();
    assert!(first.newly_filed);
    assert_eq!(store.dossier_count().await.unwrap(), 1);
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
            &NewDossier {
                answers: &json!({}),
                ..dossier_of(&applicant("002000000002", "0987654321"))
            },
            NOW + Duration::minutes(5),
        )
        .await
        .unwrap();
    assert!(!again.newly_filed);
    assert_eq!(again.dossier, first.dossier);
    assert_eq!(store.dossier_count().await.unwrap(), 1, "filed once");

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
            .save_upload(
                &token,
                "to_khai",
                "late.pdf",
                "application/pdf",
                b"late",
                NOW
            )
            .await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        store.remove_uploads(&token, &[doc.id], NOW).await,
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

    let t = store.create_draft(pid, NOW).await.unwrap();
    assert!(matches!(
        store.file_dossier("nope", &dossier_of(&who), NOW).await,
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store
            .file_dossier(
                &t,
                &NewDossier {
                    agency: &"999.99.99.H99".parse().unwrap(),
                    ..dossier_of(&who)
                },
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
                &NewDossier {
                    agency: &"000.00.07.H56".parse().unwrap(),
                    ..dossier_of(&who)
                },
                NOW
            )
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store
            .file_dossier(
                &t,
                &NewDossier {
                    answers: &json!([1]),
                    ..dossier_of(&who)
                },
                NOW
            )
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
        let t = store.create_draft(pid, NOW).await.unwrap();
        let filed = store
            .file_dossier(&t, &dossier_of(&who), now)
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
        tokens.push(store.create_draft(pid, NOW).await.unwrap());
    }
    let mut tasks = tokio::task::JoinSet::new();
    for (i, token) in tokens.into_iter().enumerate() {
        let store = store.clone();
        tasks.spawn(async move {
            let who = applicant(&format!("{:012}", i), &format!("09{:08}", i));
            store
                .file_dossier(&token, &dossier_of(&who), NOW)
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
    let token = store.create_draft(pid, NOW).await.unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let store = store.clone();
        let token = token.clone();
        tasks.spawn(async move {
            let who = applicant("001090012345", "0912345678");
            store
                .file_dossier(&token, &dossier_of(&who), NOW)
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
    let t = store.create_draft(pid, NOW).await.unwrap();
    let who = applicant("001090012345", "0912345678");
    let next = store
        .file_dossier(&t, &dossier_of(&who), NOW)
        .await
        .unwrap();
    assert_eq!(next.dossier.code, "000.00.06.H56-251122-0002");
}

#[tokio::test]
async fn lookup_needs_code_and_id_or_access_code() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let token = store.create_draft(pid, NOW).await.unwrap();
    let who = applicant("001090012345", "0912345678");
    let code = store
        .file_dossier(&token, &dossier_of(&who), NOW)
        .await
        .unwrap()
        .dossier
        .code;

    let by_id = store
        .find_for_lookup(&code, &proof("001090012345"))
        .await
        .unwrap();
    assert_eq!(by_id.unwrap().code, code);
    let access = motcua_domain::testing::sample_access_code();
    let by_access = store
        .find_for_lookup(&code, &Proof::AccessCode(access.clone()))
        .await
        .unwrap();
    assert_eq!(by_access.unwrap().code, code);
    let mut raw = {
        use sqlx::Connection;
        sqlx::AnyConnection::connect(dir.url()).await.unwrap()
    };
    let digest: Option<String> =
        sqlx::query_scalar("SELECT access_digest FROM dossiers WHERE code = $1")
            .bind(code.as_str())
            .fetch_one(&mut raw)
            .await
            .unwrap();
    assert!(
        !digest.unwrap().contains(access.as_str()),
        "only a digest is stored"
    );
    // Slip 01 prints the code while the filing's draft keeps it, and not after it expired.
    assert_eq!(
        store.receipt_access_code(&code).await.unwrap(),
        Some(access.clone())
    );
    assert_eq!(
        store
            .delete_stale_drafts(NOW + time::Duration::days(31))
            .await
            .unwrap(),
        1
    );
    assert_eq!(store.receipt_access_code(&code).await.unwrap(), None);
    assert!(
        store
            .find_for_lookup(&code, &Proof::AccessCode(access.clone()))
            .await
            .unwrap()
            .is_some(),
        "the dossier's digest still opens it"
    );

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
    let t2 = store.create_draft(pid, NOW).await.unwrap();
    let code2 = store
        .file_dossier(
            &t2,
            &dossier_of(&applicant("002000000002", "0987654321")),
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
    // The same access code digests differently on each dossier.
    assert_eq!(
        store
            .find_for_lookup(&code2, &Proof::AccessCode(access))
            .await
            .unwrap()
            .unwrap()
            .code,
        code2
    );
    let digests: Vec<Option<String>> = sqlx::query_scalar("SELECT access_digest FROM dossiers")
        .fetch_all(&mut raw)
        .await
        .unwrap();
    assert_eq!(digests.len(), 2);
    assert_ne!(digests[0], digests[1]);
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
