//! One file per page, named after what the citizen or the officer sees.

pub mod admin_audit;
pub mod admin_calendar;
pub mod admin_users;
pub mod catalogue;
pub mod change_password;
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

/// A form post answered with its own page instead of a redirect: what was typed and what was
/// wrong, given to the page as context by its handler (`server/src/render.rs`), so that none
/// of it (a phone number, a login) stands in a URL. On a GET there is none.
#[derive(Clone, Debug, Default)]
pub struct Posted {
    /// The problems, `field:key` separated by commas.
    pub errors: String,
    /// The values to show again (never a password).
    pub values: Vec<(String, String)>,
}

impl Posted {
    /// What the page was posted, or nothing (a GET).
    pub fn get() -> Posted {
        leptos::prelude::use_context::<Posted>().unwrap_or_default()
    }

    /// The value posted for `name`, or `""`.
    pub fn value(&self, name: &str) -> String {
        self.values
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// Sets the HTTP status of the page being rendered; nothing in the browser.
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    crate::api::set_status(code);
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}
