//! Observability over real HTTP: every response names its request id, an internal failure
//! (of a handler or of a page's server function) shows a page with that id and nothing of
//! the error, a citizen's post never turns one into a 404, and the log lines of the
//! real binary carry the id and the path but never the query string.

mod common;

use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use common::served::Served;
use common::{TestApp, spawn_app};
use motcua_server::request_id::is_well_formed;
use motcua_store::testing::TestDatabase;

fn request_id(res: &reqwest::Response) -> String {
    res.headers()
        .get("x-request-id")
        .unwrap_or_else(|| panic!("{} answered without x-request-id", res.url()))
        .to_str()
        .unwrap()
        .to_string()
}

async fn id_for(app: &TestApp, path: &str, sent: Option<&str>) -> (u16, String) {
    let mut req = app.client.get(app.url(path));
    if let Some(id) = sent {
        req = req.header("x-request-id", id);
    }
    let res = req.send().await.unwrap();
    (res.status().as_u16(), request_id(&res))
}

#[tokio::test]
async fn every_response_carries_a_request_id_of_its_own() {
    let app = spawn_app().await;
    let (status, page) = id_for(&app, "/thu-tuc", None).await;
    assert_eq!(status, 200);
    let (status, missing) = id_for(&app, "/khong-co-trang-nay", None).await;
    assert_eq!(status, 404);
    let (status, file) = id_for(&app, "/robots.txt", None).await;
    assert_eq!(status, 200);
    for id in [&page, &missing, &file] {
        assert!(is_well_formed(id), "{id}");
    }
    assert_ne!(page, missing);
    assert_ne!(missing, file);
}

#[tokio::test]
async fn a_proxys_plain_id_is_kept_and_anything_else_replaced() {
    let app = spawn_app().await;
    assert_eq!(id_for(&app, "/thu-tuc", Some("abc-123")).await.1, "abc-123");
    for bad in ["<script>".to_string(), "a".repeat(200)] {
        let (_, id) = id_for(&app, "/thu-tuc", Some(&bad)).await;
        assert_ne!(id, bad);
        assert!(is_well_formed(&id), "{id}");
    }
}

/// Log lines written in this test process, where the in-process servers run.
fn captured_logs() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Arc::new(Mutex::new(Vec::new()));
        let sink = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(move || Sink(sink.clone()))
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one subscriber");
        logs
    })
}

