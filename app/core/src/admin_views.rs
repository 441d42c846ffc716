//! The read models of the admin's pages, one file a view: the staff accounts of the admin's
//! agency (`staff_accounts.rs`) and the working calendar's current and next year
//! (`calendar_years.rs`). Who is an admin is the caller's guard; the changes are the use
//! cases of `accounts` and `calendar`.

pub mod calendar_years;
pub mod staff_accounts;

pub use calendar_years::{CalendarYear, calendar_years};
pub use staff_accounts::{StaffAccount, staff_accounts};

#[cfg(test)]
mod tests;
