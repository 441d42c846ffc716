//! The filing flow's pure rules: which pages a filing has and in which order
//! ([`pages`]), what a draft keeps between them ([`draft`]), the applicant page as ordinary
//! fields ([`applicant`]), and re-validating every page in order from what was typed
//! ([`evaluate`]), so the check page and the final submit never file stale answers.
//!
//! The use cases that read and write drafts are in `motcua-core` (`filing`); the pages and
//! their texts in the app.

pub mod applicant;
pub mod draft;
pub mod entries;
pub mod evaluate;
pub mod pages;

pub use applicant::{AGENCY_FIELD, ApplicantText, applicant_fields};
pub use draft::{DraftState, UploadProblem};
pub use entries::{add_entry, remove_entry};
pub use evaluate::{Evaluated, evaluate, merge, prefilled};
pub use pages::{
    APPLICANT, DOCUMENTS, PageKind, RECEIPT, REVIEW, next_page, page_kind, pages, previous_page,
};

#[cfg(test)]
mod tests;
