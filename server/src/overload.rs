//! Shedding load instead of timing everyone out: at most `max_requests` requests are worked
//! on at once, a bounded line of others waits (four times as many, each for at most
//! [`MAX_WAIT`]), and beyond that a request is answered at once with 503 and `Retry-After`,
//! a short page in the person's language. A citizen on a slow connection then sees "try
//! again in a few seconds" instead of a page that never comes, and the requests already
//! being worked on keep the memory and database connections they need.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use app::i18n::Key;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderValue, StatusCode, header};
use tokio::sync::Semaphore;

use crate::plain_page::{PlainPage, request_lang};

/// How long a request waits in line before it is told to come back: past a few seconds a
/// person has given up on the page anyway, and a proxy's timeout would answer worse.
pub const MAX_WAIT: Duration = Duration::from_secs(10);

/// How many requests may wait for each one worked on.
const WAITING_PER_WORKER: usize = 4;

/// What `Retry-After` says, in seconds.
const RETRY_AFTER: &str = "5";

/// The gate every request but the health check passes.
pub struct Capacity {
    working: Semaphore,
    waiting: AtomicUsize,
    max_waiting: usize,
}

impl Capacity {
    /// `max_requests` at once (the `max_requests` setting), four times as many waiting.
    pub fn new(max_requests: usize) -> Arc<Capacity> {
        Arc::new(Capacity {
            working: Semaphore::new(max_requests),
            waiting: AtomicUsize::new(0),
            max_waiting: max_requests * WAITING_PER_WORKER,
        })
    }
}

/// Frees a place in line when the waiter gets in, gives up or is dropped (its client left).
struct InLine<'a>(&'a AtomicUsize);

impl Drop for InLine<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The middleware: the health check always passes (a load balancer must not take a busy
/// server for a dead one), everything else takes a place or gets the 503.
pub async fn shed(State(capacity): State<Arc<Capacity>>, req: Request, next: Next) -> Response {
    if req.uri().path() == "/suc-khoe" {
        return next.run(req).await;
    }
    let permit = match capacity.working.try_acquire() {
        Ok(permit) => permit,
        Err(_) => {
            if capacity.waiting.fetch_add(1, Ordering::SeqCst) >= capacity.max_waiting {
                capacity.waiting.fetch_sub(1, Ordering::SeqCst);
                return busy(&req, "line full");
            }
            let in_line = InLine(&capacity.waiting);
            let waited = tokio::time::timeout(MAX_WAIT, capacity.working.acquire()).await;
            drop(in_line);
            match waited {
                Ok(Ok(permit)) => permit,
                _ => return busy(&req, "waited too long"),
            }
        }
    };
    let response = next.run(req).await;
    drop(permit);
    response
}

fn busy(req: &Request, why: &'static str) -> Response {
    tracing::warn!(why, "overloaded: a request was answered 503");
    let page = PlainPage {
        lang: request_lang(req.headers()),
        title: Key::BusyTitle,
        body: Key::BusyBody,
        link_href: "/",
        link: Key::HomeLink,
    };
    let mut response = page.render(StatusCode::SERVICE_UNAVAILABLE);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER));
    response
}
