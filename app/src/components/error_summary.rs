//! The error summary at the top of a form: one link per problem, to the field it concerns.

use leptos::prelude::*;

use crate::i18n::{Key, Lang, t};

/// One problem as the summary shows it: the input id to link to and the message.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryItem {
    pub target: String,
    pub message: String,
}

/// Renders nothing when there are no problems. `id="loi"` lets a redirect land on it
/// (`…#loi`), and `tabindex=-1` lets the browser move focus there.
#[component]
pub fn ErrorSummary(lang: Lang, items: Vec<SummaryItem>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <div class="error-summary" id="loi" role="alert" tabindex="-1" aria-labelledby="loi-tieu-de">
                <h2 id="loi-tieu-de">{t(lang, Key::ErrorSummaryTitle)}</h2>
                <ul>
                    {items
                        .into_iter()
                        .map(|i| view! { <li><a href=format!("#{}", i.target)>{i.message}</a></li> })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}
