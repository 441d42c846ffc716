//! The citizen's rating of the service a dossier got, given once its result was returned.
//!
//! The questions are those the one-stop portals ask after a result (the national public
//! service portal's survey, used for the satisfaction indicator of Decision 766/QĐ-TTg):
//! overall satisfaction on five levels, then whether the result came on time, how many
//! times the citizen had to come or get in touch, and the officers' attitude, the
//! transparency of the process and the online service, each on three levels. The overall
//! level is what the indicators count (satisfied = the top two levels); the others explain
//! it. The online service is asked only of a dossier filed online and may be left out.
//!
//! One rating per dossier; the citizen may change it for [`CHANGE_WINDOW`] after first
//! giving it ([`may_rate`]). Everything here is pure: the caller passes the moment.

mod choice;
#[cfg(test)]
mod tests;

pub use choice::{Choice, Contacts, Quality, Satisfaction, Timeliness};

use time::{Duration, OffsetDateTime};

use crate::validate::nfc;
use crate::workflow::Status;

/// How long after the first rating it may still be changed.
pub const CHANGE_WINDOW: Duration = Duration::days(30);

/// The longest comment kept, in characters.
pub const COMMENT_MAX_CHARS: usize = 1000;

/// A rating as the citizen gave it, every answer parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rating {
    pub overall: Satisfaction,
    pub timeliness: Timeliness,
    pub contacts: Contacts,
    pub attitude: Quality,
    pub transparency: Quality,
    /// `None` when the citizen did not rate it (or the dossier was not filed online).
    pub online_service: Option<Quality>,
    /// Trimmed, NFC; empty when none was written.
    pub comment: String,
}

/// The questions of the form, to name the one a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatingField {
    Overall,
    Timeliness,
    Contacts,
    Attitude,
    Transparency,
    OnlineService,
    Comment,
}

impl RatingField {
    /// Every question, in the order of the form (and of the error summary).
    pub const ALL: [RatingField; 7] = [
        RatingField::Overall,
        RatingField::Timeliness,
        RatingField::Contacts,
        RatingField::Attitude,
        RatingField::Transparency,
        RatingField::OnlineService,
        RatingField::Comment,
    ];

    /// The form's input name of the question.
    pub fn input_name(self) -> &'static str {
        match self {
            RatingField::Overall => "muc_do_hai_long",
            RatingField::Timeliness => "thoi_gian",
            RatingField::Contacts => "so_lan_lien_he",
            RatingField::Attitude => "thai_do",
            RatingField::Transparency => "cong_khai",
            RatingField::OnlineService => "dich_vu_truc_tuyen",
            RatingField::Comment => "gop_y",
        }
    }
}

/// What is wrong with one answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatingProblem {
    /// A required question was left unanswered.
    Missing,
    /// The value is none of the question's answers (a crafted post).
    Unknown,
    /// The comment is longer than [`COMMENT_MAX_CHARS`].
    TooLong,
}

/// The form as posted: each answer's code as sent (`""` when none was chosen).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RatingForm {
    pub overall: String,
    pub timeliness: String,
    pub contacts: String,
    pub attitude: String,
    pub transparency: String,
    pub online_service: String,
    pub comment: String,
}

impl RatingForm {
    /// The form showing `rating`, to change it.
    pub fn of(rating: &Rating) -> RatingForm {
        RatingForm {
            overall: rating.overall.code().into(),
            timeliness: rating.timeliness.code().into(),
            contacts: rating.contacts.code().into(),
            attitude: rating.attitude.code().into(),
            transparency: rating.transparency.code().into(),
            online_service: rating
                .online_service
                .map(|q| q.code().into())
                .unwrap_or_default(),
            comment: rating.comment.clone(),
        }
    }

    /// The posted value of `field`.
    pub fn value(&self, field: RatingField) -> &str {
        match field {
            RatingField::Overall => &self.overall,
            RatingField::Timeliness => &self.timeliness,
            RatingField::Contacts => &self.contacts,
            RatingField::Attitude => &self.attitude,
            RatingField::Transparency => &self.transparency,
            RatingField::OnlineService => &self.online_service,
            RatingField::Comment => &self.comment,
        }
    }

    /// The rating, or every problem in the order of the form: the page shows them all at
    /// once and keeps every answer.
    pub fn parse(&self) -> Result<Rating, Vec<(RatingField, RatingProblem)>> {
        let mut problems = Vec::new();
        let overall = self.answer(RatingField::Overall, &mut problems);
        let timeliness = self.answer(RatingField::Timeliness, &mut problems);
        let contacts = self.answer(RatingField::Contacts, &mut problems);
        let attitude = self.answer(RatingField::Attitude, &mut problems);
        let transparency = self.answer(RatingField::Transparency, &mut problems);
        let online_service = match self.online_service.trim() {
            "" => Some(None),
            _ => self
                .answer(RatingField::OnlineService, &mut problems)
                .map(Some),
        };
        let comment = nfc(&crate::plain_text::clean_text(&self.comment));
        if comment.chars().count() > COMMENT_MAX_CHARS {
            problems.push((RatingField::Comment, RatingProblem::TooLong));
        }
        // Every answer is there exactly when no problem was recorded for it.
        let rating = (|| {
            Some(Rating {
                overall: overall?,
                timeliness: timeliness?,
                contacts: contacts?,
                attitude: attitude?,
                transparency: transparency?,
                online_service: online_service?,
                comment,
            })
        })();
        match rating {
            Some(rating) if problems.is_empty() => Ok(rating),
            _ => Err(problems),
        }
    }

    /// The answer to `field`, or `None` with its problem recorded.
    fn answer<T: Choice>(
        &self,
        field: RatingField,
        problems: &mut Vec<(RatingField, RatingProblem)>,
    ) -> Option<T> {
        let code = self.value(field).trim();
        let problem = match code {
            "" => RatingProblem::Missing,
            _ => match T::parse(code) {
                Some(answer) => return Some(answer),
                None => RatingProblem::Unknown,
            },
        };
        problems.push((field, problem));
        None
    }
}

/// Why a dossier may not be rated now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateRefusal {
    /// Its result has not been returned (status 10) yet: there is nothing to rate.
    NotReturned,
    /// It was first rated more than [`CHANGE_WINDOW`] ago: the rating stands as given.
    WindowClosed,
}

/// Whether a dossier in `status`, first rated at `first_rated_at` (if ever), may be rated
/// or its rating changed at `now`.
pub fn may_rate(
    status: Status,
    first_rated_at: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> Result<(), RateRefusal> {
    if status != Status::Returned {
        return Err(RateRefusal::NotReturned);
    }
    match first_rated_at {
        Some(first) if now - first > CHANGE_WINDOW => Err(RateRefusal::WindowClosed),
        _ => Ok(()),
    }
}
