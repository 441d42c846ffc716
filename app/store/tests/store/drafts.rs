//! Before filing: drafts and their expiry, and uploads stored by content.

use crate::{AGENCY, NOW, open, seeded};
use motcua_store::StoreError;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use serde_json::json;
use time::Duration;

#[tokio::test]
async fn drafts_round_trip_and_expire() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    assert!(matches!(
        store.create_draft(424242, NOW).await,
        Err(StoreError::NotFound(_))
    ));

    let token = store.create_draft(pid, NOW).await.unwrap();
    assert_eq!(token.len(), 64);
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));
    let other = store.create_draft(pid, NOW).await.unwrap();
    assert_ne!(token, other);

    let fresh = store.draft(&token).await.unwrap().unwrap();
    assert_eq!(fresh.procedure_id, pid);
    assert_eq!(fresh.data, json!({}));
    assert_eq!(fresh.dossier_code, None);

    let data = json!({ "raw": { "chong_ho_ten": ["  An "] }, "errors": [], "agency": AGENCY });
    let later = NOW + Duration::minutes(5);
    store.save_draft(&token, &data, later).await.unwrap();
    let saved = store.draft(&token).await.unwrap().unwrap();
    assert_eq!(saved.data, data);
    assert_eq!(saved.token, token);
    // Stamped with the moments the caller gave, not this machine's clock.
    assert_eq!((saved.created_at, saved.updated_at), (NOW, later));

    assert_eq!(store.draft("not-a-token").await.unwrap(), None);
    assert!(matches!(
        store.save_draft("not-a-token", &data, NOW).await,
        Err(StoreError::NotFound(_))
    ));

    // Nothing was touched before an hour ago; both drafts were before an hour from now.
    let now = NOW;
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
    let token = store.create_draft(pid, NOW).await.unwrap();
    let pdf = b"%PDF-1.7 to khai".to_vec();
    let a = store
        .save_upload(
            &token,
            "to_khai",
            "tờ khai.pdf",
            "application/pdf",
            &pdf,
            NOW,
        )
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
        .save_upload(
            &token,
            "to_khai",
            "trang 2.png",
            "image/png",
            b"png page 2",
            NOW,
        )
        .await
        .unwrap();
    let c = store
        .save_upload(
            &token,
            "giay_to_khac",
            "copy.pdf",
            "application/pdf",
            &pdf,
            NOW,
        )
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
            .save_upload(&token, "nope", "x.pdf", "application/pdf", b"x", NOW)
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store
            .save_upload("bad", "to_khai", "x.pdf", "application/pdf", b"x", NOW)
            .await,
        Err(StoreError::NotFound(_))
    ));

    // Removal only through the owning draft.
    let stranger = store.create_draft(pid, NOW).await.unwrap();
    assert_eq!(
        store.remove_uploads(&stranger, &[b.id], NOW).await.unwrap(),
        0
    );
    assert_eq!(store.remove_uploads(&token, &[b.id], NOW).await.unwrap(), 1);
    assert_eq!(store.remove_uploads(&token, &[b.id], NOW).await.unwrap(), 0);
    assert_eq!(store.uploads(&token).await.unwrap(), [a.clone(), c.clone()]);
    // Several in one call: the draft's are removed, the rest skipped; none is no write.
    let d = store
        .save_upload(&token, "to_khai", "d.pdf", "application/pdf", b"d", NOW)
        .await
        .unwrap();
    let e = store
        .save_upload(&token, "to_khai", "e.pdf", "application/pdf", b"e", NOW)
        .await
        .unwrap();
    let ids = [d.id, b.id, e.id, i64::MAX];
    assert_eq!(store.remove_uploads(&token, &ids, NOW).await.unwrap(), 2);
    assert_eq!(store.remove_uploads(&token, &[], NOW).await.unwrap(), 0);
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

