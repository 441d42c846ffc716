//! `/bo-sung/{code}/{token}`: the citizen answers a supplement request — the reason and
//! the numbered items, then only the requested fields (with what was filed) and document
//! controls. `/bo-sung/{code}/xong` confirms that the answer was sent.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::supplement::get_supplement;
use crate::components::fields::FormView;
use crate::components::layout::{Layout, current_lang};
use crate::components::server_error::server_error;
use crate::i18n::{Key, t};
use crate::pages::not_found::NotFoundBody;

/// The last part of `/bo-sung/{code}/…` once an answer was sent.
pub const SENT: &str = "xong";
/// The last part of `/bo-sung/{code}/…` when an answer came for a dossier that no longer
/// waits for one.
pub const CLOSED: &str = "da-dong";

#[component]
pub fn SupplementPage() -> impl IntoView {
    let lang = current_lang();
    let (code, token) = use_params_map().with_untracked(|p| {
        (
            p.get("code").unwrap_or_default(),
            p.get("token").unwrap_or_default(),
        )
    });
    // The two endings of an answer: sent, or refused because the dossier no longer waits
    // (sent twice, or moved on by staff meanwhile).
    let ending = match token.as_str() {
        SENT => Some(("success", Key::SupplementSent, Key::SupplementSentBody)),
        CLOSED => Some(("notice", Key::SupplementClosed, Key::SupplementClosedBody)),
        _ => None,
    };
    if let Some((class, title, body)) = ending {
        return view! {
            <Layout title=t(lang, title)>
                <div class=format!("panel {class}") role="status">
                    <h1>{t(lang, title)}</h1>
                    <p>{t(lang, body)}</p>
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
            let found = match data.await {
                Ok(found) => found,
                Err(e) => return server_error(lang, t(lang, Key::SupplementTitle), &e),
            };
            match found {
                None => {
                    super::set_status(404);
                    view! { <NotFoundBody/> }.into_any()
                }
                Some(v) => view! {
                    <Layout title=t(lang, Key::SupplementTitle)>
                        <p class="crumb">{v.procedure}</p>
                        <h1>{t(lang, Key::SupplementTitle)}</h1>
                        <p>{t(lang, Key::DossierCode)}": "<strong>{v.code.to_string()}</strong></p>
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
