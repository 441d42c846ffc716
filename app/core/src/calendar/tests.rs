//! The calendar changes, against a real store.

use std::sync::Arc;

use motcua_domain::calendar::{DayKind, WorkingCalendar};
use motcua_store::testing::TestDatabase;
use time::macros::{date, datetime};

use super::*;
use motcua_store::prelude::*;

/// 01:00 on 1 January 2027 in Hà Nội, while UTC is still in 2026.
const NOW: time::OffsetDateTime = datetime!(2026-12-31 18:00 UTC);

fn origin() -> &'static crate::audit::Origin {
    crate::audit::test_origin()
}

/// An admin as the trail records one; the calendar's use cases trust the caller's check.
fn admin() -> motcua_store::Account {
    motcua_store::Account {
        id: 1,
        kind: motcua_store::AccountKind::Staff,
        login: "quantri".into(),
        full_name: "Quản trị".into(),
        phone: None,
        email: None,
        agency_code: None,
        roles: vec![motcua_domain::workflow::StaffRole::Admin],
        active: true,
    }
}

fn post<'a>(date: &'a str, kind: &'a str, name: &'a str) -> DayPost<'a> {
    DayPost { date, kind, name }
}

#[test]
fn a_day_needs_a_real_date_of_this_or_next_year_a_kind_and_a_name() {
    let d = post("2026-09-02", "holiday", " Quốc khánh ")
        .parse(2026)
        .unwrap();
    assert_eq!(d.date, date!(2026 - 09 - 02));
    assert_eq!(d.kind, DayKind::Holiday);
    assert_eq!(d.name, "Quốc khánh");
    assert!(post("02/01/2027", "workday", "Làm bù").parse(2026).is_ok());
    assert_eq!(
        post("2026-02-30", "holiday", "x").parse(2026).unwrap_err(),
        vec![DayProblem::DateInvalid]
    );
    assert_eq!(
        post("2030-01-01", "holiday", "x").parse(2026).unwrap_err(),
        vec![DayProblem::DateOutOfRange]
    );
    assert_eq!(
        post("2026-01-01", "holiday", &"x".repeat(101))
            .parse(2026)
            .unwrap_err(),
        vec![DayProblem::NameTooLong]
    );
    let all = post("", "", "").parse(2026).unwrap_err();
    assert_eq!(
        all,
        vec![
            DayProblem::DateInvalid,
            DayProblem::KindRequired,
            DayProblem::NameRequired
        ]
    );
    let shown: Vec<_> = all.iter().map(|p| (p.field(), p.key())).collect();
    assert_eq!(
        shown,
        [
            ("ngay", "date_invalid"),
            ("loai", "kind_required"),
            ("ten", "required")
        ]
    );
}

