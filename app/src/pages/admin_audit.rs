//! `/can-bo/quan-tri/nhat-ky`: the audit trail of the admin's agency, searched by dossier,
//! actor and dates. The search form posts to the same address (an actor may be a citizen's
//! phone, which stays out of URLs); `server/src/routes/admin_audit.rs` renders this page
//! with what was posted ([`Posted`](super::Posted)). A GET shows the newest entries.

use leptos::prelude::*;

use crate::api::audit::{AuditLine, AuditView, get_audit_trail};
use crate::components::error_summary::ErrorSummary;
use crate::components::layout::{Layout, current_lang};
use crate::components::server_error::server_error;
use crate::components::staff_bar::{StaffBar, guarded};
use crate::i18n::{Key, Lang, action_name, audit_action_name, t};

/// The search's boxes: (input name, label).
const BOXES: [(&str, Key); 4] = [
    ("ma_ho_so", Key::AuditDossier),
    ("nguoi", Key::AuditActor),
    ("tu_ngay", Key::AuditFrom),
    ("den_ngay", Key::AuditUntil),
];

#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let lang = current_lang();
    let posted = super::Posted::get();
    let typed: Vec<String> = BOXES.iter().map(|(name, _)| posted.value(name)).collect();
    let data = OnceResource::new_blocking({
        let t = typed.clone();
        get_audit_trail(t[0].clone(), t[1].clone(), t[2].clone(), t[3].clone())
    });
    let content = move || {
        let typed = typed.clone();
        Suspend::new(async move {
            match data.await {
                Err(e) => server_error(lang, t(lang, Key::StaffWorkspace), &e),
                Ok(page) => guarded(lang, t(lang, Key::StaffWorkspace), page, move |v| {
                    trail_view(lang, v, typed)
                }),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{content}</Suspense> }
}

fn problem_text(lang: Lang, field: &str) -> &'static str {
    t(
        lang,
        if field == "ma_ho_so" {
            Key::AuditDossierInvalid
        } else {
            Key::AuditDateInvalid
        },
    )
}

fn trail_view(lang: Lang, v: AuditView, typed: Vec<String>) -> AnyView {
    let problems: Vec<(String, String)> = v
        .problems
        .iter()
        .map(|(field, _)| (field.clone(), problem_text(lang, field).to_string()))
        .collect();
    let boxes = BOXES
        .iter()
        .zip(typed)
        .map(|((name, label), value)| {
            let problem = problems
                .iter()
                .find(|(f, _)| f == name)
                .map(|(_, m)| m.clone());
            let bad = problem.is_some();
            let error_id = format!("{name}-error");
            view! {
                <div class="field" class:has-error=bad>
                    <label for=*name>{t(lang, *label)}</label>
                    {problem.map(|m| view! { <p class="error" id=error_id.clone()>{m}</p> })}
                    <input type="text" id=*name name=*name value=value
                        aria-invalid=bad.then_some("true")
                        aria-describedby=bad.then(|| format!("{name}-error"))/>
                </div>
            }
        })
        .collect_view();
    let title = t(lang, Key::AuditTrail);
    let body = if v.lines.is_empty() {
        view! { <p class="empty">{t(lang, Key::AuditNone)}</p> }.into_any()
    } else {
        let rows = v
            .lines
            .into_iter()
            .map(|l| line_row(lang, l))
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="audit" aria-labelledby="nhat-ky">
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Key::AuditWhen)}</th>
                            <th scope="col">{t(lang, Key::AuditWhat)}</th>
                            <th scope="col">{t(lang, Key::AuditWho)}</th>
                            <th scope="col">{t(lang, Key::AuditObject)}</th>
                            <th scope="col">{t(lang, Key::AuditClient)}</th>
                            <th scope="col">{t(lang, Key::AuditRequest)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let cut = v
        .cut
        .then(|| view! { <p class="panel notice">{t(lang, Key::AuditCut)}</p> });
    view! {
        <Layout title=title>
            <StaffBar lang=lang officer=v.officer.clone()/>
            <div class="admin">
                <ErrorSummary lang=lang items=problems.clone()/>
                <h1 id="nhat-ky">{title}</h1>
                <p>{t(lang, Key::AuditIntro)}</p>
                <form method="post" action="/can-bo/quan-tri/nhat-ky" class="action">
                    {boxes}
                    <button type="submit" class="primary">{t(lang, Key::AuditSearch)}</button>
                </form>
                {cut}
                {body}
            </div>
        </Layout>
    }
    .into_any()
}

fn line_row(lang: Lang, l: AuditLine) -> impl IntoView + use<> {
    // A move's detail is its action's code: shown by the action's name.
    let detail = motcua_domain::workflow::Action::parse(&l.detail)
        .map(|a| action_name(lang, a).to_string())
        .unwrap_or(l.detail);
    let object = [l.dossier, l.object, (!detail.is_empty()).then_some(detail)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <tr>
            <td>{l.at}</td>
            <td>{audit_action_name(lang, l.action)}</td>
            <td>{l.actor.unwrap_or_else(|| t(lang, Key::AuditNobody).to_string())}</td>
            <td>{object}</td>
            <td>{l.client.unwrap_or_default()}</td>
            <td><code>{l.request_id}</code></td>
        </tr>
    }
}
