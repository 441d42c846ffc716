//! Reading dates as typed (`dd/mm/yyyy`) or sent by a date input (`yyyy-mm-dd`), and date limits.

use crate::format::parse_iso_date;
use time::{Date, Month};

use super::Context;

/// A date as `yyyy-mm-dd` or `d/m/yyyy` (separator `/`, `-` or `.`), a real calendar date.
pub fn parse_date(s: &str) -> Option<Date> {
    if let Some(d) = parse_iso_date(s) {
        return Some(d);
    }
    let sep = s.chars().find(|c| !c.is_ascii_digit())?;
    if !['/', '-', '.'].contains(&sep) {
        return None;
    }
    let parts: Vec<&str> = s.split(sep).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str, lens: std::ops::RangeInclusive<usize>| -> Option<u32> {
        (lens.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let day = num(day, 1..=2)?;
    let month = num(month, 1..=2)?;
    let year = num(year, 4..=4)?;
    Date::from_calendar_date(year as i32, Month::try_from(month as u8).ok()?, day as u8).ok()
}

/// A `min`/`max` of a date field: `"today"` or `YYYY-MM-DD` (anything else is ignored;
/// the import rejects it).
pub(super) fn date_bound(bound: Option<&str>, ctx: &Context) -> Option<Date> {
    match bound? {
        "today" => Some(ctx.today),
        s => parse_iso_date(s),
    }
}
