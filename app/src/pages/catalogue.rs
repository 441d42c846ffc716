//! `/thu-tuc`: procedures by sector, with search (`?q=`) that ignores case and diacritics.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::catalogue::{CatalogueEntry, get_catalogue};
use crate::components::layout::{Layout, current_lang};
use crate::components::server_error::ServerErrorNotice;
use crate::i18n::{Key, Lang, t};

#[component]
pub fn CataloguePage() -> impl IntoView {
    let lang = current_lang();
    let q = use_query_map().with_untracked(|m| m.get("q").unwrap_or_default());
    let data = OnceResource::new_blocking(get_catalogue(q.clone(), lang));
    let content = {
        let q = q.clone();
        move || {
            let q = q.clone();
            Suspend::new(async move {
                let groups = match data.await {
                    Ok(groups) => groups,
                    Err(e) => {
                        crate::pages::set_status(500);
                        return view! { <ServerErrorNotice lang=lang error=e/> }.into_any();
                    }
                };
                let heading = (!q.trim().is_empty()).then(|| {
                    view! { <h2>{t(lang, Key::SearchResultsFor)}" “"{q.clone()}"”"</h2> }
                });
                let empty = groups
                    .is_empty()
                    .then(|| view! { <p class="empty">{t(lang, Key::SearchNoResults)}</p> });
                view! {
                    {heading}
                    {empty}
                    {groups
                        .into_iter()
                        .map(|g| {
                            let title = (!g.sector.is_empty()).then(|| view! { <h2>{g.sector.clone()}</h2> });
                            view! {
                                <section class="sector">
                                    {title}
                                    <ul class="procedures">
                                        {g.entries.into_iter().map(|e| view! { <EntryItem lang=lang entry=e/> }).collect_view()}
                                    </ul>
                                </section>
                            }
                        })
                        .collect_view()}
                }
                .into_any()
            })
        }
    };
    view! {
        <Layout title=t(lang, Key::CatalogueTitle)>
            <h1>{t(lang, Key::CatalogueTitle)}</h1>
            <p class="lead">{t(lang, Key::CatalogueIntro)}</p>
            <form method="get" action="/thu-tuc" class="search" role="search">
                <label for="q">{t(lang, Key::SearchLabel)}</label>
                <div class="search-row">
                    <input type="search" id="q" name="q" value=q/>
                    <button type="submit" class="primary">{t(lang, Key::SearchButton)}</button>
                </div>
            </form>
            <Suspense fallback=|| ()>{content}</Suspense>
        </Layout>
    }
}

#[component]
fn EntryItem(lang: Lang, entry: CatalogueEntry) -> impl IntoView {
    let level = t(
        lang,
        if entry.commune_level {
            Key::ProcedureLevelCommune
        } else {
            Key::ProcedureLevelProvince
        },
    );
    let online = t(
        lang,
        if entry.fully_online {
            Key::OnlineFull
        } else {
            Key::OnlinePartial
        },
    );
    view! {
        <li>
            <a href=format!("/thu-tuc/{}", entry.code)>{entry.name}</a>
            <span class="tags">
                <span class="tag">{level}</span>
                <span class="tag" class:full=entry.fully_online>{online}</span>
            </span>
        </li>
    }
}
