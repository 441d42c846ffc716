//! `motcua calendar import FILE`: the rows of a calendar file (`date,kind,name`) replace the
//! entries of the dates they name, all or nothing. Reading the file (CSV, its header) is the
//! command line's; the rules of a row are here.

use std::fmt;

use motcua_domain::audit::AuditAction;
use motcua_domain::calendar::CalendarDay;
use motcua_domain::format::parse_iso_date;
use motcua_store::{AuditActor, AuditStore, CalendarStore, StoreError};
use time::OffsetDateTime;

use super::parse_kind;
use crate::audit::{self, Act, Origin};

/// One row of a calendar file, as read, with its line number in the file.
pub struct CalendarRow {
    pub line: usize,
    pub date: String,
    pub kind: String,
    pub name: String,
}

/// Why a row is refused, worded for the operator who wrote the file.
#[derive(Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// Not a real `YYYY-MM-DD` date (the text as written).
    Date(String),
    /// Neither `holiday` nor `workday` (the text as written).
    Kind(String),
    /// A date named by an earlier row too.
    Twice(String),
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowProblem::Date(date) => write!(f, "date {date:?} is not a date YYYY-MM-DD"),
            RowProblem::Kind(kind) => write!(f, "kind {kind:?} must be holiday or workday"),
            RowProblem::Twice(date) => write!(f, "{date} is listed twice"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The operator's mistake in the file; nothing was applied.
    #[error("line {line}: {problem}")]
    Row { line: usize, problem: RowProblem },
    /// Ours (the database).
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The days of `rows`, or the first bad row.
pub fn parse_rows(rows: Vec<CalendarRow>) -> Result<Vec<CalendarDay>, ImportError> {
    let mut days: Vec<CalendarDay> = vec![];
    for row in rows {
        let bad = |problem| ImportError::Row {
            line: row.line,
            problem,
        };
        let date = row.date.trim();
        let date = parse_iso_date(date).ok_or_else(|| bad(RowProblem::Date(date.into())))?;
        let kind = row.kind.trim();
        let kind = parse_kind(kind).ok_or_else(|| bad(RowProblem::Kind(kind.into())))?;
        if days.iter().any(|d| d.date == date) {
            return Err(bad(RowProblem::Twice(row.date.trim().into())));
        }
        days.push(CalendarDay {
            date,
            kind,
            name: row.name.trim().to_string(),
        });
    }
    Ok(days)
}

/// Checks every row, then replaces the entries of the dates they name in one transaction.
/// Returns how many days were written.
/// The trail records the import as the operator's (no account), from `origin`.
pub async fn import(
    store: &(impl CalendarStore + AuditStore),
    rows: Vec<CalendarRow>,
    origin: &Origin,
    now: OffsetDateTime,
) -> Result<usize, ImportError> {
    let days = parse_rows(rows)?;
    let written = store.import_calendar(&days).await?;
    let act = Act::new(AuditAction::CalendarImported).saying(format!("{written} days"));
    audit::record(store, origin, AuditActor::default(), act, now).await?;
    Ok(written)
}
