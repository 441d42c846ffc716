//! `POST /thu-tuc/{code}/nop/{token}/{page}`: one page of a filing, sent without or with
//! JavaScript alike. The rules are the core's (`motcua_core::filing`: save first so nothing
//! is lost, then validate); this reads the post and redirects (303) to the next page or back
//! to the same page with its problems (post/redirect/get).

use app::api::filing::ssr::href;
use app::flow::{self, PageKind};
use axum::Form;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use http_body_util::Limited;
use motcua_core::filing::{
    self, DocumentsButton, DocumentsPost, DocumentsSaved, FileError, Filing, FilingToken, Page,
    PagePost, PageSaved, SaveDocumentsError, SavePageError,
};
use motcua_core::scan::OnePost;
use motcua_core::upload::SentFile;

use crate::bad_form::FormNotRead;
use crate::error::AppError;
use crate::not_found::not_found;
use crate::plain_page::{PlainPage, request_lang};
use crate::router::{MAX_FORM_BODY, ServerState};
use crate::routes::see_other;
use app::i18n::{Key, Lang};

/// The answer when a post is not taken: the request's fault (a status and a message) or
/// ours (an [`AppError`], logged and shown as the error page).
type Failure = Response;

fn internal(e: impl std::fmt::Display) -> Failure {
    AppError::from(e).into_response()
}

pub async fn post(
    State(state): State<ServerState>,
    Path((code, token, page)): Path<(String, String, String)>,
    req: Request,
) -> Response {
    handle(state, code, token, page, req).await.into_response()
}

async fn handle(
    state: ServerState,
    code: String,
    token: String,
    page: String,
    req: Request,
) -> Result<Response, Failure> {
    let app = &state.app;
    let token = FilingToken::parse(&token).ok_or_else(not_found)?;
    let Some(mut filing) = Filing::open(&app.store, &code, &token)
        .await
        .map_err(internal)?
    else {
        return Err(not_found());
    };
    if filing.filed_as().is_some() {
        // Filed already: a retried submit lands on the same receipt.
        return Ok(see_other(&href(&filing, flow::RECEIPT)));
    }
    let page = filing.page(&page).ok_or_else(not_found)?;
    let not_read = FormNotRead::new(req.headers(), href(&filing, &page.slug));
    let lang = request_lang(req.headers());
    // Read on every post, as the session's use.
    let citizen = app::auth::account_for(app, req.headers())
        .await
        .filter(|a| a.kind == motcua_store::AccountKind::Citizen)
        .map(|a| a.id);
    match page.kind {
        PageKind::Applicant | PageKind::Step(_) => {
            // The route allows a documents page's photos; a form page is text.
            let req = req.map(|body| Body::new(Limited::new(body, MAX_FORM_BODY)));
            let Form(pairs) = Form::<Vec<(String, String)>>::from_request(req, &state)
                .await
                .map_err(|e| not_read.page(e))?;
            form_page(&state, &mut filing, &page, PagePost::from_pairs(pairs)).await
        }
        PageKind::Documents => {
            let multipart = Multipart::from_request(req, &state)
                .await
                .map_err(|e| not_read.page(e))?;
            documents_page(&state, &mut filing, &page, multipart, &not_read).await
        }
        PageKind::Review => submit(&state, &mut filing, citizen, lang).await,
    }
}

/// A form page: applicant details or one Step of the procedure's form.
async fn form_page(
    state: &ServerState,
    filing: &mut Filing,
    page: &Page,
    post: PagePost,
) -> Result<Response, Failure> {
    let app = &state.app;
    let here = href(filing, &page.slug);
    let here_again = if post.return_to_review {
        format!("{here}?sua=1")
    } else {
        here
    };
    let saved = filing::save_page(
        &app.store,
        app.units.as_ref(),
        filing,
        page,
        post,
        app.clock.now(),
    );
    match saved.await {
        Ok(PageSaved::Edited { group }) => Ok(see_other(&format!("{here_again}#{group}"))),
        Ok(PageSaved::Refreshed) => Ok(see_other(&here_again)),
        Ok(PageSaved::Next { page }) => Ok(see_other(&href(filing, &page))),
        Err(SavePageError::Invalid(_)) => Ok(see_other(&format!("{here_again}#loi"))),
        Err(SavePageError::NotAForm) => Err(not_found()),
        Err(SavePageError::Store(e)) => Err(internal(e)),
    }
}

/// The documents page: keep each file that passes the checks, report the others at their
/// document, remove files on request, and move on when every required document has a file.
async fn documents_page(
    state: &ServerState,
    filing: &mut Filing,
    page: &Page,
    mut multipart: Multipart,
    not_read: &FormNotRead,
) -> Result<Response, Failure> {
    let app = &state.app;
    let store = &app.store;
    let mut post = DocumentsPost::begin(filing, app.units.as_ref(), app.clock.now());
    let scanner = OnePost::new(app.scanner.as_ref());
    while let Some(field) = multipart.next_field().await.map_err(|e| not_read.page(e))? {
        let name = field.name().unwrap_or("").to_string();
        if name == "_action" || name == "_remove" {
            let value = field.text().await.unwrap_or_default();
            if name == "_action" {
                post.press(DocumentsButton::parse(&value));
            } else if let Ok(id) = value.parse::<i64>() {
                post.remove(id);
            }
            continue;
        }
        let Some(document_id) = name.strip_prefix("file.") else {
            continue;
        };
        if !post.asks_for(document_id) {
            continue;
        }
        let file_name = field.file_name().unwrap_or("").to_string();
        let bytes = field.bytes().await.map_err(|e| not_read.page(e))?;
        let sent = SentFile {
            file_name: &file_name,
            bytes: &bytes,
        };
        post.upload(store, &scanner, filing, document_id, sent)
            .await
            .map_err(internal)?;
    }
    let here = href(filing, &page.slug);
    match post.finish(store, filing, page).await {
        Ok(DocumentsSaved::Next { page }) => Ok(see_other(&href(filing, &page))),
        Ok(DocumentsSaved::Stay) => Ok(see_other(&here)),
        Err(SaveDocumentsError::Refused(_)) => Ok(see_other(&format!("{here}#loi"))),
        Err(SaveDocumentsError::Store(e)) => Err(internal(e)),
    }
}

/// The final submit: the core re-checks every page, then files, once per draft.
async fn submit(
    state: &ServerState,
    filing: &mut Filing,
    citizen: Option<i64>,
    lang: Lang,
) -> Result<Response, Failure> {
    let app = &state.app;
    let filed = filing::file(
        &app.store,
        app.units.as_ref(),
        filing,
        citizen,
        app.clock.now(),
    );
    match filed.await {
        Ok(_) => Ok(see_other(&href(filing, flow::RECEIPT))),
        Err(FileError::Incomplete(incomplete)) => Ok(see_other(&href(filing, &incomplete.page))),
        Err(FileError::DocumentsMissing(_)) => {
            Ok(see_other(&format!("{}#loi", href(filing, flow::DOCUMENTS))))
        }
        // The catalogue's mistake, not the citizen's: the draft stays, and so does the page.
        Err(FileError::NoReceiver) => Err(PlainPage {
            lang,
            title: Key::NoReceiverTitle,
            body: Key::NoReceiverBody,
            link_href: &href(filing, flow::REVIEW),
            link: Key::Back,
        }
        .render(StatusCode::SERVICE_UNAVAILABLE)),
        Err(FileError::Applicant(e)) => Err(internal(e)),
        Err(FileError::Random(e)) => Err(internal(e)),
        Err(FileError::Store(e)) => Err(internal(e)),
    }
}
