//! `/thu-tuc/{code}/nop`: the start of a filing. A GET only shows the start button; the
//! POST (handled by the server) creates the draft, so links and crawlers never create one.

use leptos::prelude::*;
use motcua_domain::procedure::Procedure;

use crate::components::layout::Layout;
use crate::i18n::{Key, Lang, t};
use crate::pages::procedure::with_procedure;

#[component]
pub fn FilingStartPage() -> impl IntoView {
    with_procedure(start_view)
}

fn start_view(p: Procedure, lang: Lang) -> AnyView {
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
