//! The working calendar: when a dossier is due, and why.
//!
//! Statutory processing times (thời hạn giải quyết) are counted in *working* time, so the due
//! date of a dossier depends on office hours, weekends, public holidays (ngày nghỉ lễ, Tết) and
//! make-up working days (ngày làm bù). This module is the one place that knows those rules
//! (spec: `dossier-workflow.md`, "Working calendar"); it is pure, so the server, the command
//! line and the statistics all get the same answer.
//!
//! How it counts:
//!
//! - Every moment is converted to Vietnamese local time (UTC+7 all year, see
//!   [`crate::format::VN_OFFSET`]) before anything is compared, because office hours and
//!   calendar dates are local. Returned moments carry the +07:00 offset.
//! - A working day has working periods, by default 07:00–11:30 and 13:30–17:00. A period is
//!   half-open for *starting* (11:30 itself is already lunch) but its end is a valid *due*
//!   moment: work that runs out exactly at 17:00 is due at 17:00, not the next morning.
//! - `working_hours` and `working_days` (1 working day = 8 working hours = 480 minutes) are
//!   counted in whole minutes by walking forward period by period, one date at a time. The
//!   walk never steps minute by minute, so even a few hundred working days is cheap.
//! - `calendar_days` ignore office hours: the dossier is due at the end of the working day
//!   that is `amount` dates after the acceptance date (moved to the next working day if that
//!   date is not one).
//! - Pauses (status 5 and 6) push the due moment forward by the working time they covered.
//!
//! Staff can always ask "why this date?": [`WorkingCalendar::due`] returns a [`DueWalk`]
//! that records every skipped date and the time counted on each working date, and
//! [`walk_lines`] renders it in Vietnamese.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::macros::time;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, Weekday};

use crate::format::{VN_OFFSET, format_date};
use crate::procedure::{Duration, DurationUnit, HOURS_PER_WORKING_DAY};

// Dates travel as `YYYY-MM-DD`, the form the calendar file and the database use.
time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// What a calendar exception makes of its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A public holiday: not a working day, even on a weekday.
    Holiday,
    /// A make-up working day (ngày làm bù): a working day, even on a Saturday or Sunday.
    Workday,
}

/// One row of the calendar table: a date that does not follow the Monday–Friday rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarDay {
    #[serde(with = "iso_date")]
    pub date: Date,
    pub kind: DayKind,
    /// Shown to staff and in the walk, e.g. "Quốc tế Lao động".
    pub name: String,
}

/// A stretch of office hours within a working day, local time. Deployments may configure
/// their own, so the periods are data rather than constants.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorkingPeriod {
    pub start: Time,
    pub end: Time,
}

/// The office hours the spec prescribes: 07:00–11:30 and 13:30–17:00, 8 hours a day.
pub const DEFAULT_PERIODS: [WorkingPeriod; 2] = [
    WorkingPeriod {
        start: time!(7:00),
        end: time!(11:30),
    },
    WorkingPeriod {
        start: time!(13:30),
        end: time!(17:00),
    },
];

/// Office hours plus the exceptions (holidays, make-up days) of one deployment.
///
/// Built once from the calendar table and then only read, so it can be shared freely.
#[derive(Clone, Debug)]
pub struct WorkingCalendar {
    /// Sorted, non-empty, non-overlapping (checked by [`WorkingCalendar::with_periods`]).
    periods: Vec<WorkingPeriod>,
    /// The exceptions by date. A map keeps look-ups cheap during the day-by-day walk.
    days: BTreeMap<Date, CalendarDay>,
}

impl Default for WorkingCalendar {
    /// The default office hours and no exceptions.
    fn default() -> Self {
        WorkingCalendar::new([])
    }
}

impl WorkingCalendar {
    /// A calendar with the default office hours ([`DEFAULT_PERIODS`]). When a date appears
    /// more than once in `days`, the last row wins, as a later import would.
    pub fn new(days: impl IntoIterator<Item = CalendarDay>) -> WorkingCalendar {
        WorkingCalendar {
            periods: DEFAULT_PERIODS.to_vec(),
            days: days.into_iter().map(|d| (d.date, d)).collect(),
        }
    }

    /// A calendar with a deployment's own office hours. The periods must be non-empty, each
    /// must start before it ends, and they must be in order without overlapping (one may end
    /// exactly when the next starts); the walk relies on that, so a bad configuration is
    /// refused here rather than producing odd due dates later.
    pub fn with_periods(
        periods: Vec<WorkingPeriod>,
        days: impl IntoIterator<Item = CalendarDay>,
    ) -> Result<WorkingCalendar, String> {
        if periods.is_empty() {
            return Err("working periods: at least one period is needed".to_string());
        }
        for (i, p) in periods.iter().enumerate() {
            if p.start >= p.end {
                return Err(format!(
                    "working period {}: starts at {} but ends at {}",
                    i + 1,
                    hh_mm(p.start),
                    hh_mm(p.end)
                ));
            }
            if let Some(next) = periods.get(i + 1)
                && next.start < p.end
            {
                return Err(format!(
                    "working period {} ({}–{}) must start at or after the end of period {} ({}–{})",
                    i + 2,
                    hh_mm(next.start),
                    hh_mm(next.end),
                    i + 1,
                    hh_mm(p.start),
                    hh_mm(p.end)
                ));
            }
        }
        let mut calendar = WorkingCalendar::new(days);
        calendar.periods = periods;
        Ok(calendar)
    }

    /// The office hours of every working day, in order.
    pub fn periods(&self) -> &[WorkingPeriod] {
        &self.periods
    }

    /// The exceptions, in date order.
    pub fn days(&self) -> impl Iterator<Item = &CalendarDay> {
        self.days.values()
    }

    /// The exception for date `d`, if there is one.
    pub fn day(&self, d: Date) -> Option<&CalendarDay> {
        self.days.get(&d)
    }

    /// The end of the last working period (17:00 by default): the due time of calendar-day
    /// procedures.
    pub fn day_end(&self) -> Time {
        // `with_periods` guarantees at least one period.
        self.periods.last().map_or(time!(17:00), |p| p.end)
    }

