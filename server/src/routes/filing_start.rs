//! `POST /thu-tuc/{code}/nop`: start a filing of the version of `code` in effect today, at
//! most `filings_per_hour` (30) an hour per client.

use std::net::SocketAddr;

use app::i18n::Key;
use axum::extract::{ConnectInfo, Path, State};
use axum::response::Response;
use http::{HeaderMap, StatusCode};
use motcua_core::filing::{self, StartError};

use crate::error::AppError;
use crate::not_found::not_found;
use crate::plain_page::{PlainPage, request_lang};
use crate::router::ServerState;
use crate::routes::see_other;

pub async fn post(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let app = &state.app;
    // Each filing is a draft that keeps files until it expires: `filings_per_hour` a client.
    if app.filing_start_limiter.attempt(addr.ip()).await.is_err() {
        let page = PlainPage {
            lang: request_lang(&headers),
            title: Key::TooManyFilingsTitle,
            body: Key::TooManyFilingsBody,
            link_href: "/thu-tuc",
            link: Key::Back,
        };
        return Ok(page.render(StatusCode::TOO_MANY_REQUESTS));
    }
    match filing::start(&app.store, &code, app.clock.now()).await {
        Ok(token) => Ok(see_other(&app::api::filing::ssr::page_href(
            &code,
            &token,
            app::flow::APPLICANT,
        ))),
        Err(StartError::NoSuchProcedure) => Ok(not_found()),
        Err(StartError::Store(e)) => Err(e.into()),
    }
}
