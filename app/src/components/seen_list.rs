//! Who handled and who viewed a dossier, for its citizen: role and agency, never a name.
//! On the lookup it is a section; in "my dossiers", where a citizen may hold many dossiers,
//! it is folded under each one (`folded`) and its heading id names the dossier.

use leptos::prelude::*;

use crate::api::lookup::SeenEntry;
use crate::i18n::{Key, Lang, action_name, t};
use motcua_domain::audit::AuditAction;

#[component]
pub fn SeenList(
    lang: Lang,
    entries: Vec<SeenEntry>,
    /// The heading's id, unique on the page.
    id: String,
    /// Folded under a `<details>` (closed) rather than shown as a section.
    #[prop(optional)]
    folded: bool,
) -> impl IntoView {
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
        let body = view! {
            <p class="hint">{t(lang, Key::SeenIntro)}</p>
            <ol class="timeline" aria-labelledby=id.clone()>{items}</ol>
        };
        if folded {
            view! {
                <details class="why seen">
                    <summary id=id>{t(lang, Key::SeenTitle)}</summary>
                    {body}
                </details>
            }
            .into_any()
        } else {
            view! { <h3 id=id>{t(lang, Key::SeenTitle)}</h3>{body} }.into_any()
        }
    })
}