/// Removing an upload or expiring a draft deletes rows; the collector then frees the bytes
/// nothing names any more, after a grace period, and never those a dossier keeps.
#[tokio::test]
async fn unreferenced_files_are_collected_after_their_grace_period() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let on_disk = |sha256: &str| dir.files_dir().join(&sha256[..2]).join(sha256).is_file();
    let upload = |token: String, bytes: &'static [u8]| {
        let store = store.clone();
        async move {
            store
                .save_upload(&token, "to_khai", "a.pdf", "application/pdf", bytes, NOW)
                .await
                .unwrap()
        }
    };
    // A dossier keeps `filed`; a draft keeps `drafted` and had `removed`.
    let filing = store.create_draft(pid, NOW).await.unwrap();
    let filed = upload(filing.clone(), b"%PDF filed").await;
    let who = crate::applicant("001090012345", "0912345678");
    store
        .file_dossier(&filing, &crate::dossier_of(&who), NOW)
        .await
        .unwrap();
    let draft = store.create_draft(pid, NOW).await.unwrap();
    let drafted = upload(draft.clone(), b"%PDF drafted").await;
    let removed = upload(draft.clone(), b"%PDF removed").await;
    assert_eq!(
        store
            .remove_uploads(&draft, &[removed.id], NOW)
            .await
            .unwrap(),
        1
    );
    assert!(on_disk(&removed.sha256), "removing deletes the row only");

    // Within the grace period nothing goes; after it, what nothing names.
    let grace = Duration::hours(1);
    assert_eq!(
        store.collect_unreferenced_files(NOW - grace).await.unwrap(),
        0
    );
    assert!(on_disk(&removed.sha256));
    assert_eq!(
        store.collect_unreferenced_files(NOW + grace).await.unwrap(),
        1
    );
    assert!(!on_disk(&removed.sha256));
    assert!(on_disk(&filed.sha256) && on_disk(&drafted.sha256));

    // The draft expires: its file goes too; the dossier's stays readable.
    store.delete_stale_drafts(NOW + grace).await.unwrap();
    assert_eq!(
        store.collect_unreferenced_files(NOW + grace).await.unwrap(),
        1
    );
    assert!(!on_disk(&drafted.sha256));
    assert_eq!(store.read_file(&filed.sha256).await.unwrap(), b"%PDF filed");
    assert_eq!(
        store.collect_unreferenced_files(NOW + grace).await.unwrap(),
        0
    );

    // The same content sent again later is written again.
    let again = store.create_draft(pid, NOW).await.unwrap();
    let back = upload(again, b"%PDF removed").await;
    assert_eq!(back.sha256, removed.sha256);
    assert_eq!(
        store.read_file(&back.sha256).await.unwrap(),
        b"%PDF removed"
    );
}

/// Posts racing for a draft's last place: exactly one file is kept, the others are told the
/// draft is full (the room is counted under the draft's lock, in the transaction that adds
/// the file), and a draft at its limit takes nothing more.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_uploads_cannot_overfill_a_draft() {
    use motcua_domain::upload::MAX_FILES_PER_DRAFT;
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let token = store.create_draft(pid, NOW).await.unwrap();
    for i in 0..MAX_FILES_PER_DRAFT - 1 {
        let bytes = format!("%PDF-1.7 {i}").into_bytes();
        store
            .save_upload(&token, "to_khai", "a.pdf", "application/pdf", &bytes, NOW)
            .await
            .unwrap();
    }
    let racers = (0..8).map(|i| {
        let (store, token) = (store.clone(), token.clone());
        tokio::spawn(async move {
            let bytes = format!("%PDF-1.7 racer {i}").into_bytes();
            store
                .save_upload(&token, "to_khai", "b.pdf", "application/pdf", &bytes, NOW)
                .await
        })
    });
    let mut kept = 0;
    for racer in racers.collect::<Vec<_>>() {
        match racer.await.unwrap() {
            Ok(_) => kept += 1,
            Err(StoreError::DraftFull) => {}
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!(kept, 1);
    assert_eq!(
        store.uploads(&token).await.unwrap().len(),
        MAX_FILES_PER_DRAFT
    );
}
