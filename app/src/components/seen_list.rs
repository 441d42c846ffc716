//! Who handled and who viewed a dossier, for its citizen: role and agency, never a name.

use leptos::prelude::*;

use crate::api::lookup::SeenEntry;
use crate::i18n::{Key, Lang, action_name, t};
use motcua_domain::audit::AuditAction;

#[component]
pub fn SeenList(lang: Lang, entries: Vec<SeenEntry>) -> impl IntoView {
    let empty = entries.is_empty();
    let items = entries
        .into_iter()
        .map(|e| {
            let what = match (e.action, e.moved) {
                (AuditAction::Moved, Some(action)) => action_name(lang, action),
                (AuditAction::FileViewed, _) => t(lang, Key::SeenFile),
                _ => t(lang, Key::SeenViewed),
            };
            let by = if e.by.is_empty() {
                t(lang, Key::SeenYou).to_string()
            } else {
                e.by
            };
            view! { <li><time>{e.at}</time>" — "{by}": "{what}</li> }
        })
        .collect_view();
    (!empty).then(|| {
        view! {
            <h3 id="ai-da-xem">{t(lang, Key::SeenTitle)}</h3>
            <p class="hint">{t(lang, Key::SeenIntro)}</p>
            <ol class="timeline" aria-labelledby="ai-da-xem">{items}</ol>
        }
    })
}
