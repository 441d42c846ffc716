//! The form island: one form page that works as plain HTML and, once its WebAssembly has
//! loaded, validates as the citizen types or leaves a field, shows and hides conditional
//! fields at once, and adds or removes repeating-group entries without a reload.
//!
//! The browser never submits anything itself: a valid page is posted as an ordinary form,
//! so the server stays the single place that saves progress.

use leptos::prelude::*;
#[cfg(feature = "hydrate")]
use motcua_domain::answers::RawForm;

use crate::components::fields::{FieldList, FormErrorSummary, FormModel, FormState};
use crate::i18n::{Key, t};

#[island]
pub fn FormIsland(model: FormModel) -> impl IntoView {
    let state = FormState::new(&model);
    provide_context(state);
    let lang = model.lang;
    let form_ref = NodeRef::<leptos::html::Form>::new();

    // Runs only in the browser: from now on the island computes problems itself.
    Effect::new(move |_| state.live.set(true));

    let read_form = move || {
        #[cfg(feature = "hydrate")]
        if let Some(form) = form_ref.get_untracked() {
            state.raw.set(read_form_data(&form));
        }
    };
    let on_input = move |_| read_form();
    let on_leave = move |ev: leptos::ev::FocusEvent| {
        if let Some(name) = target_name(&ev) {
            state.shown.update(|s| {
                s.insert(name);
            });
        }
        read_form();
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        read_form();
        let errors = state.all_errors();
        let action = submitter_action(&ev);
        // Going back or refreshing needs no valid page; only "continue" is checked here.
        if action.as_deref().is_some_and(|a| a != "next") || errors.is_empty() {
            return;
        }
        ev.prevent_default();
        state.shown.update(|s| s.extend(errors.into_iter().map(|e| e.name)));
        focus_summary();
    };

    let review = model.return_to_review.then(|| view! { <input type="hidden" name="_return" value="review"/> });
    let back = model
        .back_href
        .clone()
        .map(|href| view! { <a class="back" href=href>{t(lang, Key::Back)}</a> });
    view! {
        <FormErrorSummary/>
        <form method="post" action=model.action.clone() novalidate node_ref=form_ref
            on:input=on_input on:change=on_input on:focusout=on_leave on:submit=on_submit>
            {review}
            <FieldList fields=model.fields.clone()/>
            <div class="actions">
                <button type="submit" class="primary" name="_action" value="next">{t(lang, Key::Continue)}</button>
                <button type="submit" class="secondary no-js" name="_action" value="refresh" hidden=move || state.live.get()>{t(lang, Key::Update)}</button>
                {back}
            </div>
        </form>
    }
}

/// The `name` of the input an event came from.
fn target_name(ev: &leptos::ev::FocusEvent) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let target = ev.target()?;
        let el = target.dyn_into::<web_sys::Element>().ok()?;
        el.get_attribute("name")
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        None
    }
}

/// The `value` of the button that submitted the form, if any.
fn submitter_action(ev: &leptos::ev::SubmitEvent) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let button = ev.submitter()?;
        let el = button.dyn_into::<web_sys::Element>().ok()?;
        el.get_attribute("value")
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        None
    }
}

fn focus_summary() {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        // The summary is rendered on the next tick; focus it then.
        leptos::task::spawn_local(async {
            leptos::task::tick().await;
            if let Some(el) = document()
                .get_element_by_id("loi")
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    }
}

/// Reads every named, non-file input of the form, as the browser would post it.
#[cfg(feature = "hydrate")]
fn read_form_data(form: &web_sys::HtmlFormElement) -> RawForm {
    let mut raw = RawForm::new();
    let Ok(data) = web_sys::FormData::new_with_form(form) else {
        return raw;
    };
    let entries = js_sys::try_iter(&data).ok().flatten();
    for entry in entries.into_iter().flatten().flatten() {
        let pair = js_sys::Array::from(&entry);
        if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            if !k.starts_with('_') {
                raw.entry(k).or_default().push(v);
            }
        }
    }
    raw
}

