//! A dossier through every step with its slips, refused moves, handing a step on, stopping.

use crate::common::spawn_app;
use crate::common::staff::{act, assignee, full_form, refusal, staff, text};
use crate::{AGENCY, Accepted, accepted, file, procedure, status};
use motcua_store::prelude::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dossier_is_accepted_moved_through_every_step_and_returned() {
    let app = spawn_app().await;
    let (_, p) = procedure(&app).await;
    let field = p.form[0].fields[0].id.clone();
    let code = file(&app, AGENCY, None).await;
    let reception = staff(&app, "tiepnhan", AGENCY).await;

    // The new dossier waits in reception's queue.
    let (_, queue) = text(&reception, &app.url("/can-bo?hang=moi")).await;
    assert!(queue.contains(&code), "new queue lists the dossier");

    let (_, landed) = act(&app, &reception, &code, "accept", full_form(&app, &field)).await;
    assert!(landed.contains("xong=accept"), "{landed}");
    let d = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(d.status.code(), 4);
    assert_eq!(
        d.state.current_step.as_deref(),
        Some(p.process[0].id.as_str())
    );
    assert!(d.state.due_at.is_some() && d.state.statutory_due_at == d.state.due_at);

    // Slip 01 carries the code, the due moment and a QR code; its PDF is a PDF.
    let (code01, slip) = text(&reception, &app.url(&format!("/phieu/{code}/01"))).await;
    assert_eq!(code01, 200);
    assert!(slip.contains(&code) && slip.contains("<svg") && slip.contains("Hẹn trả kết quả"));
    // It prints the receipt's access code, as the spec asks (the draft still keeps it).
    assert!(
        slip.contains("Mã truy cập") && slip.contains("K7QM-3XHD-9TPA"),
        "{slip}"
    );
    let pdf = reception
        .get(app.url(&format!("/phieu/{code}/01/pdf")))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));

    // Each step is handed on by a holder of its role; the last one finishes with the result.
    for (i, step) in p.process.iter().enumerate() {
        let holder = assignee(&app, &code).await;
        let d = app
            .store
            .dossier(&code.parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(d.state.current_step.as_deref(), Some(step.id.as_str()));
        let last = i + 1 == p.process.len();
        let action = if last { "finish" } else { "next_step" };
        let (_, landed) = act(&app, &holder, &code, action, full_form(&app, &field)).await;
        assert!(
            landed.contains(&format!("xong={action}")),
            "{}: {landed}",
            step.id
        );
    }
    assert_eq!(status(&app, &code).await, 9);
    let (_, landed) = act(
        &app,
        &reception,
        &code,
        "return_result",
        full_form(&app, &field),
    )
    .await;
    assert!(landed.contains("xong=return_result"), "{landed}");
    assert_eq!(status(&app, &code).await, 10);

    // The history: filing, 1→2, 2→4, one 4→4 per hand-on, 4→9, 9→10.
    let events = app.store.events(&code.parse().unwrap()).await.unwrap();
    let moves: Vec<(Option<i32>, i32)> = events
        .iter()
        .map(|e| (e.from_status.map(|s| s.code()), e.to_status.code()))
        .collect();
    let mut expected = vec![(None, 1), (Some(1), 2), (Some(2), 4)];
    expected.extend((1..p.process.len()).map(|_| (Some(4), 4)));
    expected.extend([(Some(4), 9), (Some(9), 10)]);
    assert_eq!(moves, expected);
    assert_eq!(
        app.store
            .attachments(&code.parse().unwrap())
            .await
            .unwrap()
            .len(),
        1,
        "the result document"
    );

    // Slip 06 has a row per hand-off; the dossier page shows the whole timeline.
    let (_, slip06) = text(&reception, &app.url(&format!("/phieu/{code}/06"))).await;
    assert!(slip06.contains("PHIẾU KIỂM SOÁT"), "slip 06");
    assert!(
        slip06.matches("<tr>").count() >= events.len(),
        "a row per event"
    );
    let (_, page) = text(&reception, &app.url(&format!("/can-bo/ho-so/{code}"))).await;
    assert!(page.contains("Đã trả kết quả"));
    // Slip 07, the tracking book, lists it.
    let (_, book) = text(&reception, &app.url("/can-bo/so-theo-doi")).await;
    assert!(book.contains(&code), "tracking book lists the dossier");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_move_says_why_and_changes_nothing() {
    let app = spawn_app().await;
    let code = file(&app, AGENCY, None).await;
    let before = app
        .store
        .events(&code.parse().unwrap())
        .await
        .unwrap()
        .len();
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    let specialist = staff(&app, "chuyenvien", AGENCY).await;

    let (_, landed) = act(&app, &reception, &code, "finish", full_form(&app, "x")).await;
    assert!(
        landed.contains(&refusal("not_allowed_from_status")),
        "{landed}"
    );
    let (_, landed) = act(&app, &specialist, &code, "accept", full_form(&app, "x")).await;
    assert!(landed.contains(&refusal("role_missing")), "{landed}");
    // A refusal without its reason keeps nothing half-done, and the page says what is missing.
    let (_, landed) = act(
        &app,
        &reception,
        &code,
        "refuse",
        reqwest::multipart::Form::new().text("ly_do", "   "),
    )
    .await;
    assert!(landed.contains(&refusal("reason_required")), "{landed}");
    assert!(landed.contains("Hãy nhập lý do"), "message at the top");
    // The refusal is the page itself: what was typed (which may name the applicant) comes
    // back in the form, and never stands in the address.
    let typed = format!("Ông Nguyễn Văn An {}", "x".repeat(2_000));
    let res = reception
        .post(app.url(&format!("/can-bo/ho-so/{code}/refuse")))
        .multipart(reqwest::multipart::Form::new().text("ly_do", typed.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(res.url().query(), None, "{}", res.url());
    let page = res.text().await.unwrap();
    assert!(page.contains(&refusal("text_too_long")), "{page}");
    assert!(page.contains(&typed), "the reason typed is kept");
    assert_eq!(status(&app, &code).await, 1);
    assert_eq!(
        app.store
            .events(&code.parse().unwrap())
            .await
            .unwrap()
            .len(),
        before
    );

    // A repeated accept (double submit) moves the dossier once.
    let (_, p) = procedure(&app).await;
    let field = p.form[0].fields[0].id.clone();
    act(&app, &reception, &code, "accept", full_form(&app, &field)).await;
    let (_, again) = act(&app, &reception, &code, "accept", full_form(&app, &field)).await;
    assert!(
        again.contains(&refusal("not_allowed_from_status")),
        "{again}"
    );
    assert_eq!(
        app.store
            .events(&code.parse().unwrap())
            .await
            .unwrap()
            .len(),
        before + 2
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_step_is_handed_on_by_its_assignee_or_a_leader() {
    let app = spawn_app().await;
    let Accepted {
        field,
        code,
        reception,
        ..
    } = accepted(&app).await;
    act(
        &app,
        &reception,
        &code,
        "next_step",
        full_form(&app, &field),
    )
    .await;
    // The specialist step went to one of the two specialists; the other one may not move it.
    let d = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let holder = app
        .store
        .account(d.state.assignee_id.unwrap())
        .await
        .unwrap()
        .unwrap();
    let other = if holder.login.starts_with("chuyenvien2") {
        "chuyenvien"
    } else {
        "chuyenvien2"
    };
    let other = staff(&app, other, AGENCY).await;
    let (_, landed) = act(&app, &other, &code, "next_step", full_form(&app, &field)).await;
    assert!(landed.contains(&refusal("not_your_step")), "{landed}");
    assert_eq!(
        app.store
            .dossier(&code.parse().unwrap())
            .await
            .unwrap()
            .unwrap()
            .state
            .current_step,
        d.state.current_step
    );
    // The holder hands it on; the next step can be handed to a chosen person.
    let holder = assignee(&app, &code).await;
    let (_, landed) = act(&app, &holder, &code, "next_step", full_form(&app, &field)).await;
    assert!(landed.contains("xong=next_step"), "{landed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_specialist_stops_processing_only_after_a_leader_approved() {
    let app = spawn_app().await;
    let Accepted {
        field,
        code,
        reception,
        ..
    } = accepted(&app).await;
    let specialist = staff(&app, "chuyenvien", AGENCY).await;
    let (_, page) = text(&specialist, &app.url(&format!("/can-bo/ho-so/{code}"))).await;
    assert!(!page.contains("id=\"hd-stop\""), "no stop without approval");
    let (_, landed) = act(&app, &specialist, &code, "stop", full_form(&app, &field)).await;
    assert!(
        landed.contains(&refusal("leader_approval_required")),
        "{landed}"
    );
    // Only a leader approves, and a ticked box is no approval.
    let (_, landed) = act(
        &app,
        &specialist,
        &code,
        "approve_stop",
        full_form(&app, &field),
    )
    .await;
    assert!(landed.contains(&refusal("role_missing")), "{landed}");
    let leader = staff(&app, "lanhdao", AGENCY).await;
    let (_, page) = text(&leader, &app.url(&format!("/can-bo/ho-so/{code}"))).await;
    assert!(
        page.contains("id=\"hd-approve_stop\""),
        "the leader is offered the approval"
    );
    let (_, landed) = act(
        &app,
        &leader,
        &code,
        "approve_stop",
        full_form(&app, &field),
    )
    .await;
    assert!(landed.contains("xong=approve_stop"), "{landed}");
    assert_eq!(status(&app, &code).await, 4);
    let (_, page) = text(&specialist, &app.url(&format!("/can-bo/ho-so/{code}"))).await;
    assert!(
        page.contains("id=\"hd-stop\""),
        "now the specialist may stop"
    );
    let (_, landed) = act(&app, &specialist, &code, "stop", full_form(&app, &field)).await;
    assert!(landed.contains("xong=stop"), "{landed}");
    assert_eq!(status(&app, &code).await, 8);
    let (_, slip) = text(&reception, &app.url(&format!("/phieu/{code}/05"))).await;
    assert!(slip.contains("THÔNG BÁO DỪNG XỬ LÝ") && slip.contains("Lý do kiểm tra"));
}
