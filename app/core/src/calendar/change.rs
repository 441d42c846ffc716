//! The admin adds or replaces one day of the current or the next year, or removes a date's
//! entry.

use motcua_domain::audit::AuditAction;
use motcua_domain::calendar::CalendarDay;
use motcua_domain::format::iso_date;
use motcua_domain::format::{VN_OFFSET, parse_iso_date};
use motcua_domain::validate::{nfc, parse_date};
use motcua_store::{Account, AuditStore, CalendarStore, StoreError};
use time::{Date, OffsetDateTime};

use super::{kind_code, parse_kind};
use crate::audit::{self, Act, Origin};

/// Longest name of a day accepted.
const MAX_NAME: usize = 100;

/// The day form as posted: a date (as a date field takes it, `YYYY-MM-DD` or `dd/mm/yyyy`),
/// `holiday` or `workday`, and the day's name.
pub struct DayPost<'a> {
    pub date: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
}

/// A mistake in the day form, shown at [`DayProblem::field`] with the message of
/// [`DayProblem::key`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayProblem {
    DateInvalid,
    /// Only the current year in Vietnam and the next are kept by an admin.
    DateOutOfRange,
    KindRequired,
    NameRequired,
    /// Too long, or with control characters.
    NameTooLong,
}

impl DayProblem {
    /// The name of the form control it is shown at.
    pub fn field(self) -> &'static str {
        match self {
            DayProblem::DateInvalid | DayProblem::DateOutOfRange => "ngay",
            DayProblem::KindRequired => "loai",
            DayProblem::NameRequired | DayProblem::NameTooLong => "ten",
        }
    }

    /// The key of its message in the translation tables (`app/src/i18n`).
    pub fn key(self) -> &'static str {
        match self {
            DayProblem::DateInvalid => "date_invalid",
            DayProblem::DateOutOfRange => "date_out_of_range",
            DayProblem::KindRequired => "kind_required",
            DayProblem::NameRequired => "required",
            DayProblem::NameTooLong => "too_long",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SaveDayError {
    /// The admin's mistakes, every one of the form; nothing was saved.
    #[error("the day form has mistakes: {0:?}")]
    Invalid(Vec<DayProblem>),
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl DayPost<'_> {
    /// The day posted, or every mistake in it. `this_year` is the current year in Vietnam.
    pub fn parse(&self, this_year: i32) -> Result<CalendarDay, Vec<DayProblem>> {
        let mut problems = vec![];
        let date = parse_date(self.date.trim());
        match date {
            None => problems.push(DayProblem::DateInvalid),
            Some(d) if d.year() != this_year && d.year() != this_year + 1 => {
                problems.push(DayProblem::DateOutOfRange)
            }
            Some(_) => {}
        }
        let kind = parse_kind(self.kind);
        if kind.is_none() {
            problems.push(DayProblem::KindRequired);
        }
        let name = nfc(self.name.trim());
        if name.is_empty() {
            problems.push(DayProblem::NameRequired);
        } else if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
            problems.push(DayProblem::NameTooLong);
        }
        match (date, kind) {
            (Some(date), Some(kind)) if problems.is_empty() => Ok(CalendarDay { date, kind, name }),
            _ => Err(problems),
        }
    }
}

/// Adds the posted day, or replaces the entry of its date; returns the day saved.
pub async fn save_day(
    store: &(impl CalendarStore + AuditStore),
    admin: &Account,
    post: &DayPost<'_>,
    origin: &Origin,
    now: OffsetDateTime,
) -> Result<CalendarDay, SaveDayError> {
    let this_year = now.to_offset(VN_OFFSET).year();
    let day = post.parse(this_year).map_err(SaveDayError::Invalid)?;
    store.import_calendar(std::slice::from_ref(&day)).await?;
    let act = Act::new(AuditAction::CalendarChanged)
        .on(iso_date(day.date))
        .saying(format!("{}: {}", kind_code(day.kind), day.name));
    audit::record(store, origin, audit::actor(admin), act, now).await?;
    Ok(day)
}

#[derive(Debug, thiserror::Error)]
pub enum DeleteDayError {
    /// The posted date is not `YYYY-MM-DD`: the page's own form always sends one, so this
    /// post was not made by it.
    #[error("not a YYYY-MM-DD date")]
    DateInvalid,
    /// Ours: logged, never shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Removes the entry of the posted date (`YYYY-MM-DD`, as the page lists it); a date
/// without one changes nothing, so a repeated post is harmless. Returns the date.
pub async fn delete_day(
    store: &(impl CalendarStore + AuditStore),
    admin: &Account,
    posted: &str,
    origin: &Origin,
    now: OffsetDateTime,
) -> Result<Date, DeleteDayError> {
    let date = parse_iso_date(posted.trim()).ok_or(DeleteDayError::DateInvalid)?;
    store.delete_calendar_day(date).await?;
    let act = Act::new(AuditAction::CalendarChanged)
        .on(iso_date(date))
        .saying("removed");
    audit::record(store, origin, audit::actor(admin), act, now).await?;
    Ok(date)
}
