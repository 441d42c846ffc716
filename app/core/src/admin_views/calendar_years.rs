//! The calendar's exceptions an admin keeps: those of the current year in Vietnam and the
//! next (the only years the day form accepts, `calendar::change`).

use motcua_domain::calendar::CalendarDay;
use motcua_domain::format::VN_OFFSET;
use motcua_store::{CalendarStore, StoreError};
use time::OffsetDateTime;

/// The holidays and make-up working days of one year, by date.
pub struct CalendarYear {
    pub year: i32,
    pub days: Vec<CalendarDay>,
}

/// The current year at `now` in Vietnam and the next, in that order.
pub async fn calendar_years(
    store: &impl CalendarStore,
    now: OffsetDateTime,
) -> Result<[CalendarYear; 2], StoreError> {
    let this_year = now.to_offset(VN_OFFSET).year();
    let days = store.calendar_days().await?;
    let year = |year: i32| CalendarYear {
        year,
        days: days
            .iter()
            .filter(|d| d.date.year() == year)
            .cloned()
            .collect(),
    };
    Ok([year(this_year), year(this_year + 1)])
}
