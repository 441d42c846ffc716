//! The answer to a form post whose body could not be read (a multipart body cut off or
//! malformed, a form that is not urlencoded): a short page in the person's language, status
//! 400. The parser's own message is English and speaks of the server's internals, so it is
//! never shown; it goes to the log at debug level for whoever investigates.

use std::fmt::Display;

use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use motcua_domain::text::Lang;

use app::i18n::{Key, t};

use crate::html::escape;

/// What the page needs to know about the post, read before its body is.
pub struct FormNotRead {
    lang: Lang,
    /// The form's page, a path of this site, to go back to.
    back: String,
}

impl FormNotRead {
    /// For a post with `headers` of the form on page `back`.
    pub fn new(headers: &HeaderMap, back: String) -> FormNotRead {
        FormNotRead {
            lang: request_lang(headers),
            back,
        }
    }

    /// The 400 page, for a body that could not be read because of `cause`.
    pub fn page(&self, cause: impl Display) -> Response {
        tracing::debug!(%cause, "a form post could not be read");
        let lang = self.lang;
        let html = include_str!("bad_form.html")
            .replace("{style}", include_str!("plain_page.css"))
            .replace("{lang}", lang.code())
            .replace("{title}", t(lang, Key::FormNotReadTitle))
            .replace("{body}", t(lang, Key::FormNotReadBody))
            .replace("{back_href}", &escape(&self.back))
            .replace("{back}", t(lang, Key::Back));
        (
            StatusCode::BAD_REQUEST,
            [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
            Html(html),
        )
            .into_response()
    }
}

/// The language of the request: the `lang` cookie of the language switch
/// (`routes/language.rs`), Vietnamese otherwise, as the pages choose it.
fn request_lang(headers: &HeaderMap) -> Lang {
    CookieJar::from_headers(headers)
        .get("lang")
        .map(|c| Lang::from_code(c.value()))
        .unwrap_or_default()
}
