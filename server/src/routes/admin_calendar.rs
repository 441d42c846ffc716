//! The admin's form posts about the working calendar, answering 303 back to
//! `/can-bo/quan-tri/lich`:
//!
//! - `POST /can-bo/quan-tri/lich` (`ngay`, `loai` = `holiday`|`workday`, `ten`): adds a day of
//!   the current or the next year, or replaces the entry of that date;
//! - `POST /can-bo/quan-tri/lich/xoa` (`ngay`): removes a date's entry.
//!
//! The calendar is the deployment's, one for every agency: any admin may change it. Nobody
//! and citizens are sent to sign in, staff without the admin role get 404.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use motcua_domain::calendar::{CalendarDay, DayKind};
use motcua_domain::format::{VN_OFFSET, format_date};
use motcua_domain::url::urlencode;
use motcua_domain::validate::{nfc, parse_date};
use serde::Deserialize;

use crate::extract::SignedInAdmin;
use crate::router::ServerState;
use crate::routes::admin_users::internal;
use crate::routes::see_other;

const PAGE: &str = "/can-bo/quan-tri/lich";

/// Longest name of a day accepted.
const MAX_NAME: usize = 100;

#[derive(Deserialize)]
pub struct DayForm {
    #[serde(default)]
    ngay: String,
    #[serde(default)]
    loai: String,
    #[serde(default)]
    ten: String,
}

/// The day the form describes, or its problems `(field, key)`. `this_year` is the current
/// year in Vietnam: only it and the next are accepted.
pub fn parse_day(
    f: &DayForm,
    this_year: i32,
) -> Result<CalendarDay, Vec<(&'static str, &'static str)>> {
    let mut problems = vec![];
    let date = parse_date(f.ngay.trim());
    match date {
        None => problems.push(("ngay", "date_invalid")),
        Some(d) if d.year() != this_year && d.year() != this_year + 1 => {
            problems.push(("ngay", "date_out_of_range"))
        }
        Some(_) => {}
    }
    let kind = match f.loai.as_str() {
        "holiday" => Some(DayKind::Holiday),
        "workday" => Some(DayKind::Workday),
        _ => {
            problems.push(("loai", "kind_required"));
            None
        }
    };
    let name = nfc(f.ten.trim());
    if name.is_empty() {
        problems.push(("ten", "required"));
    } else if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        problems.push(("ten", "too_long"));
    }
    match (date, kind) {
        (Some(date), Some(kind)) if problems.is_empty() => Ok(CalendarDay { date, kind, name }),
        _ => Err(problems),
    }
}

/// `POST /can-bo/quan-tri/lich`: adds or replaces one day.
pub async fn save(
    State(state): State<ServerState>,
    _admin: SignedInAdmin,
    Form(form): Form<DayForm>,
) -> Response {
    let this_year = state.app.clock.now().to_offset(VN_OFFSET).year();
    let day = match parse_day(&form, this_year) {
        Ok(d) => d,
        Err(problems) => {
            let loi = problems
                .iter()
                .map(|(f, k)| format!("{f}:{k}"))
                .collect::<Vec<_>>()
                .join(",");
            return see_other(&format!(
                "{PAGE}?loi={}&ngay={}&loai={}&ten={}#loi",
                urlencode(&loi),
                urlencode(form.ngay.trim()),
                urlencode(&form.loai),
                urlencode(form.ten.trim())
            ));
        }
    };
    match state
        .app
        .store
        .import_calendar(std::slice::from_ref(&day))
        .await
    {
        Ok(_) => see_other(&format!(
            "{PAGE}?xong=luu&ngay_da={}",
            urlencode(&format_date(day.date))
        )),
        Err(e) => internal("saving a calendar day", e),
    }
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    ngay: String,
}

/// `POST /can-bo/quan-tri/lich/xoa`: removes one date's entry (deleting a date that has none
/// changes nothing and answers the same, so a repeated post is harmless).
pub async fn delete(
    State(state): State<ServerState>,
    _admin: SignedInAdmin,
    Form(form): Form<DeleteForm>,
) -> Response {
    let Some(date) = parse_date(form.ngay.trim()) else {
        return (StatusCode::BAD_REQUEST, "Bad request").into_response();
    };
    match state.app.store.delete_calendar_day(date).await {
        Ok(_) => see_other(&format!(
            "{PAGE}?xong=xoa&ngay_da={}",
            urlencode(&format_date(date))
        )),
        Err(e) => internal("deleting a calendar day", e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(ngay: &str, loai: &str, ten: &str) -> DayForm {
        DayForm {
            ngay: ngay.into(),
            loai: loai.into(),
            ten: ten.into(),
        }
    }

    #[test]
    fn a_day_needs_a_real_date_of_this_or_next_year_a_kind_and_a_name() {
        let d = parse_day(&form("2026-09-02", "holiday", " Quốc khánh "), 2026).unwrap();
        assert_eq!(d.date, time::macros::date!(2026 - 09 - 02));
        assert_eq!(d.kind, DayKind::Holiday);
        assert_eq!(d.name, "Quốc khánh");
        assert!(parse_day(&form("02/01/2027", "workday", "Làm bù"), 2026).is_ok());
        assert_eq!(
            parse_day(&form("2026-02-30", "holiday", "x"), 2026).unwrap_err(),
            vec![("ngay", "date_invalid")]
        );
        assert_eq!(
            parse_day(&form("2030-01-01", "holiday", "x"), 2026).unwrap_err(),
            vec![("ngay", "date_out_of_range")]
        );
        assert_eq!(
            parse_day(&form("", "", ""), 2026).unwrap_err(),
            vec![
                ("ngay", "date_invalid"),
                ("loai", "kind_required"),
                ("ten", "required")
            ]
        );
    }
}
