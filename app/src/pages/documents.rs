//! The documents page of a filing: one upload control per applicable document. A plain
//! multipart form, so it works without JavaScript; the server checks size and content.

use leptos::prelude::*;

use crate::api::filing::{DocumentView, Progress};
use crate::components::error_summary::ErrorSummary;
use crate::components::layout::Layout;
use crate::i18n::{Key, Lang, t};
use crate::pages::filing::ProgressHeader;

#[component]
pub fn DocumentsPage(
    lang: Lang,
    progress: Progress,
    action: String,
    back_href: String,
    documents: Vec<DocumentView>,
) -> impl IntoView {
    let summary: Vec<(String, String)> = documents
        .iter()
        .filter_map(|d| {
            d.problem
                .clone()
                .map(|m| (format!("file-{}", d.id), format!("{}: {m}", d.name)))
        })
        .collect();
    view! {
        <Layout title=progress.title.clone()>
            <ProgressHeader lang=lang progress=progress/>
            <ErrorSummary lang=lang items=summary/>
            <p class="lead">{t(lang, Key::DocumentsIntro)}</p>
            <form method="post" action=action enctype="multipart/form-data">
                {documents.into_iter().map(|d| view! { <DocumentInput lang=lang doc=d/> }).collect_view()}
                <div class="actions">
                    <button type="submit" class="primary" name="_action" value="next">{t(lang, Key::Continue)}</button>
                    <button type="submit" class="secondary" name="_action" value="upload">{t(lang, Key::UploadButton)}</button>
                    <a class="back" href=back_href>{t(lang, Key::Back)}</a>
                </div>
            </form>
        </Layout>
    }
}

#[component]
fn DocumentInput(lang: Lang, doc: DocumentView) -> impl IntoView {
    let input_id = format!("file-{}", doc.id);
    let need = t(
        lang,
        if doc.required {
            Key::DocumentRequired
        } else {
            Key::DocumentOptional
        },
    );
    let files = if doc.files.is_empty() {
        view! { <p class="files none">{t(lang, Key::NoFileYet)}</p> }.into_any()
    } else {
        view! {
            <ul class="files">
                {doc.files.into_iter().map(|f| view! {
                    <li>
                        <span class="ok">"✓ "{t(lang, Key::FilesReceived)}": "</span>{f.name}" ("{f.size}")"
                        <button type="submit" class="link" name="_remove" value=f.id.to_string()>{t(lang, Key::RemoveFile)}</button>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let error_id = format!("{input_id}-error");
    let error = doc
        .problem
        .clone()
        .map(|m| view! { <p class="error" id=error_id.clone()>{m}</p> });
    let invalid = doc.problem.is_some().then_some("true");
    view! {
        <div class="field document" class:has-error=doc.problem.is_some()>
            <label for=input_id.clone()>{doc.name}</label>
            <p class="hint" id=format!("{input_id}-hint")>
                {doc.copy}", "{t(lang, Key::Quantity).to_lowercase()}": "{doc.quantity}" · "{need}" · "
                {t(lang, Key::UploadHint)}": "{doc.formats}", ≤ "{doc.max_mb}" MB"
            </p>
            {error}
            {files}
            <input type="file" id=input_id.clone() name=format!("file.{}", doc.id) accept=doc.accept multiple
                aria-describedby=format!("{input_id}-hint") aria-invalid=invalid/>
        </div>
    }
}
