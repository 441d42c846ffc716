//! The result document an officer attaches passes the malware scanner, as a citizen's files
//! do: offices open it, and the citizen downloads it.

use crate::common::clamd::{ClamdProcess, eicar};
use crate::common::spawn_app_with;
use crate::common::staff::{act, assignee, full_form, full_form_with_result, refusal};
use crate::common::tiny_pdf;
use crate::{Accepted, accepted, status};

/// Hands the accepted dossier on to its last step; the officer who holds it.
async fn at_last_step(app: &crate::common::TestApp, a: &Accepted) -> reqwest::Client {
    for _ in 1..a.p.process.len() {
        let holder = assignee(app, &a.code).await;
        let (_, landed) = act(app, &holder, &a.code, "next_step", full_form(app, &a.field)).await;
        assert!(landed.contains("xong=next_step"), "{landed}");
    }
    assert_eq!(status(app, &a.code).await, 4);
    assignee(app, &a.code).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_result_document_passes_the_malware_scanner() {
    let mut clamd = ClamdProcess::start().await;
    let app = spawn_app_with(app::api::state::Settings {
        clamd: Some(clamd.address.clone()),
        ..Default::default()
    })
    .await;
    let first = accepted(&app).await;
    let holder = at_last_step(&app, &first).await;
    let mut infected = tiny_pdf();
    infected.extend_from_slice(&eicar());
    let finish = full_form_with_result(&app, &first.field, infected);
    let (http, page) = act(&app, &holder, &first.code, "finish", finish).await;
    assert_eq!(http, 422, "{page}");
    assert!(page.contains(&refusal("result_file_malware")), "{page}");
    assert!(page.contains("Lý do kiểm tra"), "the reason typed is kept");
    assert_eq!(status(&app, &first.code).await, 4, "nothing moved");

    // A clean result is taken.
    let second = accepted(&app).await;
    let holder2 = at_last_step(&app, &second).await;
    let finish = full_form(&app, &second.field);
    let (_, landed) = act(&app, &holder2, &second.code, "finish", finish).await;
    assert!(landed.contains("xong=finish"), "{landed}");
    assert_eq!(status(&app, &second.code).await, 9);

    // With clamd gone, nothing is taken unchecked.
    clamd.stop();
    let finish = full_form(&app, &first.field);
    let (http, page) = act(&app, &holder, &first.code, "finish", finish).await;
    assert_eq!(http, 422, "{page}");
    assert!(page.contains(&refusal("result_file_unscanned")), "{page}");
    assert_eq!(status(&app, &first.code).await, 4);
}
