//! Staff sign-in: failures slowed and then refused, a new session id, HTTP-only cookies.

use crate::AGENCY;
use crate::common::{client, raw_client, spawn_app};
use motcua_server::demo::{DEMO_PASSWORD, demo_login};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_failures_are_slowed_and_refused_after_five() {
    let app = spawn_app().await;
    let c = client();
    for _ in 0..5 {
        let res = c
            .post(app.url("/dang-nhap"))
            .form(&[
                ("ten_dang_nhap", "tiepnhan.000.50.01.h56"),
                ("mat_khau", "sai-mat-khau"),
            ])
            .send()
            .await
            .unwrap();
        // The form again, as the answer to the post: the login kept, nothing in the URL.
        assert_eq!(res.url().as_str(), app.url("/dang-nhap"));
        let page = res.text().await.unwrap();
        assert!(page.contains("mật khẩu không đúng"), "{page}");
        assert!(page.contains("value=\"tiepnhan.000.50.01.h56\""), "{page}");
    }
    // Even the right password is refused for a while now.
    let res = c
        .post(app.url("/dang-nhap"))
        .form(&[
            ("ten_dang_nhap", "tiepnhan.000.50.01.h56".to_string()),
            ("mat_khau", DEMO_PASSWORD.to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 429);
    assert!(res.text().await.unwrap().contains("sai quá nhiều lần"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_get_a_new_id_at_sign_in_and_cookies_are_http_only() {
    let app = spawn_app().await;
    let res = raw_client()
        .post(app.url("/dang-nhap"))
        .form(&[
            ("ten_dang_nhap", demo_login("tiepnhan", AGENCY)),
            ("mat_khau", DEMO_PASSWORD.to_string()),
        ])
        .send()
        .await
        .unwrap();
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    // Plain http on a loopback address: no Secure (the browser would drop it), no __Host-.
    assert!(cookie.starts_with("motcua_sid="), "{cookie}");
    let first = cookie.split(';').next().unwrap().to_string();
    let res = raw_client()
        .post(app.url("/dang-nhap"))
        .header("cookie", &first)
        .form(&[
            ("ten_dang_nhap", demo_login("tiepnhan", AGENCY)),
            ("mat_khau", DEMO_PASSWORD.to_string()),
        ])
        .send()
        .await
        .unwrap();
    let second = res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert_ne!(first, second, "a new session id at sign-in");
    // The old one no longer opens anything.
    let res = raw_client()
        .get(app.url("/can-bo"))
        .header("cookie", &first)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
}
