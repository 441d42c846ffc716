//! Every request's id, so that a citizen who reads it from the error page, the proxy's
//! access log and our own log lines all name the same request. The reverse proxy may send
//! one in `x-request-id`; it is kept when it is safe to print as it is, otherwise replaced
//! by one we make (tower-http's `SetRequestIdLayer`, which keeps a header already present).

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderName;

pub const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Longest id accepted from the proxy; ours (UUIDs) have 36 characters.
pub const MAX_LEN: usize = 64;

/// An id we may write into a log line and an HTML page without escaping: short, and only
/// letters, digits, `.`, `_` and `-`. Anything else could forge log lines or inject markup.
pub fn is_well_formed(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// The request's id, once the request-id layers have run.
pub fn of<B>(req: &http::Request<B>) -> Option<&str> {
    req.headers()
        .get(X_REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|id| is_well_formed(id))
}

/// Removes an incoming `x-request-id` that is malformed (or repeated), so that a new one is
/// made in its place.
pub async fn drop_malformed(mut req: Request, next: Next) -> Response {
    let values = req.headers().get_all(X_REQUEST_ID);
    let mut iter = values.iter();
    let acceptable = match (iter.next(), iter.next()) {
        (None, _) => true,
        (Some(one), None) => one.to_str().is_ok_and(is_well_formed),
        (Some(_), Some(_)) => false,
    };
    if !acceptable {
        req.headers_mut().remove(X_REQUEST_ID);
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::is_well_formed;

    #[test]
    fn only_short_plain_ids_are_kept() {
        assert!(is_well_formed("abc-123"));
        assert!(is_well_formed("7f9c2ba4-e88f-4d2b-9b1c-1b2b3c4d5e6f"));
        assert!(is_well_formed("lb01.req_42"));
        assert!(is_well_formed(&"a".repeat(64)));
        assert!(!is_well_formed(&"a".repeat(65)));
        assert!(!is_well_formed(""));
        assert!(!is_well_formed("<script>"));
        assert!(!is_well_formed("a b"));
        assert!(!is_well_formed("id\nforged log line"));
        assert!(!is_well_formed("mã"));
    }
}
