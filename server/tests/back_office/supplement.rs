//! The supplement round trip: staff ask, the citizen answers from the lookup, and a file sent
//! with the answer is checked by the same rule as at filing.

use crate::common;
use crate::common::staff::{act, assignee, full_form, staff, text};
use crate::common::{Browser, spawn_app};
use crate::{
    ACCESS_CODE, AGENCY, Accepted, PROCEDURE, accepted, file, prefix_of, procedure, status,
};
use motcua_domain::upload::{FileRule, UploadProblemKind};
use motcua_domain::workflow::StaffRole;
use motcua_store::prelude::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_answers_a_supplement_request_from_the_lookup() {
    let app = spawn_app().await;
    let (_, p) = procedure(&app).await;
    let field = p.form[0].fields[0].clone();
    let code = file(&app, AGENCY, None).await;
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    act(
        &app,
        &reception,
        &code,
        "accept",
        full_form(&app, &field.id),
    )
    .await;
    let specialist_role = StaffRole::from(p.process[0].role);
    let first = staff(&app, prefix_of(specialist_role), AGENCY).await;
    let form = reqwest::multipart::Form::new()
        .text("ly_do", "Nội dung chưa đúng")
        .text("muc", format!("field:{}", field.id));
    let (_, landed) = act(&app, &first, &code, "request_supplement", form).await;
    assert!(landed.contains("xong=request_supplement"), "{landed}");
    let d = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (d.status.code(), d.state.resume_status.map(|s| s.code())),
        (5, Some(4))
    );
    assert!(d.state.paused_at.is_some(), "the clock is paused");
    // Slip 02 lists the item and the reason.
    let (_, slip) = text(&reception, &app.url(&format!("/phieu/{code}/02"))).await;
    assert!(
        slip.contains("Nội dung chưa đúng")
            && slip.contains(field.label.get(motcua_domain::text::Lang::Vi))
    );

    // The citizen, without an account, finds the request through the lookup.
    let guest = Browser::new(app.base.clone());
    let lookup = guest.look_up(&code, ACCESS_CODE).await;
    assert!(lookup.contains("Nội dung chưa đúng"), "reason shown");
    assert!(
        lookup.contains(&format!("/phieu/{code}/02")),
        "slip 02 offered"
    );
    let res = guest.open_supplement_answer(&code, ACCESS_CODE).await;
    let page_url = res.url().to_string();
    assert!(
        page_url.contains(&format!("/bo-sung/{code}/")),
        "{page_url}"
    );
    let page = res.text().await.unwrap();
    assert!(
        page.contains(&format!("name=\"{}\"", field.id)),
        "the requested field re-opens"
    );
    assert!(page.contains("Giá trị ban đầu"), "with what was filed");
    // Other fields of the form stay closed.
    for other in p
        .form
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| f.id != field.id)
    {
        assert!(
            !page.contains(&format!("name=\"{}\"", other.id)),
            "{} stays closed",
            other.id
        );
    }
    // An empty answer to a required field comes back with its message, nothing sent.
    let empty = reqwest::multipart::Form::new()
        .text(field.id.clone(), "")
        .text("_action", "next");
    let res = guest
        .client
        .post(&page_url)
        .multipart(empty)
        .send()
        .await
        .unwrap();
    let again = res.text().await.unwrap();
    if field.required {
        let label = field.label.vi().to_lowercase();
        let message = again
            .split(&format!("id=\"{}-error\"", field.id))
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .unwrap_or("")
            .to_lowercase();
        assert!(
            message.contains(&label),
            "the error at the field names it ({label}): {message}"
        );
        assert_eq!(status(&app, &code).await, 5);
    }
    // The corrected answer goes back to the agency, into the step it was in.
    let json = common::demo_procedures()
        .into_iter()
        .find(|x| x["code"] == PROCEDURE)
        .unwrap();
    let mut pairs = vec![];
    common::fill(&[json["form"][0]["fields"][0].clone()], "", &mut pairs);
    let mut form = reqwest::multipart::Form::new().text("_action", "next");
    for (k, v) in pairs {
        form = form.text(k, v);
    }
    let res = guest
        .client
        .post(&page_url)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(res.url().path().ends_with("/xong"), "{}", res.url());
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
    assert!(d.state.paused_at.is_none());
    assert_eq!(d.supplement_round, 1);
    let versions = app
        .store
        .answer_versions(&code.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(
        versions[0].1[&field.id], "Giá trị ban đầu",
        "the earlier answer is kept"
    );
    // Staff see the earlier value beside the new one.
    let (_, staff_page) = text(&reception, &app.url(&format!("/can-bo/ho-so/{code}"))).await;
    assert!(
        staff_page.contains("<del>Giá trị ban đầu</del>"),
        "diff shown"
    );
    // The token is spent: the page is gone.
    assert_eq!(text(&guest.client, &page_url).await.0, 404);
}

