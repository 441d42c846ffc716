//! `/dang-ky`: a citizen's account, with the phone number as login. Posts to
//! `POST /dang-ky`, which answers problems with this page, the values typed kept
//! ([`Posted`](super::Posted)).

use leptos::prelude::*;

use crate::components::account_field::{AccountField, account_problems};
use crate::components::error_summary::ErrorSummary;
use crate::components::layout::{Layout, current_lang};
use crate::i18n::{Key, t};

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
    let errors = account_problems(lang, &posted.errors);
    let summary = errors.clone();
    let field =
        move |id: &'static str, label: Key, kind: &'static str, value: String, autocomplete| {
            view! {
                <AccountField id=id label=t(lang, label) kind=kind value=value
                    autocomplete=autocomplete problems=errors.clone()/>
            }
        };
    view! {
        <Layout title=t(lang, Key::Register)>
            <ErrorSummary lang=lang items=summary/>
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