#[tokio::test]
async fn a_saved_day_replaces_its_dates_entry_and_a_deleted_one_is_gone() {
    let db = TestDatabase::new().await;
    let store = db.open().await;
    // The year is Vietnam's: 2027 and 2028 are accepted, 2026 no longer.
    let refused = save_day(
        &store,
        &admin(),
        &post("2026-12-31", "holiday", "Cuối năm"),
        origin(),
        NOW,
    )
    .await;
    assert!(matches!(
        refused,
        Err(SaveDayError::Invalid(p)) if p == [DayProblem::DateOutOfRange]
    ));
    let saved = save_day(
        &store,
        &admin(),
        &post("2027-04-30", "holiday", "Giải phóng"),
        origin(),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(saved.date, date!(2027 - 04 - 30));
    save_day(
        &store,
        &admin(),
        &post("30/04/2027", "workday", "Làm bù"),
        origin(),
        NOW,
    )
    .await
    .unwrap();
    let days = store.calendar_days().await.unwrap();
    assert_eq!(days.len(), 1);
    assert_eq!(
        (days[0].kind, days[0].name.as_str()),
        (DayKind::Workday, "Làm bù")
    );

    assert!(matches!(
        delete_day(&store, &admin(), "30/04/2027", origin(), NOW).await,
        Err(DeleteDayError::DateInvalid)
    ));
    assert_eq!(
        delete_day(&store, &admin(), "2027-04-30", origin(), NOW)
            .await
            .unwrap(),
        date!(2027 - 04 - 30)
    );
    assert!(store.calendar_days().await.unwrap().is_empty());
    // Again: nothing to delete, the same answer.
    assert!(
        delete_day(&store, &admin(), "2027-04-30", origin(), NOW)
            .await
            .is_ok()
    );
}

fn row(line: usize, date: &str, kind: &str, name: &str) -> CalendarRow {
    CalendarRow {
        line,
        date: date.into(),
        kind: kind.into(),
        name: name.into(),
    }
}

#[tokio::test]
async fn an_import_applies_every_row_or_none_and_names_the_bad_line() {
    let db = TestDatabase::new().await;
    let store = db.open().await;
    let bad = vec![
        row(2, "2026-04-30", "holiday", "Ngày Giải phóng"),
        row(3, "2026-05-01", "nghi", "Quốc tế Lao động"),
    ];
    let refused = import(&store, bad, origin(), NOW).await.unwrap_err();
    assert_eq!(
        refused.to_string(),
        r#"line 3: kind "nghi" must be holiday or workday"#
    );
    assert!(store.calendar_days().await.unwrap().is_empty());
    let twice = vec![
        row(2, "2026-04-30", "holiday", "a"),
        row(3, " 2026-04-30 ", "workday", "b"),
    ];
    assert!(matches!(
        import(&store, twice, origin(), NOW).await,
        Err(ImportError::Row {
            line: 3,
            problem: RowProblem::Twice(_)
        })
    ));
    assert!(matches!(
        import(
            &store,
            vec![row(2, "30/04/2026", "holiday", "a")],
            origin(),
            NOW
        )
        .await,
        Err(ImportError::Row {
            line: 2,
            problem: RowProblem::Date(_)
        })
    ));

    let good = vec![
        row(2, "2026-04-30", "holiday", " Ngày Giải phóng "),
        row(3, "2026-05-09", " workday ", "Làm bù, thứ Bảy"),
    ];
    assert_eq!(import(&store, good, origin(), NOW).await.unwrap(), 2);
    let days = store.calendar_days().await.unwrap();
    assert_eq!(days[0].name, "Ngày Giải phóng");
    assert_eq!(days[1].kind, DayKind::Workday);
}

/// Two servers of one deployment: each holds its own calendar over its own connection to the
/// one database. A change through the core on one is seen on the other at its next request,
/// by the version the change raised, and an unchanged version keeps the calendar held.
#[tokio::test]
async fn a_change_through_one_server_is_seen_by_the_calendar_another_server_holds() {
    let db = TestDatabase::new().await;
    let (here, there) = (db.open().await, db.open().await);
    let periods = || WorkingCalendar::new([]).periods().to_vec();
    let (here_cache, there_cache) = (CalendarCache::new(periods()), CalendarCache::new(periods()));
    let friday = date!(2027 - 04 - 30);
    let held = there_cache.current(&there).await.unwrap();
    assert!(held.is_working_day(friday));
    here_cache.current(&here).await.unwrap();
    assert!(
        Arc::ptr_eq(&held, &there_cache.current(&there).await.unwrap()),
        "nothing changed: the calendar held is not read again"
    );

    save_day(
        &here,
        &admin(),
        &post("2027-04-30", "holiday", "Giải phóng"),
        origin(),
        NOW,
    )
    .await
    .unwrap();
    let after_save = there_cache.current(&there).await.unwrap();
    assert_eq!(after_save.day_name(friday), Some("Giải phóng"));

    delete_day(&here, &admin(), "2027-04-30", origin(), NOW)
        .await
        .unwrap();
    assert!(
        there_cache
            .current(&there)
            .await
            .unwrap()
            .is_working_day(friday)
    );
    // Deleting a date without an entry changes nothing, and raises nothing.
    let held = there_cache.current(&there).await.unwrap();
    delete_day(&here, &admin(), "2027-04-30", origin(), NOW)
        .await
        .unwrap();
    assert!(Arc::ptr_eq(
        &held,
        &there_cache.current(&there).await.unwrap()
    ));

    import(
        &here,
        vec![row(2, "2027-05-01", "holiday", "Lao động")],
        origin(),
        NOW,
    )
    .await
    .unwrap();
    let after_import = there_cache.current(&there).await.unwrap();
    assert!(!after_import.is_working_day(date!(2027 - 05 - 01)));
    // The server that made the changes sees them too: nothing of it was told either.
    let here_now = here_cache.current(&here).await.unwrap();
    assert!(!here_now.is_working_day(date!(2027 - 05 - 01)));
}
