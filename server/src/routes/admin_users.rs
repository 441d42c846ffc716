//! The admin's form posts about staff accounts, all answering 303 back to
//! `/can-bo/quan-tri/can-bo` (`?xong=` when done, `?loi=field:key,...` and what was typed,
//! never a password, when refused):
//!
//! - `POST /can-bo/quan-tri/can-bo`: add a staff member to the admin's agency;
//! - `POST /can-bo/quan-tri/can-bo/{id}/vai-tro`: replace an account's roles;
//! - `POST /can-bo/quan-tri/can-bo/{id}/trang-thai`: lock (`hoat_dong=0`, which ends its
//!   sessions) or unlock (`hoat_dong=1`) an account;
//! - `POST /can-bo/quan-tri/can-bo/{id}/mat-khau`: set a new password (ends its sessions).
//!
//! Every request is authorized here: nobody and citizens are sent to sign in, staff without
//! the admin role and accounts of another agency get 404, and nothing is changed then. An
//! admin cannot remove their own admin role nor lock themselves out.

use app::components::layout::urlencode;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode, header};
use motcua_domain::validate::{nfc, parse_phone};
use motcua_domain::workflow::StaffRole;
use motcua_store::{Account, AccountKind, NewAccount, StoreError};

use crate::error::AppError;
use crate::router::ServerState;
use crate::routes::see_other;

const PAGE: &str = "/can-bo/quan-tri/can-bo";

/// Longest full name accepted.
const MAX_NAME: usize = 100;

/// A form's fields in order; checkboxes repeat their name.
type Pairs = Vec<(String, String)>;

fn value<'a>(pairs: &'a Pairs, name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found").into_response()
}

/// A failure of ours while doing `what`: logged, and answered with the error page.
pub fn internal(what: &str, e: impl std::fmt::Display) -> Response {
    AppError::during(what, e).into_response()
}

/// The signed-in admin, or the answer to give instead: sign in first for nobody and
/// citizens (coming back to `back`), not found for staff without the admin role.
pub async fn signed_in_admin(
    state: &ServerState,
    headers: &HeaderMap,
    back: &str,
) -> Result<Account, Response> {
    let Some(account) = app::auth::account_for(&state.app, headers)
        .await
        .filter(|a| a.kind == AccountKind::Staff)
    else {
        return Err(see_other(&format!("/dang-nhap?tiep={}", urlencode(back))));
    };
    if !account.has_role(StaffRole::Admin) {
        return Err(not_found());
    }
    Ok(account)
}

/// The staff account `id` if it belongs to the admin's agency; another agency's account, a
/// citizen's or an unknown id is "not found" alike.
/// The signed-in admin and the account `id` of their agency that a post is about.
async fn admin_and_account(
    state: &ServerState,
    headers: &HeaderMap,
    id: &str,
) -> Result<(Account, Account), Response> {
    let admin = signed_in_admin(state, headers, PAGE).await?;
    let target = own_account(state, &admin, id).await?;
    Ok((admin, target))
}

async fn own_account(state: &ServerState, admin: &Account, id: &str) -> Result<Account, Response> {
    let Ok(id) = id.parse::<i64>() else {
        return Err(not_found());
    };
    match state.app.store.account(id).await {
        Ok(Some(a))
            if a.kind == AccountKind::Staff
                && a.agency_code.is_some()
                && a.agency_code == admin.agency_code =>
        {
            Ok(a)
        }
        Ok(_) => Err(not_found()),
        Err(e) => Err(internal("reading an account", e)),
    }
}

/// `field:key,...` for the query string.
fn problems_text(problems: &[(&str, &str)]) -> String {
    let text = problems
        .iter()
        .map(|(f, k)| format!("{f}:{k}"))
        .collect::<Vec<_>>()
        .join(",");
    urlencode(&text)
}

/// The role names ticked, as typed (for putting back in the form).
fn ticked(pairs: &Pairs) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == "vai_tro")
        .map(|(_, v)| v.trim().to_string())
        .collect()
}

