//! A person's own account over real HTTP against the real server and a real SQLite file:
//! registration refuses a common password, and a citizen or officer changes their own
//! password (the current one required), which ends their other sessions.

mod common;

use common::post_landing as post;
use common::staff::text as get;
use common::{TestApp, client, raw_client, spawn_app};
use motcua_server::demo::{DEMO_PASSWORD, demo_login};
use motcua_store::prelude::*;

const AGENCY: &str = "000.50.01.H56";
const PAGE: &str = "/doi-mat-khau";
const PHONE: &str = "0911111111";
const PASSWORD: &str = "mat-khau-dai";

/// Signs `c` in; the path it landed on.
async fn sign_in(app: &TestApp, c: &reqwest::Client, login: &str, password: &str) -> String {
    let pairs = [("ten_dang_nhap", login), ("mat_khau", password)];
    let (_, landed, _) = post(c, &app.url("/dang-nhap"), &pairs).await;
    reqwest::Url::parse(&landed).unwrap().path().to_string()
}

async fn hash_of(app: &TestApp, login: &str) -> String {
    let found = app.store.account_for_sign_in(login).await.unwrap();
    found.expect("the account").1
}

async fn register(app: &TestApp, c: &reqwest::Client, password: &str) -> (u16, String, String) {
    let pairs = [
        ("ho_ten", "Lê Thị Cúc"),
        ("so_dien_thoai", PHONE),
        ("email", ""),
        ("mat_khau", password),
        ("nhap_lai", password),
    ];
    post(c, &app.url("/dang-ky"), &pairs).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_changes_their_password_with_the_current_one_and_other_devices_sign_out() {
    let app = spawn_app().await;
    let phone = client();
    // A common password is refused at its field, the rest of the form kept.
    let (status, _, page) = register(&app, &phone, "Password1").await;
    assert_eq!(status, 200);
    assert!(page.contains("Mật khẩu này quá phổ biến"), "{page}");
    assert!(
        page.contains(r##"href="#mat_khau""##),
        "named in the summary"
    );
    assert!(page.contains(&format!(r#"value="{PHONE}""#)));
    assert!(
        app.store
            .account_for_sign_in(PHONE)
            .await
            .unwrap()
            .is_none()
    );
    let (_, landed, _) = register(&app, &phone, PASSWORD).await;
    assert!(landed.ends_with("/ho-so-cua-toi"), "{landed}");
    let laptop = client();
    assert_eq!(
        sign_in(&app, &laptop, PHONE, PASSWORD).await,
        "/ho-so-cua-toi"
    );

    let res = phone.get(app.url(PAGE)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    let page = res.text().await.unwrap();
    for id in ["mat_khau_cu", "mat_khau", "nhap_lai"] {
        assert!(page.contains(&format!(r#"for="{id}""#)), "{id} labelled");
        assert!(page.contains(&format!(r#"id="{id}" name="{id}""#)), "{id}");
    }
    let (_, my) = get(&phone, &app.url("/ho-so-cua-toi")).await;
    assert!(
        my.contains(&format!(r#"href="{PAGE}""#)),
        "linked from my dossiers"
    );

    // A wrong current password and a mismatch: both at their fields, nothing changed.
    let before = hash_of(&app, PHONE).await;
    let (status, _, page) = post(
        &phone,
        &app.url(PAGE),
        &[
            ("mat_khau_cu", "sai-mat-khau"),
            ("mat_khau", "mat-khau-moi-1"),
            ("nhap_lai", "mat-khau-moi-2"),
        ],
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("Mật khẩu hiện tại không đúng"), "{page}");
    assert!(page.contains("Hai lần nhập mật khẩu không giống nhau"));
    assert!(page.contains(r#"id="mat_khau_cu-error""#));
    assert!(!page.contains("mat-khau-moi"), "no password is echoed");
    assert_eq!(hash_of(&app, PHONE).await, before);
    assert_eq!(get(&laptop, &app.url("/ho-so-cua-toi")).await.0, 200);

    let new = "mat-khau-moi-1";
    let (status, landed, page) = post(
        &phone,
        &app.url(PAGE),
        &[
            ("mat_khau_cu", PASSWORD),
            ("mat_khau", new),
            ("nhap_lai", new),
        ],
    )
    .await;
    assert_eq!(status, 200);
    assert!(landed.ends_with("/doi-mat-khau?xong=1"), "{landed}");
    assert!(page.contains("Đã đổi mật khẩu"));
    // This browser stays signed in with a fresh session; the laptop is signed out.
    assert_eq!(get(&phone, &app.url("/ho-so-cua-toi")).await.0, 200);
    assert_eq!(get(&laptop, &app.url("/ho-so-cua-toi")).await.0, 401);
    assert_eq!(
        sign_in(&app, &client(), PHONE, PASSWORD).await,
        "/dang-nhap"
    );
    assert_eq!(sign_in(&app, &client(), PHONE, new).await, "/ho-so-cua-toi");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_changes_their_own_password_and_nobody_signed_out_can() {
    let app = spawn_app().await;
    let nobody = raw_client();
    let res = nobody.get(app.url(PAGE)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 401);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("/dang-nhap?tiep=/doi-mat-khau")
    );
    let pairs = [
        ("mat_khau_cu", DEMO_PASSWORD),
        ("mat_khau", "mat-khau-moi-2"),
        ("nhap_lai", "mat-khau-moi-2"),
    ];
    let res = nobody
        .post(app.url(PAGE))
        .form(&pairs)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/dang-nhap")
    );

    let login = demo_login("chuyenvien", AGENCY);
    let officer = client();
    assert_eq!(
        sign_in(&app, &officer, &login, DEMO_PASSWORD).await,
        "/can-bo"
    );
    let (_, queue) = get(&officer, &app.url("/can-bo")).await;
    assert!(
        queue.contains(&format!(r#"href="{PAGE}""#)),
        "in the staff bar"
    );
    // The new password may not be the published demo one, nor any common one.
    let common = [
        ("mat_khau_cu", DEMO_PASSWORD),
        ("mat_khau", "12345678"),
        ("nhap_lai", "12345678"),
    ];
    let (_, _, page) = post(&officer, &app.url(PAGE), &common).await;
    assert!(page.contains("Mật khẩu này quá phổ biến"), "{page}");
    let (_, landed, _) = post(&officer, &app.url(PAGE), &pairs).await;
    assert!(landed.ends_with("?xong=1"), "{landed}");
    assert_eq!(get(&officer, &app.url("/can-bo")).await.0, 200);
    assert_eq!(
        sign_in(&app, &client(), &login, "mat-khau-moi-2").await,
        "/can-bo"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_the_current_password_meets_the_sign_in_limit() {
    let app = spawn_app().await;
    let phone = client();
    register(&app, &phone, PASSWORD).await;
    let wrong = [
        ("mat_khau_cu", "doan-thu-1"),
        ("mat_khau", "mat-khau-moi-1"),
        ("nhap_lai", "mat-khau-moi-1"),
    ];
    for _ in 0..5 {
        let (status, _, _) = post(&phone, &app.url(PAGE), &wrong).await;
        assert_eq!(status, 200);
    }
    let (status, _, page) = post(&phone, &app.url(PAGE), &wrong).await;
    assert_eq!(status, 429);
    assert!(
        page.contains("Đã nhập sai mật khẩu quá nhiều lần"),
        "{page}"
    );
    // Even the right one now waits for the window.
    let right = [
        ("mat_khau_cu", PASSWORD),
        ("mat_khau", "mat-khau-moi-1"),
        ("nhap_lai", "mat-khau-moi-1"),
    ];
    let before = hash_of(&app, PHONE).await;
    let (status, _, _) = post(&phone, &app.url(PAGE), &right).await;
    assert_eq!(status, 429);
    assert_eq!(hash_of(&app, PHONE).await, before);
}
