//! The server as a deployment sees it under stress: asked to stop (SIGTERM, what systemd and
//! Docker send before a restart), it finishes what it is doing before it exits; overloaded,
//! it keeps working on what it took and answers the rest 503 at once.

mod common;

use std::time::Duration;

use app::api::state::Settings;
use common::served::Served;
use motcua_store::testing::TestDatabase;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Long enough for the server to have read what was sent, on a busy machine.
const SETTLE: Duration = Duration::from_millis(500);

/// An empty lookup post sent by hand, its head and only part of its body: a request the
/// server has taken and is working on (reading its body) until [`PostUnderWay::finish`].
/// Empty, so that it counts as no guess and costs only a page (a sign-in costs an argon2
/// check, and five of them in line on a loaded machine outwaited the line's 10 s).
struct PostUnderWay {
    stream: TcpStream,
    rest: &'static str,
}

const POST_BODY: &str = "ma=&giay_to=&padding=0123456789abcdef";

impl PostUnderWay {
    async fn start(addr: &str) -> PostUnderWay {
        let (first, rest) = POST_BODY.split_at(20);
        let mut stream = TcpStream::connect(addr).await.unwrap();
        let head = format!(
            "POST /tra-cuu HTTP/1.1\r\nHost: {addr}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
             Sec-Fetch-Site: same-origin\r\nConnection: close\r\n\r\n{first}",
            POST_BODY.len()
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        PostUnderWay { stream, rest }
    }

    /// Sends the rest and returns the answer's status code (and the answer, for messages).
    async fn finish(mut self) -> (u16, String) {
        self.stream.write_all(self.rest.as_bytes()).await.unwrap();
        let mut answer = String::new();
        self.stream.read_to_string(&mut answer).await.unwrap();
        let status = answer
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, answer.chars().take(300).collect())
    }
}

fn is_answered(status: u16) -> bool {
    (200..400).contains(&status)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_finishes_the_request_under_way_and_takes_no_new_one() {
    let db = TestDatabase::new().await;
    let mut server = Served::start(&db);
    server.wait_until_ready(&common::client()).await;

    let under_way = PostUnderWay::start(&server.addr).await;
    tokio::time::sleep(SETTLE).await;
    server.ask_to_stop();
    tokio::time::sleep(SETTLE).await;
    assert!(server.is_running(), "exited with a request under way");
    assert!(
        TcpStream::connect(&server.addr).await.is_err(),
        "a new connection was taken after the stop was asked for"
    );

    let (status, answer) = under_way.finish().await;
    assert!(is_answered(status), "the request under way: {answer}");

    let (exit, log) = server.exited().await;
    assert!(exit.success(), "{exit}: {log}");
    assert!(
        log.contains("asked to stop") && log.contains("stopped"),
        "{log}"
    );
}

/// One request at a time and four in line (`max_requests` 1): a sixth gets the 503 page at
/// once, in the person's language, with `Retry-After`; the health check still answers; the
/// five taken are all answered, and then the server takes requests again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_line_a_request_is_answered_503_at_once_and_the_others_are_served() {
    let app = common::spawn_app_with(Settings {
        max_requests: 1,
        ..Settings::default()
    })
    .await;
    let addr = app.base.trim_start_matches("http://").to_string();
    let mut taken = Vec::new();
    for _ in 0..5 {
        taken.push(PostUnderWay::start(&addr).await);
    }
    tokio::time::sleep(SETTLE).await;

    let started = std::time::Instant::now();
    let refused = common::client().get(app.url("/")).send().await.unwrap();
    assert_eq!(refused.status(), 503);
    assert!(started.elapsed() < Duration::from_secs(2), "refused late");
    assert_eq!(refused.headers()["retry-after"], "5");
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("Hệ thống đang quá tải")
    );
    let health = common::client()
        .get(app.url("/suc-khoe"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200, "the health check was shed");

    // All finished at once: which of them the server took first is its business (finishing
    // them one by one would leave the first waiting behind whichever holds the slot).
    let finishing: Vec<_> = taken
        .into_iter()
        .map(|post| tokio::spawn(post.finish()))
        .collect();
    for post in finishing {
        let (status, answer) = post.await.unwrap();
        assert!(is_answered(status), "a request in line: {answer}");
    }
    let after = common::client().get(app.url("/")).send().await.unwrap();
    assert_eq!(after.status(), 200);
}

/// The demo's staff share a password the README publishes: a server on a database that
/// still has them warns at every start, and one serving a public https site does not start.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_accounts_with_the_published_password_are_warned_of_and_refused_on_https() {
    let db = TestDatabase::new().await;
    let demo = (
        "MOTCUA_DEMO_DIR",
        common::repo_root().join("demo").display().to_string(),
    );
    let mut local = Served::start_with(&db, std::slice::from_ref(&demo));
    local.wait_until_ready(&common::client()).await;
    let log = local.stop();
    assert!(
        log.contains("still have the demo's published password"),
        "no warning: {log}"
    );

    let https = (
        "MOTCUA_PUBLIC_URL",
        "https://dichvucong.example.gov.vn".to_string(),
    );
    let mut public = Served::start_with(&db, &[https]);
    let (exit, log) = public.exited().await;
    assert!(!exit.success(), "served on https: {log}");
    assert!(
        log.contains("published password") && log.contains("refusing"),
        "{log}"
    );
}
