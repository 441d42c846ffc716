//! The admin's form posts about the working calendar, answering 303 back to
//! `/can-bo/quan-tri/lich`; the rules are the core's (`motcua_core::calendar::change`):
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
use motcua_core::calendar::{DayPost, DeleteDayError, SaveDayError, delete_day, save_day};
use motcua_domain::format::format_date;
use motcua_domain::url::urlencode;
use serde::Deserialize;

use crate::extract::{RequestOrigin, SignedInAdmin};
use crate::router::ServerState;
use crate::routes::admin_users::internal;
use crate::routes::see_other;

const PAGE: &str = "/can-bo/quan-tri/lich";

#[derive(Deserialize)]
pub struct DayForm {
    #[serde(default)]
    ngay: String,
    #[serde(default)]
    loai: String,
    #[serde(default)]
    ten: String,
}

/// `POST /can-bo/quan-tri/lich`: adds or replaces one day.
pub async fn save(
    State(state): State<ServerState>,
    RequestOrigin(origin): RequestOrigin,
    SignedInAdmin(admin): SignedInAdmin,
    Form(form): Form<DayForm>,
) -> Response {
    let post = DayPost {
        date: &form.ngay,
        kind: &form.loai,
        name: &form.ten,
    };
    match save_day(
        &state.app.store,
        &admin,
        &post,
        &origin,
        state.app.clock.now(),
    )
    .await
    {
        Ok(day) => see_other(&format!(
            "{PAGE}?xong=luu&ngay_da={}",
            urlencode(&format_date(day.date))
        )),
        Err(SaveDayError::Invalid(problems)) => {
            let loi = problems
                .iter()
                .map(|p| format!("{}:{}", p.field(), p.key()))
                .collect::<Vec<_>>()
                .join(",");
            see_other(&format!(
                "{PAGE}?loi={}&ngay={}&loai={}&ten={}#loi",
                urlencode(&loi),
                urlencode(form.ngay.trim()),
                urlencode(&form.loai),
                urlencode(form.ten.trim())
            ))
        }
        Err(SaveDayError::Store(e)) => internal("saving a calendar day", e),
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
    RequestOrigin(origin): RequestOrigin,
    SignedInAdmin(admin): SignedInAdmin,
    Form(form): Form<DeleteForm>,
) -> Response {
    match delete_day(
        &state.app.store,
        &admin,
        &form.ngay,
        &origin,
        state.app.clock.now(),
    )
    .await
    {
        Ok(date) => see_other(&format!(
            "{PAGE}?xong=xoa&ngay_da={}",
            urlencode(&format_date(date))
        )),
        Err(DeleteDayError::DateInvalid) => {
            (StatusCode::BAD_REQUEST, "Bad request").into_response()
        }
        Err(DeleteDayError::Store(e)) => internal("deleting a calendar day", e),
    }
}
