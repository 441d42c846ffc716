use motcua_domain::testing::sample_procedure;
use motcua_domain::upload::MAX_FILES_PER_DRAFT;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;

use super::*;
use crate::filing::tests::{NOW, NoUnits, PROC, seeded};
use crate::scan::NoScanner;

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
        attach(&store, &NoScanner, token.as_str(), document, sent, NOW)
            .await
            .unwrap();
    }
    let bytes = file(MAX_FILES_PER_DRAFT);
    let sent = SentFile {
        file_name: "mot-trang-nua.pdf",
        bytes: &bytes,
    };
    let refused = attach(&store, &NoScanner, token.as_str(), document, sent, NOW).await;
    assert!(
        matches!(
            refused,
            Err(AttachError::Refused(UploadProblemKind::DraftFull))
        ),
        "{refused:?}"
    );
    let kept = store.uploads(token.as_str()).await.unwrap();
    assert_eq!(kept.len(), MAX_FILES_PER_DRAFT);
    // On the documents page, "remove one" and its replacement in the same post: the removal
    // is done before the file is kept, so the full draft takes it.
    let filing = crate::filing::tests::open(&store, &token).await;
    let mut post = crate::filing::DocumentsPost::begin(&filing, &NoUnits, NOW);
    post.remove(kept[0].id);
    post.upload(&store, &NoScanner, &filing, &document.id, sent)
        .await
        .unwrap();
    let now_kept = store.uploads(token.as_str()).await.unwrap();
    assert_eq!(now_kept.len(), MAX_FILES_PER_DRAFT);
    assert!(!now_kept.iter().any(|u| u.id == kept[0].id));
    assert!(
        now_kept
            .iter()
            .any(|u| u.original_name == "mot-trang-nua.pdf")
    );
}

/// The first bytes of a PNG that says it is `width` × `height` (a signature and its header
/// chunk: all a size reader looks at).
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend(width.to_be_bytes());
    png.extend(height.to_be_bytes());
    png.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
    png
}

#[test]
fn a_photo_of_too_many_pixels_is_refused_without_decoding_it() {
    let rule = FileRule {
        accepted: vec![FileKind::Png, FileKind::Jpg],
        max_mb: 10.0,
    };
    let sent = |bytes: &[u8]| {
        check(
            &rule,
            SentFile {
                file_name: "anh.png",
                bytes,
            },
        )
    };
    // A phone's 108-megapixel photo is kept; a 30,000 × 30,000 "photo" of a few bytes is not.
    assert_eq!(sent(&png_header(12_000, 9_000)), Ok("image/png"));
    assert_eq!(
        sent(&png_header(30_000, 30_000)),
        Err(UploadProblemKind::TooManyPixels)
    );
    // A PNG signature with no readable size.
    assert_eq!(
        sent(b"\x89PNG\r\n\x1a\n"),
        Err(UploadProblemKind::TooManyPixels)
    );
}
