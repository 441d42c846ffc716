//! Cross-site request forgery protection for every state-changing request (form posts and
//! server functions alike): a browser tells where a request comes from (`Sec-Fetch-Site`,
//! or on older browsers only `Origin`), and we accept only our own pages. The `Origin` must be
//! this site's exactly, scheme included: a page served over plain `http://` on the same host
//! (a captive portal, a man in the middle) is another origin. A request that carries
//! neither header is refused too: every browser that can run our pages sends one on a POST,
//! and what sends none cannot be told apart from a forgery.

use app::auth::PublicUrl;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, Method, StatusCode, header};

use crate::router::ServerState;

pub async fn same_origin_only(
    State(state): State<ServerState>,
    req: Request,
    next: Next,
) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || from_our_pages(req.headers(), &state.app.settings.public_url) {
        next.run(req).await
    } else {
        (StatusCode::FORBIDDEN, "Cross-site request refused").into_response()
    }
}

/// Whether the browser says the request comes from a page of `site`.
fn from_our_pages(headers: &HeaderMap, site: &PublicUrl) -> bool {
    if let Some(fetch_site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // `none`: the person's own doing (a bookmark, the address bar), not another site's.
        return matches!(fetch_site, "same-origin" | "none");
    }
    headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|origin| origin.eq_ignore_ascii_case(&site.base(headers)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.insert(*name, value.parse().unwrap());
        }
        h
    }

    #[test]
    fn only_our_own_origin_scheme_included_is_accepted() {
        let site = PublicUrl::parse("https://dichvucong.example.gov.vn").unwrap();
        let host = ("host", "dichvucong.example.gov.vn");
        let from = |origin: &str| from_our_pages(&headers(&[host, ("origin", origin)]), &site);
        assert!(from("https://dichvucong.example.gov.vn"));
        assert!(from("HTTPS://DichVuCong.example.gov.vn"));
        assert!(!from("http://dichvucong.example.gov.vn"), "plain http");
        assert!(!from("https://dichvucong.example.gov.vn.evil.example"));
        assert!(!from("https://evil.example"));
        assert!(!from("null"));
        assert!(
            !from_our_pages(&headers(&[host]), &site),
            "no header at all"
        );
    }

    #[test]
    fn sec_fetch_site_decides_when_the_browser_sends_it() {
        let site = PublicUrl::default();
        let with = |value: &str| {
            let h = headers(&[("host", "127.0.0.1:3000"), ("sec-fetch-site", value)]);
            from_our_pages(&h, &site)
        };
        assert!(with("same-origin"));
        assert!(with("none"));
        assert!(!with("same-site"));
        assert!(!with("cross-site"));
    }

    #[test]
    fn without_a_public_url_the_origin_is_the_requests_own_address() {
        let site = PublicUrl::default();
        let local = |origin: &str| {
            let h = headers(&[("host", "127.0.0.1:3000"), ("origin", origin)]);
            from_our_pages(&h, &site)
        };
        assert!(local("http://127.0.0.1:3000"));
        assert!(!local("https://127.0.0.1:3000"));
        assert!(!local("http://127.0.0.1:3001"));
    }
}