    /// Whether `d` is a working day: a holiday never is, a make-up day always is, any other
    /// date is one from Monday to Friday.
    pub fn is_working_day(&self, d: Date) -> bool {
        match self.days.get(&d).map(|day| day.kind) {
            Some(DayKind::Holiday) => false,
            Some(DayKind::Workday) => true,
            None => !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday),
        }
    }

    /// The name of the holiday or make-up day on `d`, if it is one.
    pub fn day_name(&self, d: Date) -> Option<&str> {
        self.days.get(&d).map(|day| day.name.as_str())
    }

    /// Why `d` is not a working day, or `None` when it is one. A holiday that falls on a
    /// weekend is reported as the holiday: that is the more informative reason.
    fn skip_reason(&self, d: Date) -> Option<SkipReason> {
        if self.is_working_day(d) {
            return None;
        }
        Some(match self.days.get(&d) {
            Some(day) => SkipReason::Holiday(day.name.clone()),
            None if d.weekday() == Weekday::Saturday => SkipReason::Saturday,
            None => SkipReason::Sunday,
        })
    }

    /// The due moment and the walk that explains it, for a statutory duration counted from
    /// `start` (the moment of acceptance, status 2).
    ///
    /// Working hours and working days walk through working periods from the clock start;
    /// calendar days count dates from the local acceptance date and end at [`Self::day_end`]
    /// of the first working day on or after the target date. A zero duration is due at the
    /// clock start. Fractional working amounts are rounded to whole minutes; fractional
    /// calendar days are rounded *up* to whole days (a part of a day is still that day).
    pub fn due(&self, start: OffsetDateTime, duration: &Duration) -> DueWalk {
        let duration = &duration.bounded();
        let start = start.to_offset(VN_OFFSET);
        let mut steps = Vec::new();
        let calendar_days = match duration.unit {
            DurationUnit::CalendarDays => whole_days_rounded_up(duration.amount),
            DurationUnit::WorkingHours | DurationUnit::WorkingDays => 0,
        };

        if calendar_days > 0 {
            // Calendar days count dates, not office hours: the acceptance time of day plays
            // no part, so counting starts at acceptance itself.
            let start_date = start.date();
            let target = start_date
                .checked_add(time::Duration::days(calendar_days))
                .expect("calendar-day durations stay far below the year 9999");
            let mut used = target;
            let mut skipped = Vec::new();
            while let Some(reason) = self.skip_reason(used) {
                skipped.push(WalkStep::Skipped { date: used, reason });
                used = next_day(used);
            }
            steps.push(WalkStep::CalendarTarget { target, used });
            steps.extend(skipped);
            return DueWalk {
                start,
                counting_from: start,
                due: to_moment(PrimitiveDateTime::new(used, self.day_end())),
                steps,
            };
        }

        let minutes = match duration.unit {
            DurationUnit::WorkingHours => step_minutes(duration.amount),
            DurationUnit::WorkingDays => step_minutes(duration.amount * HOURS_PER_WORKING_DAY),
            // Here only when the amount rounds to zero days: a zero duration.
            DurationUnit::CalendarDays => 0,
        };
        let counting_from = self.clock_start(start);
        if counting_from != start {
            steps.push(WalkStep::StartMovedToNextPeriod {
                from: start,
                to: counting_from,
            });
        }
        // Walking from `start` rather than `counting_from` records the dates skipped before
        // counting began (a weekend after a Friday-evening acceptance) in the same steps.
        let due = self.walk(to_local(start), minutes, &mut steps);
        DueWalk {
            start,
            counting_from,
            due: to_moment(due),
            steps,
        }
    }

    /// Adds `minutes` working minutes walking forward through working periods (used for
    /// per-step due moments from `duration_hours * 60`, see [`step_minutes`], and for
    /// pauses).
    ///
    /// Zero (or negative) minutes return `start` unchanged, not the clock start: that keeps
    /// adding `a` then `b` equal to adding `a + b`, and a pause that covered no working time
    /// leaves a due moment of 17:00 at 17:00.
    pub fn add_working_minutes(&self, start: OffsetDateTime, minutes: i64) -> OffsetDateTime {
        if minutes <= 0 {
            return start.to_offset(VN_OFFSET);
        }
        to_moment(self.walk(to_local(start), minutes, &mut Vec::new()))
    }

    /// Working minutes inside working periods between two moments (0 if `to <= from`), in
    /// whole minutes rounded down. Used for pauses: on leaving status 5/6 the due date is
    /// pushed forward by the working time the pause covered.
    pub fn working_minutes_between(&self, from: OffsetDateTime, to: OffsetDateTime) -> i64 {
        if to <= from {
            return 0;
        }
        let (from, to) = (to_local(from), to_local(to));
        let mut total = time::Duration::ZERO;
        let mut date = from.date();
        while date <= to.date() {
            if self.is_working_day(date) {
                for p in &self.periods {
                    // The overlap of [from, to] with this period on this date.
                    let begin = from.max(PrimitiveDateTime::new(date, p.start));
                    let end = to.min(PrimitiveDateTime::new(date, p.end));
                    if end > begin {
                        total += end - begin;
                    }
                }
            }
            date = next_day(date);
        }
        total.whole_minutes()
    }

    /// The moment counting starts from: `at` itself when inside a working period, else the
    /// start of the next working period. A period's end belongs to the break after it, so
    /// an acceptance at 11:30 counts from 13:30.
    pub fn clock_start(&self, at: OffsetDateTime) -> OffsetDateTime {
        to_moment(self.walk(to_local(at), 0, &mut Vec::new()))
    }

    /// The walk itself, in local time: from `start`, count `minutes` working minutes and
    /// return the moment they run out, recording skipped dates and the minutes counted on
    /// each date in `steps`. With `minutes == 0` it returns the clock start.
    ///
    /// It goes one date at a time and one period at a time, taking each period whole while
    /// the remaining time exceeds it. The remaining time ends *inside* a period or exactly
    /// at its end, never at the next period's start, which is what makes work that runs out
    /// at 17:00 due at 17:00.
    fn walk(
        &self,
        start: PrimitiveDateTime,
        minutes: i64,
        steps: &mut Vec<WalkStep>,
    ) -> PrimitiveDateTime {
        let mut remaining = time::Duration::minutes(minutes.max(0));
        // Everything counted so far. Per-date minutes are taken as differences of its whole
        // minutes, so they add up to `minutes` exactly even when `start` has seconds.
        let mut counted = time::Duration::ZERO;
        let mut date = start.date();
        // On `date`, nothing before this time of day counts (only the first date has one).
        let mut earliest = start.time();
        loop {
            if let Some(reason) = self.skip_reason(date) {
                steps.push(WalkStep::Skipped { date, reason });
            } else {
                let counted_before = counted;
                for p in &self.periods {
                    if earliest >= p.end {
                        continue;
                    }
                    let from = earliest.max(p.start);
                    let available = p.end - from;
                    if remaining <= available {
                        counted += remaining;
                        push_worked(steps, date, counted_before, counted);
                        return PrimitiveDateTime::new(date, from + remaining);
                    }
                    remaining -= available;
                    counted += available;
                }
                push_worked(steps, date, counted_before, counted);
            }
            date = next_day(date);
            earliest = Time::MIDNIGHT;
        }
    }
}

