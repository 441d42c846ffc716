//! `/can-bo/quan-tri/lich`: the working calendar's exceptions (public holidays and make-up
//! working days) of the current and the next year, a form to add or replace one day and a
//! delete button per day. The calendar belongs to the deployment, one for every agency, so
//! any admin may change it. Posts go to `server/src/routes/admin_calendar.rs`, which answers
//! 303 back here with `?xong=` or with `?loi=field:key` and what was typed.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::admin::{CalendarLine, CalendarView, CalendarYear, get_working_calendar};
use crate::components::error_summary::ErrorSummary;
use crate::components::layout::{Layout, current_lang};
use crate::components::server_error::server_error;
use crate::components::staff_bar::{StaffBar, guarded};
use crate::i18n::{Key, Lang, t};
use crate::pages::admin_users::parse_problems;

/// What a refused or finished post left in the query string.
#[derive(Clone, Default)]
struct Answer {
    done: String,
    /// The day the answer is about, `dd/mm/yyyy`.
    day: String,
    problems: Vec<(String, String)>,
    date: String,
    kind: String,
    name: String,
}

#[component]
pub fn AdminCalendarPage() -> impl IntoView {
    let lang = current_lang();
    let answer = use_query_map().with_untracked(|q| Answer {
        done: q.get("xong").unwrap_or_default(),
        day: q.get("ngay_da").unwrap_or_default(),
        problems: parse_problems(lang, &q.get("loi").unwrap_or_default()),
        date: q.get("ngay").unwrap_or_default(),
        kind: q.get("loai").unwrap_or_default(),
        name: q.get("ten").unwrap_or_default(),
    });
    let data = OnceResource::new_blocking(get_working_calendar());
    let content = move || {
        let answer = answer.clone();
        Suspend::new(async move {
            match data.await {
                Err(e) => server_error(lang, t(lang, Key::StaffWorkspace), &e),
                Ok(page) => guarded(lang, t(lang, Key::StaffWorkspace), page, move |v| {
                    calendar_view(lang, v, answer)
                }),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{content}</Suspense> }
}

/// The input a problem of `field` links to.
fn target(field: &str) -> String {
    match field {
        "loai" => "loai-holiday".into(),
        other => other.into(),
    }
}

fn calendar_view(lang: Lang, v: CalendarView, answer: Answer) -> AnyView {
    let errors: Vec<(String, String)> = answer
        .problems
        .iter()
        .map(|(f, m)| (target(f), m.clone()))
        .collect();
    let notice = match answer.done.as_str() {
        "luu" => Some(Key::AdminCalendarSaved),
        "xoa" => Some(Key::AdminCalendarDeleted),
        _ => None,
    }
    .map(|k| {
        view! { <div class="panel notice" role="status"><p>{t(lang, k)}" "{answer.day.clone()}</p></div> }
    });
    let title = t(lang, Key::ManageCalendar);
    let years = v
        .years
        .into_iter()
        .map(|y| year_table(lang, y))
        .collect_view();
    let form = add_form(lang, &answer);
    view! {
        <Layout title=title>
            <StaffBar lang=lang officer=v.officer.clone()/>
            <div class="admin">
                <ErrorSummary lang=lang items=errors/>
                {notice}
                <h1>{title}</h1>
                <p>{t(lang, Key::AdminCalendarIntro)}</p>
                <p class="panel notice">{t(lang, Key::AdminCalendarShared)}</p>
                {years}
                {form}
            </div>
        </Layout>
    }
    .into_any()
}

fn kind_name(lang: Lang, holiday: bool) -> &'static str {
    t(
        lang,
        if holiday {
            Key::AdminHoliday
        } else {
            Key::AdminWorkday
        },
    )
}

fn year_table(lang: Lang, y: CalendarYear) -> impl IntoView + use<> {
    let heading_id = format!("nam-{}", y.year);
    let body = if y.lines.is_empty() {
        view! { <p class="empty">{t(lang, Key::AdminCalendarEmpty)}</p> }.into_any()
    } else {
        let rows = y.lines.into_iter().map(|l| day_row(lang, l)).collect_view();
        view! {
            <div class="table-scroll">
                <table class="calendar-days" aria-labelledby=heading_id.clone()>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Key::AdminCalendarDate)}</th>
                            <th scope="col">{t(lang, Key::AdminCalendarKind)}</th>
                            <th scope="col">{t(lang, Key::AdminCalendarName)}</th>
                            <th scope="col">{t(lang, Key::AdminActions)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let labelled_by = heading_id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>{format!("{} {}", t(lang, Key::AdminCalendarYear), y.year)}</h2>
            {body}
        </section>
    }
}

fn day_row(lang: Lang, l: CalendarLine) -> impl IntoView + use<> {
    let label = format!("{} {}", t(lang, Key::AdminCalendarDeleteDay), l.shown);
    view! {
        <tr class:workday=!l.holiday>
            <td><time datetime=l.iso.clone()>{l.shown.clone()}</time></td>
            <td>{kind_name(lang, l.holiday)}</td>
            <td>{l.name}</td>
            <td>
                <form method="post" action="/can-bo/quan-tri/lich/xoa" class="inline">
                    <input type="hidden" name="ngay" value=l.iso/>
                    <button type="submit" class="secondary" aria-label=label>
                        {t(lang, Key::AdminCalendarDelete)}
                    </button>
                </form>
            </td>
        </tr>
    }
}

fn add_form(lang: Lang, answer: &Answer) -> impl IntoView + use<> {
    let problem = |f: &str| {
        answer
            .problems
            .iter()
            .find(|(x, _)| x == f)
            .map(|(_, m)| m.clone())
    };
    let date_problem = problem("ngay");
    let kind_problem = problem("loai");
    let name_problem = problem("ten");
    let (date_err, kind_err, name_err) = (
        date_problem.is_some(),
        kind_problem.is_some(),
        name_problem.is_some(),
    );
    let kind = if answer.kind.is_empty() {
        "holiday".to_string()
    } else {
        answer.kind.clone()
    };
    let radio = |value: &'static str, holiday: bool| {
        let id = format!("loai-{value}");
        view! {
            <div class="choice">
                <input type="radio" id=id.clone() name="loai" value=value checked=kind == value/>
                <label for=id>{kind_name(lang, holiday)}</label>
            </div>
        }
    };
    view! {
        <section aria-labelledby="them-ngay">
            <h2 id="them-ngay">{t(lang, Key::AdminCalendarAdd)}</h2>
            <p>{t(lang, Key::AdminCalendarAddHint)}</p>
            <form method="post" action="/can-bo/quan-tri/lich" class="action">
                <div class="field" class:has-error=date_err>
                    <label for="ngay">{t(lang, Key::AdminCalendarDate)}</label>
                    {date_problem.map(|m| view! { <p class="error" id="ngay-error">{m}</p> })}
                    <input type="date" id="ngay" name="ngay" value=answer.date.clone()
                        aria-invalid=date_err.then_some("true")
                        aria-describedby=date_err.then_some("ngay-error")/>
                </div>
                <fieldset class="field" class:has-error=kind_err
                    aria-describedby=kind_err.then_some("loai-error")>
                    <legend>{t(lang, Key::AdminCalendarKind)}</legend>
                    {kind_problem.map(|m| view! { <p class="error" id="loai-error">{m}</p> })}
                    {radio("holiday", true)}
                    {radio("workday", false)}
                </fieldset>
                <div class="field" class:has-error=name_err>
                    <label for="ten">{t(lang, Key::AdminCalendarName)}</label>
                    <p class="hint" id="ten-hint">{t(lang, Key::AdminCalendarNameHint)}</p>
                    {name_problem.map(|m| view! { <p class="error" id="ten-error">{m}</p> })}
                    <input type="text" id="ten" name="ten" value=answer.name.clone()
                        aria-invalid=name_err.then_some("true")
                        aria-describedby=if name_err { "ten-hint ten-error" } else { "ten-hint" }/>
                </div>
                <button type="submit" class="primary">{t(lang, Key::AdminCalendarSave)}</button>
            </form>
        </section>
    }
}
