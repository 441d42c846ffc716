//! Test support: the real server on a free port over a fresh database with the demo loaded
//! (as zero2prod's `spawn_app`), and a citizen who fills forms like a browser without
//! JavaScript would (`citizen.rs`): plain form posts, following the 303 redirects.

#![allow(dead_code)]

pub mod clamd;
pub mod cluster;
pub mod documents;
pub mod nginx;
pub mod served;
pub mod staff;

mod citizen;

use std::net::SocketAddr;

use app::api::state::Settings;
use leptos::config::LeptosOptions;
use motcua_store::testing::TestDatabase;
use motcua_store::{BlobLocation, Store};

pub use citizen::*;

pub struct TestApp {
    /// The server's address and a browser with its own cookies; the filing helpers of
    /// [`Browser`] are called on the app directly (`app.fill_to_review(p)`).
    pub browser: Browser,
    pub store: Store,
    /// The workflow clock of this server: tests move it forward to make dossiers overdue.
    pub clock: std::sync::Arc<motcua_core::clock::Clock>,
    /// The test's own database (SQLite or PostgreSQL, as the run says) and files directory
    /// (where the files are unless the server was spawned with another place).
    pub db: TestDatabase,
}

impl std::ops::Deref for TestApp {
    type Target = Browser;
    fn deref(&self) -> &Browser {
        &self.browser
    }
}

/// The server with the demo loaded.
pub async fn spawn_app() -> TestApp {
    spawn(true, Settings::default(), None).await
}

/// The server with the demo loaded and these deployment settings.
pub async fn spawn_app_with(settings: Settings) -> TestApp {
    spawn(true, settings, None).await
}

/// The server with the demo loaded and its uploaded files in `files` (an S3 bucket).
pub async fn spawn_app_with_files(files: BlobLocation) -> TestApp {
    spawn(true, Settings::default(), Some(files)).await
}

/// The server on a fresh database as a deployment starts it: no demo, only what every
/// install has (migrations and the shipped reference data).
pub async fn spawn_app_without_demo() -> TestApp {
    spawn(false, Settings::default(), None).await
}

/// The Leptos options every test server runs with.
pub fn leptos_options() -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("motcua")
        .site_root("target/site")
        .site_pkg_dir("pkg")
        .hash_files(false)
        .build()
}

async fn spawn(demo: bool, settings: Settings, files: Option<BlobLocation>) -> TestApp {
    let db = TestDatabase::new().await;
    let files = files.unwrap_or_else(|| db.files());
    let store = motcua_server::startup::open_store(db.url(), Some(&files))
        .await
        .expect("open store");
    if demo {
        motcua_server::demo::load(&store, &repo_root().join("demo"))
            .await
            .expect("demo loads");
    }
    let options = leptos_options();
    let clock = std::sync::Arc::new(motcua_core::clock::Clock::default());
    let state = app::api::AppState::new(store.clone(), settings, clock.clone())
        .await
        .expect("application state");
    let router = motcua_server::router::build(state, options);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    TestApp {
        browser: Browser::new(format!("http://{addr}")),
        store,
        clock,
        db,
    }
}

/// How long one request may take before the test fails instead of waiting forever.
const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// What a browser says of every request our own pages send: `Sec-Fetch-Site: same-origin`.
/// The server refuses a post without it (or an `Origin`), as it would a forged one.
pub fn from_our_pages() -> reqwest::header::HeaderMap {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "sec-fetch-site",
        reqwest::header::HeaderValue::from_static("same-origin"),
    );
    headers
}

/// A browser-like client with cookies. Every request gets a fresh connection: a test keeps
/// responses around unread while it sends the next request, and reusing pooled keep-alive
/// connections then once in a while left a request waiting for ever on CI.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .default_headers(from_our_pages())
        .cookie_store(true)
        .pool_max_idle_per_host(0)
        .timeout(REQUEST_TIMEOUT)
        .build()
        .unwrap()
}

/// Posts a form as a browser does, following the redirect; returns the final status, where
/// the browser landed, and the page.
pub async fn post_landing(
    c: &reqwest::Client,
    url: &str,
    pairs: &[(&str, &str)],
) -> (u16, String, String) {
    let res = c.post(url).form(pairs).send().await.unwrap();
    let status = res.status().as_u16();
    let landed = res.url().to_string();
    (status, landed, res.text().await.unwrap())
}

/// A client that does not follow redirects, to see them.
pub fn raw_client() -> reqwest::Client {
    reqwest::Client::builder()
        .default_headers(from_our_pages())
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(0)
        .timeout(REQUEST_TIMEOUT)
        .build()
        .unwrap()
}

impl Browser {
    /// A new browser (no cookies yet) on the site at `base`, with the tests' client.
    pub fn new(base: String) -> Browser {
        Browser::with_client(base, client())
    }
}

/// A client signed in as a citizen just registered with `phone` (name Lê Thị Cúc).
pub async fn registered_citizen(app: &TestApp, phone: &str) -> reqwest::Client {
    let c = client();
    let res = c
        .post(app.url("/dang-ky"))
        .form(&[
            ("ho_ten", "Lê Thị Cúc"),
            ("so_dien_thoai", phone),
            ("email", ""),
            ("mat_khau", "mat-khau-dai"),
            ("nhap_lai", "mat-khau-dai"),
        ])
        .send()
        .await
        .unwrap();
    assert!(
        res.url().path().ends_with("/ho-so-cua-toi"),
        "{}",
        res.url()
    );
    c
}
