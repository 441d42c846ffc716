//! The admin's form posts about staff accounts, answering 303 back to
//! `/can-bo/quan-tri/can-bo` (`?xong=` when done, `?loi=field:key,...` and the roles ticked
//! when a change of an account is refused). A refused new account is answered with the page
//! itself ([`posted_page`]), so that the name and phone typed never stand in a URL; a
//! password is never given back:
//!
//! - `POST /can-bo/quan-tri/can-bo`: add a staff member to the admin's agency;
//! - `POST /can-bo/quan-tri/can-bo/{id}/vai-tro`: replace an account's roles;
//! - `POST /can-bo/quan-tri/can-bo/{id}/trang-thai`: lock (`hoat_dong=0`, which ends its
//!   sessions) or unlock (`hoat_dong=1`) an account;
//! - `POST /can-bo/quan-tri/can-bo/{id}/mat-khau`: set a new password (ends its sessions).
//!
//! Nobody and citizens are sent to sign in and staff without the admin role get 404
//! ([`SignedInAdmin`]); the rules, and which accounts an admin may change (another agency's
//! is "not found"), are in [`motcua_core::accounts::admin_staff`].

use app::pages::Posted;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use http::request::Parts;
use http::{HeaderMap, StatusCode};
use motcua_core::accounts::Problem;
use motcua_core::accounts::add_staff::{NewStaffForm, add_staff};
use motcua_core::accounts::admin_staff::{self, AdminError};
use motcua_domain::url::urlencode;

use crate::error::AppError;
use crate::extract::{RequestOrigin, SignedInAdmin};
use crate::not_found::not_found;
use crate::render::posted_page;
use crate::router::ServerState;
use crate::routes::see_other;

const PAGE: &str = "/can-bo/quan-tri/can-bo";

/// A form's fields in order; checkboxes repeat their name.
type Pairs = Vec<(String, String)>;

fn value<'a>(pairs: &'a Pairs, name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// A failure of ours while doing `what`: logged, and answered with the error page.
pub fn internal(what: &str, e: impl std::fmt::Display) -> Response {
    AppError::during(what, e).into_response()
}

/// `field:key,...` for the query string, percent-encoded.
pub fn problems_text(problems: &[Problem]) -> String {
    urlencode(&problems_list(problems))
}

/// The problems as the pages read them: `field:key`, separated by commas.
pub fn problems_list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("{}:{}", p.field(), p.key()))
        .collect::<Vec<_>>()
        .join(",")
}

/// The role names ticked, as typed (for putting back in the form).
fn ticked(pairs: &Pairs) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == "vai_tro")
        .map(|(_, v)| v.trim().to_string())
        .collect()
}

/// The answer to a refused change of account `id` (`extra`: what was typed, to keep), or to
/// a failure of ours while doing `what`.
fn refused(id: i64, error: AdminError, extra: &str, what: &str) -> Response {
    match error {
        AdminError::NotFound => not_found(),
        AdminError::Invalid(problems) => see_other(&format!(
            "{PAGE}?tk={id}&loi={}{extra}#loi",
            problems_text(&problems)
        )),
        AdminError::NoSession(_) => see_other("/dang-nhap"),
        e @ (AdminError::Hashing(_) | AdminError::Store(_)) => internal(what, e),
    }
}

/// Back to the page about account `id`, done.
fn answer(id: i64, done: &str) -> Response {
    see_other(&format!("{PAGE}?xong={done}&tk={id}#tk-{id}"))
}

