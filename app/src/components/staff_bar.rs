//! The bar on top of every staff page: who is signed in, for which agency, the workspace
//! links their roles open, and sign-out (a POST form, so a link cannot sign anyone out).

use leptos::prelude::*;

use crate::api::staff::{Guarded, Officer};
use crate::components::layout::Layout;
use crate::i18n::{Key, Lang, role_name, t};
use crate::pages::not_found::NotFoundBody;

#[component]
pub fn StaffBar(lang: Lang, officer: Officer) -> impl IntoView {
    let admin = officer.roles.iter().any(|r| r == "admin");
    let roles = officer
        .roles
        .iter()
        .map(|r| role_name(lang, r))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <div class="staff-bar">
            <p>
                <strong>{officer.name}</strong>" · "{officer.agency_name}
                <span class="muted">" ("{roles}")"</span>
            </p>
            <nav aria-label=t(lang, Key::StaffWorkspace)>
                <a href="/can-bo">{t(lang, Key::Queues)}</a>
                <a href="/can-bo/so-theo-doi">{t(lang, Key::TrackingBook)}</a>
                {admin.then(|| view! {
                    <a href="/can-bo/quan-tri/can-bo">{t(lang, Key::ManageUsers)}</a>
                    <a href="/can-bo/quan-tri/lich">{t(lang, Key::ManageCalendar)}</a>
                    <a href="/can-bo/quan-tri/nhat-ky">{t(lang, Key::AuditTrail)}</a>
                })}
                <a href="/doi-mat-khau">{t(lang, Key::ChangePassword)}</a>
                <form method="post" action="/dang-xuat" class="inline">
                    <button type="submit" class="link">{t(lang, Key::SignOut)}</button>
                </form>
            </nav>
        </div>
    }
}

/// Renders a guarded staff page: the sign-in prompt, the not-found page, or `render`.
pub fn guarded<T: 'static>(
    lang: Lang,
    title: &'static str,
    page: Guarded<T>,
    render: impl FnOnce(T) -> AnyView,
) -> AnyView {
    match page {
        Guarded::Ok(x) => render(x),
        Guarded::NotFound => {
            crate::pages::set_status(404);
            view! { <NotFoundBody/> }.into_any()
        }
        Guarded::SignInFirst => {
            crate::pages::set_status(401);
            view! {
                <Layout title=title>
                    <h1>{title}</h1>
                    <p>{t(lang, Key::SignInRequired)}</p>
                    <p><a class="button primary" href="/dang-nhap">{t(lang, Key::SignIn)}</a></p>
                </Layout>
            }
            .into_any()
        }
    }
}