/// Records the working time counted on `date`, unless there was none.
fn push_worked(
    steps: &mut Vec<WalkStep>,
    date: Date,
    before: time::Duration,
    after: time::Duration,
) {
    let minutes = after.whole_minutes() - before.whole_minutes();
    if minutes > 0 {
        steps.push(WalkStep::Worked { date, minutes });
    }
}

/// Hours → whole minutes, rounded to the nearest minute (`1.5` → 90, `0.01` → 1). Process
/// steps give their `duration_hours` as decimals; the walk counts whole minutes. Negative or
/// non-finite hours (refused by the procedure check anyway) count as zero.
pub fn step_minutes(duration_hours: f64) -> i64 {
    let minutes = (duration_hours * 60.0).round();
    if minutes.is_finite() && minutes > 0.0 {
        minutes as i64
    } else {
        0
    }
}

/// Calendar days → whole days, rounded up (half a day is still a day to wait for).
fn whole_days_rounded_up(amount: f64) -> i64 {
    let days = amount.ceil();
    if days.is_finite() && days > 0.0 {
        days as i64
    } else {
        0
    }
}

/// How a finished dossier did against its due moment. The statistics use exactly these
/// definitions, which compare *local dates*, not moments: finishing at 20:00 on the due date
/// is still on time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultClass {
    /// Trước hạn: finished on an earlier date than the due date.
    Early,
    /// Đúng hạn: finished on the due date.
    OnTime,
    /// Quá hạn: finished on a later date.
    Late,
}

/// Result class by the Asia/Ho_Chi_Minh calendar date of reaching status 9 vs. the date of
/// the due moment.
pub fn result_class(finished: OffsetDateTime, due: OffsetDateTime) -> ResultClass {
    let finished = finished.to_offset(VN_OFFSET).date();
    let due = due.to_offset(VN_OFFSET).date();
    match finished.cmp(&due) {
        std::cmp::Ordering::Less => ResultClass::Early,
        std::cmp::Ordering::Equal => ResultClass::OnTime,
        std::cmp::Ordering::Greater => ResultClass::Late,
    }
}

/// Whether a dossier not yet at status 9 is overdue: its due moment has passed (`now > due`).
/// Unlike [`result_class`] this compares moments, so a dossier due at 17:00 is overdue from
/// 17:00 plus a moment.
pub fn is_overdue(now: OffsetDateTime, due: OffsetDateTime) -> bool {
    now > due
}

/// The "why this date?" explanation: start, each skipped stretch, the end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DueWalk {
    /// The moment the duration is counted from (acceptance), at +07:00.
    #[serde(with = "time::serde::rfc3339")]
    pub start: OffsetDateTime,
    /// Where counting actually began: the clock start for working units, `start` itself for
    /// calendar days.
    #[serde(with = "time::serde::rfc3339")]
    pub counting_from: OffsetDateTime,
    /// The due moment, including every pause added with [`DueWalk::add_pause`].
    #[serde(with = "time::serde::rfc3339")]
    pub due: OffsetDateTime,
    /// In the order the walk met them; pauses come last, in the order they were added.
    pub steps: Vec<WalkStep>,
}

/// One stretch of the walk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WalkStep {
    /// Counting began later than the start because `start` was outside working hours.
    StartMovedToNextPeriod {
        #[serde(with = "time::serde::rfc3339")]
        from: OffsetDateTime,
        #[serde(with = "time::serde::rfc3339")]
        to: OffsetDateTime,
    },
    /// Working time counted on one (local) date, in minutes.
    Worked {
        #[serde(with = "iso_date")]
        date: Date,
        minutes: i64,
    },
    /// A non-working date skipped, with why.
    Skipped {
        #[serde(with = "iso_date")]
        date: Date,
        reason: SkipReason,
    },
    /// Calendar-day rule: the target date and, if it was not a working day, the date used
    /// instead (equal to `target` when it was one).
    CalendarTarget {
        #[serde(with = "iso_date")]
        target: Date,
        #[serde(with = "iso_date")]
        used: Date,
    },
    /// A pause (status 5/6) that pushed the due moment forward by `minutes` working minutes.
    Paused {
        #[serde(with = "time::serde::rfc3339")]
        from: OffsetDateTime,
        #[serde(with = "time::serde::rfc3339")]
        to: OffsetDateTime,
        minutes: i64,
    },
}

/// Why a date was not a working day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    Saturday,
    Sunday,
    /// A public holiday, with its name from the calendar table.
    Holiday(String),
}

impl DueWalk {
    /// Pushes the due moment forward by the working time a pause covered, recording it. The
    /// step is recorded even when the pause covered no working time (say, a weekend), so
    /// staff see that it was taken into account.
    /// Adds a pause whose working minutes were counted when it ended (as the event recorded
    /// them), so that a walk read back later says what was decided then.
    pub fn add_recorded_pause(&mut self, from: OffsetDateTime, to: OffsetDateTime, minutes: i64) {
        self.steps.push(WalkStep::Paused {
            from: from.to_offset(VN_OFFSET),
            to: to.to_offset(VN_OFFSET),
            minutes,
        });
    }

    pub fn add_pause(&mut self, cal: &WorkingCalendar, from: OffsetDateTime, to: OffsetDateTime) {
        let minutes = cal.working_minutes_between(from, to);
        self.due = cal.add_working_minutes(self.due, minutes);
        self.steps.push(WalkStep::Paused {
            from: from.to_offset(VN_OFFSET),
            to: to.to_offset(VN_OFFSET),
            minutes,
        });
    }
}

