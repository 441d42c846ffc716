//! The error summary at the top of a form: one link per problem, to the field it concerns.
//! It is always in the page (hidden when empty) so that the form island can fill it in.

use leptos::prelude::*;

use crate::i18n::{Key, Lang, t};

/// `items` are `(input id, message)`. `id="loi"` lets a redirect land on it (`…#loi`), and
/// `tabindex=-1` lets focus move there.
#[component]
pub fn ErrorSummary(lang: Lang, items: Vec<(String, String)>) -> impl IntoView {
    let empty = items.is_empty();
    view! {
        <div class="error-summary" id="loi" role="alert" tabindex="-1" aria-labelledby="loi-tieu-de" hidden=empty>
            <h2 id="loi-tieu-de">{t(lang, Key::ErrorSummaryTitle)}</h2>
            <ul>
                {items.into_iter().map(|(target, message)| view! { <li><a href=format!("#{target}")>{message}</a></li> }).collect_view()}
            </ul>
        </div>
    }
}
