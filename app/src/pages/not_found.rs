//! The 404 page.

use leptos::prelude::*;

use crate::components::layout::{Layout, current_lang};
use crate::i18n::{Key, t};

#[component]
pub fn NotFound() -> impl IntoView {
    super::set_status(404);
    view! { <NotFoundBody/> }
}

/// The body of a "not found" answer, also used by pages whose object does not exist.
#[component]
pub fn NotFoundBody() -> impl IntoView {
    let lang = current_lang();
    view! {
        <Layout title=t(lang, Key::NotFoundTitle)>
            <h1>{t(lang, Key::NotFoundTitle)}</h1>
            <p>{t(lang, Key::NotFoundBody)}</p>
            <p><a href="/thu-tuc">{t(lang, Key::BackToCatalogue)}</a></p>
        </Layout>
    }
}
