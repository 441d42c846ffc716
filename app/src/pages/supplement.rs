//! `/bo-sung/{code}/{token}`: the citizen answers a supplement request — the reason and
//! the numbered items, then only the requested fields (with what was filed) and document
//! controls. `/bo-sung/{code}/xong` confirms that the answer was sent.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::supplement::get_supplement;
use crate::components::fields::FormView;
use crate::components::layout::{Layout, current_lang};
use crate::i18n::{Key, t};
use crate::pages::not_found::NotFoundBody;

#[component]
pub fn SupplementPage() -> impl IntoView {
    let lang = current_lang();
    let (code, token) = use_params_map().with_untracked(|p| {
        (
            p.get("code").unwrap_or_default(),
            p.get("token").unwrap_or_default(),
        )
    });
    if token == "xong" {
        return view! {
            <Layout title=t(lang, Key::SupplementSent)>
                <div class="panel success" role="status">
                    <h1>{t(lang, Key::SupplementSent)}</h1>
                    <p>{t(lang, Key::SupplementSentBody)}</p>
                    <p class="dossier-code small">{code}</p>
                </div>
                <p><a href="/tra-cuu">{t(lang, Key::NavLookup)}</a></p>
            </Layout>
        }
        .into_any();
    }
    let data = OnceResource::new_blocking(get_supplement(code, token, lang));
    let content = move || {
        Suspend::new(async move {
            match data.await.ok().flatten() {
                None => {
                    super::set_status(404);
                    view! { <NotFoundBody/> }.into_any()
                }
                Some(v) => view! {
                    <Layout title=t(lang, Key::SupplementTitle)>
                        <p class="crumb">{v.procedure}</p>
                        <h1>{t(lang, Key::SupplementTitle)}</h1>
                        <p>{t(lang, Key::DossierCode)}": "<strong>{v.code}</strong></p>
                        <div class="panel notice">
                            <p><strong>{t(lang, Key::Reason)}": "</strong>{v.reason}</p>
                            <ol>{v.items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ol>
                        </div>
                        <p>{t(lang, Key::SupplementIntro)}</p>
                        <FormView model=v.form/>
                    </Layout>
                }
                .into_any(),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{content}</Suspense> }.into_any()
}
