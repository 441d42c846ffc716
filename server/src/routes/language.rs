//! `GET /ngon-ngu/{lang}?tiep=/path`: remember the chosen UI language and go back.

use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use motcua_domain::text::Lang;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Next {
    tiep: Option<String>,
}

pub async fn get(Path(lang): Path<String>, Query(next): Query<Next>, jar: CookieJar) -> Response {
    let lang = Lang::from_code(&lang);
    // Only a local path: never an open redirect to another site.
    let to = next
        .tiep
        .as_deref()
        .and_then(crate::routes::local_path)
        .unwrap_or("/thu-tuc")
        .to_string();
    // Read back by `app::components::layout::current_lang`.
    let cookie = Cookie::build(("lang", lang.code()))
        .path("/")
        .max_age(time::Duration::days(365))
        .same_site(SameSite::Lax);
    (jar.add(cookie), Redirect::to(&to)).into_response()
}

#[cfg(test)]
mod tests {
    use crate::routes::local_path;

    fn is_local_path(t: &str) -> bool {
        local_path(t).is_some()
    }

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
