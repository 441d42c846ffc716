//! Deployment settings live in each server's state, not in the process: two servers in one
//! test process with different settings each keep their own.

mod common;

use app::api::state::Settings;
use app::auth::PublicUrl;
use common::{raw_client, spawn_app, spawn_app_with};

/// The `Set-Cookie` header of a successful demo sign-in on `app`.
async fn sign_in_cookie(app: &common::TestApp) -> String {
    let res = raw_client()
        .post(app.url("/dang-nhap"))
        .form(&[
            ("ten_dang_nhap", "tiepnhan.000.50.01.h56"),
            ("mat_khau", motcua_server::demo::DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    res.headers()["set-cookie"].to_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_in_one_process_keep_their_own_settings() {
    let public = PublicUrl::parse("https://dichvucong.thanhhoa.gov.vn").unwrap();
    let (proxied, local) = tokio::join!(
        spawn_app_with(Settings {
            public_url: public,
            ..Settings::default()
        }),
        spawn_app()
    );
    // Behind its proxy the first answers with the secure cookie even on 127.0.0.1; the
    // second, on plain local http, with the local one.
    let cookie = sign_in_cookie(&proxied).await;
    assert!(
        cookie.starts_with("__Host-motcua_sid=") && cookie.contains("Secure"),
        "{cookie}"
    );
    let cookie = sign_in_cookie(&local).await;
    assert!(
        cookie.starts_with("motcua_sid=") && !cookie.contains("Secure"),
        "{cookie}"
    );
}
