//! The citizen rates the service a returned dossier got (`motcua_domain::rating`): the page
//! with the current rating, and saving one. Which dossier the citizen may rate is decided
//! before, as for every citizen action on a dossier (`citizen_access`: their own, or proven
//! with the applicant's ID number or phone).

use motcua_domain::rating::{
    CHANGE_WINDOW, RateRefusal, RatingField, RatingForm, RatingProblem, may_rate,
};
use motcua_store::{Dossier, RatingStore, StoreError, StoredRating};
use time::OffsetDateTime;

/// Why a rating was not saved.
#[derive(Debug, thiserror::Error)]
pub enum RateError {
    /// The dossier may not be rated now (not returned yet, or the change window closed).
    #[error("the dossier may not be rated now: {0:?}")]
    Refused(RateRefusal),
    /// Answers to correct, each at its question; the page shows the form again as posted.
    #[error("the rating has problems: {0:?}")]
    Invalid(Vec<(RatingField, RatingProblem)>),
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What the rating page of a dossier shows.
#[derive(Debug)]
pub struct RatingPage {
    /// The form filled with the current rating, or empty.
    pub form: RatingForm,
    /// The rating as stored, if any.
    pub rated: Option<StoredRating>,
    /// Until when the rating may still be given or changed; `None` when there is no limit
    /// yet (not rated) or it may not be rated at all.
    pub changeable_until: Option<OffsetDateTime>,
    /// Why the form is not offered, if it is not.
    pub refusal: Option<RateRefusal>,
}

/// The rating page of `dossier` at `now`.
pub async fn rating_page(
    store: &impl RatingStore,
    dossier: &Dossier,
    now: OffsetDateTime,
) -> Result<RatingPage, StoreError> {
    let rated = store.rating(&dossier.code).await?;
    let first = rated.as_ref().map(|r| r.first_rated_at);
    let refusal = may_rate(dossier.status, first, now).err();
    Ok(RatingPage {
        form: rated
            .as_ref()
            .map(|r| RatingForm::of(&r.rating))
            .unwrap_or_default(),
        changeable_until: first
            .filter(|_| refusal.is_none())
            .map(|f| f + CHANGE_WINDOW),
        refusal,
        rated,
    })
}

/// Saves the rating `form` of `dossier` at `now`: the first one, or a change within the
/// window. The status and the window are checked before the answers, so a citizen whose
/// dossier may not be rated is told that rather than asked to correct the form.
pub async fn rate(
    store: &impl RatingStore,
    dossier: &Dossier,
    form: &RatingForm,
    now: OffsetDateTime,
) -> Result<StoredRating, RateError> {
    let current = store.rating(&dossier.code).await?;
    let first = current.map(|r| r.first_rated_at);
    may_rate(dossier.status, first, now).map_err(RateError::Refused)?;
    let rating = form.parse().map_err(RateError::Invalid)?;
    Ok(store.save_rating(&dossier.code, &rating, now).await?)
}

#[cfg(test)]
mod tests;
