//! Who is signed in, for pages, server functions and form-post handlers: the session
//! cookie and reading the current account through the core's sessions
//! ([`motcua_core::accounts::sessions`]). Passwords and the rules of signing in are in
//! [`motcua_core::accounts`]. Server only.
//!
//! ## Decisions
//! - **Sessions in the database**, never in the cookie: the cookie holds only a random id.
//! - **Cookie**: `__Host-motcua_sid; Path=/; HttpOnly; Secure; SameSite=Lax`. The `__Host-`
//!   prefix makes the browser refuse the cookie unless it is `Secure`, host-only and for `/`,
//!   so a sibling subdomain cannot plant one. Browsers never store a `Secure` cookie from a
//!   plain-http page other than localhost, so when the request comes to a loopback host over
//!   plain http (a developer or a test run), the cookie is `motcua_sid` without `Secure`.

use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use http::HeaderMap;
use http::header::HOST;
use motcua_core::accounts::sessions::{self, SESSION_ABSOLUTE};
use motcua_domain::ids::DossierCode;
use motcua_store::Account;

const SECURE_NAME: &str = "__Host-motcua_sid";
const LOCAL_NAME: &str = "motcua_sid";

/// The deployment's public address (`public_url` in Leptos.toml), parsed once at start and
/// carried in the application state. When set, it alone decides whether cookies are
/// `Secure` and what QR codes on slips point to. `motcua serve` always has one (configured,
/// or its own loopback address: `startup::public_url_served_at`); only a server built in
/// process without one (the HTTP tests on a free port) falls back to the request's `Host`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PublicUrl(Option<String>);

impl PublicUrl {
    /// `""` for none; otherwise an `https://` or `http://` address, without a trailing `/`.
    pub fn parse(text: &str) -> Result<PublicUrl, String> {
        let url = text.trim().trim_end_matches('/');
        if url.is_empty() {
            return Ok(PublicUrl(None));
        }
        let host = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        match host {
            Some(h) if !h.is_empty() && !h.contains(['/', '?', '#', ' ']) => {
                Ok(PublicUrl(Some(url.to_string())))
            }
            _ => Err(format!(
                "public_url {url:?} must be https:// or http:// followed by a host, e.g. \
                 https://dichvucong.thanhhoa.gov.vn"
            )),
        }
    }

    /// Whether an address was configured (or, for a server on loopback, derived at start).
    pub fn is_set(&self) -> bool {
        self.0.is_some()
    }

    /// Whether the deployment is configured to be reached over https only (for HSTS).
    pub fn is_https(&self) -> bool {
        self.0.as_deref().is_some_and(|u| u.starts_with("https://"))
    }

    /// The public address of this site as seen by this request: the configured one, or the
    /// scheme and `Host` of the request.
    pub fn base(&self, headers: &HeaderMap) -> String {
        if let Some(url) = &self.0 {
            return url.clone();
        }
        let host = headers
            .get(HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("localhost");
        let scheme = if self.plain_local(headers) {
            "http"
        } else {
            "https"
        };
        format!("{scheme}://{host}")
    }

    /// Whether the request reached us over plain http on a loopback host (see the module
    /// doc), where a `Secure` cookie would be dropped by the browser. With a configured
    /// public address, only an `http://` one counts as plain.
    pub fn plain_local(&self, headers: &HeaderMap) -> bool {
        if let Some(url) = &self.0 {
            return url.starts_with("http://");
        }
        if headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|p| p.eq_ignore_ascii_case("https"))
        {
            return false;
        }
        let host = headers
            .get(HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let name = match host.rsplit_once(':') {
            Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
            _ => host,
        };
        matches!(name, "localhost" | "127.0.0.1" | "[::1]")
    }

    fn cookie_name(&self, headers: &HeaderMap) -> &'static str {
        if self.plain_local(headers) {
            LOCAL_NAME
        } else {
            SECURE_NAME
        }
    }

    /// The cookie that starts session `session_id`: for the whole site, out of reach of
    /// scripts, not sent by cross-site posts, `Secure` (see the module doc), and no longer
    /// than the session can live.
    pub fn session_cookie(&self, headers: &HeaderMap, session_id: &str) -> Cookie<'static> {
        Cookie::build((self.cookie_name(headers), session_id.to_string()))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .max_age(SESSION_ABSOLUTE)
            .secure(!self.plain_local(headers))
            .build()
    }

    /// `jar` with the cookie of session `session_id` set.
    pub fn start_session(
        &self,
        jar: CookieJar,
        headers: &HeaderMap,
        session_id: &str,
    ) -> CookieJar {
        jar.add(self.session_cookie(headers, session_id))
    }

    /// `jar` with the session cookie removed: empty, expired, under the same name, path and
    /// flags so the browser replaces it. Sent whether or not the request carried one
    /// (`CookieJar::remove` would send nothing then).
    pub fn end_session(&self, jar: CookieJar, headers: &HeaderMap) -> CookieJar {
        let mut removal = self.session_cookie(headers, "");
        removal.make_removal();
        jar.add(removal)
    }

    /// The session id the browser sent, if any (only under the name this request allows).
    pub fn session_id(&self, headers: &HeaderMap) -> Option<String> {
        CookieJar::from_headers(headers)
            .get(self.cookie_name(headers))
            .map(|c| c.value().to_string())
            .filter(|id| !id.is_empty())
    }
}

