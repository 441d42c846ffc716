//! The real binary's life as a deployment sees it: asked to stop (SIGTERM, what systemd and
//! Docker send before a restart), it finishes what it is doing before it exits.

mod common;

use std::time::Duration;

use common::served::Served;
use motcua_store::testing::TestDatabase;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Long enough for the server to have read what was sent, on a busy machine.
const SETTLE: Duration = Duration::from_millis(500);

/// A sign-in post sent by hand in two parts, so that it is under way (its head read, its
/// body not complete) when the stop is asked for: the server must answer it, refuse new
/// connections meanwhile, and exit cleanly after it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_finishes_the_request_under_way_and_takes_no_new_one() {
    let db = TestDatabase::new().await;
    let mut server = Served::start(&db);
    server.wait_until_ready(&common::client()).await;

    let body = "ten_dang_nhap=khong.co.ai&mat_khau=sai-mat-khau";
    let (first, rest) = body.split_at(20);
    let mut under_way = TcpStream::connect(&server.addr).await.unwrap();
    let head = format!(
        "POST /dang-nhap HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: {}\r\nSec-Fetch-Site: same-origin\r\nConnection: close\r\n\r\n",
        server.addr,
        body.len()
    );
    under_way.write_all(head.as_bytes()).await.unwrap();
    under_way.write_all(first.as_bytes()).await.unwrap();
    tokio::time::sleep(SETTLE).await;

    server.ask_to_stop();
    tokio::time::sleep(SETTLE).await;
    assert!(server.is_running(), "exited with a request under way");
    assert!(
        TcpStream::connect(&server.addr).await.is_err(),
        "a new connection was taken after the stop was asked for"
    );

    under_way.write_all(rest.as_bytes()).await.unwrap();
    let mut answer = String::new();
    under_way.read_to_string(&mut answer).await.unwrap();
    let status = answer.split(' ').nth(1).unwrap_or_default();
    assert!(
        status.starts_with('2') || status.starts_with('3'),
        "the request under way was answered with {status:?}: {answer:.300}"
    );

    let (exit, log) = server.exited().await;
    assert!(exit.success(), "{exit}: {log}");
    assert!(
        log.contains("asked to stop") && log.contains("stopped"),
        "{log}"
    );
}