/// `POST /can-bo/quan-tri/can-bo`: a new staff member of the admin's agency.
pub async fn add(
    State(state): State<ServerState>,
    RequestOrigin(origin): RequestOrigin,
    SignedInAdmin(admin): SignedInAdmin,
    parts: Parts,
    Form(pairs): Form<Pairs>,
) -> Response {
    let typed_roles = ticked(&pairs);
    let form = NewStaffForm {
        login: value(&pairs, "dang_nhap"),
        full_name: value(&pairs, "ho_ten"),
        phone: value(&pairs, "so_dien_thoai"),
        roles: &typed_roles,
        password: value(&pairs, "mat_khau"),
        confirmation: value(&pairs, "nhap_lai"),
    };
    match add_staff(
        &state.app.store,
        &admin,
        &form,
        &origin,
        state.app.clock.now(),
    )
    .await
    {
        Ok(id) => answer(id, "them"),
        Err(AdminError::Invalid(problems)) => {
            let values = [
                ("dang_nhap", form.login.trim()),
                ("ho_ten", form.full_name.trim()),
                ("so_dien_thoai", form.phone.trim()),
                ("vai_tro", &typed_roles.join(",")),
            ];
            let posted = Posted {
                errors: problems_list(&problems),
                values: values.map(|(n, v)| (n.to_string(), v.to_string())).into(),
            };
            posted_page(&state, parts, posted).await
        }
        Err(AdminError::NotFound) => not_found(),
        Err(e) => internal("creating a staff account", e),
    }
}

/// `POST /can-bo/quan-tri/can-bo/{id}/vai-tro`: the account's roles become those ticked.
pub async fn roles(
    State(state): State<ServerState>,
    RequestOrigin(origin): RequestOrigin,
    SignedInAdmin(admin): SignedInAdmin,
    Path(id): Path<String>,
    Form(pairs): Form<Pairs>,
) -> Response {
    // An id that is not a number is no account.
    let Ok(id) = id.parse::<i64>() else {
        return not_found();
    };
    let typed = ticked(&pairs);
    match admin_staff::replace_roles(
        &state.app.store,
        &admin,
        id,
        &typed,
        &origin,
        state.app.clock.now(),
    )
    .await
    {
        Ok(()) => answer(id, "vai-tro"),
        Err(e) => {
            let kept = format!("&vai_tro={}", urlencode(&typed.join(",")));
            refused(id, e, &kept, "setting roles")
        }
    }
}

/// `POST /can-bo/quan-tri/can-bo/{id}/trang-thai`: lock (`hoat_dong=0`) or unlock (`1`).
pub async fn active(
    State(state): State<ServerState>,
    RequestOrigin(origin): RequestOrigin,
    SignedInAdmin(admin): SignedInAdmin,
    Path(id): Path<String>,
    Form(pairs): Form<Pairs>,
) -> Response {
    // An id that is not a number is no account.
    let Ok(id) = id.parse::<i64>() else {
        return not_found();
    };
    let active = match value(&pairs, "hoat_dong") {
        "1" => true,
        "0" => false,
        _ => return (StatusCode::BAD_REQUEST, "Bad request").into_response(),
    };
    match admin_staff::set_active(
        &state.app.store,
        &admin,
        id,
        active,
        &origin,
        state.app.clock.now(),
    )
    .await
    {
        Ok(()) => answer(id, if active { "mo-khoa" } else { "khoa" }),
        Err(e) => refused(id, e, "", "locking an account"),
    }
}

/// `POST /can-bo/quan-tri/can-bo/{id}/mat-khau`: a new password; every session of the
/// account ends. An admin who sets their own gets a fresh session, so they stay signed in.
pub async fn password(
    State(state): State<ServerState>,
    RequestOrigin(origin): RequestOrigin,
    SignedInAdmin(admin): SignedInAdmin,
    Path(id): Path<String>,
    headers: HeaderMap,
    jar: CookieJar,
    Form(pairs): Form<Pairs>,
) -> Response {
    // An id that is not a number is no account.
    let Ok(id) = id.parse::<i64>() else {
        return not_found();
    };
    let app = &state.app;
    let (password, confirmation) = (value(&pairs, "mat_khau"), value(&pairs, "nhap_lai"));
    match admin_staff::set_password(
        &app.store,
        &admin,
        id,
        password,
        confirmation,
        &origin,
        app.clock.now(),
    )
    .await
    {
        Ok(None) => answer(id, "mat-khau"),
        Ok(Some(session)) => {
            let jar = app
                .settings
                .public_url
                .start_session(jar, &headers, &session);
            (jar, answer(id, "mat-khau")).into_response()
        }
        Err(e) => refused(id, e, "", "setting a password"),
    }
}
