//! The citizen's rating of a returned dossier: one row per dossier, replaced by a change.
//! Who may rate and until when is the domain's rule (`motcua_domain::rating::may_rate`),
//! checked by the core before it calls here.

use motcua_domain::ids::DossierCode;
use motcua_domain::rating::{Choice, Rating};
use time::OffsetDateTime;

use crate::{Result, Store, StoreError, parse_ts, ts};

/// A rating as stored: what the citizen said, when they first rated and when last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRating {
    pub rating: Rating,
    /// The change window runs from here.
    pub first_rated_at: OffsetDateTime,
    pub rated_at: OffsetDateTime,
}

/// The citizens' ratings of their returned dossiers.
pub trait RatingStore: Send + Sync {
    /// The rating of dossier `code`, if it has been rated.
    fn rating(
        &self,
        code: &DossierCode,
    ) -> impl Future<Output = Result<Option<StoredRating>>> + Send;

    /// Stores `rating` as dossier `code`'s, at `now`: the first rating, or a change that
    /// replaces every answer and keeps the moment of the first. One statement, so two posts
    /// at once leave one row holding one of them whole. `NotFound` for an unknown dossier.
    fn save_rating(
        &self,
        code: &DossierCode,
        rating: &Rating,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<StoredRating>> + Send;
}

/// A `ratings` row as read.
type RatingRow = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
);

impl RatingStore for Store {
    async fn rating(&self, code: &DossierCode) -> Result<Option<StoredRating>> {
        let row: Option<RatingRow> = sqlx::query_as(
            "SELECT overall, timeliness, contacts, attitude, transparency, online_service,
                    comment, first_rated_at, rated_at
             FROM ratings WHERE dossier_code = $1",
        )
        .bind(code.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(read_row).transpose()
    }

    async fn save_rating(
        &self,
        code: &DossierCode,
        rating: &Rating,
        now: OffsetDateTime,
    ) -> Result<StoredRating> {
        let known: Option<String> = sqlx::query_scalar("SELECT code FROM dossiers WHERE code = $1")
            .bind(code.as_str())
            .fetch_optional(&self.pool)
            .await?;
        if known.is_none() {
            return Err(StoreError::NotFound(format!("dossier {code}")));
        }
        let now_text = ts(now)?;
        sqlx::query(
            "INSERT INTO ratings (dossier_code, overall, timeliness, contacts, attitude,
                                  transparency, online_service, comment, first_rated_at,
                                  rated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (dossier_code) DO UPDATE SET
                 overall = excluded.overall, timeliness = excluded.timeliness,
                 contacts = excluded.contacts, attitude = excluded.attitude,
                 transparency = excluded.transparency, online_service = excluded.online_service,
                 comment = excluded.comment, rated_at = excluded.rated_at",
        )
        .bind(code.as_str())
        .bind(rating.overall.code())
        .bind(rating.timeliness.code())
        .bind(rating.contacts.code())
        .bind(rating.attitude.code())
        .bind(rating.transparency.code())
        .bind(rating.online_service.map(Choice::code))
        .bind(&rating.comment)
        .bind(&now_text)
        .bind(&now_text)
        .execute(&self.pool)
        .await?;
        self.rating(code)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("dossier {code}: rating not written")))
    }
}

fn read_row(row: RatingRow) -> Result<StoredRating> {
    let (overall, timeliness, contacts, attitude, transparency, online, comment, first, last) = row;
    Ok(StoredRating {
        rating: Rating {
            overall: answer(&overall)?,
            timeliness: answer(&timeliness)?,
            contacts: answer(&contacts)?,
            attitude: answer(&attitude)?,
            transparency: answer(&transparency)?,
            online_service: online.as_deref().map(answer).transpose()?,
            comment,
        },
        first_rated_at: parse_ts(&first)?,
        rated_at: parse_ts(&last)?,
    })
}

/// A stored answer code read back; one the domain does not know means a manual edit.
fn answer<T: Choice>(code: &str) -> Result<T> {
    T::parse(code).ok_or_else(|| StoreError::Corrupt(format!("rating answer {code:?}")))
}
