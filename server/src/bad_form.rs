//! The answer to a form post whose body could not be read (a multipart body cut off or
//! malformed, a form that is not urlencoded): a short page in the person's language, status
//! 400. The parser's own message is English and speaks of the server's internals, so it is
//! never shown; it goes to the log at debug level for whoever investigates.

use std::fmt::Display;

use axum::response::Response;
use http::{HeaderMap, StatusCode};
use motcua_domain::text::Lang;

use app::i18n::Key;

use crate::plain_page::{PlainPage, request_lang};

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
        PlainPage {
            lang: self.lang,
            title: Key::FormNotReadTitle,
            body: Key::FormNotReadBody,
            link_href: &self.back,
            link: Key::Back,
        }
        .render(StatusCode::BAD_REQUEST)
    }
}