/// Text lines of the walk in Vietnamese, `dd/mm/yyyy HH:MM` local time, for the `motcua due`
/// command and the "why this date?" page. For example:
///
/// ```text
/// Tiếp nhận: 04/12/2026 17:30 (ngoài giờ làm việc)
/// Bỏ qua 05/12/2026: thứ Bảy
/// Bỏ qua 06/12/2026: Chủ nhật
/// Bắt đầu tính: 07/12/2026 07:00
/// Tính 07/12/2026: 8 giờ làm việc
/// Hạn giải quyết: 07/12/2026 17:00
/// ```
///
/// Dates skipped before counting began come before the "Bắt đầu tính" line, so the lines
/// read in time order.
pub fn walk_lines(walk: &DueWalk) -> Vec<String> {
    let moved = walk
        .steps
        .iter()
        .any(|s| matches!(s, WalkStep::StartMovedToNextPeriod { .. }));
    let mut lines = vec![format!(
        "Tiếp nhận: {}{}",
        date_time(walk.start),
        if moved {
            " (ngoài giờ làm việc)"
        } else {
            ""
        }
    )];
    let counting_line = format!("Bắt đầu tính: {}", date_time(walk.counting_from));
    let mut counting_shown = false;
    for step in &walk.steps {
        let counts = matches!(
            step,
            WalkStep::Worked { .. } | WalkStep::CalendarTarget { .. } | WalkStep::Paused { .. }
        );
        if counts && !counting_shown {
            lines.push(counting_line.clone());
            counting_shown = true;
        }
        match step {
            // Already told by the first line and the "Bắt đầu tính" line.
            WalkStep::StartMovedToNextPeriod { .. } => {}
            WalkStep::Worked { date, minutes } => lines.push(format!(
                "Tính {}: {} làm việc",
                format_date(*date),
                hours_and_minutes(*minutes)
            )),
            WalkStep::Skipped { date, reason } => {
                let why = match reason {
                    SkipReason::Saturday => "thứ Bảy".to_string(),
                    SkipReason::Sunday => "Chủ nhật".to_string(),
                    SkipReason::Holiday(name) if name.trim().is_empty() => {
                        "ngày nghỉ lễ".to_string()
                    }
                    SkipReason::Holiday(name) => format!("ngày nghỉ lễ — {name}"),
                };
                lines.push(format!("Bỏ qua {}: {why}", format_date(*date)));
            }
            WalkStep::CalendarTarget { target, used } => {
                let days = (*target - walk.start.to_offset(VN_OFFSET).date()).whole_days();
                let mut line = format!(
                    "{days} ngày lịch kể từ ngày tiếp nhận: {}",
                    format_date(*target)
                );
                if used != target {
                    line.push_str(&format!(
                        " — không phải ngày làm việc, chuyển sang {}",
                        format_date(*used)
                    ));
                }
                lines.push(line);
            }
            WalkStep::Paused { from, to, minutes } => lines.push(format!(
                "Tạm dừng {} – {}: cộng thêm {} làm việc",
                date_time(*from),
                date_time(*to),
                hours_and_minutes(*minutes)
            )),
        }
    }
    if !counting_shown {
        lines.push(counting_line);
    }
    lines.push(format!("Hạn giải quyết: {}", date_time(walk.due)));
    lines
}

/// `dd/mm/yyyy HH:MM` in Vietnamese local time.
fn date_time(at: OffsetDateTime) -> String {
    let local = at.to_offset(VN_OFFSET);
    format!("{} {}", format_date(local.date()), hh_mm(local.time()))
}

fn hh_mm(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// `480` → "8 giờ", `210` → "3 giờ 30 phút", `45` → "45 phút".
fn hours_and_minutes(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} phút"),
        (h, 0) => format!("{h} giờ"),
        (h, m) => format!("{h} giờ {m} phút"),
    }
}

fn to_local(at: OffsetDateTime) -> PrimitiveDateTime {
    let local = at.to_offset(VN_OFFSET);
    PrimitiveDateTime::new(local.date(), local.time())
}

fn to_moment(local: PrimitiveDateTime) -> OffsetDateTime {
    local.assume_offset(VN_OFFSET)
}

