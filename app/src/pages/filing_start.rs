//! `/thu-tuc/{code}/nop`: the start of a filing. A GET only shows the start button; the
//! POST (handled by the server) creates the draft, so links and crawlers never create one.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::procedure::get_procedure;
use crate::components::layout::{Layout, current_lang};
use crate::i18n::{Key, t};
use crate::pages::not_found::NotFoundBody;

#[component]
pub fn FilingStartPage() -> impl IntoView {
    let lang = current_lang();
    let code = use_params_map().with_untracked(|p| p.get("code").unwrap_or_default());
    let data = OnceResource::new_blocking(get_procedure(code));
    let content = move || {
        Suspend::new(async move {
            match data.await.ok().flatten() {
                None => {
                    super::set_status(404);
                    view! { <NotFoundBody/> }.into_any()
                }
                Some(p) => {
                    let name = p.name.get(lang).to_string();
                    view! {
                        <Layout title=name.clone()>
                            <p class="crumb"><a href=format!("/thu-tuc/{}", p.code)>{name.clone()}</a></p>
                            <h1>{t(lang, Key::StartFiling)}</h1>
                            <p>{t(lang, Key::StartFilingIntro)}</p>
                            <form method="post" action=format!("/thu-tuc/{}/nop", p.code)>
                                <button type="submit" class="primary big">{t(lang, Key::StartFiling)}</button>
                            </form>
                        </Layout>
                    }
                    .into_any()
                }
            }
        })
    };
    view! { <Suspense fallback=|| ()>{content}</Suspense> }
}
