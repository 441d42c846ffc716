//! The files at the site root (favicon, icons, robots.txt, the web app manifest), embedded in
//! the binary, over real HTTP; the plain 404 for a missing file and the HTML one for a
//! missing page.

mod common;

use common::{TestApp, repo_root, spawn_app};

/// Every file of `public/` the site serves, with its media type.
const FILES: &[(&str, &str)] = &[
    ("favicon.ico", "image/x-icon"),
    ("icon.svg", "image/svg+xml"),
    ("icon-192.png", "image/png"),
    ("icon-512.png", "image/png"),
    ("robots.txt", "text/plain; charset=utf-8"),
    ("manifest.webmanifest", "application/manifest+json"),
];

struct Got {
    status: u16,
    content_type: String,
    cache_control: Option<String>,
    body: Vec<u8>,
}

async fn get(app: &TestApp, path: &str) -> Got {
    let res = app.client.get(app.url(path)).send().await.unwrap();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    };
    let content_type = header("content-type").unwrap_or_default();
    let cache_control = header("cache-control");
    Got {
        status: res.status().as_u16(),
        content_type,
        cache_control,
        body: res.bytes().await.unwrap().to_vec(),
    }
}

fn on_disk(name: &str) -> Vec<u8> {
    std::fs::read(repo_root().join("public").join(name)).unwrap()
}

#[tokio::test]
async fn public_files_are_served_with_their_type_and_a_days_cache() {
    let app = spawn_app().await;
    for (name, content_type) in FILES {
        let got = get(&app, &format!("/{name}")).await;
        assert_eq!(got.status, 200, "/{name}");
        assert_eq!(got.content_type, *content_type, "/{name}");
        assert_eq!(
            got.cache_control.as_deref(),
            Some("public, max-age=86400"),
            "/{name}"
        );
        assert!(
            got.body == on_disk(name),
            "/{name}: not the file in public/"
        );
    }

    let favicon = get(&app, "/favicon.ico").await.body;
    assert_eq!(&favicon[..4], &[0, 0, 1, 0], "ICO magic");

    let robots = String::from_utf8(get(&app, "/robots.txt").await.body).unwrap();
    for private in ["/can-bo", "/ho-so-cua-toi", "/api/", "/thu-tuc/*/nop"] {
        assert!(
            robots
                .lines()
                .any(|l| l.trim() == format!("Disallow: {private}")),
            "robots.txt does not disallow {private}"
        );
    }

    let manifest: serde_json::Value =
        serde_json::from_slice(&get(&app, "/manifest.webmanifest").await.body).unwrap();
    assert_eq!(manifest["start_url"], "/thu-tuc");
    let icons = manifest["icons"].as_array().expect("icons");
    assert!(!icons.is_empty());
    // Every icon it names is served.
    for icon in icons {
        let src = icon["src"].as_str().unwrap();
        assert_eq!(get(&app, src).await.status, 200, "manifest icon {src}");
    }
}

/// A file put in `public/` is also embedded and routed: otherwise a deployment without the
/// site folder would not have it.
#[tokio::test]
async fn every_file_in_public_is_served() {
    let app = spawn_app().await;
    for entry in std::fs::read_dir(repo_root().join("public")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name == "README.md" {
            continue;
        }
        assert!(
            FILES.iter().any(|(f, _)| *f == name),
            "public/{name} is not in this test's list"
        );
        assert_eq!(get(&app, &format!("/{name}")).await.status, 200, "/{name}");
    }
}

#[tokio::test]
async fn a_missing_file_is_a_plain_404_and_a_missing_page_the_html_one() {
    let app = spawn_app().await;
    for path in ["/khong-co.png", "/pkg/khong-co.js", "/apple-touch-icon.png"] {
        let got = get(&app, path).await;
        assert_eq!(got.status, 404, "{path}");
        assert!(
            got.content_type.starts_with("text/plain"),
            "{path}: {}",
            got.content_type
        );
        let body = String::from_utf8(got.body).unwrap();
        assert!(!body.contains("<html"), "{path}: {body}");
        assert!(body.len() < 100, "{path}: {body}");
        // A missing asset is not cached for a year.
        assert!(
            !got.cache_control.unwrap_or_default().contains("immutable"),
            "{path}"
        );
    }

    let page = get(&app, "/khong-co-trang-nay").await;
    assert_eq!(page.status, 404);
    assert!(
        page.content_type.starts_with("text/html"),
        "{}",
        page.content_type
    );
    assert!(String::from_utf8(page.body).unwrap().contains("<html"));
}

#[tokio::test]
async fn pages_link_the_icons_and_the_manifest() {
    let app = spawn_app().await;
    let page = get(&app, "/thu-tuc").await;
    assert_eq!(page.status, 200);
    let html = String::from_utf8(page.body).unwrap();
    let head = html.split("</head>").next().unwrap();
    for needle in [
        r#"rel="manifest""#,
        r#"href="/manifest.webmanifest""#,
        r#"href="/favicon.ico""#,
        r#"href="/icon.svg""#,
        r#"name="theme-color""#,
    ] {
        assert!(head.contains(needle), "the head lacks {needle}");
    }
    assert!(!head.contains(r#"href="data:,""#), "the empty icon is gone");
}