/// The message the documents page and the supplement page both show for `problem` at
/// `document` (one rule, one text: `motcua_domain::upload`).
fn upload_message(
    document: &motcua_domain::procedure::Document,
    problem: UploadProblemKind,
) -> String {
    app::flow::upload_message(app::i18n::Lang::Vi, document.name.vi(), &problem)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supplement_file_is_checked_by_the_same_rule_as_a_filing_file() {
    let app = spawn_app().await;
    let Accepted { p, code, .. } = accepted(&app).await;
    let doc = p.documents[0].clone();
    let specialist = assignee(&app, &code).await;
    let form = reqwest::multipart::Form::new()
        .text("ly_do", "Ảnh chụp bị mờ")
        .text("muc", format!("document:{}", doc.id));
    let (_, landed) = act(&app, &specialist, &code, "request_supplement", form).await;
    assert!(landed.contains("xong=request_supplement"), "{landed}");

    let guest = Browser::new(app.base.clone());
    let res = guest.open_supplement_answer(&code, ACCESS_CODE).await;
    let page_url = res.url().to_string();
    // A body cut off before its end: a translated page, never the parser's words.
    let res = guest
        .client
        .post(&page_url)
        .header("Content-Type", "multipart/form-data; boundary=X")
        .body("--X\r\nContent-Disposition: form-data; name=\"_action\"\r\n\r\nnext")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let page = res.text().await.unwrap();
    assert!(page.contains("Không đọc được nội dung đã gửi"), "{page}");
    assert!(!page.contains("multipart"), "{page}");
    let send = |name: &str, bytes: Vec<u8>| {
        let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_string());
        reqwest::multipart::Form::new()
            .part(format!("file.{}", doc.id), part)
            .text("_action", "next")
    };
    // Text dressed as a PDF: refused by its content, with the filing page's words.
    let res = guest
        .client
        .post(&page_url)
        .multipart(send("uy-quyen.pdf", b"khong phai PDF".to_vec()))
        .send()
        .await
        .unwrap();
    let page = res.text().await.unwrap();
    let wrong = UploadProblemKind::WrongType {
        accepted: FileRule::of(&doc).accepted_names(),
    };
    assert!(
        page.contains(&upload_message(&doc, wrong.clone())),
        "{page}"
    );
    assert_eq!(status(&app, &code).await, 5, "nothing sent");
    // An empty file is named as such (it used to be skipped silently here).
    let res = guest
        .client
        .post(&page_url)
        .multipart(send("uy-quyen.pdf", vec![]))
        .send()
        .await
        .unwrap();
    let page = res.text().await.unwrap();
    assert!(
        page.contains(&upload_message(&doc, UploadProblemKind::Empty)),
        "{page}"
    );
    assert_eq!(status(&app, &code).await, 5, "nothing sent");
    // A photo where only a PDF is accepted is refused the same way.
    let res = guest
        .client
        .post(&page_url)
        .multipart(send("anh.png", common::tiny_png()))
        .send()
        .await
        .unwrap();
    assert!(
        res.text()
            .await
            .unwrap()
            .contains(&upload_message(&doc, wrong.clone()))
    );
    // A real PDF goes back to the agency and replaces the document.
    let res = guest
        .client
        .post(&page_url)
        .multipart(send("uy-quyen.pdf", common::tiny_pdf()))
        .send()
        .await
        .unwrap();
    assert!(res.url().path().ends_with("/xong"), "{}", res.url());
    assert_eq!(status(&app, &code).await, 4);
    let files = app
        .store
        .dossier_documents(&code.parse().unwrap())
        .await
        .unwrap();
    let kept: Vec<_> = files.iter().filter(|f| f.document_id == doc.id).collect();
    assert_eq!(kept.len(), 1, "{files:?}");
    assert_eq!(kept[0].content_type, "application/pdf");
}
