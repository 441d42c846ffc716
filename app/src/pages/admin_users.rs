//! `/can-bo/quan-tri/can-bo`: the admin's list of their agency's staff accounts, a form to
//! add one, and per account forms to change its roles, lock or unlock it and set a new
//! password. Every form posts to an axum handler (`server/src/routes/admin_users.rs`) that
//! answers 303 back here: with `?xong=` when done, or with `?loi=field:key,...` and what was
//! typed (never a password) when refused. `?tk=` names the account a per-account answer is
//! about.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use motcua_domain::validate::FieldErrorKind;
use motcua_domain::workflow::StaffRole;

use crate::api::admin::{StaffAccountsView, StaffLine, get_staff_accounts};
use crate::components::error_summary::ErrorSummary;
use crate::components::layout::{Layout, current_lang};
use crate::components::server_error::server_error;
use crate::components::staff_bar::{StaffBar, guarded};
use crate::i18n::{Key, Lang, account_error, field_error, role_name, t};

/// The message of a problem key of the admin's forms (users and calendar).
pub fn admin_error(lang: Lang, key: &str) -> String {
    let k = match key {
        "required" => return field_error(lang, &FieldErrorKind::Required),
        "too_long" => return field_error(lang, &FieldErrorKind::TooLong { max: 100 }),
        "phone_invalid" => return field_error(lang, &FieldErrorKind::InvalidPhone),
        "password_short" | "password_common" | "password_mismatch" => {
            return account_error(lang, key).to_string();
        }
        "login_invalid" => Key::AdminLoginInvalid,
        "login_taken" => Key::AdminLoginTaken,
        "roles_required" => Key::AdminRolesRequired,
        "own_admin" => Key::AdminOwnAdminRole,
        "own_deactivate" => Key::AdminOwnDeactivate,
        "date_invalid" => Key::AdminDateInvalid,
        "date_out_of_range" => Key::AdminDateOutOfRange,
        "kind_required" => Key::AdminKindRequired,
        _ => Key::SystemError,
    };
    t(lang, k).to_string()
}

/// `loi=field:key,field:key` as `(field, message)` pairs.
pub fn parse_problems(lang: Lang, loi: &str) -> Vec<(String, String)> {
    loi.split(',')
        .filter_map(|e| e.split_once(':'))
        .map(|(field, key)| (field.to_string(), admin_error(lang, key)))
        .collect()
}

/// What a finished post or a refused change of an account left in the query string, or what
/// a refused new account was posted ([`Posted`](super::Posted): its name and phone stay out
/// of the URL).
#[derive(Clone, Default)]
struct Answer {
    done: String,
    /// The account a per-account answer is about; `None` for the add form.
    account: Option<i64>,
    problems: Vec<(String, String)>,
    login: String,
    name: String,
    phone: String,
    roles: Vec<String>,
}

impl Answer {
    fn problem(&self, account: Option<i64>, field: &str) -> Option<String> {
        (self.account == account)
            .then(|| self.problems.iter().find(|(f, _)| f == field))
            .flatten()
            .map(|(_, m)| m.clone())
    }
}

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let lang = current_lang();
    let posted = super::Posted::get();
    let answer = if posted.errors.is_empty() {
        use_query_map().with_untracked(|q| Answer {
            done: q.get("xong").unwrap_or_default(),
            account: q.get("tk").and_then(|s| s.parse().ok()),
            problems: parse_problems(lang, &q.get("loi").unwrap_or_default()),
            roles: role_list(&q.get("vai_tro").unwrap_or_default()),
            ..Answer::default()
        })
    } else {
        Answer {
            problems: parse_problems(lang, &posted.errors),
            login: posted.value("dang_nhap"),
            name: posted.value("ho_ten"),
            phone: posted.value("so_dien_thoai"),
            roles: role_list(&posted.value("vai_tro")),
            ..Answer::default()
        }
    };
    let data = OnceResource::new_blocking(get_staff_accounts());
    let content = move || {
        let answer = answer.clone();
        Suspend::new(async move {
            match data.await {
                Err(e) => server_error(lang, t(lang, Key::StaffWorkspace), &e),
                Ok(page) => guarded(lang, t(lang, Key::StaffWorkspace), page, move |v| {
                    users_view(lang, v, answer)
                }),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{content}</Suspense> }
}

/// The known role names of a comma-separated list.
fn role_list(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|r| StaffRole::parse(r).is_some())
        .map(str::to_string)
        .collect()
}

/// The id prefix of an account's inputs (`tk12-`), empty for the add form.
fn prefix(account: Option<i64>) -> String {
    account.map(|id| format!("tk{id}-")).unwrap_or_default()
}

/// The input a problem of `field` links to.
fn target(account: Option<i64>, field: &str) -> String {
    if field == "vai_tro" {
        format!("{}vai_tro-{}", prefix(account), StaffRole::ALL[0].as_str())
    } else {
        format!("{}{field}", prefix(account))
    }
}

fn done_text(lang: Lang, done: &str) -> Option<&'static str> {
    let k = match done {
        "them" => Key::AdminAdded,
        "vai-tro" => Key::AdminRolesSaved,
        "khoa" => Key::AdminDeactivated,
        "mo-khoa" => Key::AdminReactivated,
        "mat-khau" => Key::AdminPasswordSet,
        _ => return None,
    };
    Some(t(lang, k))
}

