//! The working calendar's exceptions (holidays, make-up working days), one for the whole
//! deployment: the admin's changes of a day (`change.rs`) and the import of a calendar file
//! (`import.rs`), and the calendar each server holds in memory (`cache.rs`), current on every
//! server of a deployment from the next request after a change.

pub mod cache;
pub mod change;
pub mod import;

pub use cache::CalendarCache;
pub use change::{DayPost, DayProblem, DeleteDayError, SaveDayError, delete_day, save_day};
pub use import::{CalendarRow, ImportError, RowProblem, import};

use motcua_domain::calendar::DayKind;

/// A day's kind as forms and files write it: `holiday` or `workday`.
fn parse_kind(s: &str) -> Option<DayKind> {
    match s {
        "holiday" => Some(DayKind::Holiday),
        "workday" => Some(DayKind::Workday),
        _ => None,
    }
}

/// The code [`parse_kind`] reads back.
fn kind_code(kind: DayKind) -> &'static str {
    match kind {
        DayKind::Holiday => "holiday",
        DayKind::Workday => "workday",
    }
}

#[cfg(test)]
mod tests;