/// The signed-in account for these request headers, if any.
pub async fn account_for(state: &crate::api::AppState, headers: &HeaderMap) -> Option<Account> {
    let id = state.settings.public_url.session_id(headers)?;
    match sessions::signed_in(&state.store, &id, state.clock.now()).await {
        Ok(a) => a,
        Err(e) => {
            tracing::error!(error = %e, "reading a session failed");
            None
        }
    }
}

/// The signed-in account of the request being rendered (pages and server functions).
pub async fn current_account() -> Option<Account> {
    let state = crate::api::AppState::get().ok()?;
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    account_for(&state, &parts.headers).await
}

/// A dossier the citizen of this request may act on: theirs when signed in, or proven with
/// the dossier code and the applicant's ID number or phone (`key`); the rule is the core's
/// (`motcua_core::citizen_access`). `Ok(None)` for anything else, exactly as for an unknown
/// code; `Err` is ours, for the handler to answer 500 with the request id.
pub async fn citizen_dossier(
    state: &crate::api::AppState,
    headers: &HeaderMap,
    code: &DossierCode,
    key: &str,
    ip: std::net::IpAddr,
) -> Result<Option<motcua_core::citizen_access::ActingCitizen>, motcua_store::StoreError> {
    use motcua_core::citizen_access::{CitizenAsk, citizen_dossier};
    let ask = CitizenAsk {
        signed_in: account_for(state, headers).await,
        code,
        proof: key,
        ip,
    };
    citizen_dossier(&state.store, &state.lookup_limiter, ask).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(host: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(HOST, host.parse().unwrap());
        h
    }

    #[test]
    fn cookies_are_secure_except_on_plain_local_http() {
        let site = PublicUrl::default();
        let public = headers("motcua.thanhhoa.gov.vn");
        let c = site.session_cookie(&public, "abc");
        assert_eq!((c.name(), c.value()), ("__Host-motcua_sid", "abc"));
        assert_eq!(c.path(), Some("/"));
        assert_eq!(c.http_only(), Some(true));
        assert_eq!(c.same_site(), Some(SameSite::Lax));
        assert_eq!(c.max_age(), Some(SESSION_ABSOLUTE));
        assert_eq!(c.secure(), Some(true));
        let header = c.to_string();
        for attribute in [
            "Path=/",
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
            "Max-Age=43200",
        ] {
            assert!(header.split("; ").any(|a| a == attribute), "{header}");
        }
        let local = headers("127.0.0.1:3000");
        let c = site.session_cookie(&local, "abc");
        assert!(c.to_string().starts_with("motcua_sid=abc;"));
        assert!(!c.to_string().contains("Secure"));
        let mut proxied = headers("localhost:3000");
        proxied.insert("x-forwarded-proto", "https".parse().unwrap());
        assert!(
            site.session_cookie(&proxied, "abc")
                .to_string()
                .contains("__Host-")
        );
        // A configured address decides alone, whatever the Host.
        let configured = PublicUrl::parse("https://dichvucong.example.gov.vn/").unwrap();
        assert!(
            configured
                .session_cookie(&local, "abc")
                .to_string()
                .contains("__Host-")
        );
        assert_eq!(configured.base(&local), "https://dichvucong.example.gov.vn");
        assert_eq!(site.base(&local), "http://127.0.0.1:3000");
    }

    #[test]
    fn ending_a_session_removes_the_cookie_under_the_same_name_and_flags() {
        let public = headers("motcua.thanhhoa.gov.vn");
        let jar = PublicUrl::default().end_session(CookieJar::new(), &public);
        let response = axum::response::IntoResponse::into_response(jar);
        let removal = response.headers()[http::header::SET_COOKIE]
            .to_str()
            .unwrap()
            .to_string();
        assert!(removal.starts_with("__Host-motcua_sid=;"), "{removal}");
        for attribute in ["Path=/", "HttpOnly", "SameSite=Lax", "Secure", "Max-Age=0"] {
            assert!(removal.split("; ").any(|a| a == attribute), "{removal}");
        }
    }

    #[test]
    fn public_urls_are_checked() {
        assert_eq!(PublicUrl::parse(" ").unwrap(), PublicUrl::default());
        for bad in [
            "dichvucong.vn",
            "ftp://x",
            "https://",
            "https://a b",
            "https://x/y",
        ] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_cookie_under_the_wrong_name_is_ignored() {
        let mut h = headers("motcua.example");
        h.insert(
            http::header::COOKIE,
            "motcua_sid=planted; lang=vi".parse().unwrap(),
        );
        let site = PublicUrl::default();
        assert_eq!(site.session_id(&h), None);
        h.insert(
            http::header::COOKIE,
            "lang=vi; __Host-motcua_sid=real".parse().unwrap(),
        );
        assert_eq!(site.session_id(&h).as_deref(), Some("real"));
    }
}
