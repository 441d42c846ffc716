//! The audit trail over HTTP: a staff view, a move and a refused view of another agency's
//! dossier; the admin's search (posted, errors at their box, admins only); the citizen's
//! "who handled and viewed" on the lookup with the access code, by role, never by name.

use crate::common::staff::{act, full_form, staff, text};
use crate::common::{client, spawn_app};
use crate::{ACCESS_CODE, AGENCY, ID_NUMBER, OTHER_AGENCY, file, procedure};
use motcua_domain::audit::AuditAction;
use motcua_server::demo::demo_login;
use motcua_store::prelude::*;

async fn search(
    app: &crate::TestApp,
    c: &reqwest::Client,
    boxes: &[(&str, &str)],
) -> (u16, String) {
    let res = c
        .post(app.url("/can-bo/quan-tri/nhat-ky"))
        .form(boxes)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn views_and_moves_are_on_the_trail_and_the_citizen_sees_roles_not_names() {
    let app = spawn_app().await;
    let (_, p) = procedure(&app).await;
    let field = p.form[0].fields[0].id.clone();
    let code = file(&app, AGENCY, None).await;
    let page = app.url(&format!("/can-bo/ho-so/{code}"));
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    assert_eq!(text(&reception, &page).await.0, 200);
    let (_, landed) = act(&app, &reception, &code, "accept", full_form(&app, &field)).await;
    assert!(landed.contains("xong=accept"), "{landed}");
    let stranger = staff(&app, "tiepnhan", OTHER_AGENCY).await;
    assert_eq!(text(&stranger, &page).await.0, 404);

    let trail = app
        .store
        .dossier_audit(&code.parse().unwrap())
        .await
        .unwrap();
    let actions: Vec<_> = trail
        .iter()
        .map(|e| (e.action, e.detail.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            (AuditAction::DossierViewed, ""),
            (AuditAction::Moved, "accept"),
            // The page the move's answer lands on.
            (AuditAction::DossierViewed, ""),
        ]
    );
    for e in &trail {
        assert_eq!(e.client.as_deref(), Some("127.0.0.1"));
        assert!(e.request_id.len() >= 8, "{:?}", e.request_id);
    }

    // The admin searches by dossier; the search is posted, never in the URL.
    let admin = staff(&app, "quantri", AGENCY).await;
    let boxes = [
        ("ma_ho_so", code.as_str()),
        ("nguoi", ""),
        ("tu_ngay", ""),
        ("den_ngay", ""),
    ];
    let (status, body) = search(&app, &admin, &boxes).await;
    assert_eq!(status, 200);
    let officer = demo_login("tiepnhan", AGENCY);
    assert!(
        body.contains("Xem hồ sơ") && body.contains("Tiếp nhận hồ sơ"),
        "{body}"
    );
    assert!(body.contains(&officer));
    assert!(body.contains(&trail[0].request_id));
    assert!(!body.contains(&demo_login("tiepnhan", OTHER_AGENCY)));
    let bad = [
        ("ma_ho_so", ""),
        ("nguoi", ""),
        ("tu_ngay", "31/02/2026"),
        ("den_ngay", ""),
    ];
    let (status, body) = search(&app, &admin, &bad).await;
    assert_eq!(status, 200);
    assert!(
        body.contains(r##"href="#tu_ngay""##),
        "the summary links the box: {body}"
    );
    assert!(body.contains("31/02/2026"), "what was typed is kept");
    // Not an admin: no such page.
    assert_eq!(
        text(&reception, &app.url("/can-bo/quan-tri/nhat-ky"))
            .await
            .0,
        404
    );
    assert_eq!(search(&app, &reception, &boxes).await.0, 404);

    // The citizen, with the access code: who handled and viewed, by role and agency.
    let lookup = |proof: &'static str| {
        let code = code.clone();
        let app = &app;
        async move {
            let res = client()
                .post(app.url("/tra-cuu"))
                .form(&[("ma", code.as_str()), ("giay_to", proof)])
                .send()
                .await
                .unwrap();
            res.text().await.unwrap()
        }
    };
    let body = lookup(ACCESS_CODE).await;
    assert!(body.contains("Ai đã xử lý và xem hồ sơ"), "{body}");
    assert!(body.contains("Tiếp nhận · "), "the role and agency: {body}");
    let name = app
        .store
        .account_for_sign_in(&officer)
        .await
        .unwrap()
        .unwrap()
        .0
        .full_name;
    assert!(
        !body.contains(&name) && !body.contains(&officer),
        "never a name"
    );
    // The ID number shows the status only.
    assert!(!lookup(ID_NUMBER).await.contains("Ai đã xử lý và xem hồ sơ"));
}
