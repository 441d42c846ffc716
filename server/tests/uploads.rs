//! Files a citizen posts on the documents page, over HTTP against the real server: the
//! malware scanner (Debian's clamd) before a file is kept, and removals in bulk.

mod common;

use common::documents::{DocumentsPage, procedure_with_most_documents};
use common::*;
use motcua_store::prelude::*;

/// With clamd configured, a file carrying malware (here the EICAR test string inside a file
/// of the right kind) is refused at its document with a message and nothing of it is kept; a
/// clean one is kept; when clamd stops answering, nothing is kept unchecked and the citizen is
/// told to send it again; and a server whose clamd does not answer refuses to start.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_pass_the_malware_scanner_before_they_are_kept() {
    let mut clamd = common::clamd::ClamdProcess::start().await;
    let settings = app::api::state::Settings {
        clamd: Some(clamd.address.clone()),
        ..Default::default()
    };
    motcua_server::startup::check_clamd(&settings)
        .await
        .unwrap();
    let app = spawn_app_with(settings.clone()).await;
    let page = DocumentsPage::open(&app, &procedure_with_most_documents()).await;
    let (html, docs, token) = (&page.html, &page.docs, &page.token);
    let (good, _, _) = acceptable_file(html, &docs[0]);
    let mut infected = good.clone();
    infected.extend_from_slice(b"\n");
    infected.extend_from_slice(&common::clamd::eicar());
    let answer = page.upload(&app, &docs[0], infected, "nhiem.pdf").await;
    assert!(answer.contains("bị phần mềm diệt virus chặn"), "{answer}");
    assert!(answer.contains(r#"id="loi""#), "in the error summary");
    assert!(!answer.contains("nhiem.pdf") && !answer.contains("Eicar"));
    assert!(app.store.uploads(token).await.unwrap().is_empty());

    let answer = page.upload(&app, &docs[0], good.clone(), "sach.pdf").await;
    assert!(
        answer.contains("sach.pdf"),
        "a clean file is kept: {answer}"
    );
    assert_eq!(app.store.uploads(token).await.unwrap().len(), 1);

    clamd.stop();
    let (other, _, _) = acceptable_file(html, &docs[1]);
    let answer = page.upload(&app, &docs[1], other, "chua-quet.pdf").await;
    assert!(answer.contains("Chưa kiểm tra được tệp"), "{answer}");
    assert_eq!(
        app.store.uploads(token).await.unwrap().len(),
        1,
        "nothing kept unchecked"
    );
    let refused = motcua_server::startup::check_clamd(&settings)
        .await
        .unwrap_err();
    assert!(refused.contains("clamd (MOTCUA_CLAMD)"), "{refused}");
}

/// A documents post carrying a flood of removals is answered as one: the draft's file named
/// first is removed, the rest cost nothing (one transaction, at most a draft's worth of ids).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_removals_is_one_write() {
    let app = spawn_app().await;
    let p = demo_procedures()
        .into_iter()
        .find(|p| !p["documents"].as_array().unwrap().is_empty())
        .unwrap();
    let page = DocumentsPage::open(&app, &p).await;
    let (good, name, _) = acceptable_file(&page.html, &page.docs[0]);
    page.upload(&app, &page.docs[0], good, &name).await;
    let kept = app.store.uploads(&page.token).await.unwrap();
    assert_eq!(kept.len(), 1);
    let mut form = reqwest::multipart::Form::new().text("_remove", kept[0].id.to_string());
    for id in 0..5_000 {
        form = form.text("_remove", (1_000_000 + id).to_string());
    }
    let res = app
        .client
        .post(&page.url)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.url().as_str().ends_with("/giay-to"));
    assert!(app.store.uploads(&page.token).await.unwrap().is_empty());
}

/// A file longer than clamd takes (its `StreamMaxLength`, here 10 KB, below the document's
/// limit) is refused with "send a smaller file", not "try again later" for ever; and after
/// clamd stops, every file of a post is refused at its document (clamd is asked once per
/// post, `scan::OnePost`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_longer_than_the_scanner_takes_asks_for_a_smaller_one() {
    let mut clamd = common::clamd::ClamdProcess::start_taking("10K").await;
    let app = spawn_app_with(app::api::state::Settings {
        clamd: Some(clamd.address.clone()),
        ..Default::default()
    })
    .await;
    let page = DocumentsPage::open(&app, &procedure_with_most_documents()).await;
    let (good, _, _) = acceptable_file(&page.html, &page.docs[0]);
    let mut long = good.clone();
    long.extend(std::iter::repeat_n(b' ', 20_000));
    let answer = page.upload(&app, &page.docs[0], long, "dai.pdf").await;
    assert!(
        answer.contains("lớn hơn mức phần mềm diệt virus kiểm tra được"),
        "{answer}"
    );
    let answer = page.upload(&app, &page.docs[0], good, "ngan.pdf").await;
    assert!(answer.contains("ngan.pdf"), "a short one is kept: {answer}");
    assert_eq!(app.store.uploads(&page.token).await.unwrap().len(), 1);

    // clamd gone: every file of the post is refused at its document and none is kept.
    clamd.stop();
    let mut form = reqwest::multipart::Form::new().text("_action", "upload");
    for doc in &page.docs {
        let (bytes, name, _) = acceptable_file(&page.html, doc);
        let part = reqwest::multipart::Part::bytes(bytes).file_name(name);
        form = form.part(format!("file.{doc}"), part);
    }
    let res = app.client.post(&page.url).multipart(form).send().await;
    let answer = res.unwrap().text().await.unwrap();
    assert_eq!(
        answer
            .matches(r#"class="error">Chưa kiểm tra được tệp"#)
            .count(),
        page.docs.len(),
        "{answer}"
    );
    assert_eq!(app.store.uploads(&page.token).await.unwrap().len(), 1);
}
