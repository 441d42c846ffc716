//! Islands: the only components compiled to WebAssembly. Everything else is server HTML.

pub mod form;
