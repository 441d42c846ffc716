//! Server functions: thin. Each reads what it needs from [`AppState`], calls a use case of
//! the core (or the store, for a plain read), and returns a page model in the page's words,
//! or an [`ApiError`] (logged, shown only as the request's id). Server-only code sits in
//! `#[cfg(feature = "ssr")]` blocks beside the function, as in Leptos's `session_auth_axum`
//! example.

pub mod account;
pub mod admin;
pub mod audit;
pub mod catalogue;
pub mod citizen;
pub mod error;
pub mod filing;
pub mod lookup;
#[cfg(feature = "ssr")]
pub mod origin;
pub mod procedure;
pub mod staff;
#[cfg(feature = "ssr")]
pub mod staff_view;
pub mod supplement;

#[cfg(feature = "ssr")]
pub mod state;

pub use error::ApiError;
#[cfg(feature = "ssr")]
pub use state::AppState;

/// Sets the HTTP status of the page being rendered (e.g. 404 for an unknown procedure).
#[cfg(feature = "ssr")]
pub fn set_status(code: u16) {
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::from_u16(code).unwrap_or(http::StatusCode::OK));
    }
}

/// The name of a copy kind (bản chính, bản sao…) in `lang`.
pub fn filing_copy_name(
    lang: crate::i18n::Lang,
    c: motcua_domain::procedure::CopyKind,
) -> &'static str {
    use crate::i18n::{Key, t};
    use motcua_domain::procedure::CopyKind;
    t(
        lang,
        match c {
            CopyKind::Original => Key::CopyOriginal,
            CopyKind::CertifiedCopy => Key::CopyCertified,
            CopyKind::Copy => Key::CopyPlain,
            CopyKind::Any => Key::CopyAny,
        },
    )
}
