//! Where a request came from, for the audit trail: its id and the client's address, read
//! from the request's parts by both the server functions and the server's handlers.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use motcua_core::audit::Origin;

/// The origin of the request whose `parts` these are: the id the request-id layer gave it
/// (`x-request-id`, at most 64 characters it accepted as safe) and the client's address
/// (`ConnectInfo`, which `client_addr` set to the forwarded one behind a trusted proxy).
pub fn origin_of(parts: &http::request::Parts) -> Origin {
    let request_id = request_id_of(parts).unwrap_or_else(|| "-".into());
    let client = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    Origin { request_id, client }
}

/// The id the request-id layers gave the request (`x-request-id`; they accept only short
/// ids of `[A-Za-z0-9._-]`, safe to show and to log).
pub fn request_id_of(parts: &http::request::Parts) -> Option<String> {
    let id = parts.headers.get("x-request-id")?.to_str().ok()?;
    Some(id.to_string())
}

/// The origin of the request a server function or page is serving.
pub fn current_origin() -> Origin {
    match leptos::prelude::use_context::<http::request::Parts>() {
        Some(parts) => origin_of(&parts),
        None => Origin {
            request_id: "-".into(),
            client: None,
        },
    }
}
