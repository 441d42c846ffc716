//! The few pages the server writes itself, outside Leptos: a short message in the person's
//! language with one link onward. They are self-contained (the style inline, no script, no
//! asset that could fail too) and never cached, because they answer one request's mistake.

use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use motcua_domain::text::Lang;

use app::i18n::{Key, t};

use crate::html::escape;

/// A page's content: every text is a translation key, so nothing reaches the person in a
/// language they did not choose.
pub struct PlainPage<'a> {
    pub lang: Lang,
    pub title: Key,
    pub body: Key,
    /// Where the one link goes: a path of this site.
    pub link_href: &'a str,
    pub link: Key,
}

impl PlainPage<'_> {
    pub fn render(&self, status: StatusCode) -> Response {
        let lang = self.lang;
        let html = include_str!("plain_page.html")
            .replace("{style}", include_str!("plain_page.css"))
            .replace("{lang}", lang.code())
            .replace("{title}", t(lang, self.title))
            .replace("{body}", t(lang, self.body))
            .replace("{back_href}", &escape(self.link_href))
            .replace("{back}", t(lang, self.link));
        (
            status,
            [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
            Html(html),
        )
            .into_response()
    }
}

/// The language of the request: the `lang` cookie of the language switch
/// (`routes/language.rs`), Vietnamese otherwise, as the pages choose it.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    CookieJar::from_headers(headers)
        .get("lang")
        .map(|c| Lang::from_code(c.value()))
        .unwrap_or_default()
}