fn users_view(lang: Lang, v: StaffAccountsView, answer: Answer) -> AnyView {
    let errors: Vec<(String, String)> = answer
        .problems
        .iter()
        .map(|(f, m)| (target(answer.account, f), m.clone()))
        .collect();
    let notice = done_text(lang, &answer.done).map(|text| {
        let who = answer
            .account
            .and_then(|id| v.lines.iter().find(|l| l.id == id))
            .map(|l| format!(" ({})", l.name));
        view! { <div class="panel notice" role="status"><p>{text}{who}</p></div> }
    });
    let title = t(lang, Key::AdminUsersTitle);
    let lines = v
        .lines
        .into_iter()
        .map(|l| account_item(lang, l, &answer))
        .collect_view();
    let add = add_form(lang, &answer);
    view! {
        <Layout title=title>
            <StaffBar lang=lang officer=v.officer.clone()/>
            <div class="admin">
                <ErrorSummary lang=lang items=errors/>
                {notice}
                <h1>{title}</h1>
                <p class="lead">{v.officer.agency_name.clone()}</p>
                <p>{t(lang, Key::AdminUsersIntro)}</p>
                <p><a href="#them">{t(lang, Key::AdminAddStaff)}</a></p>
                <section aria-labelledby="danh-sach">
                    <h2 id="danh-sach">{t(lang, Key::AdminStaffList)}</h2>
                    <ul class="accounts">{lines}</ul>
                </section>
                {add}
            </div>
        </Layout>
    }
    .into_any()
}

/// An input with its label, hint and problem, tied together by ids.
#[allow(clippy::too_many_arguments)]
fn input_field(
    id: String,
    name: &'static str,
    label: String,
    hint: Option<&'static str>,
    kind: &'static str,
    value: String,
    auto: &'static str,
    problem: Option<String>,
) -> impl IntoView + use<> {
    let has_error = problem.is_some();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = [
        hint.is_some().then(|| hint_id.clone()),
        has_error.then(|| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {problem.map(|m| view! { <p class="error" id=error_id>{m}</p> })}
            <input type=kind id=id name=name value=value autocomplete=auto
                aria-invalid=has_error.then_some("true")
                aria-describedby=(!described.is_empty()).then_some(described)/>
        </div>
    }
}

/// The role checkboxes, `checked` ticked.
fn roles_fieldset(
    lang: Lang,
    account: Option<i64>,
    checked: &[String],
    problem: Option<String>,
) -> impl IntoView + use<> {
    let p = prefix(account);
    let has_error = problem.is_some();
    let error_id = format!("{p}vai_tro-error");
    let boxes = StaffRole::ALL
        .iter()
        .map(|r| {
            let r = r.as_str();
            let id = format!("{p}vai_tro-{r}");
            let on = checked.iter().any(|c| c == r);
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone() name="vai_tro" value=r checked=on/>
                    <label for=id>{role_name(lang, r)}</label>
                </div>
            }
        })
        .collect_view();
    let described = has_error.then(|| error_id.clone());
    view! {
        <fieldset class="field" class:has-error=has_error aria-describedby=described>
            <legend>{t(lang, Key::AdminRoles)}</legend>
            {problem.map(|m| view! { <p class="error" id=error_id>{m}</p> })}
            {boxes}
        </fieldset>
    }
}

