use motcua_domain::testing::sample_procedure;
use motcua_domain::upload::MAX_FILES_PER_DRAFT;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;

use super::*;
use crate::filing::tests::{NOW, PROC, seeded};

/// One anonymous draft cannot keep files without end: past the cap the file is refused at
/// its document, and removing one makes room again.
#[tokio::test]
async fn a_draft_keeps_at_most_its_quota_of_files() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let token = crate::filing::start(&store, PROC, NOW).await.unwrap();
    let procedure = sample_procedure();
    let document = &procedure.documents[0];
    let file = |n: usize| {
        // Different bytes each time: the store keeps one copy of equal content.
        format!("%PDF-1.4\n% {n}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").into_bytes()
    };
    for n in 0..MAX_FILES_PER_DRAFT {
        let bytes = file(n);
        let sent = SentFile {
            file_name: "trang.pdf",
            bytes: &bytes,
        };
        attach(&store, token.as_str(), document, sent, NOW)
            .await
            .unwrap();
    }
    let bytes = file(MAX_FILES_PER_DRAFT);
    let sent = SentFile {
        file_name: "mot-trang-nua.pdf",
        bytes: &bytes,
    };
    let refused = attach(&store, token.as_str(), document, sent, NOW).await;
    assert!(
        matches!(
            refused,
            Err(AttachError::Refused(UploadProblemKind::DraftFull))
        ),
        "{refused:?}"
    );
    let kept = store.uploads(token.as_str()).await.unwrap();
    assert_eq!(kept.len(), MAX_FILES_PER_DRAFT);
    assert!(
        store
            .remove_upload(token.as_str(), kept[0].id, NOW)
            .await
            .unwrap()
    );
    attach(&store, token.as_str(), document, sent, NOW)
        .await
        .unwrap();
}
