//! `/doi-mat-khau`: a signed-in citizen or officer changes their own password. Posts to
//! `POST /doi-mat-khau`, which answers problems with this page (no value is kept: every
//! field is a password) and success with `?xong=1`.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::account::{OwnAccount, get_own_account};
use crate::api::staff::Guarded;
use crate::components::account_field::{AccountField, account_problems};
use crate::components::error_summary::ErrorSummary;
use crate::components::layout::{Layout, current_lang};
use crate::components::server_error::server_error;
use crate::i18n::{Key, Lang, t};

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let lang = current_lang();
    let done = use_query_map().with_untracked(|q| q.get("xong").is_some());
    let data = OnceResource::new_blocking(get_own_account());
    let content = move || {
        Suspend::new(async move {
            match data.await {
                Err(e) => server_error(lang, t(lang, Key::ChangePassword), &e),
                Ok(Guarded::Ok(account)) => form(lang, account, done),
                Ok(_) => {
                    crate::pages::set_status(401);
                    view! {
                        <Layout title=t(lang, Key::ChangePassword)>
                            <h1>{t(lang, Key::ChangePassword)}</h1>
                            <p>{t(lang, Key::ChangePasswordSignIn)}</p>
                            <p><a class="button primary" href="/dang-nhap?tiep=/doi-mat-khau">{t(lang, Key::SignIn)}</a></p>
                        </Layout>
                    }
                    .into_any()
                }
            }
        })
    };
    view! { <Suspense fallback=|| ()>{content}</Suspense> }
}

fn form(lang: Lang, account: OwnAccount, done: bool) -> AnyView {
    let posted = super::Posted::get();
    if posted.errors.contains(":too_many_tries") {
        super::set_status(429);
    }
    let errors = account_problems(lang, &posted.errors);
    let summary = errors.clone();
    let field = move |id: &'static str, label: Key, autocomplete| {
        view! {
            <AccountField id=id label=t(lang, label) kind="password"
                autocomplete=autocomplete problems=errors.clone()/>
        }
    };
    view! {
        <Layout title=t(lang, Key::ChangePassword)>
            <ErrorSummary lang=lang items=summary/>
            {done.then(|| view! { <div class="panel success" role="status"><p>{t(lang, Key::ChangePasswordDone)}</p></div> })}
            <h1>{t(lang, Key::ChangePassword)}</h1>
            <p class="lead">{account.name}</p>
            <p>{t(lang, Key::ChangePasswordIntro)}</p>
            <form method="post" action="/doi-mat-khau">
                {field("mat_khau_cu", Key::CurrentPassword, "current-password")}
                {field("mat_khau", Key::NewPassword, "new-password")}
                {field("nhap_lai", Key::PasswordAgain, "new-password")}
                <button type="submit" class="primary">{t(lang, Key::ChangePassword)}</button>
            </form>
            <p><a href=account.home>{t(lang, Key::HomeLink)}</a></p>
        </Layout>
    }
    .into_any()
}
