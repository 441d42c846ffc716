//! Deployment settings live in each server's state, not in the process: two servers in one
//! test process with different settings each keep their own.

mod common;

use app::api::state::Settings;
use app::auth::PublicUrl;
use common::{look_up, raw_client, spawn_app, spawn_app_with};

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

/// One server's pages keep loading their data while another server is being built in the same
/// process, as when tests run in parallel. Building a router used to have Leptos skip, for
/// the whole process, the loading of every resource created meanwhile (see
/// `motcua_server::router::build`), and a page of the first server then waited forever.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn building_another_server_does_not_stall_the_pages_of_one() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    let app = spawn_app().await;
    let state = app::api::AppState::new(app.store.clone(), Settings::default(), app.clock.clone())
        .await
        .expect("application state");
    let stop = Arc::new(AtomicBool::new(false));
    let builder = tokio::task::spawn_blocking({
        let stop = stop.clone();
        move || {
            let mut built = 0;
            while !stop.load(Ordering::Relaxed) {
                drop(motcua_server::router::build(
                    state.clone(),
                    common::leptos_options(),
                ));
                built += 1;
            }
            built
        }
    });
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .unwrap();
    for _ in 0..200 {
        // The catalogue loads its procedures in a resource.
        let res = client.get(app.url("/")).send().await;
        if res.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        let res = res.unwrap_or_else(|e| panic!("the catalogue did not answer: {e:?}"));
        assert_eq!(res.status(), 200);
    }
    stop.store(true, Ordering::Relaxed);
    assert!(
        builder.await.unwrap() > 0,
        "no other server was built meanwhile"
    );
}

/// How many misses of the public lookup, sent as `forwarded_for` (when given), it takes
/// before `app` answers 429; `None` if it never does within ten.
async fn misses_until_limited(app: &common::TestApp, forwarded_for: Option<&str>) -> Option<u32> {
    let c = raw_client();
    for n in 1..=10 {
        let mut req = look_up(&c, &app.base, "000.00.00.H56-990101-0001", "001190012345");
        if let Some(ip) = forwarded_for {
            req = req.header("x-forwarded-for", ip);
        }
        if req.send().await.unwrap().status() == 429 {
            return Some(n);
        }
    }
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_the_guessing_limit_counts_each_citizen_apart() {
    let (proxied, direct) = tokio::join!(
        spawn_app_with(Settings {
            trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
            ..Settings::default()
        }),
        spawn_app()
    );
    // Through the proxy: one guesser is stopped after its five misses, another citizen
    // behind the same proxy is not.
    assert_eq!(
        misses_until_limited(&proxied, Some("203.0.113.7")).await,
        Some(6)
    );
    assert_eq!(
        misses_until_limited(&proxied, Some("1.2.3.4, 198.51.100.20")).await,
        Some(6),
        "the address the proxy appended counts, not the one the client wrote"
    );
    // Without a trusted proxy the header is ignored: a guesser cannot get fresh tries by
    // sending a new address each time.
    let c = raw_client();
    for n in 0..5 {
        let res = look_up(
            &c,
            &direct.base,
            "000.00.00.H56-990101-0001",
            "001190012345",
        )
        .header("x-forwarded-for", format!("203.0.113.{n}"))
        .send()
        .await
        .unwrap();
        assert_ne!(res.status(), 429);
    }
    assert_eq!(
        misses_until_limited(&direct, Some("198.51.100.99")).await,
        Some(1)
    );
}
