//! `/tra-cuu`: look a dossier up with its code and the applicant's ID number (the status) or
//! its access code (the status, and the actions and slips).
//!
//! The form is posted (`POST /tra-cuu`, `server/src/routes/lookup.rs`, which gives this page
//! what was posted as [`Posted`](super::Posted)), so the ID number or
//! access code never stands in a URL, where the browser's history, a proxy's log and the
//! `Referer` would keep it. A GET only shows the form, with the code filled in from `?ma=`
//! (the QR code on a slip), and never counts as a guess: a page elsewhere cannot lock a
//! visitor's network out by embedding lookups.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::lookup::{LookupView, lookup_dossier};
use crate::components::layout::{Layout, current_lang};
use crate::components::seen_list::SeenList;
use crate::components::server_error::ServerErrorNotice;
use crate::components::withdraw_form::WithdrawForm;
use crate::i18n::{Key, Lang, next_step, status_name, t};

#[component]
pub fn LookupPage() -> impl IntoView {
    let lang = current_lang();
    let posted = use_context::<super::Posted>();
    let (prefill, withdrawn) = use_query_map().with_untracked(|q| {
        (
            q.get("ma").unwrap_or_default(),
            q.get("rut").map(|r| r == "1"),
        )
    });
    let (code, key) = match &posted {
        Some(p) => (p.value("ma"), p.value("giay_to")),
        None => (prefill, String::new()),
    };
    let asked = posted.is_some();
    // Loaded once per request: every miss counts against the client exactly once.
    let found = OnceResource::new_blocking({
        let (code, key) = (code.clone(), key.clone());
        async move {
            if asked {
                lookup_dossier(code, key, lang).await
            } else {
                Ok(LookupView::Empty)
            }
        }
    });
    let result = {
        move || {
            Suspend::new(async move {
                let found = match found.await {
                    Ok(found) => found,
                    Err(e) => {
                        crate::pages::set_status(500);
                        return view! { <ServerErrorNotice lang=lang error=e/> }.into_any();
                    }
                };
                match found {
                    LookupView::Empty => ().into_any(),
                    LookupView::NotFound => view! {
                        <div class="panel notice" role="alert"><p>{t(lang, Key::LookupNotFound)}</p></div>
                    }
                    .into_any(),
                    LookupView::TooMany(_) => view! {
                        <div class="panel notice" role="alert"><p>{t(lang, Key::LookupTooMany)}</p></div>
                    }
                    .into_any(),
                    LookupView::Found(d) => view! {
                        <section class="panel result" aria-labelledby="ket-qua">
                            <h2 id="ket-qua">{t(lang, Key::DossierCode)}": "<span class="dossier-code small">{d.code.to_string()}</span></h2>
                            <dl class="facts">
                                <dt>{t(lang, Key::Procedure)}</dt><dd>{d.procedure_name}</dd>
                                <dt>{t(lang, Key::ReceivingAgencyLabel)}</dt><dd>{d.agency_name}</dd>
                                <dt>{t(lang, Key::FiledAt)}</dt><dd>{d.filed_at}</dd>
                                <dt>{t(lang, Key::Status)}</dt><dd class="status">{status_name(lang, d.status)}</dd>
                                {d.step.clone().map(|s| view! { <dt>{t(lang, Key::CurrentStep)}</dt><dd>{s}</dd> })}
                                {d.due.clone().map(|x| view! { <dt>{t(lang, Key::DueMoment)}</dt><dd>{x}</dd> })}
                                <dt>{t(lang, Key::NextStep)}</dt><dd>{next_step(lang, d.status)}</dd>
                            </dl>
                            {d.key.is_none().then(|| view! { <p class="hint">{t(lang, Key::LookupStatusOnly)}</p> })}
                            {d.supplement.clone().zip(d.key.clone()).map(|((reason, items), key)| view! {
                                <div class="panel notice">
                                    <p><strong>{t(lang, Key::SupplementRequested)}</strong>" "{reason}</p>
                                    <ol>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ol>
                                    <form method="post" action=format!("/bo-sung/{}", d.code)>
                                        <input type="hidden" name="giay_to" value=key/>
                                        <button type="submit" class="primary">{t(lang, Key::SupplementStart)}</button>
                                    </form>
                                </div>
                            })}
                            {d.key.clone().filter(|_| !d.slips.is_empty()).map(|key| view! {
                                <h3>{t(lang, Key::Slips)}</h3>
                                <ul>{d.slips.clone().into_iter().map(|(n, title, href)| {
                                    slip_button(format!("{} {n}: {title}", t(lang, Key::SlipNo)), href, key.clone())
                                }).collect_view()}</ul>
                            })}
                            {d.key.clone().filter(|_| d.status.can_withdraw()).map(|key| view! {
                                <WithdrawForm lang=lang code=d.code.to_string() key=Some(key)/>
                            })}
                            <h3>{t(lang, Key::Timeline)}</h3>
                            <ol class="timeline">
                                {d.timeline.into_iter().map(|e| view! {
                                    <li><time>{e.at}</time>" — "{status_name(lang, e.status)}</li>
                                }).collect_view()}
                            </ol>
                            <SeenList lang=lang entries=d.seen.clone() id="ai-da-xem".to_string()/>
                        </section>
                    }
                    .into_any(),
                }
            })
        }
    };
    view! {
        <Layout title=t(lang, Key::LookupTitle)>
            <h1>{t(lang, Key::LookupTitle)}</h1>
            <p class="lead">{t(lang, Key::LookupIntro)}</p>
            {withdrawn.map(|done| withdraw_notice(lang, done))}
            <form method="post" action="/tra-cuu" class="lookup">
                <div class="field">
                    <label for="ma">{t(lang, Key::LookupCode)}</label>
                    <input type="text" id="ma" name="ma" value=code autocapitalize="characters" spellcheck="false"/>
                </div>
                <div class="field">
                    <label for="giay_to">{t(lang, Key::LookupProof)}</label>
                    <p class="hint" id="giay_to-hint">{t(lang, Key::LookupProofHint)}</p>
                    <input type="text" id="giay_to" name="giay_to" value=key autocapitalize="characters" spellcheck="false" autocomplete="off" aria-describedby="giay_to-hint"/>
                </div>
                <button type="submit" class="primary">{t(lang, Key::LookupButton)}</button>
            </form>
            <Suspense fallback=|| ()>{result}</Suspense>
        </Layout>
    }
}

/// A slip of the lookup result: a button that posts the access code to the slip's page.
fn slip_button(label: String, href: String, key: String) -> impl IntoView {
    view! {
        <li>
            <form method="post" action=href>
                <input type="hidden" name="giay_to" value=key/>
                <button type="submit" class="link">{label}</button>
            </form>
        </li>
    }
}

/// After a guest's withdrawal (`?rut=1` done, `?rut=0` refused): the outcome, above the form.
fn withdraw_notice(lang: Lang, done: bool) -> AnyView {
    if done {
        view! { <div class="panel success" role="status"><p>{t(lang, Key::WithdrawDone)}</p></div> }
            .into_any()
    } else {
        view! { <div class="panel notice" role="alert"><p>{t(lang, Key::WithdrawFailed)}</p></div> }
            .into_any()
    }
}
