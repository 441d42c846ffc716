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
