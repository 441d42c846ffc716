//! The one error every server function returns. Whatever failed is ours, not the visitor's
//! (the visitor's own mistakes are part of the page models: `Guarded`, `LookupView`...), so
//! the detail is written to the log, inside the request's span, and only the request's id
//! travels to the page, which shows a translated message with that id
//! (`components/server_error.rs`). The text of an error never reaches a page: it could
//! reveal how the system is built or someone's data.
//!
//! To adopt it in a server function: return `Result<T, ApiError>`, use `?` on store errors
//! (and on the core's errors that have a `From`), and [`ApiError::internal`] for anything
//! else that can be displayed.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Why a server function gave no page model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    /// Ours (the database, a row that must exist and does not): the detail was logged on the
    /// server; `request_id` names the log line, for the person to quote.
    #[error("internal error (request {})", request_id.as_deref().unwrap_or("-"))]
    Internal { request_id: Option<String> },
    /// The call itself failed before or after the function ran (the network, arguments or a
    /// response that could not be decoded): Leptos's own error, whose text is not shown
    /// either.
    #[error("the server function call failed")]
    Call,
}

impl ApiError {
    /// The request id the page shows, when there is one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ApiError::Internal { request_id } => request_id.as_deref(),
            ApiError::Call => None,
        }
    }
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        tracing::warn!(kind = call_failure(&value), "a server function call failed");
        #[cfg(not(feature = "ssr"))]
        let _ = value;
        ApiError::Call
    }
}

/// Which step of a server-function call failed, for the log. Only the step: the variants'
/// text can quote the call's arguments (an ID number typed into the lookup), and personal
/// data stays out of the logs.
#[cfg(feature = "ssr")]
fn call_failure(e: &ServerFnErrorErr) -> &'static str {
    match e {
        ServerFnErrorErr::Registration(_) => "registration",
        ServerFnErrorErr::UnsupportedRequestMethod(_) => "unsupported request method",
        ServerFnErrorErr::Request(_) => "request",
        ServerFnErrorErr::ServerError(_) => "server error",
        ServerFnErrorErr::MiddlewareError(_) => "middleware",
        ServerFnErrorErr::Deserialization(_) => "deserialization",
        ServerFnErrorErr::Serialization(_) => "serialization",
        ServerFnErrorErr::Args(_) => "arguments",
        ServerFnErrorErr::MissingArg(_) => "missing argument",
        ServerFnErrorErr::Response(_) => "response",
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::ApiError;

    impl ApiError {
        /// Logs `detail` at `error` (inside the request's span, and with the request's id as
        /// a field of its own, since Leptos may run a page's resources outside that span)
        /// and returns the error that carries only the id to the page.
        pub fn internal(detail: impl std::fmt::Display) -> ApiError {
            let request_id = current_request_id();
            tracing::error!(
                error = %detail,
                request_id = %request_id.as_deref().unwrap_or("-"),
                "internal error in a server function"
            );
            ApiError::Internal { request_id }
        }
    }

    /// The id of the request being served.
    fn current_request_id() -> Option<String> {
        let parts = leptos::prelude::use_context::<http::request::Parts>()?;
        crate::api::origin::request_id_of(&parts)
    }

    impl From<motcua_store::StoreError> for ApiError {
        fn from(e: motcua_store::StoreError) -> Self {
            ApiError::internal(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_travels_to_the_page_is_the_request_id_only() {
        let e = ApiError::Internal {
            request_id: Some("req-1".into()),
        };
        let bytes = <ApiError as FromServerFnError>::ser(&e);
        assert_eq!(
            std::str::from_utf8(&bytes).unwrap(),
            r#"{"Internal":{"request_id":"req-1"}}"#
        );
        assert_eq!(<ApiError as FromServerFnError>::de(bytes), e);
    }

    #[test]
    fn leptos_own_failures_carry_no_text() {
        let e = ApiError::from_server_fn_error(ServerFnErrorErr::Args(
            "missing field `secret` at line 1".into(),
        ));
        assert_eq!(e, ApiError::Call);
    }
}
