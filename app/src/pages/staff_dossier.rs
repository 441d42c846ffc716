//! `/can-bo/ho-so/{code}`: one dossier for the officer — answers (from the procedure
//! version it was filed under, with what supplements replaced), documents, the timeline,
//! the current step and its due moment with the "why this date?" walk, the slips, and a form
//! for each action allowed now. Actions post to `/can-bo/ho-so/{code}/{action}`; a refused
//! one comes back here with its message at the top and what was typed kept.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::staff::{ActionOffer, StaffDossierView, get_staff_dossier};
use crate::components::error_summary::ErrorSummary;
use crate::components::layout::{Layout, current_lang};
use crate::components::server_error::server_error;
use crate::components::staff_bar::{StaffBar, guarded};
use crate::i18n::{Key, Lang, action_error, action_name, status_name, t};
use crate::pages::Posted;
use motcua_domain::workflow::Action;

/// A refused action: the POST is answered with this page itself ([`Posted`]), so that the
/// reason typed (which may name the applicant) never stands in a URL.
#[derive(Clone, Default)]
struct Refusal {
    /// The action refused, as the form post named it.
    action: Option<Action>,
    error: String,
    reason: String,
    unit: String,
}

#[component]
pub fn StaffDossierPage() -> impl IntoView {
    let lang = current_lang();
    let code = use_params_map().with_untracked(|p| p.get("code").unwrap_or_default());
    let posted = Posted::get();
    let refusal = Refusal {
        action: Action::parse(&posted.value("hanh_dong")),
        error: posted.errors.clone(),
        reason: posted.value("ly_do"),
        unit: posted.value("don_vi"),
    };
    if !refusal.error.is_empty() {
        super::set_status(422);
    }
    let data = OnceResource::new_blocking(get_staff_dossier(code, lang));
    let content = move || {
        let refusal = refusal.clone();
        Suspend::new(async move {
            match data.await {
                Err(e) => server_error(lang, t(lang, Key::StaffWorkspace), &e),
                Ok(page) => guarded(lang, t(lang, Key::StaffWorkspace), page, move |v| {
                    dossier_view(lang, v, refusal)
                }),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{content}</Suspense> }
}

fn facts(lang: Lang, v: &StaffDossierView) -> impl IntoView + use<> {
    let row = |k: Key, v: Option<String>| v.map(|v| view! { <dt>{t(lang, k)}</dt><dd>{v}</dd> });
    view! {
        <dl class="facts">
            {row(Key::Procedure, Some(format!("{} ({} {})", v.procedure, t(lang, Key::Version), v.procedure_version)))}
            {v.applicant.iter().map(|(k, x)| view! { <dt>{k.clone()}</dt><dd>{x.clone()}</dd> }).collect_view()}
            {row(Key::FiledAt, Some(v.filed_at.clone()))}
            {row(Key::AcceptedAt, v.accepted_at.clone())}
            {row(Key::DueMoment, v.due.clone())}
            {row(Key::StatutoryDue, v.statutory_due.clone())}
            {row(Key::CurrentStep, v.step.clone())}
            {row(Key::StepDue, v.step_due.clone())}
            {row(Key::AssignedTo, v.assignee.clone())}
        </dl>
    }
}

fn dossier_view(lang: Lang, v: StaffDossierView, refusal: Refusal) -> AnyView {
    let errors = match refusal.action {
        Some(action) if !refusal.error.is_empty() => vec![(
            format!("hd-{}", action.as_str()),
            format!(
                "{}: {}",
                action_name(lang, action),
                action_error(lang, &refusal.error)
            ),
        )],
        _ => vec![],
    };
    let walk = (!v.due_walk.is_empty()).then(|| {
        let lines = v.due_walk.clone();
        view! {
            <details class="why">
                <summary>{t(lang, Key::WhyThisDate)}</summary>
                <ol>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ol>
            </details>
        }
    });
    let overdue = v
        .overdue
        .then(|| view! { <p class="tag late">{t(lang, Key::Overdue)}</p> });
    let step_overdue = (v.step_overdue && !v.overdue)
        .then(|| view! { <p class="tag soon">{t(lang, Key::StepOverdue)}</p> });
    // Overdue: the status machine offers only the apology; say why the other moves are gone.
    let apology_first = v.overdue.then(|| {
        view! { <div class="panel notice" id="can-xin-loi"><p>{action_error(lang, "apology_required")}</p></div> }
    });
    let no_actions = v
        .actions
        .is_empty()
        .then(|| view! { <p class="muted">{t(lang, Key::NoActionNow)}</p> });
    let code = v.code.clone();
    let actions = v
        .actions
        .clone()
        .into_iter()
        .map(|a| action_form(lang, &code, &v.item_choices, a, &refusal))
        .collect_view();
    let slips = (!v.slips.is_empty()).then(|| {
        let slips = v.slips.clone();
        view! {
            <h2>{t(lang, Key::Slips)}</h2>
            <ul>{slips.into_iter().map(|(n, title, href)| view! { <li><a href=href>{format!("{} {n} — {title}", t(lang, Key::SlipNo))}</a></li> }).collect_view()}</ul>
        }
    });
    let facts = facts(lang, &v);
    view! {
        <Layout title=format!("{} {}", t(lang, Key::Dossier), v.code)>
            <StaffBar lang=lang officer=v.officer.clone()/>
            <ErrorSummary lang=lang items=errors/>
            <p class="crumb"><a href="/can-bo">{t(lang, Key::Queues)}</a></p>
            <h1>{t(lang, Key::Dossier)}" "<span class="dossier-code small">{v.code.to_string()}</span></h1>
            <p class="status">{status_name(lang, v.status)}</p>
            {overdue}
            {step_overdue}
            {facts}
            {walk}
            <section aria-labelledby="hanh-dong">
                <h2 id="hanh-dong">{t(lang, Key::Actions)}</h2>
                {apology_first}
                {no_actions}
                {actions}
            </section>
            <h2>{t(lang, Key::Answers)}</h2>
            {v.answers.into_iter().map(|s| view! {
                <h3>{s.title}</h3>
                <dl class="facts">
                    {s.lines.into_iter().map(|l| view! {
                        <dt>{l.label}</dt>
                        <dd>
                            {l.value}
                            {l.earlier.into_iter().map(|(round, old)| view! {
                                <span class="earlier">" "<del>{old}</del>" ("{t(lang, Key::BeforeRound)}" "{round}")"</span>
                            }).collect_view()}
                        </dd>
                    }).collect_view()}
                </dl>
            }).collect_view()}
            <h2>{t(lang, Key::Documents)}</h2>
            <ul class="files">
                {v.documents.into_iter().map(|d| view! {
                    <li class:superseded=d.superseded>
                        {d.document}": "<a href=d.href target="_blank">{d.name}</a>" ("{d.size}")"
                        {(d.round > 0).then(|| format!(" — {} {}", t(lang, Key::SupplementRound), d.round))}
                        {d.superseded.then(|| format!(" — {}", t(lang, Key::Superseded)))}
                    </li>
                }).collect_view()}
            </ul>
            {slips}
            <h2>{t(lang, Key::Timeline)}</h2>
            <ol class="timeline">
                {v.timeline.into_iter().map(|e| view! {
                    <li>
                        <time>{e.at}</time>" — "
                        {e.from.map(|f| format!("{} → ", status_name(lang, f)))}
                        <strong>{status_name(lang, e.to)}</strong>
                        {e.step.map(|s| format!(" · {s}"))}
                        " · "{e.actor}
                        {e.reason.map(|r| view! { <p class="reason">{r}</p> })}
                        <ul class="notes">{e.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                        {e.attachments.into_iter().map(|(name, href)| view! { <a href=href>{name}</a> }).collect_view()}
                    </li>
                }).collect_view()}
            </ol>
        </Layout>
    }
    .into_any()
}

fn action_form(
    lang: Lang,
    code: &str,
    choices: &[(String, String)],
    a: ActionOffer,
    refusal: &Refusal,
) -> impl IntoView + use<> {
    let action = a.action.as_str();
    let id = |field: &str| format!("{action}-{field}");
    let mine = refusal.action == Some(a.action);
    let typed_reason = if mine {
        refusal.reason.clone()
    } else {
        String::new()
    };
    let typed_unit = if mine {
        refusal.unit.clone()
    } else {
        String::new()
    };
    let reason = a.reason.then(|| {
        view! {
            <div class="field">
                <label for=id("ly_do")>{t(lang, Key::Reason)}</label>
                <textarea id=id("ly_do") name="ly_do" rows="3">{typed_reason}</textarea>
            </div>
        }
    });
    let items = a.items.then(|| {
        let choices = choices.to_vec();
        let prefix = action;
        view! {
            <fieldset class="field">
                <legend>{t(lang, Key::SupplementItems)}</legend>
                {choices.into_iter().enumerate().map(|(i, (value, label))| {
                    let cid = format!("{prefix}-muc-{i}");
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=cid.clone() name="muc" value=value/>
                            <label for=cid>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }
    });
    let new_due = a.new_due.then(|| {
        view! {
            <div class="field">
                <label for=id("han_moi")>{t(lang, Key::NewDueMoment)}</label>
                <p class="hint">{t(lang, Key::NewDueHint)}</p>
                <input type="datetime-local" id=id("han_moi") name="han_moi"/>
            </div>
            <div class="field">
                <label for=id("don_vi")>{t(lang, Key::ResponsibleUnit)}</label>
                <input type="text" id=id("don_vi") name="don_vi" value=typed_unit/>
            </div>
        }
    });
    let assignees = (!a.assignees.is_empty()).then(|| {
        let list = a.assignees.clone();
        view! {
            <div class="field">
                <label for=id("nguoi_xu_ly")>{t(lang, Key::AssignNextStep)}</label>
                <select id=id("nguoi_xu_ly") name="nguoi_xu_ly">
                    <option value="">{t(lang, Key::LeastLoaded)}</option>
                    {list.into_iter().map(|a| view! {
                        <option value=a.account_id.to_string()>{format!("{} ({})", a.name, a.open_steps)}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    });
    let result = a.result_document.then(|| {
        view! {
            <div class="field">
                <label for=id("ket_qua")>{t(lang, Key::ResultDocument)}</label>
                <p class="hint">{t(lang, Key::UploadHint)}": PDF, JPEG, PNG"</p>
                <input type="file" id=id("ket_qua") name="ket_qua" accept="application/pdf,image/jpeg,image/png"/>
            </div>
        }
    });
    view! {
        <form method="post" action=format!("/can-bo/ho-so/{code}/{action}") enctype="multipart/form-data" class="action" id=format!("hd-{action}")>
            <h3>{action_name(lang, a.action)}</h3>
            {items}
            {reason}
            {new_due}
            {assignees}
            {result}
            <button type="submit" class="primary">{action_name(lang, a.action)}</button>
        </form>
    }
}
