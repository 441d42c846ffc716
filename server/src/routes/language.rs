//! `GET /ngon-ngu/{lang}?tiep=/path`: remember the chosen UI language and go back.

use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use http::header;
use motcua_domain::text::Lang;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Next {
    tiep: Option<String>,
}

pub async fn get(Path(lang): Path<String>, Query(next): Query<Next>) -> Response {
    let lang = Lang::from_code(&lang);
    // Only a local path: never an open redirect to another site.
    let to = next
        .tiep
        .filter(|t| is_local_path(t))
        .unwrap_or_else(|| "/thu-tuc".into());
    let cookie = format!(
        "lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    );
    ([(header::SET_COOKIE, cookie)], Redirect::to(&to)).into_response()
}

/// A path on this site: starts with one `/`, and holds no backslash, whitespace or control
/// character (browsers drop tabs and newlines, which would turn `/\t/evil` into `//evil`).
fn is_local_path(t: &str) -> bool {
    t.starts_with('/')
        && !t.starts_with("//")
        && !t
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/tra-cuu?ma=X"));
        for bad in [
            "//evil.example",
            "/\t/evil.example",
            "/\\evil.example",
            "https://evil.example",
            "/\n/x",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }
}
