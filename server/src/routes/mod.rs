//! Handlers that are not Leptos pages, one file per route.

pub mod admin_audit;
pub mod admin_calendar;
pub mod admin_users;
pub mod change_password;
pub mod claim;
pub mod communes;
pub mod filing_page;
pub mod filing_start;
pub mod health;
pub mod language;
pub mod lookup;
pub mod register;
pub mod sign_in;
pub mod sign_out;
pub mod slip;
pub mod staff_action;
pub mod staff_file;
pub mod static_files;
pub mod supplement;
pub mod tracking_book;
pub mod withdraw;

use axum::response::{IntoResponse, Redirect, Response};

/// Post/redirect/get: after a form post, the browser fetches the page with a GET, so a
/// reload never posts again.
pub fn see_other(to: &str) -> Response {
    // A path may carry what a request put in it (a dossier code typed by hand): bytes a
    // header cannot hold are percent-encoded rather than refused with a panic.
    let mut location = String::with_capacity(to.len());
    for b in to.bytes() {
        if b.is_ascii_graphic() {
            location.push(b as char);
        } else {
            location.push_str(&format!("%{b:02X}"));
        }
    }
    Redirect::to(&location).into_response()
}

/// `t` if it is a path on this site: starts with one `/`, and holds no backslash,
/// whitespace or control character (browsers drop tabs and newlines, which would turn
/// `/\t/evil` into `//evil`). Never an open redirect to another site.
pub fn local_path(t: &str) -> Option<&str> {
    (t.starts_with('/')
        && !t.starts_with("//")
        && !t
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control()))
    .then_some(t)
}