/// The walk only moves forward by days; running off the end of `time`'s range would take
/// millions of years of working time, which no procedure has.
fn next_day(d: Date) -> Date {
    d.next_day()
        .expect("working-time walks stay far below the year 9999")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    /// The demo-like calendar: 30/04 and 01/05/2026 (Thursday, Friday) are holidays and
    /// Saturday 09/05/2026 is worked in exchange; plus New Year 2027 and 30/04/2027.
    fn demo() -> WorkingCalendar {
        let day = |date, kind, name: &str| CalendarDay {
            date,
            kind,
            name: name.to_string(),
        };
        WorkingCalendar::new([
            day(
                date!(2026 - 04 - 30),
                DayKind::Holiday,
                "Ngày Giải phóng miền Nam",
            ),
            day(date!(2026 - 05 - 01), DayKind::Holiday, "Quốc tế Lao động"),
            day(date!(2026 - 05 - 09), DayKind::Workday, "Làm bù"),
            day(date!(2027 - 01 - 01), DayKind::Holiday, "Tết Dương lịch"),
            day(date!(2027 - 04 - 30), DayKind::Holiday, "Ngày Chiến thắng"),
        ])
    }

    fn wd(amount: f64) -> Duration {
        Duration {
            amount,
            unit: DurationUnit::WorkingDays,
        }
    }

    fn wh(amount: f64) -> Duration {
        Duration {
            amount,
            unit: DurationUnit::WorkingHours,
        }
    }

    fn days(amount: f64) -> Duration {
        Duration {
            amount,
            unit: DurationUnit::CalendarDays,
        }
    }

    fn due(start: OffsetDateTime, d: Duration) -> OffsetDateTime {
        demo().due(start, &d).due
    }

    #[test]
    fn a_stored_duration_beyond_a_year_counts_as_a_year() {
        let start = datetime!(2026-12-07 10:00 +7);
        // Imported before the format check bounded durations: no panic, no endless walk.
        assert_eq!(due(start, days(1e12)), due(start, days(365.0)));
        assert_eq!(due(start, wd(1e12)), due(start, wd(365.0)));
        assert_eq!(due(start, wh(f64::INFINITY)), due(start, wh(0.0)));
        assert!(
            due(start, days(365.0)) > due(start, days(364.0)),
            "the bound is a year"
        );
    }

    // --- The spec's worked examples -------------------------------------------------------

    #[test]
    fn spec_example_monday_1000_plus_3_working_days_is_thursday_1000() {
        assert_eq!(
            due(datetime!(2026-12-07 10:00 +7), wd(3.0)),
            datetime!(2026-12-10 10:00 +7)
        );
    }

    #[test]
    fn spec_example_friday_1600_plus_1_working_day_is_monday_1600() {
        assert_eq!(
            due(datetime!(2026-12-11 16:00 +7), wd(1.0)),
            datetime!(2026-12-14 16:00 +7)
        );
    }

    #[test]
    fn spec_example_friday_1730_plus_1_working_day_counts_from_monday_0700_due_1700() {
        let walk = demo().due(datetime!(2026-12-11 17:30 +7), &wd(1.0));
        assert_eq!(walk.counting_from, datetime!(2026-12-14 07:00 +7));
        assert_eq!(walk.due, datetime!(2026-12-14 17:00 +7));
        assert_eq!(
            walk.steps,
            vec![
                WalkStep::StartMovedToNextPeriod {
                    from: datetime!(2026-12-11 17:30 +7),
                    to: datetime!(2026-12-14 07:00 +7),
                },
                WalkStep::Skipped {
                    date: date!(2026 - 12 - 12),
                    reason: SkipReason::Saturday,
                },
                WalkStep::Skipped {
                    date: date!(2026 - 12 - 13),
                    reason: SkipReason::Sunday,
                },
                WalkStep::Worked {
                    date: date!(2026 - 12 - 14),
                    minutes: 480,
                },
            ]
        );
    }

    // --- Working days and hours ------------------------------------------------------------

    #[test]
    fn weekday_holidays_are_skipped() {
        // Wednesday 29/04 + 1 wd: Thursday 30/04 and Friday 01/05 are holidays, then the
        // weekend, so the day is completed on Monday 04/05.
        let walk = demo().due(datetime!(2026-04-29 10:00 +7), &wd(1.0));
        assert_eq!(walk.due, datetime!(2026-05-04 10:00 +7));
        assert!(walk.steps.contains(&WalkStep::Skipped {
            date: date!(2026 - 04 - 30),
            reason: SkipReason::Holiday("Ngày Giải phóng miền Nam".to_string()),
        }));
        assert!(walk.steps.contains(&WalkStep::Skipped {
            date: date!(2026 - 05 - 01),
            reason: SkipReason::Holiday("Quốc tế Lao động".to_string()),
        }));
    }

    #[test]
    fn make_up_saturday_is_counted() {
        // Friday 08/05 + 1 wd runs into Saturday 09/05, a make-up working day.
        assert_eq!(
            due(datetime!(2026-05-08 10:00 +7), wd(1.0)),
            datetime!(2026-05-09 10:00 +7)
        );
        // And that Saturday accepts dossiers like any working day.
        assert_eq!(
            demo().clock_start(datetime!(2026-05-09 08:00 +7)),
            datetime!(2026-05-09 08:00 +7)
        );
    }

    #[test]
    fn lunch_break_is_not_counted() {
        // 10:00–11:30 is 90 minutes; the other 30 are counted from 13:30.
        assert_eq!(
            due(datetime!(2026-12-07 10:00 +7), wh(2.0)),
            datetime!(2026-12-07 14:00 +7)
        );
    }

    #[test]
    fn start_during_lunch_counts_from_1330() {
        let cal = demo();
        assert_eq!(
            cal.clock_start(datetime!(2026-12-07 12:15 +7)),
            datetime!(2026-12-07 13:30 +7)
        );
        // 11:30 itself is already lunch.
        assert_eq!(
            cal.clock_start(datetime!(2026-12-07 11:30 +7)),
            datetime!(2026-12-07 13:30 +7)
        );
        assert_eq!(
            due(datetime!(2026-12-07 12:15 +7), wh(1.0)),
            datetime!(2026-12-07 14:30 +7)
        );
    }

    #[test]
    fn start_before_0700_counts_from_0700() {
        let walk = demo().due(datetime!(2026-12-07 06:00 +7), &wh(2.0));
        assert_eq!(walk.counting_from, datetime!(2026-12-07 07:00 +7));
        assert_eq!(walk.due, datetime!(2026-12-07 09:00 +7));
    }

    #[test]
    fn hours_running_out_at_1130_are_due_at_1130() {
        assert_eq!(
            due(datetime!(2026-12-07 07:00 +7), wh(4.5)),
            datetime!(2026-12-07 11:30 +7)
        );
    }

    #[test]
    fn hours_running_out_at_1700_are_due_at_1700_not_next_morning() {
        assert_eq!(
            due(datetime!(2026-12-07 07:00 +7), wd(1.0)),
            datetime!(2026-12-07 17:00 +7)
        );
        assert_eq!(
            due(datetime!(2026-12-07 13:30 +7), wh(3.5)),
            datetime!(2026-12-07 17:00 +7)
        );
        // 10:00–11:30 and 13:30–17:00 on a Friday: due on Friday, not after the weekend.
        assert_eq!(
            due(datetime!(2026-12-11 10:00 +7), wh(5.0)),
            datetime!(2026-12-11 17:00 +7)
        );
    }

    #[test]
    fn year_boundary_with_new_year_holiday() {
        // Thursday 31/12/2026 + 2 wd: Friday 01/01/2027 is a holiday, then the weekend.
        let walk = demo().due(datetime!(2026-12-31 10:00 +7), &wd(2.0));
        assert_eq!(walk.due, datetime!(2027-01-05 10:00 +7));
        assert_eq!(
            walk.steps,
            vec![
                WalkStep::Worked {
                    date: date!(2026 - 12 - 31),
                    minutes: 300,
                },
                WalkStep::Skipped {
                    date: date!(2027 - 01 - 01),
                    reason: SkipReason::Holiday("Tết Dương lịch".to_string()),
                },
                WalkStep::Skipped {
                    date: date!(2027 - 01 - 02),
                    reason: SkipReason::Saturday,
                },
                WalkStep::Skipped {
                    date: date!(2027 - 01 - 03),
                    reason: SkipReason::Sunday,
                },
                WalkStep::Worked {
                    date: date!(2027 - 01 - 04),
                    minutes: 480,
                },
                WalkStep::Worked {
                    date: date!(2027 - 01 - 05),
                    minutes: 180,
                },
            ]
        );
    }

    #[test]
    fn fractional_durations_round_to_whole_minutes() {
        // 0.5 wd = 4 h.
        assert_eq!(
            due(datetime!(2026-12-07 07:00 +7), wd(0.5)),
            datetime!(2026-12-07 11:00 +7)
        );
        // 1.5 wh = 90 min.
        assert_eq!(
            due(datetime!(2026-12-07 07:00 +7), wh(1.5)),
            datetime!(2026-12-07 08:30 +7)
        );
        // 0.01 wh = 0.6 min → 1 min.
        assert_eq!(
            due(datetime!(2026-12-07 07:00 +7), wh(0.01)),
            datetime!(2026-12-07 07:01 +7)
        );
        assert_eq!(step_minutes(1.5), 90);
        assert_eq!(step_minutes(1.2345), 74);
        assert_eq!(step_minutes(0.0), 0);
        assert_eq!(step_minutes(-2.0), 0);
        assert_eq!(step_minutes(f64::NAN), 0);
    }

    #[test]
    fn zero_duration_is_due_at_the_clock_start() {
        let cal = demo();
        for d in [wd(0.0), wh(0.0), days(0.0)] {
            let walk = cal.due(datetime!(2026-12-11 17:30 +7), &d);
            assert_eq!(walk.due, datetime!(2026-12-14 07:00 +7), "{d:?}");
            assert_eq!(walk.counting_from, walk.due);
        }
        // Inside a period, the start itself.
        assert_eq!(
            due(datetime!(2026-12-07 09:15 +7), wh(0.0)),
            datetime!(2026-12-07 09:15 +7)
        );
    }

    #[test]
    fn moments_in_utc_are_read_and_returned_in_vietnamese_time() {
        // 03:00 UTC is 10:00 in Hà Nội.
        let d = due(datetime!(2026-12-07 03:00 UTC), wd(3.0));
        assert_eq!(d, datetime!(2026-12-10 10:00 +7));
        assert_eq!(d.offset(), VN_OFFSET);
        // 23:30 UTC on Sunday is 06:30 on Monday: counting starts at 07:00 Monday.
        assert_eq!(
            demo().clock_start(datetime!(2026-12-06 23:30 UTC)),
            datetime!(2026-12-07 07:00 +7)
        );
    }

    #[test]
    fn seconds_of_the_start_are_kept() {
        let cal = demo();
        let start = datetime!(2026-12-07 11:29:30 +7);
        let end = cal.add_working_minutes(start, 1);
        assert_eq!(end, datetime!(2026-12-07 13:30:30 +7));
        assert_eq!(cal.working_minutes_between(start, end), 1);
    }

    #[test]
    fn add_working_minutes_walks_periods_and_zero_changes_nothing() {
        let cal = demo();
        assert_eq!(
            cal.add_working_minutes(datetime!(2026-12-07 11:00 +7), 60),
            datetime!(2026-12-07 14:00 +7)
        );
        // Zero minutes leave a moment at a period end where it is.
        assert_eq!(
            cal.add_working_minutes(datetime!(2026-12-11 17:00 +7), 0),
            datetime!(2026-12-11 17:00 +7)
        );
        // From a period end, the next minute is taken from the next working period.
        assert_eq!(
            cal.add_working_minutes(datetime!(2026-12-11 17:00 +7), 60),
            datetime!(2026-12-14 08:00 +7)
        );
    }

    // --- Pauses ------------------------------------------------------------------------------

    #[test]
    fn pause_over_a_weekend_counts_only_working_minutes() {
        // Friday 16:00–17:00 and Monday 07:00–08:00.
        assert_eq!(
            demo().working_minutes_between(
                datetime!(2026-12-11 16:00 +7),
                datetime!(2026-12-14 08:00 +7)
            ),
            120
        );
    }

    #[test]
    fn working_minutes_between_handles_lunch_holidays_and_reversed_moments() {
        let cal = demo();
        assert_eq!(
            cal.working_minutes_between(
                datetime!(2026-12-07 11:00 +7),
                datetime!(2026-12-07 14:00 +7)
            ),
            60
        );
        // Wednesday 29/04 16:00 to Monday 04/05 08:00, over two holidays and a weekend.
        assert_eq!(
            cal.working_minutes_between(
                datetime!(2026-04-29 16:00 +7),
                datetime!(2026-05-04 08:00 +7)
            ),
            120
        );
        assert_eq!(
            cal.working_minutes_between(
                datetime!(2026-12-07 14:00 +7),
                datetime!(2026-12-07 11:00 +7)
            ),
            0
        );
        // Moments given in another offset are the same instants.
        assert_eq!(
            cal.working_minutes_between(
                datetime!(2026-12-07 00:00 UTC),
                datetime!(2026-12-07 01:00 UTC)
            ),
            60
        );
    }

    #[test]
    fn add_pause_pushes_the_due_moment_and_records_it() {
        let cal = demo();
        let mut walk = cal.due(datetime!(2026-12-07 10:00 +7), &wd(3.0));
        assert_eq!(walk.due, datetime!(2026-12-10 10:00 +7));
        walk.add_pause(
            &cal,
            datetime!(2026-12-08 16:00 +7),
            datetime!(2026-12-09 08:00 +7),
        );
        // 10:00 + 120 working minutes: 90 until 11:30, 30 after lunch.
        assert_eq!(walk.due, datetime!(2026-12-10 14:00 +7));
        assert_eq!(
            walk.steps.last(),
            Some(&WalkStep::Paused {
                from: datetime!(2026-12-08 16:00 +7),
                to: datetime!(2026-12-09 08:00 +7),
                minutes: 120,
            })
        );
        // A pause over the weekend only is recorded but moves nothing.
        let before = walk.due;
        walk.add_pause(
            &cal,
            datetime!(2026-12-12 09:00 +7),
            datetime!(2026-12-13 09:00 +7),
        );
        assert_eq!(walk.due, before);
    }

    // --- Calendar days -----------------------------------------------------------------------

    #[test]
    fn calendar_days_due_at_1700_on_a_working_target_date() {
        let walk = demo().due(datetime!(2026-12-07 10:00 +7), &days(3.0));
        assert_eq!(walk.due, datetime!(2026-12-10 17:00 +7));
        assert_eq!(walk.counting_from, walk.start);
        assert_eq!(
            walk.steps,
            vec![WalkStep::CalendarTarget {
                target: date!(2026 - 12 - 10),
                used: date!(2026 - 12 - 10),
            }]
        );
    }

    #[test]
    fn calendar_days_landing_on_a_weekend_move_to_monday() {
        // Monday 07/12 + 5 days = Saturday 12/12 → Monday 14/12.
        assert_eq!(
            due(datetime!(2026-12-07 10:00 +7), days(5.0)),
            datetime!(2026-12-14 17:00 +7)
        );
    }

    #[test]
    fn calendar_days_landing_on_a_holiday_move_to_the_next_working_day() {
        // Monday 20/04 + 10 days = Thursday 30/04 (holiday), Friday 01/05 (holiday), then
        // the weekend: Monday 04/05.
        let walk = demo().due(datetime!(2026-04-20 09:00 +7), &days(10.0));
        assert_eq!(walk.due, datetime!(2026-05-04 17:00 +7));
        assert_eq!(
            walk.steps[0],
            WalkStep::CalendarTarget {
                target: date!(2026 - 04 - 30),
                used: date!(2026 - 05 - 04),
            }
        );
        assert_eq!(walk.steps.len(), 5, "{:?}", walk.steps);
    }

    #[test]
    fn calendar_days_landing_on_a_make_up_saturday_stay_there() {
        // Wednesday 06/05 + 3 days = Saturday 09/05, a make-up working day.
        assert_eq!(
            due(datetime!(2026-05-06 09:00 +7), days(3.0)),
            datetime!(2026-05-09 17:00 +7)
        );
    }

    #[test]
    fn calendar_days_count_from_the_local_acceptance_date_and_round_up() {
        // 18:00 UTC on 06/12 is 01:00 on Monday 07/12 in Hà Nội.
        assert_eq!(
            due(datetime!(2026-12-06 18:00 UTC), days(1.0)),
            datetime!(2026-12-08 17:00 +7)
        );
        // 2.5 days count as 3.
        assert_eq!(
            due(datetime!(2026-12-07 10:00 +7), days(2.5)),
            datetime!(2026-12-10 17:00 +7)
        );
    }

    #[test]
    fn custom_periods_are_validated_and_used() {
        let p = |a: Time, b: Time| WorkingPeriod { start: a, end: b };
        assert!(WorkingCalendar::with_periods(vec![], []).is_err());
        assert!(WorkingCalendar::with_periods(vec![p(time!(9:00), time!(8:00))], []).is_err());
        assert!(
            WorkingCalendar::with_periods(
                vec![p(time!(8:00), time!(12:00)), p(time!(11:00), time!(17:00))],
                []
            )
            .is_err()
        );
        assert!(
            WorkingCalendar::with_periods(
                vec![p(time!(13:00), time!(17:00)), p(time!(8:00), time!(12:00))],
                []
            )
            .is_err()
        );
        let cal = WorkingCalendar::with_periods(
            vec![p(time!(8:00), time!(12:00)), p(time!(13:00), time!(16:30))],
            [],
        )
        .expect("valid periods");
        assert_eq!(cal.day_end(), time!(16:30));
        assert_eq!(
            cal.due(datetime!(2026-12-07 10:00 +7), &days(1.0)).due,
            datetime!(2026-12-08 16:30 +7)
        );
        assert_eq!(
            cal.add_working_minutes(datetime!(2026-12-07 11:00 +7), 120),
            datetime!(2026-12-07 14:00 +7)
        );
    }

    #[test]
    fn working_day_rules_and_day_names() {
        let cal = demo();
        assert!(cal.is_working_day(date!(2026 - 12 - 07)));
        assert!(!cal.is_working_day(date!(2026 - 12 - 12)));
        assert!(!cal.is_working_day(date!(2026 - 12 - 13)));
        assert!(!cal.is_working_day(date!(2026 - 04 - 30)));
        assert!(cal.is_working_day(date!(2026 - 05 - 09)));
        assert_eq!(
            cal.day_name(date!(2026 - 05 - 01)),
            Some("Quốc tế Lao động")
        );
        assert_eq!(cal.day_name(date!(2026 - 05 - 09)), Some("Làm bù"));
        assert_eq!(cal.day_name(date!(2026 - 12 - 07)), None);
        assert_eq!(cal.days().count(), 5);
    }

    // --- Result classes --------------------------------------------------------------------

    #[test]
    fn result_class_compares_local_dates() {
        let due = datetime!(2026-12-10 10:00 +7);
        assert_eq!(
            result_class(datetime!(2026-12-09 16:00 +7), due),
            ResultClass::Early
        );
        // Later than the due moment but on the same date is still on time.
        assert_eq!(
            result_class(datetime!(2026-12-10 16:00 +7), due),
            ResultClass::OnTime
        );
        assert_eq!(
            result_class(datetime!(2026-12-11 08:00 +7), due),
            ResultClass::Late
        );
        // 23:30 UTC on 09/12 is 06:30 on 10/12 in Hà Nội: on time, not early.
        assert_eq!(
            result_class(datetime!(2026-12-09 23:30 UTC), due),
            ResultClass::OnTime
        );
        // 23:30 UTC on 10/12 is 11/12 locally: late.
        assert_eq!(
            result_class(datetime!(2026-12-10 23:30 UTC), due),
            ResultClass::Late
        );
    }

    #[test]
    fn overdue_once_the_due_moment_has_passed() {
        let due = datetime!(2026-12-10 17:00 +7);
        assert!(!is_overdue(datetime!(2026-12-10 16:59 +7), due));
        assert!(!is_overdue(due, due));
        assert!(is_overdue(datetime!(2026-12-10 17:01 +7), due));
        assert!(is_overdue(datetime!(2026-12-10 10:01 UTC), due));
    }

    // --- Explanations ------------------------------------------------------------------------

    #[test]
    fn walk_lines_explain_an_after_hours_start_and_a_weekend() {
        let walk = demo().due(datetime!(2026-12-04 17:30 +7), &wd(1.5));
        assert_eq!(
            walk_lines(&walk),
            vec![
                "Tiếp nhận: 04/12/2026 17:30 (ngoài giờ làm việc)",
                "Bỏ qua 05/12/2026: thứ Bảy",
                "Bỏ qua 06/12/2026: Chủ nhật",
                "Bắt đầu tính: 07/12/2026 07:00",
                "Tính 07/12/2026: 8 giờ làm việc",
                "Tính 08/12/2026: 4 giờ làm việc",
                "Hạn giải quyết: 08/12/2026 11:00",
            ]
        );
    }

    #[test]
    fn walk_lines_explain_holidays_and_pauses() {
        let cal = demo();
        let mut walk = cal.due(datetime!(2027-04-29 13:30 +7), &wh(5.5));
        walk.add_pause(
            &cal,
            datetime!(2027-05-03 08:00 +7),
            datetime!(2027-05-03 08:45 +7),
        );
        assert_eq!(
            walk_lines(&walk),
            vec![
                "Tiếp nhận: 29/04/2027 13:30",
                "Bắt đầu tính: 29/04/2027 13:30",
                "Tính 29/04/2027: 3 giờ 30 phút làm việc",
                "Bỏ qua 30/04/2027: ngày nghỉ lễ — Ngày Chiến thắng",
                "Bỏ qua 01/05/2027: thứ Bảy",
                "Bỏ qua 02/05/2027: Chủ nhật",
                "Tính 03/05/2027: 2 giờ làm việc",
                "Tạm dừng 03/05/2027 08:00 – 03/05/2027 08:45: cộng thêm 45 phút làm việc",
                "Hạn giải quyết: 03/05/2027 09:45",
            ]
        );
    }

    #[test]
    fn walk_lines_explain_calendar_days() {
        let walk = demo().due(datetime!(2026-04-20 09:00 +7), &days(10.0));
        assert_eq!(
            walk_lines(&walk),
            vec![
                "Tiếp nhận: 20/04/2026 09:00",
                "Bắt đầu tính: 20/04/2026 09:00",
                "10 ngày lịch kể từ ngày tiếp nhận: 30/04/2026 — không phải ngày làm việc, chuyển sang 04/05/2026",
                "Bỏ qua 30/04/2026: ngày nghỉ lễ — Ngày Giải phóng miền Nam",
                "Bỏ qua 01/05/2026: ngày nghỉ lễ — Quốc tế Lao động",
                "Bỏ qua 02/05/2026: thứ Bảy",
                "Bỏ qua 03/05/2026: Chủ nhật",
                "Hạn giải quyết: 04/05/2026 17:00",
            ]
        );
    }

    #[test]
    fn walk_and_calendar_days_round_trip_through_json() {
        let cal = demo();
        let mut walk = cal.due(datetime!(2026-04-29 17:45 +7), &wd(2.0));
        walk.add_pause(
            &cal,
            datetime!(2026-05-04 08:00 +7),
            datetime!(2026-05-04 09:00 +7),
        );
        let json = serde_json::to_string(&walk).expect("serialises");
        assert!(
            json.contains(r#""kind":"skipped","date":"2026-04-30""#),
            "{json}"
        );
        assert!(
            json.contains(r#""reason":{"holiday":"Quốc tế Lao động"}"#),
            "{json}"
        );
        assert!(
            json.contains(r#""due":"2026-05-06T08:00:00+07:00""#),
            "{json}"
        );
        let back: DueWalk = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, walk);

        let day = CalendarDay {
            date: date!(2026 - 05 - 09),
            kind: DayKind::Workday,
            name: "Làm bù".to_string(),
        };
        let json = serde_json::to_string(&day).expect("serialises");
        assert_eq!(
            json,
            r#"{"date":"2026-05-09","kind":"workday","name":"Làm bù"}"#
        );
        assert_eq!(serde_json::from_str::<CalendarDay>(&json).ok(), Some(day));
        assert_eq!(
            serde_json::to_string(&ResultClass::OnTime).ok().as_deref(),
            Some(r#""on_time""#)
        );
    }

    // --- Properties --------------------------------------------------------------------------

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Any moment of 2026–2027, to the second, at +07:00.
        fn moment() -> impl Strategy<Value = OffsetDateTime> {
            (0i64..730, 0i64..86_400).prop_map(|(day, second)| {
                datetime!(2026-01-01 00:00 +7)
                    + time::Duration::days(day)
                    + time::Duration::seconds(second)
            })
        }

        /// Whether `t` lies in a working period of a working day, after its start and at or
        /// before its end: the only places a positive amount of work can run out.
        fn ends_in_a_period(cal: &WorkingCalendar, t: OffsetDateTime) -> bool {
            let local = to_local(t);
            cal.is_working_day(local.date())
                && cal
                    .periods()
                    .iter()
                    .any(|p| p.start < local.time() && local.time() <= p.end)
        }

        proptest! {
            #[test]
            fn due_of_working_hours_ends_inside_or_at_the_end_of_a_period(
                start in moment(),
                hours in 0.0f64..1_600.0,
            ) {
                let cal = demo();
                let walk = cal.due(start, &wh(hours));
                prop_assert!(walk.due >= start);
                if step_minutes(hours) == 0 {
                    prop_assert_eq!(walk.due, cal.clock_start(start));
                } else {
                    prop_assert!(ends_in_a_period(&cal, walk.due), "{:?}", walk.due);
                }
            }

            #[test]
            fn adding_a_then_b_minutes_equals_adding_a_plus_b(
                start in moment(),
                a in 0i64..20_000,
                b in 0i64..20_000,
            ) {
                let cal = demo();
                prop_assert_eq!(
                    cal.add_working_minutes(cal.add_working_minutes(start, a), b),
                    cal.add_working_minutes(start, a + b)
                );
            }

            #[test]
            fn minutes_between_measure_what_was_added(start in moment(), m in 0i64..50_000) {
                let cal = demo();
                let end = cal.add_working_minutes(cal.clock_start(start), m);
                prop_assert_eq!(cal.working_minutes_between(start, end), m);
            }

            #[test]
            fn worked_steps_add_up_to_the_duration(start in moment(), m in 0i64..50_000) {
                let cal = demo();
                let walk = cal.due(start, &wh(m as f64 / 60.0));
                let worked: i64 = walk
                    .steps
                    .iter()
                    .map(|s| match s {
                        WalkStep::Worked { minutes, .. } => *minutes,
                        _ => 0,
                    })
                    .sum();
                prop_assert_eq!(worked, m);
            }
        }
    }
}