/// The roles ticked, or `roles_required` when none is (or one is not a role).
fn parse_roles(ticked: &[String]) -> Result<Vec<StaffRole>, &'static str> {
    let roles: Option<Vec<StaffRole>> = ticked.iter().map(|r| StaffRole::parse(r)).collect();
    match roles {
        Some(mut roles) if !roles.is_empty() => {
            roles.sort_by_key(|r| StaffRole::ALL.iter().position(|x| x == r));
            roles.dedup();
            Ok(roles)
        }
        _ => Err("roles_required"),
    }
}

/// A staff login as stored (lower case), if it is acceptable: 3 to 64 of `a-z 0-9 . _ -`,
/// and not something sign-in would read as a phone number (that login could never sign in).
pub fn parse_login(s: &str) -> Option<String> {
    let login = s.trim().to_lowercase();
    let ok = (3..=64).contains(&login.len())
        && login
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        && parse_phone(&login).is_none();
    ok.then_some(login)
}

/// The problems of a password and its confirmation.
fn password_problems(pairs: &Pairs, problems: &mut Vec<(&'static str, &'static str)>) {
    let password = value(pairs, "mat_khau");
    if password.chars().count() < app::auth::MIN_PASSWORD_LEN {
        problems.push(("mat_khau", "password_short"));
    } else if password != value(pairs, "nhap_lai") {
        problems.push(("nhap_lai", "password_mismatch"));
    }
}

async fn hash(password: String) -> Result<String, String> {
    tokio::task::spawn_blocking(move || app::auth::hash_password(&password))
        .await
        .map_err(|e| e.to_string())?
}

/// `POST /can-bo/quan-tri/can-bo`: a new staff member of the admin's agency.
pub async fn add(
    State(state): State<ServerState>,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let admin = match signed_in_admin(&state, &headers, PAGE).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let store = &state.app.store;
    let typed_roles = ticked(&pairs);
    let back = |problems: &[(&str, &str)]| {
        see_other(&format!(
            "{PAGE}?loi={}&dang_nhap={}&ho_ten={}&so_dien_thoai={}&vai_tro={}#loi",
            problems_text(problems),
            urlencode(value(&pairs, "dang_nhap").trim()),
            urlencode(value(&pairs, "ho_ten").trim()),
            urlencode(value(&pairs, "so_dien_thoai").trim()),
            urlencode(&typed_roles.join(","))
        ))
    };
    let mut problems = vec![];
    let login = if value(&pairs, "dang_nhap").trim().is_empty() {
        problems.push(("dang_nhap", "required"));
        None
    } else {
        let login = parse_login(value(&pairs, "dang_nhap"));
        if login.is_none() {
            problems.push(("dang_nhap", "login_invalid"));
        }
        login
    };
    let name = nfc(value(&pairs, "ho_ten").trim());
    if name.is_empty() {
        problems.push(("ho_ten", "required"));
    } else if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        problems.push(("ho_ten", "too_long"));
    }
    let phone_text = value(&pairs, "so_dien_thoai").trim();
    let phone = parse_phone(phone_text);
    if !phone_text.is_empty() && phone.is_none() {
        problems.push(("so_dien_thoai", "phone_invalid"));
    }
    let roles = parse_roles(&typed_roles).unwrap_or_else(|key| {
        problems.push(("vai_tro", key));
        vec![]
    });
    password_problems(&pairs, &mut problems);
    // A login already taken is told before the slow hashing.
    if let Some(login) = &login {
        match store.account_for_sign_in(login).await {
            Ok(Some(_)) => problems.insert(0, ("dang_nhap", "login_taken")),
            Ok(None) => {}
            Err(e) => return internal("checking a login", e),
        }
    }
    let Some(login) = login.filter(|_| problems.is_empty()) else {
        return back(&problems);
    };
    let password_hash = match hash(value(&pairs, "mat_khau").to_string()).await {
        Ok(h) => h,
        Err(e) => return internal("hashing a password", e),
    };
    let new = NewAccount {
        kind: AccountKind::Staff,
        login,
        full_name: name,
        phone,
        email: None,
        agency_code: admin.agency_code.clone(),
        password_hash,
        roles,
    };
    match store.create_account(&new, state.app.clock.now()).await {
        Ok(id) => see_other(&format!("{PAGE}?xong=them&tk={id}#tk-{id}")),
        Err(StoreError::Conflict(_)) => back(&[("dang_nhap", "login_taken")]),
        Err(e) => internal("creating a staff account", e),
    }
}

