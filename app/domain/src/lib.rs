//! The domain of motcua: what a civil servant would recognise, with no I/O.
//!
//! This crate compiles both to the server and to WebAssembly, so the citizen's browser
//! validates with exactly the code the server uses. It has no database, HTTP or UI
//! dependency on purpose: the compiler keeps it pure.

pub mod answers;
pub mod audit;
pub mod calendar;
pub mod check;
pub mod condition;
pub mod dossier_code;
pub mod filing;
pub mod format;
pub mod ids;
pub mod plain_text;
pub mod procedure;
pub mod rating;
pub mod search;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod text;
pub mod upload;
pub mod url;
pub mod validate;
pub mod workflow;
