//! One file per page, named after what the citizen or the officer sees.

pub mod admin_calendar;
pub mod admin_users;
pub mod catalogue;
pub mod documents;
pub mod filing;
pub mod filing_start;
pub mod lookup;
pub mod my_dossiers;
pub mod not_found;
pub mod procedure;
pub mod receipt;
pub mod register;
pub mod review;
pub mod sign_in;
#[cfg(feature = "ssr")]
pub mod slip;
pub mod staff_dossier;
pub mod staff_queue;
pub mod supplement;

/// Sets the HTTP status of the page being rendered; nothing in the browser.
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    crate::api::set_status(code);
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}
