//! The HTML document and the route table.

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::components::layout::current_lang;
use crate::pages;

/// The whole HTML document. One stylesheet, no render-blocking script: the islands loader is
/// a module script, which the browser defers.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = current_lang();
    // Only form pages have an island; every other page is plain HTML and should not make a
    // phone preload the WebAssembly.
    let scripts =
        has_island().then(|| view! { <HydrationScripts options=options.clone() islands=true/> });
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                // Icons and the manifest do not block rendering; the browser fetches the icon
                // once and keeps it a day.
                <link rel="icon" href="/favicon.ico" sizes="32x32"/>
                <link rel="icon" href="/icon.svg" type="image/svg+xml"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <meta name="theme-color" content="#a50e0e"/>
                {scripts}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: every page is rendered completely on the server before it is sent
/// (`SsrMode::Async`), so it is whole without JavaScript.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=pages::not_found::NotFound>
                <Route path=path!("/") view=pages::catalogue::CataloguePage ssr=SsrMode::Async/>
                <Route path=path!("/thu-tuc") view=pages::catalogue::CataloguePage ssr=SsrMode::Async/>
                <Route path=path!("/thu-tuc/:code") view=pages::procedure::ProcedurePage ssr=SsrMode::Async/>
                <Route path=path!("/thu-tuc/:code/nop") view=pages::filing_start::FilingStartPage ssr=SsrMode::Async/>
                <Route path=path!("/thu-tuc/:code/nop/:token/:page") view=pages::filing::FilingPage ssr=SsrMode::Async/>
                <Route path=path!("/tra-cuu") view=pages::lookup::LookupPage ssr=SsrMode::Async/>
                <Route path=path!("/dang-nhap") view=pages::sign_in::SignInPage ssr=SsrMode::Async/>
                <Route path=path!("/dang-ky") view=pages::register::RegisterPage ssr=SsrMode::Async/>
                <Route path=path!("/doi-mat-khau") view=pages::change_password::ChangePasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/ho-so-cua-toi") view=pages::my_dossiers::MyDossiersPage ssr=SsrMode::Async/>
                <Route path=path!("/bo-sung/:code/:token") view=pages::supplement::SupplementPage ssr=SsrMode::Async/>
                <Route path=path!("/can-bo") view=pages::staff_queue::StaffQueuePage ssr=SsrMode::Async/>
                <Route path=path!("/can-bo/ho-so/:code") view=pages::staff_dossier::StaffDossierPage ssr=SsrMode::Async/>
                <Route path=path!("/can-bo/quan-tri/can-bo") view=pages::admin_users::AdminUsersPage ssr=SsrMode::Async/>
                <Route path=path!("/can-bo/quan-tri/lich") view=pages::admin_calendar::AdminCalendarPage ssr=SsrMode::Async/>
                <Route path=path!("/can-bo/quan-tri/nhat-ky") view=pages::admin_audit::AdminAuditPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}

/// Whether the page being rendered has an island: the form pages of a filing
/// (`/thu-tuc/{code}/nop/{token}/{page}`, other than documents, check and receipt).
fn has_island() -> bool {
    #[cfg(feature = "ssr")]
    {
        let path = use_context::<http::request::Parts>()
            .map(|p| p.uri.path().to_string())
            .unwrap_or_default();
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        matches!(parts.as_slice(), ["thu-tuc", _, "nop", _, page]
            if ![crate::flow::DOCUMENTS, crate::flow::REVIEW, crate::flow::RECEIPT].contains(page))
    }
    #[cfg(not(feature = "ssr"))]
    false
}
