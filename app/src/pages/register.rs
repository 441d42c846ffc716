//! `/dang-ky`: a citizen's account, with the phone number as login. Posts to
//! `POST /dang-ky`, which answers problems with this page, the values typed kept
//! ([`Posted`](super::Posted)).

use leptos::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::layout::{Layout, current_lang};
use crate::i18n::{Key, account_error, t};

#[component]
pub fn RegisterPage() -> impl IntoView {
    let lang = current_lang();
    let posted = super::Posted::get();
    // As the sign-in page does for its limit.
    if posted.errors.contains(":too_many") {
        super::set_status(429);
    }
    let (name, phone, email) = (
        posted.value("ho_ten"),
        posted.value("so_dien_thoai"),
        posted.value("email"),
    );
    let errors: Vec<(String, String)> = posted
        .errors
        .split(',')
        .filter_map(|e| e.split_once(':'))
        .map(|(field, key)| (field.to_string(), account_error(lang, key).to_string()))
        .collect();
    let all_errors = errors.clone();
    let field = move |id: &'static str,
                      label: Key,
                      kind: &'static str,
                      value: String,
                      auto: &'static str| {
        let error = all_errors
            .iter()
            .find(|(f, _)| f == id)
            .map(|(_, m)| m.clone());
        let has_error = error.is_some();
        view! {
            <div class="field" class:has-error=has_error>
                <label for=id>{t(lang, label)}</label>
                {error.map(|m| view! { <p class="error" id=format!("{id}-error")>{m}</p> })}
                <input type=kind id=id name=id value=value autocomplete=auto
                    aria-invalid=has_error.then_some("true")
                    aria-describedby=has_error.then(|| format!("{id}-error"))/>
            </div>
        }
    };
    view! {
        <Layout title=t(lang, Key::Register)>
            <ErrorSummary lang=lang items=errors.clone()/>
            <h1>{t(lang, Key::Register)}</h1>
            <p class="lead">{t(lang, Key::RegisterIntro)}</p>
            <form method="post" action="/dang-ky">
                {field("ho_ten", Key::ApplicantFullName, "text", name, "name")}
                {field("so_dien_thoai", Key::ApplicantPhone, "tel", phone, "tel")}
                {field("email", Key::ApplicantEmail, "email", email, "email")}
                {field("mat_khau", Key::Password, "password", String::new(), "new-password")}
                {field("nhap_lai", Key::PasswordAgain, "password", String::new(), "new-password")}
                <button type="submit" class="primary">{t(lang, Key::Register)}</button>
            </form>
            <p><a href="/dang-nhap">{t(lang, Key::SignIn)}</a></p>
        </Layout>
    }
}
