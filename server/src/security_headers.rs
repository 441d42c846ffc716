//! The headers that tell a browser what our pages may do: a Content-Security-Policy, HSTS on
//! an https deployment, and a Permissions-Policy that turns off what no page uses.
//!
//! Leptos pages get a policy with a fresh nonce per response ([`provide_page_context`]):
//! Leptos writes that nonce on every inline script it emits (the islands loader, the data of
//! resolved resources). Everything else (slips, the plain and error pages, files) gets the
//! stricter [`DEFAULT_POLICY`], with no script but the print buttons'. A script injected
//! into a page, whatever the hole it came through, does not run.

use std::sync::LazyLock;

use app::api::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine as _;
use http::{HeaderValue, header};
use leptos::nonce::{Nonce, use_nonce};
use leptos::prelude::{provide_context, use_context};
use sha2::{Digest, Sha256};

use crate::router::ServerState;

/// `'sha256-…'` of the print buttons' script, the one inline script a page may carry
/// without a nonce (the slip page is not a Leptos page).
static PRINT_SCRIPT_HASH: LazyLock<String> = LazyLock::new(|| {
    let digest = Sha256::digest(app::components::print_button::PRINT_SCRIPT.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
});

/// What every policy forbids: plugins, a `<base>` that would redirect relative links, form
/// posts to another site, and being framed (clickjacking).
const COMMON: &str =
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// For responses that are not Leptos pages.
static DEFAULT_POLICY: LazyLock<HeaderValue> = LazyLock::new(|| {
    let policy = format!(
        "default-src 'none'; script-src {}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; {COMMON}",
        *PRINT_SCRIPT_HASH
    );
    HeaderValue::from_str(&policy).expect("the policy is ASCII")
});

/// The policy of a Leptos page whose inline scripts carry `nonce`. `wasm-unsafe-eval` lets
/// the islands' WebAssembly be compiled; `blob:` images are the previews of chosen photos.
fn page_policy(nonce: &Nonce) -> HeaderValue {
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' {} 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; \
         {COMMON}",
        *PRINT_SCRIPT_HASH
    );
    HeaderValue::from_str(&policy).expect("a nonce is URL-safe base64")
}

/// The context of every Leptos page and server function: the application, and a nonce
/// whose policy goes on the response.
pub fn provide_page_context(app: &AppState) {
    provide_context(app.clone());
    leptos::nonce::provide_nonce();
    if let (Some(nonce), Some(response)) =
        (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    {
        response.insert_header(header::CONTENT_SECURITY_POLICY, page_policy(&nonce));
    }
}

/// Adds the policies a response does not set itself, HSTS when the public address is
/// https, and the permissions no page needs.
pub async fn add(State(state): State<ServerState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, DEFAULT_POLICY.clone());
    }
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static(
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()",
        ),
    );
    if state.app.settings.public_url.is_https() {
        // A year; not `includeSubDomains`: an agency's other hosts are not ours to decide.
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_print_script_is_allowed_by_its_hash() {
        // Computed apart: printf %s "$PRINT_SCRIPT" | openssl dgst -sha256 -binary | base64
        assert_eq!(
            *PRINT_SCRIPT_HASH,
            "'sha256-7lZelXArxB4i3AvN0e6fY9SrQ4V8OXFkfXE2ZOT05pc='"
        );
        let policy = DEFAULT_POLICY.to_str().unwrap();
        assert!(policy.contains("script-src 'sha256-7lZel"), "{policy}");
    }

    #[test]
    fn a_page_policy_allows_its_own_nonce_and_no_inline_script_without_it() {
        let nonce = Nonce::new();
        let value = page_policy(&nonce);
        let policy = value.to_str().unwrap();
        let scripts = policy
            .split(';')
            .find(|d| d.trim_start().starts_with("script-src"))
            .unwrap();
        assert!(scripts.contains(&format!("'nonce-{nonce}'")), "{policy}");
        assert!(!scripts.contains("unsafe-inline"), "{policy}");
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    }
}
