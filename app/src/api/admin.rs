//! Page models of the admin's pages: the staff accounts of the admin's own agency, and the
//! working calendar (one for the whole deployment). Only an active staff account holding the
//! `admin` role gets a model; anyone else gets the same answers as on other staff pages
//! (sign in first, or not found). The views are built by the core
//! (`motcua_core::admin_views`); here they become the pages' plain data. The changes
//! themselves are form posts to axum handlers (`server/src/routes/admin_users.rs`,
//! `admin_calendar.rs`), which check the same again.

use leptos::prelude::*;

use crate::api::ApiError;
use serde::{Deserialize, Serialize};

use crate::api::staff::{Guarded, Officer};

/// One staff account of the agency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffLine {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub phone: Option<motcua_domain::ids::Phone>,
    /// Role names (`StaffRole::as_str`: `reception`, ...).
    pub roles: Vec<String>,
    pub active: bool,
    /// The signed-in admin's own account (which cannot lose its admin role or be locked).
    pub me: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffAccountsView {
    pub officer: Officer,
    pub lines: Vec<StaffLine>,
}

/// The staff accounts of the signed-in admin's agency.
#[server(endpoint = "can-bo/quan-tri/can-bo")]
pub async fn get_staff_accounts() -> Result<Guarded<StaffAccountsView>, ApiError> {
    ssr::staff_accounts().await
}

/// One exception of the working calendar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarLine {
    /// `YYYY-MM-DD`, what the delete form posts.
    pub iso: String,
    /// `dd/mm/yyyy`, what is shown.
    pub shown: String,
    /// A public holiday; otherwise a make-up working day.
    pub holiday: bool,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarYear {
    pub year: i32,
    pub lines: Vec<CalendarLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarView {
    pub officer: Officer,
    /// The current year and the next, in that order.
    pub years: Vec<CalendarYear>,
}

/// The holidays and make-up working days of the current and the next year.
#[server(endpoint = "can-bo/quan-tri/lich")]
pub async fn get_working_calendar() -> Result<Guarded<CalendarView>, ApiError> {
    ssr::working_calendar().await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::api::AppState;
    use crate::api::staff::ssr::{officer, officer_account};
    use motcua_core::admin_views::{self, StaffAccount};
    use motcua_domain::calendar::DayKind;
    use motcua_domain::format::{format_date, iso_date};
    use motcua_domain::workflow::StaffRole;
    use motcua_store::Account;

    /// The signed-in admin, or why not: nobody (or a citizen) is asked to sign in, staff
    /// without the admin role are told the page does not exist.
    pub async fn admin_account() -> Result<Account, Guarded<()>> {
        match officer_account().await {
            None => Err(Guarded::SignInFirst),
            Some(a) if a.has_role(StaffRole::Admin) => Ok(a),
            Some(_) => Err(Guarded::NotFound),
        }
    }

    fn refuse<T>(g: Guarded<()>) -> Guarded<T> {
        match g {
            Guarded::SignInFirst => Guarded::SignInFirst,
            _ => Guarded::NotFound,
        }
    }

    pub async fn staff_accounts() -> Result<Guarded<StaffAccountsView>, ApiError> {
        let state = AppState::get()?;
        let admin = match admin_account().await {
            Ok(a) => a,
            Err(g) => return Ok(refuse(g)),
        };
        let lines = admin_views::staff_accounts(&state.store, &admin)
            .await?
            .into_iter()
            .map(|StaffAccount { account: a, me }| StaffLine {
                id: a.id,
                me,
                login: a.login,
                name: a.full_name,
                phone: a.phone,
                roles: a.roles.iter().map(|r| r.as_str().to_string()).collect(),
                active: a.active,
            })
            .collect();
        Ok(Guarded::Ok(StaffAccountsView {
            officer: officer(&state.store, &admin).await?,
            lines,
        }))
    }

    pub async fn working_calendar() -> Result<Guarded<CalendarView>, ApiError> {
        let state = AppState::get()?;
        let admin = match admin_account().await {
            Ok(a) => a,
            Err(g) => return Ok(refuse(g)),
        };
        let years = admin_views::calendar_years(&state.store, state.clock.now())
            .await?
            .into_iter()
            .map(|y| CalendarYear {
                year: y.year,
                lines: y
                    .days
                    .into_iter()
                    .map(|d| CalendarLine {
                        iso: iso_date(d.date),
                        shown: format_date(d.date),
                        holiday: d.kind == DayKind::Holiday,
                        name: d.name,
                    })
                    .collect(),
            })
            .collect();
        Ok(Guarded::Ok(CalendarView {
            officer: officer(&state.store, &admin).await?,
            years,
        }))
    }
}