fn account_item(lang: Lang, l: StaffLine, answer: &Answer) -> impl IntoView + use<> {
    let id = l.id;
    let mine = answer.account == Some(id);
    let p = prefix(Some(id));
    let roles_problem = answer.problem(Some(id), "vai_tro");
    // After a refused roles change, show what was ticked; otherwise what the account holds.
    let checked = if mine && roles_problem.is_some() {
        answer.roles.clone()
    } else {
        l.roles.clone()
    };
    let roles_text = l
        .roles
        .iter()
        .map(|r| role_name(lang, r))
        .collect::<Vec<_>>()
        .join(", ");
    let status = if l.active {
        view! { <span class="tag full">{t(lang, Key::AdminActive)}</span> }.into_any()
    } else {
        view! { <span class="tag late">{t(lang, Key::AdminInactive)}</span> }.into_any()
    };
    let base = format!("/can-bo/quan-tri/can-bo/{id}");
    let lock_problem = answer.problem(Some(id), "hoat_dong");
    let lock = if l.me && l.active {
        // One's own account cannot be locked: say so instead of offering the button.
        view! { <p class="hint" id=format!("{p}hoat_dong")>{t(lang, Key::AdminOwnDeactivate)}</p> }
            .into_any()
    } else {
        let hint_id = format!("{p}hoat_dong-hint");
        view! {
            <form method="post" action=format!("{base}/trang-thai") class="action">
                <input type="hidden" name="hoat_dong" value=if l.active { "0" } else { "1" }/>
                {lock_problem.map(|m| view! { <p class="error">{m}</p> })}
                {l.active.then(|| view! { <p class="hint" id=hint_id.clone()>{t(lang, Key::AdminDeactivateHint)}</p> })}
                <button type="submit" class="secondary" id=format!("{p}hoat_dong")
                    aria-describedby=l.active.then_some(hint_id)>
                    {t(lang, if l.active { Key::AdminDeactivate } else { Key::AdminReactivate })}
                </button>
            </form>
        }
        .into_any()
    };
    let you = l.me.then(|| format!(" {}", t(lang, Key::AdminYou)));
    let phone = l.phone.clone().map(|ph| {
        view! { <dt>{t(lang, Key::ApplicantPhone)}</dt><dd>{ph.to_string()}</dd> }
    });
    let open = mine && !answer.problems.is_empty();
    view! {
        <li id=format!("tk-{id}") class:locked=!l.active>
            <h3>{l.name.clone()}{you}</h3>
            <dl class="facts">
                <dt>{t(lang, Key::AdminLogin)}</dt><dd><code>{l.login.clone()}</code></dd>
                {phone}
                <dt>{t(lang, Key::AdminRoles)}</dt><dd>{roles_text}</dd>
                <dt>{t(lang, Key::Status)}</dt><dd>{status}</dd>
            </dl>
            <details open=open>
                <summary>{t(lang, Key::AdminManageAccount)}</summary>
                <form method="post" action=format!("{base}/vai-tro") class="action">
                    {roles_fieldset(lang, Some(id), &checked, roles_problem)}
                    <button type="submit" class="secondary">{t(lang, Key::AdminSaveRoles)}</button>
                </form>
                {lock}
                <form method="post" action=format!("{base}/mat-khau") class="action">
                    {input_field(format!("{p}mat_khau"), "mat_khau", t(lang, Key::AdminNewPassword).to_string(),
                        Some(t(lang, Key::AdminPasswordHint)), "password", String::new(), "new-password",
                        answer.problem(Some(id), "mat_khau"))}
                    {input_field(format!("{p}nhap_lai"), "nhap_lai", t(lang, Key::PasswordAgain).to_string(),
                        None, "password", String::new(), "new-password",
                        answer.problem(Some(id), "nhap_lai"))}
                    <button type="submit" class="secondary">{t(lang, Key::AdminSetPassword)}</button>
                </form>
            </details>
        </li>
    }
}

fn add_form(lang: Lang, answer: &Answer) -> impl IntoView + use<> {
    let problem = |f: &str| answer.problem(None, f);
    let typed = answer.account.is_none();
    let value = |s: &String| if typed { s.clone() } else { String::new() };
    let roles = if typed { answer.roles.clone() } else { vec![] };
    let phone_label = format!(
        "{} {}",
        t(lang, Key::ApplicantPhone),
        t(lang, Key::Optional)
    );
    view! {
        <section aria-labelledby="them">
            <h2 id="them" tabindex="-1">{t(lang, Key::AdminAddStaff)}</h2>
            <form method="post" action="/can-bo/quan-tri/can-bo" class="action">
                {input_field("dang_nhap".into(), "dang_nhap", t(lang, Key::AdminLogin).to_string(),
                    Some(t(lang, Key::AdminLoginHint)), "text", value(&answer.login), "off",
                    problem("dang_nhap"))}
                {input_field("ho_ten".into(), "ho_ten", t(lang, Key::ApplicantFullName).to_string(),
                    None, "text", value(&answer.name), "off", problem("ho_ten"))}
                {input_field("so_dien_thoai".into(), "so_dien_thoai", phone_label,
                    None, "tel", value(&answer.phone), "off", problem("so_dien_thoai"))}
                {roles_fieldset(lang, None, &roles, problem("vai_tro"))}
                {input_field("mat_khau".into(), "mat_khau", t(lang, Key::AdminInitialPassword).to_string(),
                    Some(t(lang, Key::AdminInitialPasswordHint)), "password", String::new(), "new-password",
                    problem("mat_khau"))}
                {input_field("nhap_lai".into(), "nhap_lai", t(lang, Key::PasswordAgain).to_string(),
                    None, "password", String::new(), "new-password", problem("nhap_lai"))}
                <button type="submit" class="primary">{t(lang, Key::AdminAddStaff)}</button>
            </form>
        </section>
    }
}