struct Sink(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A server whose database is closed, and the code of a procedure it served: every page that
/// reads the store fails.
async fn app_with_its_database_closed() -> (TestApp, String) {
    let app = spawn_app().await;
    let code = common::demo_procedures()[0]["code"]
        .as_str()
        .unwrap()
        .to_string();
    app.store.close().await;
    (app, code)
}

/// Checks that `res` is the internal-error page: status 500, `apology` and the request id
/// after `id_label`, none of the error's words; and that a log line saying `logged` names
/// the same request id. `what` names the request in the messages.
async fn assert_internal_error_page(
    res: reqwest::Response,
    what: &str,
    apology: &str,
    id_label: &str,
    logged: &[&str],
) {
    assert_eq!(res.status().as_u16(), 500, "{what}");
    let id = request_id(&res);
    let content_type = res.headers()["content-type"].to_str().unwrap().to_string();
    assert!(
        content_type.starts_with("text/html"),
        "{what}: {content_type}"
    );
    let body = res.text().await.unwrap();
    assert!(body.contains(apology), "{what}: {body}");
    assert!(
        body.contains(&format!("{id_label}: <code>{id}</code>")),
        "{what}: {body}"
    );
    assert_nothing_internal(&body);
    let logs = String::from_utf8_lossy(&captured_logs().lock().unwrap()).into_owned();
    let request = format!("request_id={id}");
    assert!(
        logs.lines()
            .any(|l| l.contains(&request) && logged.iter().all(|words| l.contains(words))),
        "{what}: no line with the request id and {logged:?} in:\n{logs}"
    );
}

/// A citizen's post about a dossier (a supplement answer opened or sent, a withdrawal)
/// whose database fails is ours: 500 with the request id and a logged line, never the 404 of
/// an unknown dossier, which would hide the failure from the operator.
#[tokio::test]
async fn a_citizens_post_on_a_failing_database_is_a_500_not_a_404() {
    let logs = captured_logs();
    let app = spawn_app().await;
    app.store.close().await;

    let proof = [("giay_to", "K7QM-3XHD-9TPA")];
    let post = |path: &str| common::raw_client().post(app.url(path));
    let answer = format!("/bo-sung/000.00.06.H56-251122-0001/{}", "a".repeat(64));
    for (path, req) in [
        (
            "/bo-sung/000.00.06.H56-251122-0001",
            post("/bo-sung/000.00.06.H56-251122-0001").form(&proof),
        ),
        (
            answer.as_str(),
            post(&answer).multipart(reqwest::multipart::Form::new()),
        ),
        (
            "/rut-ho-so/000.00.06.H56-251122-0001",
            post("/rut-ho-so/000.00.06.H56-251122-0001").form(&proof),
        ),
    ] {
        let res = req.send().await.unwrap();
        assert_eq!(res.status().as_u16(), 500, "{path}");
        let id = request_id(&res);
        let body = res.text().await.unwrap();
        assert!(
            body.contains(&format!("Request id: <code>{id}</code>")),
            "{path}: {body}"
        );
        assert_nothing_internal(&body);
        let logs = String::from_utf8_lossy(&logs.lock().unwrap()).into_owned();
        assert!(
            logs.lines()
                .any(|l| l.contains("internal error") && l.contains(&format!("request_id={id}"))),
            "{path}: no error line with the request id in:\n{logs}"
        );
    }
}

/// Words of the store's error when the database is gone, which no page may show.
fn assert_nothing_internal(body: &str) {
    let lower = body.to_lowercase();
    for internal in ["pool", "closed", "sqlx", "database", "error:"] {
        assert!(
            !lower.contains(internal),
            "the page says {internal:?}: {body}"
        );
    }
}

#[tokio::test]
async fn an_internal_error_shows_the_request_id_and_nothing_internal() {
    captured_logs();
    let (app, code) = app_with_its_database_closed().await;
    let path = format!("/thu-tuc/{code}/nop");
    let res = common::raw_client()
        .post(app.url(&path))
        .send()
        .await
        .unwrap();
    assert_internal_error_page(
        res,
        &path,
        "Đã có lỗi ở phía chúng tôi",
        "Request id",
        &["internal error"],
    )
    .await;
}

#[tokio::test]
async fn a_failing_server_function_shows_the_request_id_and_nothing_internal() {
    captured_logs();
    let (app, code) = app_with_its_database_closed().await;
    // The catalogue, a procedure, a filing page, a supplement answer and the lookup: each
    // page's server function fails (with well-formed codes: a malformed one is answered
    // without the database).
    let token = "a".repeat(64);
    let mut requests: Vec<(String, reqwest::RequestBuilder)> = [
        "/thu-tuc".to_string(),
        format!("/thu-tuc/{code}"),
        format!("/thu-tuc/{code}/nop/{token}/nguoi-nop"),
        format!("/bo-sung/000.00.06.H56-251122-0001/{token}"),
    ]
    .into_iter()
    .map(|path| (path.clone(), app.client.get(app.url(&path))))
    .collect();
    let lookup = common::look_up(
        &app.client,
        &app.base,
        "000.00.06.H56-251122-0001",
        "K7QM3XHD9TPA",
    );
    requests.push(("POST /tra-cuu".into(), lookup));
    for (what, req) in requests {
        assert_internal_error_page(
            req.send().await.unwrap(),
            &what,
            "Đã có lỗi ở phía chúng tôi. Xin thử lại sau.",
            "Mã yêu cầu",
            &["internal error in a server function", "closed"],
        )
        .await;
    }
}

#[tokio::test]
async fn log_lines_carry_the_request_id_and_the_path_but_not_the_query() {
    let dir = TestDatabase::new().await;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let mut server = Served::start(&dir);
    server.wait_until_ready(&client).await;
    let get = |path: &str| client.get(format!("{}{path}", server.base));
    let page = get("/thu-tuc")
        .header("x-request-id", "test-req-42")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    assert_eq!(request_id(&page), "test-req-42");
    let lookup = get("/tra-cuu?ma=X&giay_to=001234567890")
        .send()
        .await
        .unwrap();
    assert_eq!(lookup.status().as_u16(), 200);
    let lookup_id = request_id(&lookup);
    let logs = server.stop();

    assert!(
        logs.lines()
            .any(|l| l.contains("test-req-42") && l.contains("path=/thu-tuc")),
        "no line with the request id and the path in:\n{logs}"
    );
    assert!(
        logs.lines()
            .any(|l| l.contains(&lookup_id) && l.contains("path=/tra-cuu")),
        "the lookup is not logged:\n{logs}"
    );
    assert!(
        !logs.contains("001234567890"),
        "an ID number from the query string was logged:\n{logs}"
    );
}
