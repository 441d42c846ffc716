//! `/thu-tuc/{code}/nop/{token}/{page}`: one page of a filing. Which page it is comes from
//! the server: a form page (applicant or a Step), the documents, the check page, or the
//! receipt once filed.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::filing::{FilingView, Progress, get_filing_page};
use crate::components::fields::FormView;
use crate::components::layout::{Layout, current_lang};
use crate::components::server_error::server_error;
use crate::i18n::{Key, Lang, t};
use crate::islands::form::FormEnhancer;
use crate::pages::not_found::NotFoundBody;

#[component]
pub fn FilingPage() -> impl IntoView {
    let lang = current_lang();
    let (code, token, page) = use_params_map().with_untracked(|p| {
        (
            p.get("code").unwrap_or_default(),
            p.get("token").unwrap_or_default(),
            p.get("page").unwrap_or_default(),
        )
    });
    let review = use_query_map().with_untracked(|q| q.get("sua").is_some());
    let data = OnceResource::new_blocking(get_filing_page(code, token, page, review, lang));
    let content = move || {
        Suspend::new(async move {
            let view = match data.await {
                Ok(view) => view,
                Err(e) => return server_error(lang, t(lang, Key::NavCatalogue), &e),
            };
            match view {
                FilingView::NotFound => {
                    super::set_status(404);
                    view! { <NotFoundBody/> }.into_any()
                }
                FilingView::Redirect(to) => {
                    #[cfg(feature = "ssr")]
                    leptos_axum::redirect(&to);
                    view! { <p><a href=to>{t(lang, Key::Continue)}</a></p> }.into_any()
                }
                FilingView::Form { progress, intro, model } => view! {
                    <Layout title=progress.title.clone()>
                        <ProgressHeader lang=lang progress=progress/>
                        {intro.map(|i| view! { <p class="lead">{i}</p> })}
                        <FormEnhancer fields=model.fields.clone() earlier=model.earlier.clone() today=model.today.clone() lang=lang/>
                        <FormView model=model/>
                    </Layout>
                }
                .into_any(),
                FilingView::Documents { progress, action, back_href, documents } => view! {
                    <super::documents::DocumentsPage lang=lang progress=progress action=action back_href=back_href documents=documents/>
                }
                .into_any(),
                FilingView::Review { progress, action, sections, documents, documents_href } => view! {
                    <super::review::ReviewPage lang=lang progress=progress action=action sections=sections documents=documents documents_href=documents_href/>
                }
                .into_any(),
                FilingView::Receipt(receipt) => view! { <super::receipt::ReceiptPage lang=lang receipt=receipt/> }.into_any(),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{content}</Suspense> }
}

/// "Bước 2 trên 5" above the page title, with the procedure's name.
#[component]
pub fn ProgressHeader(lang: Lang, progress: Progress) -> impl IntoView {
    view! {
        <p class="crumb">
            <a href=format!("/thu-tuc/{}", progress.procedure_code)>{progress.procedure_name}</a>
        </p>
        <p class="progress">{t(lang, Key::Step)}" "{progress.number}" "{t(lang, Key::Of)}" "{progress.count}</p>
        <h1>{progress.title}</h1>
    }
}
