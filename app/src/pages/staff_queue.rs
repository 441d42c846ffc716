//! `/can-bo`: the staff member's queues — new online dossiers to check, my current steps,
//! everything in process, waiting for the citizen, results to return, and all — sortable by
//! due moment, searchable, one page at a time.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::staff::{QueueLine, QueueView, get_queue};
use crate::components::layout::{Layout, current_lang, urlencode};
use crate::components::server_error::server_error;
use crate::components::staff_bar::{StaffBar, guarded};
use crate::i18n::{Key, Lang, queue_name, status_name, t};

#[component]
pub fn StaffQueuePage() -> impl IntoView {
    let lang = current_lang();
    let (queue, q, procedure, newest, page) = use_query_map().with_untracked(|m| {
        (
            m.get("hang").unwrap_or_default(),
            m.get("q").unwrap_or_default(),
            m.get("thu_tuc").unwrap_or_default(),
            m.get("sap_xep").as_deref() == Some("moi-nhat"),
            m.get("trang").and_then(|p| p.parse().ok()).unwrap_or(1u32),
        )
    });
    let data = OnceResource::new_blocking(get_queue(
        queue,
        q.clone(),
        procedure.clone(),
        newest,
        page,
        lang,
    ));
    let content = move || {
        let (q, procedure) = (q.clone(), procedure.clone());
        Suspend::new(async move {
            match data.await {
                Err(e) => server_error(lang, t(lang, Key::StaffWorkspace), &e),
                Ok(page) => guarded(lang, t(lang, Key::StaffWorkspace), page, move |v| {
                    queue_view(lang, v, q, procedure, newest)
                }),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{content}</Suspense> }
}

fn queue_view(lang: Lang, v: QueueView, q: String, procedure: String, newest: bool) -> AnyView {
    let link = {
        let (queue, q, procedure) = (v.queue.clone(), q.clone(), procedure.clone());
        move |page: u32, newest: bool| {
            format!(
                "/can-bo?hang={queue}&q={}&thu_tuc={}&sap_xep={}&trang={page}",
                urlencode(&q),
                urlencode(&procedure),
                if newest { "moi-nhat" } else { "han-som" }
            )
        }
    };
    let tabs = v
        .tabs
        .iter()
        .map(|name| {
            let current = *name == v.queue;
            view! {
                <li>
                    <a href=format!("/can-bo?hang={name}") aria-current=current.then_some("page")>{queue_name(lang, name)}</a>
                </li>
            }
        })
        .collect_view();
    let options = v
        .procedures
        .iter()
        .map(|(code, name)| {
            let selected = *code == procedure;
            view! { <option value=code.clone() selected=selected>{name.clone()}</option> }
        })
        .collect_view();
    let empty = v
        .lines
        .is_empty()
        .then(|| view! { <p class="empty">{t(lang, Key::QueueEmpty)}</p> });
    let prev = (v.page > 1).then(
        || view! { <a rel="prev" href=link(v.page - 1, newest)>{t(lang, Key::PreviousPage)}</a> },
    );
    let next = v.has_next.then(
        || view! { <a rel="next" href=link(v.page + 1, newest)>{t(lang, Key::NextPage)}</a> },
    );
    let sort_href = link(1, !newest);
    let title = queue_name(lang, &v.queue);
    view! {
        <Layout title=title>
            <StaffBar lang=lang officer=v.officer.clone()/>
            <h1>{title}</h1>
            <nav aria-label=t(lang, Key::Queues)><ul class="tabs">{tabs}</ul></nav>
            <form method="get" action="/can-bo" class="queue-search" role="search">
                <input type="hidden" name="hang" value=v.queue.clone()/>
                <div class="field">
                    <label for="q">{t(lang, Key::QueueSearch)}</label>
                    <p class="hint" id="q-hint">{t(lang, Key::QueueSearchHint)}</p>
                    <input type="search" id="q" name="q" value=q aria-describedby="q-hint"/>
                </div>
                <div class="field">
                    <label for="thu_tuc">{t(lang, Key::Procedure)}</label>
                    <select id="thu_tuc" name="thu_tuc">
                        <option value="">{t(lang, Key::AllProcedures)}</option>
                        {options}
                    </select>
                </div>
                <button type="submit" class="primary">{t(lang, Key::SearchButton)}</button>
            </form>
            <p><a href=sort_href>{t(lang, if newest { Key::SortSoonestDue } else { Key::SortLatestDue })}</a></p>
            {empty}
            <ul class="queue">
                {v.lines.into_iter().map(|l| queue_line(lang, l)).collect_view()}
            </ul>
            <nav class="pages" aria-label=t(lang, Key::Pages)>{prev}" "<span>{t(lang, Key::Page)}" "{v.page}</span>" "{next}</nav>
        </Layout>
    }
    .into_any()
}

fn queue_line(lang: Lang, l: QueueLine) -> impl IntoView {
    let flag = if l.overdue {
        Some(view! { <span class="tag late">{t(lang, Key::Overdue)}</span> })
    } else if l.due_soon {
        Some(view! { <span class="tag soon">{t(lang, Key::DueSoon)}</span> })
    } else {
        None
    };
    view! {
        <li class:overdue=l.overdue>
            <a href=format!("/can-bo/ho-so/{}", l.code) class="code">{l.code.to_string()}</a>
            " "{flag}
            <span class="line">{l.applicant}" · "{l.procedure}</span>
            <span class="line muted">
                {status_name(lang, l.status)}
                {l.step.map(|s| format!(" — {s}"))}
                {l.assignee.map(|a| format!(" ({a})"))}
            </span>
            <span class="line muted">
                {t(lang, Key::FiledAt)}": "{l.filed_at}
                {l.due.map(|d| format!(" · {}: {d}", t(lang, Key::DueMoment)))}
            </span>
        </li>
    }
}
