//! The motcua server: command line, configuration, the HTTP router and the handlers that are
//! not Leptos pages (form posts, uploads, language switch, static files). It assembles the
//! parts and holds no rules: those are in `motcua-domain`.

pub mod backup;
pub mod bad_form;
pub mod cli;
pub mod client_addr;
pub mod config;
pub mod csrf;
pub mod demo;
pub mod error;
pub mod extract;
pub mod html;
pub mod import;
pub mod migrate;
pub mod not_found;
pub mod overload;
pub mod plain_page;
pub mod reference;
pub mod render;
pub mod request_id;
pub mod router;
pub mod routes;
pub mod security_headers;
pub mod shutdown;
pub mod startup;
pub mod telemetry;
