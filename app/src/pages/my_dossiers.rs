//! `/ho-so-cua-toi`: the signed-in citizen's dossiers — status, due date, slips, and the
//! supplement requests waiting for them — and a form to claim a dossier filed as a guest
//! (its code plus the ID number given when filing).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::citizen::{MyDossier, MyDossiers, get_my_dossiers};
use crate::components::layout::{Layout, current_lang};
use crate::components::seen_list::SeenList;
use crate::components::server_error::server_error;
use crate::components::withdraw_form::WithdrawForm;
use crate::i18n::{Key, Lang, status_name, t};

#[component]
pub fn MyDossiersPage() -> impl IntoView {
    let lang = current_lang();
    let claim = use_query_map().with_untracked(|q| {
        if q.get("rut").as_deref() == Some("1") {
            "rut".to_string()
        } else {
            q.get("nhan").unwrap_or_default()
        }
    });
    let data = OnceResource::new_blocking(get_my_dossiers(lang));
    let content = move || {
        let claim = claim.clone();
        Suspend::new(async move {
            match data.await {
                Err(e) => server_error(lang, t(lang, Key::MyDossiers), &e),
                Ok(crate::api::staff::Guarded::Ok(v)) => page(lang, v, &claim),
                Ok(_) => {
                    crate::pages::set_status(401);
                    view! {
                        <Layout title=t(lang, Key::MyDossiers)>
                            <h1>{t(lang, Key::MyDossiers)}</h1>
                            <p>{t(lang, Key::MyDossiersSignIn)}</p>
                            <p>
                                <a class="button primary" href="/dang-nhap?tiep=/ho-so-cua-toi">{t(lang, Key::SignIn)}</a>
                                " "<a href="/dang-ky">{t(lang, Key::Register)}</a>
                            </p>
                        </Layout>
                    }
                    .into_any()
                }
            }
        })
    };
    view! { <Suspense fallback=|| ()>{content}</Suspense> }
}

fn page(lang: Lang, v: MyDossiers, claim: &str) -> AnyView {
    let notice = match claim {
        "ok" => Some(view! { <div class="panel success" role="status"><p>{t(lang, Key::ClaimDone)}</p></div> }.into_any()),
        "rut" => Some(view! { <div class="panel success" role="status"><p>{t(lang, Key::WithdrawDone)}</p></div> }.into_any()),
        "sai" => Some(view! { <div class="error-summary" role="alert" id="loi"><p><a href="#ma">{t(lang, Key::ClaimFailed)}</a></p></div> }.into_any()),
        _ => None,
    };
    let empty = v
        .dossiers
        .is_empty()
        .then(|| view! { <p class="empty">{t(lang, Key::NoDossiersYet)}</p> });
    view! {
        <Layout title=t(lang, Key::MyDossiers)>
            {notice}
            <h1>{t(lang, Key::MyDossiers)}</h1>
            <div class="who">{v.name}" · "<a href="/doi-mat-khau">{t(lang, Key::ChangePassword)}</a>" · "<form method="post" action="/dang-xuat" class="inline"><button type="submit" class="link">{t(lang, Key::SignOut)}</button></form></div>
            {empty}
            <ul class="queue">{v.dossiers.into_iter().map(|d| item(lang, d)).collect_view()}</ul>
            <h2>{t(lang, Key::ClaimTitle)}</h2>
            <p>{t(lang, Key::ClaimIntro)}</p>
            <form method="post" action="/ho-so-cua-toi/nhan">
                <div class="field">
                    <label for="ma">{t(lang, Key::LookupCode)}</label>
                    <input type="text" id="ma" name="ma" autocapitalize="characters" spellcheck="false"/>
                </div>
                <div class="field">
                    <label for="giay_to">{t(lang, Key::AccessCode)}</label>
                    <input type="text" id="giay_to" name="giay_to" autocapitalize="characters" spellcheck="false" autocomplete="off"/>
                </div>
                <button type="submit" class="secondary">{t(lang, Key::ClaimButton)}</button>
            </form>
        </Layout>
    }
    .into_any()
}

fn item(lang: Lang, d: MyDossier) -> impl IntoView {
    let supplement = d.supplement.map(|(reason, items)| {
        let href = format!("/bo-sung/{}", d.code);
        view! {
            <div class="panel notice">
                <p><strong>{t(lang, Key::SupplementRequested)}</strong>" "{reason}</p>
                <ol>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ol>
                <form method="post" action=href><button type="submit" class="primary">{t(lang, Key::SupplementStart)}</button></form>
            </div>
        }
    });
    view! {
        <li>
            <span class="code">{d.code.to_string()}</span>
            <span class="line">{d.procedure}</span>
            <span class="line muted">{status_name(lang, d.status)}" · "{t(lang, Key::FiledAt)}": "{d.filed_at}
                {d.due.map(|x| format!(" · {}: {x}", t(lang, Key::DueMoment)))}</span>
            {supplement}
            {d.status.can_withdraw().then(|| view! { <WithdrawForm lang=lang code=d.code.to_string() key=None/> })}
            <ul class="inline-list">{d.slips.into_iter().map(|(n, title, href)| view! { <li><a href=href>{format!("{} {n}: {title}", t(lang, Key::SlipNo))}</a></li> }).collect_view()}</ul>
            <SeenList lang=lang entries=d.seen id=format!("ai-da-xem-{}", d.code) folded=true/>
        </li>
    }
}
