//! The check-your-answers page: every page's answers with a change link, then the one
//! button that files the dossier.

use leptos::prelude::*;

use crate::api::filing::{Progress, ReviewSection};
use crate::components::layout::Layout;
use crate::i18n::{Key, Lang, t};
use crate::pages::filing::ProgressHeader;

#[component]
pub fn ReviewPage(
    lang: Lang,
    progress: Progress,
    action: String,
    sections: Vec<ReviewSection>,
    documents: Vec<(String, Vec<String>)>,
    documents_href: Option<String>,
) -> impl IntoView {
    let documents_title = t(lang, Key::Documents);
    let change_documents = documents_href.map(|href| {
        view! { <a href=href>{t(lang, Key::Change)}<span class="visually-hidden">" "{documents_title}</span></a> }
    });
    view! {
        <Layout title=progress.title.clone()>
            <ProgressHeader lang=lang progress=progress/>
            <p class="lead">{t(lang, Key::ReviewIntro)}</p>
            {sections.into_iter().map(|s| view! {
                <section class="review">
                    <div class="review-head">
                        <h2>{s.title.clone()}</h2>
                        <a href=s.change_href>{t(lang, Key::Change)}<span class="visually-hidden">" "{s.title}</span></a>
                    </div>
                    <dl class="answers">
                        {s.rows.into_iter().map(|r| if r.heading {
                            view! { <dt class="entry-heading">{r.label}</dt><dd></dd> }.into_any()
                        } else {
                            view! { <dt>{r.label}</dt><dd>{r.value}</dd> }.into_any()
                        }).collect_view()}
                    </dl>
                </section>
            }).collect_view()}
            <section class="review">
                <div class="review-head">
                    <h2>{documents_title}</h2>
                    {change_documents}
                </div>
                <DocumentList documents=documents/>
            </section>
            <form method="post" action=action class="submit">
                <p class="hint">{t(lang, Key::SubmitHint)}</p>
                <button type="submit" class="primary big" name="_action" value="file">{t(lang, Key::SubmitDossier)}</button>
            </form>
        </Layout>
    }
}

/// Documents with the files received for each.
#[component]
pub fn DocumentList(documents: Vec<(String, Vec<String>)>) -> impl IntoView {
    view! {
        <ul class="documents">
            {documents.into_iter().map(|(name, files)| view! {
                <li>{name}<span class="meta">{files.join(", ")}</span></li>
            }).collect_view()}
        </ul>
    }
}
