//! The HTTP router: Leptos pages and server functions, our form-post handlers, static files.

use std::sync::LazyLock;

use app::api::AppState;
use app::shell::{App, shell};
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRef, Request, State};
use axum::handler::HandlerWithoutStateExt;
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use http::{HeaderValue, StatusCode, header};
use http_body_util::Limited;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, generate_route_list, handle_server_fns_with_context,
};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::security_headers::provide_page_context;
use crate::{client_addr, csrf, error, not_found, request_id, routes, security_headers, telemetry};

/// Largest request body accepted on the documents page: several photos of documents.
pub const MAX_UPLOAD_BODY: usize = 64 * 1024 * 1024;

/// Largest body of any other post (a form page, a sign-in, a server function): a long form
/// typed in full is a few kilobytes, so a quarter of a megabyte leaves room and keeps one
/// anonymous post from making the server buffer megabytes.
pub const MAX_FORM_BODY: usize = 256 * 1024;

/// The Leptos routes of [`App`], listed once per process, by the first [`build`].
///
/// Listing them renders the app under `leptos::server::SuppressResourceLoad`, which sets a flag
/// for the whole process (leptos_server 0.8, `IS_SUPPRESSING_RESOURCE_LOAD` in resource.rs,
/// read by `ArcOnceResource::new_with_options` in once_resource.rs): a resource that another
/// server of the process creates meanwhile never starts loading, and its page (our pages load
/// their data in a blocking `OnceResource`) waits forever. Tests build a server each while
/// other tests' servers render pages, which once in a while hung a request; listed once, before
/// any server of the process exists, no later build touches that flag.
static ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(App));

/// What axum handlers share.
#[derive(Clone)]
pub struct ServerState {
    pub leptos_options: LeptosOptions,
    pub app: AppState,
}

impl FromRef<ServerState> for LeptosOptions {
    fn from_ref(s: &ServerState) -> Self {
        s.leptos_options.clone()
    }
}

async fn server_fns(State(state): State<ServerState>, req: Request) -> impl IntoResponse {
    let app = state.app.clone();
    handle_server_fns_with_context(move || provide_context(app.clone()), req).await
}

