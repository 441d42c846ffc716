//! `/thu-tuc/{code}`: what the procedure needs, and the button to start filing.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::procedure::get_procedure;
use crate::components::layout::{Layout, current_lang};
use crate::components::procedure_facts::ProcedureFacts;
use crate::components::server_error::server_error;
use crate::i18n::{Key, Lang, t};
use crate::pages::not_found::NotFoundBody;
use motcua_domain::procedure::Procedure;

#[component]
pub fn ProcedurePage() -> impl IntoView {
    with_procedure(procedure_view)
}

/// Loads the procedure named in the URL and renders it with `render`, or a 404 page.
pub fn with_procedure(render: fn(Procedure, Lang) -> AnyView) -> impl IntoView {
    let lang = current_lang();
    let code = use_params_map().with_untracked(|p| p.get("code").unwrap_or_default());
    let data = OnceResource::new_blocking(get_procedure(code));
    let content = move || {
        Suspend::new(async move {
            match data.await {
                Err(e) => server_error(lang, t(lang, Key::CatalogueTitle), &e),
                Ok(None) => {
                    super::set_status(404);
                    view! { <NotFoundBody/> }.into_any()
                }
                Ok(Some(p)) => render(p, lang),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{content}</Suspense> }
}

fn procedure_view(p: Procedure, lang: Lang) -> AnyView {
    let name = p.name.get(lang).to_string();
    let start = format!("/thu-tuc/{}/nop", p.code);
    view! {
        <Layout title=name.clone()>
            <p class="crumb"><a href="/thu-tuc">{t(lang, Key::NavCatalogue)}</a></p>
            <h1>{name}</h1>
            <ProcedureFacts procedure=p lang=lang/>
            <form method="post" action=start class="start">
                <p>{t(lang, Key::StartFilingIntro)}</p>
                <button type="submit" class="primary big">{t(lang, Key::StartFiling)}</button>
            </form>
        </Layout>
    }
    .into_any()
}
