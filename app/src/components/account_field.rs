//! One field of an account form (registration, password change): its label, the message of
//! its problem, and the input tied to both, the same markup in every such form.

use leptos::prelude::*;

use crate::i18n::{Lang, account_error};

/// The problems of a posted account form, `field:key` pairs separated by commas, as
/// `(field, message in lang)`, in the order of the form.
pub fn account_problems(lang: Lang, errors: &str) -> Vec<(String, String)> {
    errors
        .split(',')
        .filter_map(|e| e.split_once(':'))
        .map(|(field, key)| (field.to_string(), account_error(lang, key).to_string()))
        .collect()
}

/// The input `id` (also its name) of type `kind`, labelled `label`, showing `value` and
/// the message of its entry in `problems`, if any.
#[component]
pub fn AccountField(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    #[prop(optional)] value: String,
    autocomplete: &'static str,
    problems: Vec<(String, String)>,
) -> impl IntoView {
    let error = problems.into_iter().find(|(f, _)| f == id).map(|(_, m)| m);
    let has_error = error.is_some();
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id>{label}</label>
            {error.map(|m| view! { <p class="error" id=format!("{id}-error")>{m}</p> })}
            <input type=kind id=id name=id value=value autocomplete=autocomplete
                aria-invalid=has_error.then_some("true")
                aria-describedby=has_error.then(|| format!("{id}-error"))/>
        </div>
    }
}