/// The whole application on `app` (built once by [`AppState::new`], by `main` and by every
/// test alike) with Leptos's `options`.
pub fn build(app: AppState, options: LeptosOptions) -> Router {
    let state = ServerState {
        leptos_options: options.clone(),
        app: app.clone(),
    };
    let pkg_dir = format!("{}/{}", options.site_root, options.site_pkg_dir);
    // Asset names carry a content hash (cargo-leptos `hash-files`), so they never change:
    // cache them for a year, and send the brotli or gzip file made at build time.
    // A missing one is a plain 404 that no cache keeps: during a deployment, a page of the new
    // release may ask for its assets before they are all in place.
    let pkg = Router::new()
        .fallback_service(
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip()
                .not_found_service((|| async { routes::static_files::not_found() }).into_service()),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            |res: &axum::response::Response| {
                (res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED)
                    .then(|| HeaderValue::from_static("public, max-age=31536000, immutable"))
            },
        ));
    let routes = ROUTES.clone();
    Router::new()
        .route("/thu-tuc/{code}/nop", post(routes::filing_start::post))
        .route(
            "/thu-tuc/{code}/nop/{token}/{page}",
            post(routes::filing_page::post).layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY)),
        )
        .route("/ngon-ngu/{lang}", get(routes::language::get))
        .route("/tra-cuu", post(routes::lookup::post))
        .route("/dang-nhap", post(routes::sign_in::post))
        .route("/dang-xuat", post(routes::sign_out::post))
        .route("/dang-ky", post(routes::register::post))
        .route("/doi-mat-khau", post(routes::change_password::post))
        .route("/ho-so-cua-toi/nhan", post(routes::claim::post))
        .route("/bo-sung/{code}", post(routes::supplement::start))
        .route("/rut-ho-so/{code}", post(routes::withdraw::post))
        .route(
            "/bo-sung/{code}/{token}",
            post(routes::supplement::answer).layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY)),
        )
        .route(
            "/can-bo/ho-so/{code}/{action}",
            post(routes::staff_action::post).layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY)),
        )
        .route(
            "/can-bo/ho-so/{code}/tep/{id}",
            get(routes::staff_file::document),
        )
        .route(
            "/can-bo/ho-so/{code}/dinh-kem/{id}",
            get(routes::staff_file::attachment),
        )
        .route("/can-bo/so-theo-doi", get(routes::tracking_book::get))
        .route("/can-bo/quan-tri/can-bo", post(routes::admin_users::add))
        .route(
            "/can-bo/quan-tri/can-bo/{id}/vai-tro",
            post(routes::admin_users::roles),
        )
        .route(
            "/can-bo/quan-tri/can-bo/{id}/trang-thai",
            post(routes::admin_users::active),
        )
        .route(
            "/can-bo/quan-tri/can-bo/{id}/mat-khau",
            post(routes::admin_users::password),
        )
        .route("/can-bo/quan-tri/lich", post(routes::admin_calendar::save))
        .route("/can-bo/quan-tri/nhat-ky", post(routes::admin_audit::post))
        .route(
            "/can-bo/quan-tri/lich/xoa",
            post(routes::admin_calendar::delete),
        )
        .route(
            "/phieu/{code}/{number}",
            get(routes::slip::page).post(routes::slip::page),
        )
        .route(
            "/phieu/{code}/{number}/pdf",
            get(routes::slip::pdf).post(routes::slip::pdf),
        )
        .route("/suc-khoe", get(routes::health::get))
        .route("/favicon.ico", get(routes::static_files::get))
        .route("/icon.svg", get(routes::static_files::get))
        .route("/icon-192.png", get(routes::static_files::get))
        .route("/icon-512.png", get(routes::static_files::get))
        .route("/robots.txt", get(routes::static_files::get))
        .route("/manifest.webmanifest", get(routes::static_files::get))
        .route("/don-vi/{province}/xa", get(routes::communes::get))
        .route("/api/{*fn_name}", post(server_fns).get(server_fns))
        .nest("/pkg", pkg)
        .leptos_routes_with_context(&state, routes, move || provide_page_context(&app), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(fallback)
        // Every post but those with files (their routes set their own, larger limit).
        .layer(DefaultBodyLimit::max(MAX_FORM_BODY))
        .layer(middleware::from_fn(limit_server_function_bodies))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            csrf::same_origin_only,
        ))
        .layer(middleware::from_fn(private_pages))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            client_addr::behind_trusted_proxy,
        ))
        // Inside the request-id layers, whose id it shows, and inside compression and the
        // security headers, which then apply to the error page too.
        .layer(middleware::from_fn(error::error_page))
        // A handler's "not found" in the person's language; it reads the `lang` cookie.
        .layer(middleware::from_fn(not_found::translate))
        // Outside the pages and their error page, inside the headers every response gets.
        .layer(middleware::from_fn_with_state(
            crate::overload::Capacity::new(state.app.settings.max_requests),
            crate::overload::shed,
        ))
        // Pages are compressed as they are sent (brotli or gzip, as the browser accepts);
        // `/pkg` files already carry their build-time compression and are left alone.
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security_headers::add,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        // Outermost, in this order: a request id for every request (the proxy's if it is
        // well formed), the span that puts it on every log line with one line per response,
        // and the id copied to the response for the person or the proxy to quote.
        .layer(
            ServiceBuilder::new()
                .layer(middleware::from_fn(request_id::drop_malformed))
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(telemetry::request_span)
                        .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
                )
                .layer(PropagateRequestIdLayer::x_request_id()),
        )
        .with_state(state)
}

/// What no route answers: a missing file gets a plain 404 of a few bytes (a browser asking for
/// an icon, a crawler probing for `sitemap.xml`); anything else is a page, and Leptos renders
/// its "page not found" (or serves a file of the site root, which cargo-leptos fills).
async fn fallback(State(state): State<ServerState>, req: Request) -> axum::response::Response {
    if routes::static_files::looks_like_file(req.uri().path()) {
        return routes::static_files::not_found();
    }
    let uri = req.uri().clone();
    leptos_axum::file_and_error_handler::<ServerState, _>(shell)(uri, State(state), req).await
}

/// Pages with personal data (the staff workspace, "my dossiers", supplement answers, lookup
/// results, slips, the filing pages with what the citizen typed, the account pages) are
/// never stored by a cache, so the back button after signing out on a shared computer
/// shows nothing.
async fn private_pages(req: Request, next: middleware::Next) -> axum::response::Response {
    let path = req.uri().path();
    let private = [
        "/can-bo",
        "/ho-so-cua-toi",
        "/bo-sung",
        "/tra-cuu",
        "/phieu",
        "/doi-mat-khau",
        "/dang-nhap",
        "/dang-ky",
    ]
    .iter()
    .any(|p| path.starts_with(p))
        || (path.starts_with("/thu-tuc/") && path.contains("/nop"));
    let mut res = next.run(req).await;
    if private {
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    res
}

/// Server functions read their body themselves, past `DefaultBodyLimit` (Leptos routes each
/// one, under `/api/`): their body is limited as it streams in, and one that says it is
/// larger is refused before it is read.
async fn limit_server_function_bodies(
    req: Request,
    next: middleware::Next,
) -> axum::response::Response {
    if !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_FORM_BODY) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let req = req.map(|body| axum::body::Body::new(Limited::new(body, MAX_FORM_BODY)));
    next.run(req).await
}
