//! Saving one form page of a filing (the applicant page or a Step): what was typed is kept
//! first, whatever happens next, then the page is checked with the domain's validation.

use motcua_domain::answers::{RawForm, raw_from_pairs};
use motcua_domain::filing::{PageKind, REVIEW, add_entry, evaluate, next_page, remove_entry};
use motcua_domain::validate::{FieldError, UnitCatalog, validate_fields};
use motcua_store::{DraftStore, StoreError};
use time::OffsetDateTime;

use super::open::{Filing, Page, context};

/// What the citizen asked for with the button they pressed (`_action`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageAction {
    /// "Continue": check the page and move on.
    Next,
    /// Without JavaScript: show the page again with conditions and lists recomputed.
    Refresh,
    /// "Add another" entry to this repeating group.
    AddEntry { group: String },
    /// "Remove" this entry of a repeating group.
    RemoveEntry { group: String, index: usize },
}

impl PageAction {
    /// The action a button's value names; no value, or one we do not know, is "Continue".
    pub fn parse(value: Option<&str>) -> PageAction {
        let Some(value) = value else {
            return PageAction::Next;
        };
        if let Some(group) = value.strip_prefix("add:") {
            return PageAction::AddEntry {
                group: group.to_string(),
            };
        }
        if let Some((group, index)) = value
            .strip_prefix("remove:")
            .and_then(|rest| rest.rsplit_once(':'))
            .and_then(|(group, index)| Some((group, index.parse().ok()?)))
        {
            return PageAction::RemoveEntry {
                group: group.to_string(),
                index,
            };
        }
        match value {
            "refresh" => PageAction::Refresh,
            _ => PageAction::Next,
        }
    }
}

/// A form page as posted: the button, whether the citizen came from the check page, and the
/// inputs exactly as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct PagePost {
    pub action: PageAction,
    /// "Save and return to the check page" (`_return=review`).
    pub return_to_review: bool,
    pub raw: RawForm,
}

impl PagePost {
    /// Reads a form's posted pairs: names starting with `_` are the form's own controls.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> PagePost {
        let action = PageAction::parse(
            pairs
                .iter()
                .find(|(k, _)| k == "_action")
                .map(|(_, v)| v.as_str()),
        );
        let return_to_review = pairs.iter().any(|(k, v)| k == "_return" && v == "review");
        let raw = raw_from_pairs(pairs.into_iter().filter(|(k, _)| !k.starts_with('_')));
        PagePost {
            action,
            return_to_review,
            raw,
        }
    }
}

/// A page saved and accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageSaved {
    /// An entry was added or removed: show the page again at the group.
    Edited { group: String },
    /// Show the page again, recomputed.
    Refreshed,
    /// The page is valid: go to this page (the check page when returning to it).
    Next { page: String },
}

/// Why a page was not accepted. What was typed is saved all the same.
#[derive(Debug, thiserror::Error)]
pub enum SavePageError {
    /// The citizen's to fix: each problem is shown at its field, in the page's language.
    #[error("the page has {} problem(s)", .0.len())]
    Invalid(Vec<FieldError>),
    /// The page is not a form page (documents, check page): the caller's mistake.
    #[error("not a form page")]
    NotAForm,
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Saves `post` as page `page` of `filing` and checks it with the answers of the pages
/// before it (the scope of its conditions), at `now`'s date in Vietnam.
pub async fn save_page(
    store: &impl DraftStore,
    units: &dyn UnitCatalog,
    filing: &mut Filing,
    page: &Page,
    post: PagePost,
    now: OffsetDateTime,
) -> Result<PageSaved, SavePageError> {
    if !matches!(page.kind, PageKind::Applicant | PageKind::Step(_)) {
        return Err(SavePageError::NotAForm);
    }
    let slug = page.slug.as_str();
    let PagePost {
        action,
        return_to_review,
        mut raw,
    } = post;
    let edited = match &action {
        PageAction::AddEntry { group } => {
            add_entry(&mut raw, group);
            Some(group.clone())
        }
        PageAction::RemoveEntry { group, index } => {
            remove_entry(&mut raw, group, *index);
            Some(group.clone())
        }
        PageAction::Next | PageAction::Refresh => None,
    };
    filing.state.raw.insert(slug.to_string(), raw.clone());
    if edited.is_some() || action == PageAction::Refresh {
        // Problems of the old list would point at entries that moved; "Continue" re-checks.
        filing.state.errors.remove(slug);
        filing.save(store, now).await?;
        return Ok(match edited {
            Some(group) => PageSaved::Edited { group },
            None => PageSaved::Refreshed,
        });
    }

    let ctx = context(units, now);
    let applicant_fields = filing.applicant_fields();
    let (fields, earlier) = match page.kind {
        PageKind::Step(i) => {
            let eval = evaluate(&filing.procedure, &applicant_fields, &filing.state, &ctx);
            (filing.procedure.form[i].fields.clone(), eval.before(slug))
        }
        _ => (applicant_fields, Default::default()),
    };
    let outcome = validate_fields(&fields, &raw, &earlier, &ctx);
    if !outcome.errors.is_empty() {
        filing
            .state
            .errors
            .insert(slug.to_string(), outcome.errors.clone());
        filing.state.done.remove(slug);
        filing.save(store, now).await?;
        return Err(SavePageError::Invalid(outcome.errors));
    }
    filing.state.errors.remove(slug);
    filing.state.done.insert(slug.to_string());
    filing.save(store, now).await?;
    let next = if return_to_review {
        REVIEW.to_string()
    } else {
        next_page(&filing.procedure, slug).unwrap_or_else(|| REVIEW.to_string())
    };
    Ok(PageSaved::Next { page: next })
}
