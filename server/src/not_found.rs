//! "Not found" from a handler: an unknown dossier, a malformed token, a page that is not the
//! officer's to see. The handler answers [`not_found`], which knows nothing of the person's
//! language; the [`translate`] middleware, which read the request's language on the way in,
//! turns it into a page in that language. One page for all of them, so a stranger cannot tell
//! "exists but not yours" from "does not exist".

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::StatusCode;

use app::i18n::Key;

use crate::plain_page::{PlainPage, request_lang};

/// Marks a 404 as a handler's, for [`translate`] to replace. Other 404s (a missing static
/// file, which an `<img>` asked for, and the app's own page) are left as they are.
#[derive(Clone, Copy, Debug)]
struct Marked;

/// The answer of a handler that found nothing to show.
pub fn not_found() -> Response {
    let mut response = StatusCode::NOT_FOUND.into_response();
    response.extensions_mut().insert(Marked);
    response
}

/// Middleware: a [`not_found`] answer becomes the page in the request's language.
pub async fn translate(req: Request, next: Next) -> Response {
    let lang = request_lang(req.headers());
    let response = next.run(req).await;
    if response.status() == StatusCode::NOT_FOUND && response.extensions().get::<Marked>().is_some()
    {
        PlainPage {
            lang,
            title: Key::NotFoundTitle,
            body: Key::NotFoundBody,
            link_href: "/thu-tuc",
            link: Key::BackToCatalogue,
        }
        .render(StatusCode::NOT_FOUND)
    } else {
        response
    }
}
