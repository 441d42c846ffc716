//! The citizen's "withdraw this dossier" form (statuses 1 and 5), posted to
//! `POST /rut-ho-so/{code}`; `key` is the access code the lookup was opened with (a guest), posted on.

use leptos::prelude::*;

use crate::i18n::{Key, Lang, t};

#[component]
pub fn WithdrawForm(lang: Lang, code: String, key: Option<String>) -> impl IntoView {
    let id = format!("rut-{code}");
    view! {
        <details class="withdraw">
            <summary>{t(lang, Key::Withdraw)}</summary>
            <form method="post" action=format!("/rut-ho-so/{code}")>
                <p class="hint">{t(lang, Key::WithdrawHint)}</p>
                {key.map(|k| view! { <input type="hidden" name="giay_to" value=k/> })}
                <div class="field">
                    <label for=id.clone()>{t(lang, Key::WithdrawReason)}</label>
                    <textarea id=id name="ly_do" rows="2"></textarea>
                </div>
                <button type="submit" class="secondary">{t(lang, Key::Withdraw)}</button>
            </form>
        </details>
    }
}