/// Back to the page about account `id`: done, or refused with its problems.
fn answer(id: i64, done: &str) -> Response {
    see_other(&format!("{PAGE}?xong={done}&tk={id}#tk-{id}"))
}

fn refused(id: i64, problems: &[(&str, &str)], extra: &str) -> Response {
    see_other(&format!(
        "{PAGE}?tk={id}&loi={}{extra}#loi",
        problems_text(problems)
    ))
}

/// `POST /can-bo/quan-tri/can-bo/{id}/vai-tro`: the account's roles become those ticked.
pub async fn roles(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let (admin, target) = match admin_and_account(&state, &headers, &id).await {
        Ok(pair) => pair,
        Err(r) => return r,
    };
    let typed = ticked(&pairs);
    let kept = format!("&vai_tro={}", urlencode(&typed.join(",")));
    let roles = match parse_roles(&typed) {
        Ok(r) => r,
        Err(key) => return refused(target.id, &[("vai_tro", key)], &kept),
    };
    if target.id == admin.id && !roles.contains(&StaffRole::Admin) {
        return refused(target.id, &[("vai_tro", "own_admin")], &kept);
    }
    match state.app.store.set_roles(target.id, &roles).await {
        Ok(()) => answer(target.id, "vai-tro"),
        Err(e) => internal("setting roles", e),
    }
}

/// `POST /can-bo/quan-tri/can-bo/{id}/trang-thai`: lock (`hoat_dong=0`) or unlock (`1`).
pub async fn active(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let (admin, target) = match admin_and_account(&state, &headers, &id).await {
        Ok(pair) => pair,
        Err(r) => return r,
    };
    let active = match value(&pairs, "hoat_dong") {
        "1" => true,
        "0" => false,
        _ => return (StatusCode::BAD_REQUEST, "Bad request").into_response(),
    };
    if target.id == admin.id && !active {
        return refused(target.id, &[("hoat_dong", "own_deactivate")], "");
    }
    match state.app.store.set_active(target.id, active).await {
        Ok(()) => answer(target.id, if active { "mo-khoa" } else { "khoa" }),
        Err(e) => internal("locking an account", e),
    }
}

/// `POST /can-bo/quan-tri/can-bo/{id}/mat-khau`: a new password; every session of the
/// account ends. An admin who sets their own gets a fresh session, so they stay signed in.
pub async fn password(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let (admin, target) = match admin_and_account(&state, &headers, &id).await {
        Ok(pair) => pair,
        Err(r) => return r,
    };
    let mut problems = vec![];
    password_problems(&pairs, &mut problems);
    if !problems.is_empty() {
        return refused(target.id, &problems, "");
    }
    let password_hash = match hash(value(&pairs, "mat_khau").to_string()).await {
        Ok(h) => h,
        Err(e) => return internal("hashing a password", e),
    };
    let store = &state.app.store;
    if let Err(e) = store.set_password_hash(target.id, &password_hash).await {
        return internal("setting a password", e);
    }
    if target.id != admin.id {
        return answer(target.id, "mat-khau");
    }
    match store.create_session(admin.id, state.app.clock.now()).await {
        Ok(session) => (
            [(
                header::SET_COOKIE,
                state
                    .app
                    .settings
                    .public_url
                    .session_cookie(&headers, &session),
            )],
            answer(target.id, "mat-khau"),
        )
            .into_response(),
        Err(_) => see_other("/dang-nhap"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_one_plain_word_and_not_a_phone() {
        assert_eq!(
            parse_login(" TiepNhan2.000.50.01.H56 ").as_deref(),
            Some("tiepnhan2.000.50.01.h56")
        );
        assert_eq!(parse_login("ab"), None);
        assert_eq!(parse_login("nguyễn"), None);
        assert_eq!(parse_login("a b c"), None);
        assert_eq!(parse_login("0912345678"), None);
        assert_eq!(parse_login("0912.345.678"), None);
    }

    #[test]
    fn roles_must_be_known_and_at_least_one() {
        let r = |v: &[&str]| parse_roles(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            r(&["leader", "reception", "leader"]),
            Ok(vec![StaffRole::Reception, StaffRole::Leader])
        );
        assert_eq!(r(&[]), Err("roles_required"));
        assert_eq!(r(&["root"]), Err("roles_required"));
    }
}
