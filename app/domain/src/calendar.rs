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
mod tests;
