//! Citizen accounts: each sees only their own dossiers, and one filed while signed in.

use crate::common;
use crate::common::staff::{act, full_form, staff, text};
use crate::common::{TestApp, client, spawn_app};
use crate::{ACCESS_CODE, AGENCY, ID_NUMBER, PROCEDURE, file, procedure, status};
use motcua_store::prelude::*;

async fn citizen(app: &TestApp, phone: &str) -> (reqwest::Client, i64) {
    let c = crate::common::registered_citizen(app, phone).await;
    let id = app
        .store
        .account_for_sign_in(phone)
        .await
        .unwrap()
        .unwrap()
        .0
        .id;
    (c, id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizens_see_only_their_own_dossiers() {
    let app = spawn_app().await;
    let (a, a_id) = citizen(&app, "0911111111").await;
    let (b, _) = citizen(&app, "0922222222").await;
    let mine = file(&app, AGENCY, Some(a_id)).await;
    let guest = file(&app, AGENCY, None).await;
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    let (_, p) = procedure(&app).await;
    act(
        &app,
        &reception,
        &mine,
        "accept",
        full_form(&app, &p.form[0].fields[0].id),
    )
    .await;

    let (_, list_a) = text(&a, &app.url("/ho-so-cua-toi")).await;
    assert!(list_a.contains(&mine) && !list_a.contains(&guest));
    assert!(
        list_a.contains(&format!("/phieu/{mine}/01")),
        "slip 01 offered"
    );
    // Who handled it, folded under the dossier: the reception's role and agency, no name.
    assert!(
        list_a.contains(&format!(r#"id="ai-da-xem-{mine}""#)) && list_a.contains("Tiếp nhận · "),
        "{list_a}"
    );
    let officer = motcua_server::demo::demo_login("tiepnhan", AGENCY);
    let officer = app
        .store
        .account_for_sign_in(&officer)
        .await
        .unwrap()
        .unwrap()
        .0;
    assert!(!list_a.contains(&officer.full_name) && !list_a.contains(&officer.login));
    let (_, list_b) = text(&b, &app.url("/ho-so-cua-toi")).await;
    assert!(!list_b.contains(&mine) && !list_b.contains("Tiếp nhận · "));
    // Somebody else's slips are not found; the citizen's own control slip (06) neither.
    assert_eq!(
        text(&b, &app.url(&format!("/phieu/{mine}/01"))).await.0,
        404
    );
    assert_eq!(
        text(&a, &app.url(&format!("/phieu/{mine}/01"))).await.0,
        200
    );
    assert_eq!(
        text(&a, &app.url(&format!("/phieu/{mine}/06"))).await.0,
        404
    );
    // A citizen cannot act as staff.
    let (_, landed) = act(&app, &a, &guest, "accept", full_form(&app, "x")).await;
    assert!(landed.contains("/dang-nhap"), "{landed}");
    assert_eq!(status(&app, &guest).await, 1);

    // Claiming a guest dossier needs its code and its access code.
    let claim = |c: &reqwest::Client, id: &str| {
        c.post(app.url("/ho-so-cua-toi/nhan"))
            .form(&[("ma", guest.clone()), ("giay_to", id.to_string())])
            .send()
    };
    assert!(
        claim(&b, "000000000000")
            .await
            .unwrap()
            .url()
            .as_str()
            .contains("nhan=sai")
    );
    // Neither the applicant's phone nor the ID number hands the dossier over.
    for known in ["0987654321", ID_NUMBER] {
        assert!(
            claim(&b, known)
                .await
                .unwrap()
                .url()
                .as_str()
                .contains("nhan=sai")
        );
    }
    assert!(
        claim(&b, ACCESS_CODE)
            .await
            .unwrap()
            .url()
            .as_str()
            .contains("nhan=ok")
    );
    assert!(
        claim(&a, ACCESS_CODE)
            .await
            .unwrap()
            .url()
            .as_str()
            .contains("nhan=sai"),
        "owned"
    );
    let (_, list_b) = text(&b, &app.url("/ho-so-cua-toi")).await;
    assert!(list_b.contains(&guest));

    // Sign-out ends the session on the server.
    b.post(app.url("/dang-xuat")).send().await.unwrap();
    assert_eq!(text(&b, &app.url("/ho-so-cua-toi")).await.0, 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dossier_filed_while_signed_in_is_in_my_dossiers() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.url("/dang-ky"))
        .form(&[
            ("ho_ten", "Trần Thị Bình"),
            ("so_dien_thoai", "0933333333"),
            ("email", "binh@example.vn"),
            ("mat_khau", "mat-khau-dai"),
            ("nhap_lai", "mat-khau-dai"),
        ])
        .send()
        .await
        .unwrap();
    assert!(res.url().path().ends_with("/ho-so-cua-toi"));
    let procedure = common::demo_procedures()
        .into_iter()
        .find(|p| p["code"] == PROCEDURE)
        .unwrap();
    let review = app.fill_to_review(&procedure).await;
    let (_, receipt) = app.submit(&review).await;
    let code = common::receipt_code(&receipt);
    let (_, mine) = text(&app.client, &app.url("/ho-so-cua-toi")).await;
    assert!(mine.contains(&code), "the dossier is listed");
    // Registration problems come back at their fields, with what was typed.
    let res = client()
        .post(app.url("/dang-ky"))
        .form(&[
            ("ho_ten", "Trần Thị Bình"),
            ("so_dien_thoai", "0933333333"),
            ("email", "khong-phai-email"),
            ("mat_khau", "ngan"),
            ("nhap_lai", "ngan"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.url().as_str(),
        app.url("/dang-ky"),
        "nothing typed in the URL"
    );
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Hãy nhập địa chỉ thư điện tử đúng dạng"),
        "email message"
    );
    assert!(
        page.contains("Mật khẩu cần ít nhất 8 ký tự"),
        "password message"
    );
    assert!(
        page.contains("value=\"khong-phai-email\""),
        "typed value kept"
    );
    assert!(
        page.contains("href=\"#email\""),
        "summary links to the field"
    );
}

/// Each account costs a slow password hash: five registrations in five minutes from one
/// client, then a wait; a form sent back with mistakes does not count, but asking with a
/// phone that has an account does (else a client could learn, phone after phone, who has one).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registrations_from_one_client_are_limited() {
    let app = spawn_app().await;
    let register = |phone: String, password: &'static str| {
        client()
            .post(app.url("/dang-ky"))
            .form(&[
                ("ho_ten", "Đỗ Văn Em".to_string()),
                ("so_dien_thoai", phone),
                ("email", String::new()),
                ("mat_khau", password.to_string()),
                ("nhap_lai", password.to_string()),
            ])
            .send()
    };
    for _ in 0..3 {
        let res = register("0944000000".into(), "ngan").await.unwrap();
        assert_eq!(res.status(), 200, "a mistake, shown at its field");
    }
    for n in 1..=3 {
        let res = register(format!("094400000{n}"), "mat-khau-dai")
            .await
            .unwrap();
        assert!(
            res.url().path().ends_with("/ho-so-cua-toi"),
            "{n}: {}",
            res.url()
        );
    }
    for _ in 0..2 {
        let res = register("0944000001".into(), "mat-khau-dai").await.unwrap();
        assert_eq!(res.status(), 200, "the taken phone, shown at its field");
    }
    let res = register("0944000006".into(), "mat-khau-dai").await.unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.text().await.unwrap().contains("nhiều lần đăng ký"));
}
