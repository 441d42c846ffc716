//! `/dang-nhap`: sign in, for staff (user name) and citizens (phone number) alike. The form
//! posts to the `POST /dang-nhap` handler, which answers a failure with this page, the login
//! typed kept ([`Posted`](super::Posted)).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::error_summary::ErrorSummary;
use crate::components::layout::{Layout, current_lang};
use crate::i18n::{Key, t};

#[component]
pub fn SignInPage() -> impl IntoView {
    let lang = current_lang();
    let posted = super::Posted::get();
    let (error, login) = (posted.errors.clone(), posted.value("ten_dang_nhap"));
    let (next, signed_out) = use_query_map().with_untracked(|q| {
        (
            q.get("tiep").unwrap_or_default(),
            q.get("da_dang_xuat").is_some(),
        )
    });
    // After a failed post, where the citizen was going still comes with the form.
    let next = Some(posted.value("tiep"))
        .filter(|t| !t.is_empty())
        .unwrap_or(next);
    let message = match error.as_str() {
        "" => None,
        "qua-nhieu" => Some(Key::SignInTooMany),
        "loi-he-thong" => Some(Key::SystemError),
        _ => Some(Key::SignInWrong),
    };
    if message == Some(Key::SignInTooMany) {
        super::set_status(429);
    }
    let errors = message
        .map(|k| vec![("ten_dang_nhap".to_string(), t(lang, k).to_string())])
        .unwrap_or_default();
    let invalid = message.is_some().then_some("true");
    view! {
        <Layout title=t(lang, Key::SignIn)>
            <ErrorSummary lang=lang items=errors/>
            {signed_out.then(|| view! { <div class="panel success" role="status"><p>{t(lang, Key::SignedOut)}</p></div> })}
            <h1>{t(lang, Key::SignIn)}</h1>
            <form method="post" action="/dang-nhap" class="sign-in">
                <input type="hidden" name="tiep" value=next/>
                <div class="field" class:has-error=message.is_some()>
                    <label for="ten_dang_nhap">{t(lang, Key::LoginName)}</label>
                    <p class="hint" id="ten_dang_nhap-hint">{t(lang, Key::LoginNameHint)}</p>
                    <input type="text" id="ten_dang_nhap" name="ten_dang_nhap" value=login autocomplete="username" autocapitalize="none" spellcheck="false" aria-describedby="ten_dang_nhap-hint" aria-invalid=invalid/>
                </div>
                <div class="field">
                    <label for="mat_khau">{t(lang, Key::Password)}</label>
                    <input type="password" id="mat_khau" name="mat_khau" autocomplete="current-password"/>
                </div>
                <button type="submit" class="primary">{t(lang, Key::SignIn)}</button>
            </form>
            <p>{t(lang, Key::NoAccountYet)}" "<a href="/dang-ky">{t(lang, Key::Register)}</a></p>
        </Layout>
    }
}
