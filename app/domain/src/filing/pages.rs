//! The pages of a filing, in order: the applicant page (`nguoi-nop`), one page per form Step
//! (its id), the documents page (`giay-to`) when the procedure lists any, check your answers
//! (`kiem-tra`), then the receipt (`bien-nhan`, not counted as a page).
//!
//! A page is named by its slug in the URL and in the draft's JSON, so slugs stay strings;
//! [`page_kind`] is where a slug is parsed against the procedure.

use crate::procedure::Procedure;

/// Page slug of the applicant page.
pub const APPLICANT: &str = "nguoi-nop";
/// Page slug of the documents page.
pub const DOCUMENTS: &str = "giay-to";
/// Page slug of the check-your-answers page.
pub const REVIEW: &str = "kiem-tra";
/// Page slug of the receipt.
pub const RECEIPT: &str = "bien-nhan";

/// What a page of the flow is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Applicant,
    /// The form Step at this index.
    Step(usize),
    Documents,
    Review,
}

/// The pages of a filing, in order, as `(slug, kind)`. Step pages use the Step id as slug.
pub fn pages(procedure: &Procedure) -> Vec<(String, PageKind)> {
    let mut pages = vec![(APPLICANT.to_string(), PageKind::Applicant)];
    for (i, step) in procedure.form.iter().enumerate() {
        pages.push((step.id.clone(), PageKind::Step(i)));
    }
    if !procedure.documents.is_empty() {
        pages.push((DOCUMENTS.to_string(), PageKind::Documents));
    }
    pages.push((REVIEW.to_string(), PageKind::Review));
    pages
}

/// The kind of the page with this slug, if the procedure has it.
pub fn page_kind(procedure: &Procedure, slug: &str) -> Option<PageKind> {
    pages(procedure)
        .into_iter()
        .find(|(s, _)| s == slug)
        .map(|(_, k)| k)
}

/// The slug of the page after `slug`.
pub fn next_page(procedure: &Procedure, slug: &str) -> Option<String> {
    let pages = pages(procedure);
    let i = pages.iter().position(|(s, _)| s == slug)?;
    pages.get(i + 1).map(|(s, _)| s.clone())
}

/// The slug of the page before `slug`.
pub fn previous_page(procedure: &Procedure, slug: &str) -> Option<String> {
    let pages = pages(procedure);
    let i = pages.iter().position(|(s, _)| s == slug)?;
    i.checked_sub(1).map(|j| pages[j].0.clone())
}
