//! Hostile requests against every endpoint the router has. The list of routes is read from
//! `server/src/router.rs` itself, so a route added there is in these matrices without anyone
//! remembering to add it: forged cross-site posts (with and without a session) are refused
//! before any handler runs, and a text post past the form limit is refused with 413 before
//! it is read.

#[path = "common/mod.rs"]
mod common;

use common::staff::staff;
use common::*;

/// Every `(path, methods)` routed in `server/src/router.rs`: `.route("PATH", ...)` with the
/// methods named in the call that follows it.
fn routes() -> Vec<(String, String)> {
    let source = std::fs::read_to_string(repo_root().join("server/src/router.rs")).unwrap();
    let mut out = vec![];
    for call in source.split(".route(").skip(1) {
        let path = call.split('"').nth(1).unwrap().to_string();
        // The handlers, up to the end of this call (the next `.route(` or `.nest(`).
        let handlers = call.split(".nest(").next().unwrap().to_string();
        out.push((path, handlers));
    }
    assert!(out.len() > 20, "the router's routes were read: {out:?}");
    out
}

/// The routes that take a POST, with their parameters filled in (any value is fine: the
/// checks below come before the handler looks at them).
fn post_paths() -> Vec<(String, bool)> {
    routes()
        .into_iter()
        .filter(|(_, handlers)| handlers.contains("post("))
        .map(|(path, handlers)| {
            let uploads = handlers.contains("MAX_UPLOAD_BODY");
            // A procedure's code under /thu-tuc, a dossier's elsewhere.
            let code = if path.starts_with("/thu-tuc/") {
                demo_procedures()[0]["code"].as_str().unwrap().to_string()
            } else {
                "000.50.01.H56-261201-0001".to_string()
            };
            let concrete = path
                .replace("{code}", &code)
                .replace("{token}", &"a".repeat(64))
                .replace("{page}", "giay-to")
                .replace("{action}", "accept")
                .replace("{id}", "1")
                .replace("{number}", "01")
                .replace("{lang}", "en")
                .replace("{*fn_name}", "get_procedure");
            assert!(!concrete.contains('{'), "fill in the parameter of {path}");
            (concrete, uploads)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_cross_site_posts_are_refused_on_every_route() {
    let app = spawn_app().await;
    let admin = staff(&app, "quantri", "000.50.01.H56").await;
    let bare = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let other_scheme = app.base.replace("http://", "https://");
    let paths = post_paths();
    for (path, _) in &paths {
        let url = app.url(path);
        let mut forged = vec![
            ("nothing said", bare.post(&url)),
            ("Origin: null", bare.post(&url).header("Origin", "null")),
            (
                "another site",
                bare.post(&url).header("Origin", "https://evil.example"),
            ),
            (
                "our host over another scheme",
                bare.post(&url).header("Origin", other_scheme.as_str()),
            ),
        ];
        for site in ["cross-site", "same-site"] {
            // With an officer's session: what a forged form on another site would carry.
            forged.push((site, admin.post(&url).header("Sec-Fetch-Site", site)));
        }
        for (what, request) in forged {
            let res = request.form(&[("a", "b")]).send().await.unwrap();
            assert_eq!(res.status(), 403, "{path}, {what}");
            let body = res.text().await.unwrap();
            assert_eq!(body, "Cross-site request refused", "{path}, {what}");
        }
    }
    assert!(paths.iter().any(|(p, _)| p.starts_with("/api/")));
}

/// Posts whose handlers take no body (a button alone): they never read what is sent.
const BODILESS: [&str; 2] = ["/thu-tuc/", "/dang-xuat"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_text_post_past_the_form_limit_is_refused_on_every_route() {
    let app = spawn_app().await;
    let admin = staff(&app, "quantri", "000.50.01.H56").await;
    let citizen = registered_citizen(&app, "0912000111").await;
    let big = format!("a={}", "x".repeat(motcua_server::router::MAX_FORM_BODY + 1));
    let mut paths = post_paths();
    // Signing out ends the session the others need: last.
    paths.sort_by_key(|(path, _)| path == "/dang-xuat");
    for (path, uploads) in &paths {
        if *uploads {
            continue;
        }
        let client = if path.starts_with("/ho-so-cua-toi") {
            &citizen
        } else {
            &admin
        };
        let res = client
            .post(app.url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(big.clone())
            .send()
            .await
            .unwrap();
        if BODILESS.iter().any(|b| path.starts_with(b)) {
            assert!(res.status().is_success(), "{path}: {}", res.status());
        } else {
            assert_eq!(res.status(), 413, "{path}");
        }
    }
}
