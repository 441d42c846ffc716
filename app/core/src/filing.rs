//! The citizen's filing, page by page: [`start`] a draft for a procedure, [`save_page`] the
//! posted inputs of one page (saved first, so nothing typed is lost), upload and remove
//! documents on the documents page ([`DocumentsPost`]), [`review`] every page again as the
//! check page does, and [`file`] it (idempotent: a retried submit gets the same dossier).
//!
//! Progress lives in a draft under an unguessable token ([`FilingToken`]); what it keeps is
//! the domain's [`DraftState`](motcua_domain::filing::DraftState). The pages and their order
//! are the domain's (`motcua_domain::filing`); URLs and texts are the caller's.

mod documents;
mod file;
mod open;
mod save_page;
mod token;

pub use documents::{DocumentsButton, DocumentsPost, DocumentsSaved, SaveDocumentsError};
pub use file::{FileError, Incomplete, file, review};
pub(crate) use open::context;
pub use open::{Filing, Page, StartError, start};
pub use save_page::{PageAction, PagePost, PageSaved, SavePageError, save_page};
pub use token::FilingToken;

#[cfg(test)]
pub(crate) mod tests;
