//! The process steps and the statutory duration.

use super::*;

#[test]
fn process() {
    missing("/process", "process");
    one("/process", json!([]), "process", "at least one step");
    one(
        "/process/1/id",
        json!("tiep_nhan"),
        "process[1].id",
        "duplicate id \"tiep_nhan\" (already used at process[0].id)",
    );
    one(
        "/process/1/id",
        json!("Tham dinh"),
        "process[1].id",
        "identifier",
    );
    missing("/process/1/title", "process[1].title");
    one(
        "/process/1/role",
        json!("boss"),
        "process[1].role",
        "\"reception\", \"specialist\", \"leader\", \"clerk\"",
    );
    one(
        "/process/1/duration_hours",
        json!(0),
        "process[1].duration_hours",
        "greater than 0",
    );
    one(
        "/process/1/duration_hours",
        json!(-2),
        "process[1].duration_hours",
        "greater than 0",
    );
    missing("/process/1/duration_hours", "process[1].duration_hours");
}

#[test]
fn process_fits_in_the_statutory_duration() {
    one(
        "/process/1/duration_hours",
        json!(14.5),
        "process",
        "the steps take 24.5 working hours in total, more than the statutory duration allows (3 working_days = 24 working hours)",
    );
    one(
        "/duration",
        json!({ "amount": 20, "unit": "working_hours" }),
        "process",
        "20 working_hours = 20 working hours",
    );
    one(
        "/duration",
        json!({ "amount": 2, "unit": "calendar_days" }),
        "process",
        "2 calendar_days = 16 working hours",
    );
    assert!(
        problems(|v| set(
            v,
            "/duration",
            json!({ "amount": 3, "unit": "calendar_days" })
        ))
        .is_empty()
    );
    assert!(
        problems(|v| set(
            v,
            "/duration",
            json!({ "amount": 24, "unit": "working_hours" })
        ))
        .is_empty()
    );
    // Fractions are fine: 3.5 working days are 28 working hours.
    assert!(
        problems(|v| set(
            v,
            "/duration",
            json!({ "amount": 3.5, "unit": "working_days" })
        ))
        .is_empty()
    );
}

#[test]
fn working_hours_of_each_unit() {
    let d = |amount, unit| Duration { amount, unit };
    assert_eq!(working_hours(&d(3.0, DurationUnit::WorkingDays)), 24.0);
    assert_eq!(working_hours(&d(5.0, DurationUnit::WorkingHours)), 5.0);
    assert_eq!(working_hours(&d(15.0, DurationUnit::CalendarDays)), 120.0);
}
