//! Uploaded files on an S3-compatible store, end to end: a citizen files with documents
//! through the pages, and a desk officer opens them, while the server keeps the bytes in a
//! bucket of the local S3 server that `MOTCUA_TEST_S3` names (`scripts/s3.sh`, moto).
//!
//! Without `MOTCUA_TEST_S3` the test says it did not run; with it and no server answering,
//! it fails.

mod common;

use common::staff::staff;
use common::{demo_procedures, receipt_code, spawn_app_with_files};
use motcua_store::prelude::*;
use motcua_store::testing::{S3_VARIABLE, s3_location};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_filed_on_an_s3_store_open_for_the_desk_officer() {
    let Some(files) = s3_location().await else {
        eprintln!("{S3_VARIABLE} is not set: the S3 filing test did not run");
        return;
    };
    let app = spawn_app_with_files(files.clone()).await;
    assert_eq!(app.store.blobs().to_string(), files.to_string());

    // The citizen files a procedure with documents, uploading one file for each.
    let p = demo_procedures()
        .into_iter()
        .max_by_key(|p| p["documents"].as_array().unwrap().len())
        .unwrap();
    let review = app.fill_to_review(&p).await;
    let (_, receipt) = app.submit(&review).await;
    let code = receipt_code(&receipt);
    let documents = app
        .store
        .dossier_document_history(&code.parse().unwrap())
        .await
        .unwrap();
    assert!(!documents.is_empty(), "the dossier has its documents");

    // A desk officer of the receiving agency opens each of them.
    let agency = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .agency_code;
    let officer = staff(&app, "tiepnhan", &agency).await;
    for (file, _, _) in &documents {
        let res = officer
            .get(app.url(&format!("/can-bo/ho-so/{code}/tep/{}", file.id)))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{}", file.original_name);
        assert_eq!(
            res.headers()["content-type"].to_str().unwrap(),
            file.content_type
        );
        let bytes = res.bytes().await.unwrap();
        assert_eq!(bytes.len() as u64, file.size);
        assert_eq!(motcua_store::BlobKey::of(&bytes).as_str(), file.sha256);
    }

    // The bytes went to the bucket, not to the directory a server uses by default.
    assert!(
        !app.db.files_dir().exists(),
        "nothing was written to {}",
        app.db.files_dir().display()
    );
}
