//! The motcua web application: pages, components, islands and server functions.
//!
//! Rendered on the server (feature `ssr`) as plain HTML that works without JavaScript; the
//! few interactive parts are Leptos *islands* compiled to WebAssembly (feature `hydrate`), so
//! a phone downloads code only for what actually needs it. The rules (validation, conditions,
//! formats) come from `motcua-domain`, the same code on both sides.

// The back-office pages' view types nest deeply; the hydrate build needs more room.
#![recursion_limit = "256"]

pub mod api;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod components;
pub mod flow;
pub mod i18n;
pub mod islands;
pub mod pages;
pub mod shell;
#[cfg(feature = "ssr")]
pub mod slips;

pub use motcua_domain as domain;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
