//! Who may make which move: roles × actions × own/other agency against the HTTP endpoint.

use crate::common::staff::{act, full_form, staff, text};
use crate::common::{client, raw_client, spawn_app};
use crate::{
    ACCESS_CODE, AGENCY, ID_NUMBER, OTHER_AGENCY, PREFIXES, file, file_draft, procedure, status,
};
use motcua_domain::workflow::{Action, Actor, MoveContext, MoveInput, Status, decide};
use motcua_store::prelude::*;

/// Roles × actions × own/other agency against the HTTP endpoint, from status 1 and from the
/// first process step (4): a move happens exactly when the agency is the officer's own and
/// the status machine allows it for their role; otherwise nothing changes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn access_matrix_of_staff_actions() {
    let app = spawn_app().await;
    let (_, p) = procedure(&app).await;
    let field = p.form[0].fields[0].id.clone();
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    let mut clients = vec![];
    for (prefix, role) in PREFIXES {
        clients.push((role, true, staff(&app, prefix, AGENCY).await));
        clients.push((role, false, staff(&app, prefix, OTHER_AGENCY).await));
    }
    let actions: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| !a.by_citizen())
        .collect();
    let mut checked = 0;
    for start in [Status::Submitted, Status::InProcess] {
        for (role, own, c) in &clients {
            for action in &actions {
                let code = file(&app, AGENCY, None).await;
                if start == Status::InProcess {
                    let (_, l) =
                        act(&app, &reception, &code, "accept", full_form(&app, &field)).await;
                    assert!(l.contains("xong=accept"), "{l}");
                }
                let before = app
                    .store
                    .events(&code.parse().unwrap())
                    .await
                    .unwrap()
                    .len();
                let roles = [*role];
                let ctx = MoveContext {
                    status: start,
                    steps: &p.process,
                    current_step: (start == Status::InProcess).then_some(p.process[0].id.as_str()),
                    status_before_supplement: None,
                    overdue: false,
                    leader_approved: false,
                };
                let items = vec![format!("field:{field}")];
                let input = MoveInput {
                    reason: "x",
                    items: &items,
                    has_result_document: true,
                    has_new_due: true,
                };
                let allowed =
                    *own && decide(&Actor::Staff { roles: &roles }, *action, &ctx, &input).is_ok();
                let (http, landed) =
                    act(&app, c, &code, action.as_str(), full_form(&app, &field)).await;
                let after = app
                    .store
                    .events(&code.parse().unwrap())
                    .await
                    .unwrap()
                    .len();
                let what = format!("{role:?} own={own} {} from {start:?}", action.as_str());
                if allowed {
                    assert!(landed.contains("xong="), "{what}: {landed}");
                    assert!(after > before, "{what}: moved");
                } else {
                    assert_eq!(after, before, "{what}: nothing changed");
                    if *own {
                        assert_eq!(http, 422, "{what}: refused on the page");
                    } else {
                        assert_eq!(http, 404, "{what}: another agency's dossier is not found");
                    }
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 2 * 10 * actions.len());

    // Another agency's dossier page, documents and slips are not found either.
    let code = file(&app, AGENCY, None).await;
    let other = staff(&app, "tiepnhan", OTHER_AGENCY).await;
    assert_eq!(
        text(&other, &app.url(&format!("/can-bo/ho-so/{code}")))
            .await
            .0,
        404
    );
    assert_eq!(
        text(&other, &app.url(&format!("/phieu/{code}/06"))).await.0,
        404
    );
    // Nobody signed in: the staff pages ask to sign in and actions go to the sign-in page.
    assert_eq!(text(&client(), &app.url("/can-bo")).await.0, 401);
    let res = raw_client()
        .post(app.url(&format!("/can-bo/ho-so/{code}/accept")))
        .multipart(full_form(&app, &field))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(status(&app, &code).await, 1);
}

/// A guest opens slip 01 (and its PDF) by posting the access code, as the lookup's buttons
/// do. The same proof in a URL opens nothing, and neither does the ID number.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guest_opens_slips_with_the_access_code_in_the_body_only() {
    let app = spawn_app().await;
    let (_, p) = procedure(&app).await;
    let code = file(&app, AGENCY, None).await;
    // Slip 01 is the acceptance slip.
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    let form = full_form(&app, &p.form[0].fields[0].id);
    let (_, landed) = act(&app, &reception, &code, "accept", form).await;
    assert!(landed.contains("xong=accept"), "{landed}");
    let guest = raw_client();
    let post = |path: String, proof: &str| {
        guest
            .post(app.url(&path))
            .form(&[("giay_to", proof)])
            .send()
    };
    let slip = post(format!("/phieu/{code}/01"), ACCESS_CODE)
        .await
        .unwrap();
    assert_eq!(slip.status().as_u16(), 200);
    assert_eq!(slip.headers()["cache-control"], "private, no-store");
    let html = slip.text().await.unwrap();
    assert!(html.contains(&code), "{html}");
    assert!(
        html.contains(&format!("action=\"/phieu/{code}/01/pdf\"")) && !html.contains("?giay_to"),
        "the PDF button posts the code on: {html}"
    );
    let pdf = post(format!("/phieu/{code}/01/pdf"), ACCESS_CODE)
        .await
        .unwrap();
    assert_eq!(pdf.status().as_u16(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));

    let in_url = format!("/phieu/{code}/01?giay_to={ACCESS_CODE}");
    assert_eq!(text(&guest, &app.url(&in_url)).await.0, 404);
    let by_id = post(format!("/phieu/{code}/01"), ID_NUMBER).await.unwrap();
    assert_eq!(by_id.status().as_u16(), 404, "the ID number opens no slip");
}

/// A citizen's PDF reaches staff as a download, never as a page of our origin, under its
/// name in both RFC 6266 forms; a photo is shown. Both under a sandboxing policy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizens_file_is_served_to_staff_as_a_download_under_a_sandbox() {
    let app = spawn_app().await;
    let (id, p) = procedure(&app).await;
    let token = app.store.create_draft(id, app.clock.now()).await.unwrap();
    let document = &p.documents[0].id;
    let now = app.clock.now();
    let pdf = crate::common::tiny_pdf();
    let png = crate::common::tiny_png();
    let uploads = [
        ("giấy \"tờ\".pdf", "application/pdf", &pdf),
        ("ảnh.png", "image/png", &png),
    ];
    for (name, content_type, bytes) in uploads {
        app.store
            .save_upload(&token, document, name, content_type, bytes, now)
            .await
            .unwrap();
    }
    let code = file_draft(&app, &token, AGENCY, None).await;
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    let documents = app
        .store
        .dossier_documents(&code.parse().unwrap())
        .await
        .unwrap();
    let mut seen = Vec::new();
    for file in documents {
        let res = reception
            .get(app.url(&format!("/can-bo/ho-so/{code}/tep/{}", file.id)))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let policy = res.headers()["content-security-policy"].to_str().unwrap();
        assert!(policy.starts_with("sandbox"), "{policy}");
        let disposition = res.headers()["content-disposition"].to_str().unwrap();
        seen.push(disposition.to_string());
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            "attachment; filename=\"gi_y _t__.pdf\"; filename*=UTF-8''gi%E1%BA%A5y%20%22t%E1%BB%9D%22.pdf",
            "inline; filename=\"_nh.png\"; filename*=UTF-8''%E1%BA%A3nh.png",
        ]
    );

    // The file's id under another dossier of the same agency, or asked by another agency's
    // officer, is not found: the id alone opens nothing.
    let file_id = documents_of(&app, &code).await[0];
    let neighbour = file(&app, AGENCY, None).await;
    let elsewhere = format!("/can-bo/ho-so/{neighbour}/tep/{file_id}");
    assert_eq!(text(&reception, &app.url(&elsewhere)).await.0, 404);
    let other = staff(&app, "tiepnhan", OTHER_AGENCY).await;
    let own = format!("/can-bo/ho-so/{code}/tep/{file_id}");
    assert_eq!(text(&other, &app.url(&own)).await.0, 404);
    assert_eq!(text(&reception, &app.url(&own)).await.0, 200);
}

/// The ids of dossier `code`'s documents.
async fn documents_of(app: &crate::common::TestApp, code: &str) -> Vec<i64> {
    let documents = app.store.dossier_documents(&code.parse().unwrap()).await;
    documents.unwrap().into_iter().map(|d| d.id).collect()
}
