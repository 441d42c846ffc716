//! Reference data: units, agencies and their receivers, procedure versions, the calendar.

use crate::{AGENCY, NOW, PROC, import, open, parts, procedure_json, seeded, unit};
use motcua_domain::calendar::{CalendarDay, DayKind};
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use motcua_store::{Agency, ImportOutcome, StoreError};
use serde_json::json;
use time::macros::date;

#[tokio::test]
async fn units_upsert_and_validate_parents() {
    let dir = TestDatabase::new().await;
    let store = open(&dir).await;
    // A commune may come before its province in the same list.
    let n = store
        .import_units(&[
            unit("00004", "Phường Ba Đình", "commune", Some("01")),
            unit("01", "Thành phố Hà Nội", "province", None),
            unit("79", "Thành phố Hồ Chí Minh", "province", None),
            unit("00001", "Phường Hoàn Kiếm", "commune", Some("01")),
        ])
        .await
        .unwrap();
    assert_eq!(n, 4);
    let codes: Vec<_> = store
        .provinces()
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.code)
        .collect();
    assert_eq!(codes, ["01", "79"]);
    let communes: Vec<_> = store
        .communes_of("01")
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.code)
        .collect();
    assert_eq!(communes, ["00001", "00004"]);
    assert!(store.communes_of("79").await.unwrap().is_empty());

    // Upsert by code.
    store
        .import_units(&[unit("01", "Hà Nội", "province", None)])
        .await
        .unwrap();
    assert_eq!(store.unit("01").await.unwrap().unwrap().name, "Hà Nội");
    assert_eq!(store.unit("99").await.unwrap(), None);

    // An unknown parent rejects the whole list.
    let err = store
        .import_units(&[
            unit("00007", "Phường Mới", "commune", Some("01")),
            unit("00008", "Xã Lạc", "commune", Some("42")),
        ])
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(ref m) if m.contains("00008")),
        "{err}"
    );
    assert_eq!(store.unit("00007").await.unwrap(), None);
    // A commune whose parent is a commune is refused too.
    let err = store
        .import_units(&[unit("00009", "X", "commune", Some("00004"))])
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)));
    assert!(matches!(
        store
            .import_units(&[unit("02", "X", "district", None)])
            .await,
        Err(StoreError::Invalid(_))
    ));
}

#[tokio::test]
async fn agencies_and_receivers() {
    let dir = TestDatabase::new().await;
    let (store, _) = seeded(&dir).await;
    let other = Agency {
        code: "000.00.07.H56".parse().unwrap(),
        name: "UBND phường Hoàn Kiếm".into(),
        level: "commune".into(),
        unit_code: None,
    };
    store.upsert_agency(&other).await.unwrap();
    assert_eq!(store.agencies().await.unwrap().len(), 2);
    assert_eq!(
        store.agency(&other.code).await.unwrap(),
        Some(other.clone())
    );
    let renamed = Agency {
        name: "UBND phường Hoàn Kiếm (mới)".into(),
        ..other.clone()
    };
    store.upsert_agency(&renamed).await.unwrap();
    assert_eq!(store.agency(&other.code).await.unwrap(), Some(renamed));

    let bad = Agency {
        unit_code: Some("nowhere".into()),
        ..other.clone()
    };
    assert!(matches!(
        store.upsert_agency(&bad).await,
        Err(StoreError::Invalid(_))
    ));

    store
        .set_receivers(PROC, &[other.code.clone(), AGENCY.parse().unwrap()])
        .await
        .unwrap();
    let codes: Vec<_> = store
        .receivers(PROC)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.code)
        .collect();
    assert_eq!(codes, [AGENCY, "000.00.07.H56"]);
    // Replaces, not adds.
    store
        .set_receivers(PROC, std::slice::from_ref(&other.code))
        .await
        .unwrap();
    assert_eq!(store.receivers(PROC).await.unwrap().len(), 1);
    // Unknown agency: error and nothing changed.
    assert!(matches!(
        store
            .set_receivers(PROC, &["999.99.99.H99".parse().unwrap()])
            .await,
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(store.receivers(PROC).await.unwrap().len(), 1);
    assert!(store.receivers("other").await.unwrap().is_empty());
}

#[tokio::test]
async fn procedure_import_is_idempotent_and_versions_supersede() {
    let dir = TestDatabase::new().await;
    let store = open(&dir).await;
    assert_eq!(
        import(&store, "2025-07-01", "Đăng ký kết hôn").await,
        ImportOutcome::Inserted
    );
    assert_eq!(
        import(&store, "2025-07-01", "Đăng ký kết hôn").await,
        ImportOutcome::Unchanged
    );

    let (changed, json) = parts(&procedure_json("2025-07-01", "Đăng ký kết hôn (sửa)"));
    assert!(matches!(
        store.import_procedure(&changed, &json, NOW).await,
        Err(StoreError::Conflict(_))
    ));
    // The JSON must describe the procedure given.
    let (p, _) = parts(&procedure_json("2025-07-01", "Đăng ký kết hôn"));
    assert!(matches!(
        store.import_procedure(&p, &json, NOW).await,
        Err(StoreError::Invalid(_))
    ));
    // The version must be a real date.
    let (bad, json) = parts(&procedure_json("2025-7-1", "Đăng ký kết hôn"));
    assert!(matches!(
        store.import_procedure(&bad, &json, NOW).await,
        Err(StoreError::Invalid(_))
    ));

    // Nothing in effect before the first version.
    assert_eq!(
        store
            .current_procedure(PROC, date!(2025 - 06 - 30))
            .await
            .unwrap(),
        None
    );
    let old = store
        .current_procedure(PROC, date!(2025 - 07 - 01))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(old.procedure.version, "2025-07-01");

    assert_eq!(
        import(&store, "2026-01-01", "Đăng ký kết hôn 2026").await,
        ImportOutcome::Inserted
    );
    let still_old = store
        .current_procedure(PROC, date!(2025 - 12 - 31))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(still_old.id, old.id);
    let new = store
        .current_procedure(PROC, date!(2026 - 01 - 01))
        .await
        .unwrap()
        .unwrap();
    assert_ne!(new.id, old.id);
    assert_eq!(new.procedure.name.vi(), "Đăng ký kết hôn 2026");
    // The old version stays readable by id (dossiers filed under it keep their rules).
    let by_id = store.procedure_version(old.id).await.unwrap().unwrap();
    assert_eq!(by_id, old);
    assert_eq!(store.procedure_version(9999).await.unwrap(), None);

    // Catalogue: one per code.
    let mut other = procedure_json("2025-01-01", "Thủ tục khác");
    other["code"] = json!("2.000001.000.00.00.H56");
    let (p, json) = parts(&other);
    store.import_procedure(&p, &json, NOW).await.unwrap();
    let catalogue = store
        .current_procedures(date!(2026 - 02 - 01))
        .await
        .unwrap();
    let listed: Vec<_> = catalogue
        .iter()
        .map(|s| (s.procedure.code.as_str(), s.id))
        .collect();
    assert_eq!(
        listed,
        [(PROC, new.id), ("2.000001.000.00.00.H56", listed[1].1)]
    );
    let early = store
        .current_procedures(date!(2025 - 03 - 01))
        .await
        .unwrap();
    assert_eq!(early.len(), 1);
    assert_eq!(early[0].procedure.code, "2.000001.000.00.00.H56");
}

#[tokio::test]
async fn calendar_rows_are_replaced_by_date_and_kept_otherwise() {
    let dir = TestDatabase::new().await;
    let store = open(&dir).await;
    let day = |d: time::Date, kind, name: &str| CalendarDay {
        date: d,
        kind,
        name: name.into(),
    };
    store
        .import_calendar(&[
            day(date!(2026 - 04 - 30), DayKind::Holiday, "Giải phóng"),
            day(date!(2026 - 05 - 09), DayKind::Workday, "Làm bù"),
        ])
        .await
        .unwrap();
    store
        .import_calendar(&[day(date!(2026 - 05 - 09), DayKind::Holiday, "Đổi")])
        .await
        .unwrap();
    let days = store.calendar_days().await.unwrap();
    assert_eq!(days.len(), 2);
    assert_eq!(days[1], day(date!(2026 - 05 - 09), DayKind::Holiday, "Đổi"));
    assert!(
        store
            .delete_calendar_day(date!(2026 - 04 - 30))
            .await
            .unwrap()
    );
    assert_eq!(store.calendar_days().await.unwrap().len(), 1);
}

#[tokio::test]
async fn reference_units_apply_once_per_version() {
    let dir = TestDatabase::new().await;
    let store = open(&dir).await;
    let list = [
        unit("01", "Thành phố Hà Nội", "province", None),
        unit("00004", "Phường Ba Đình", "commune", Some("01")),
    ];
    assert!(
        store
            .import_reference_units("admin_units", "v1", &list, &[], NOW)
            .await
            .unwrap()
    );
    // An administrator's own import: a renamed unit and one the list does not have.
    store
        .import_units(&[
            unit("00004", "Phường Ba Đình (sửa)", "commune", Some("01")),
            unit("00099", "Xã Mới", "commune", Some("01")),
        ])
        .await
        .unwrap();
    // The same version again changes nothing.
    assert!(
        !store
            .import_reference_units("admin_units", "v1", &list, &[], NOW)
            .await
            .unwrap()
    );
    assert_eq!(
        store.unit("00004").await.unwrap().unwrap().name,
        "Phường Ba Đình (sửa)"
    );
    // A new version applies over it, keeps what it does not name, and removes the codes it
    // retires unless an agency serves that unit.
    store
        .import_units(&[unit("00098", "Xã Cũ", "commune", Some("01"))])
        .await
        .unwrap();
    store
        .upsert_agency(&Agency {
            code: "000.50.99.H01".parse().unwrap(),
            name: "UBND xã Cũ".into(),
            level: "commune".into(),
            unit_code: Some("00099".into()),
        })
        .await
        .unwrap();
    assert!(
        store
            .import_reference_units("admin_units", "v2", &list, &["00098", "00099"], NOW)
            .await
            .unwrap()
    );
    assert_eq!(store.unit("00098").await.unwrap(), None, "retired");
    assert_eq!(
        store.unit("00004").await.unwrap().unwrap().name,
        "Phường Ba Đình"
    );
    assert!(store.unit("00099").await.unwrap().is_some());
    // A bad list is refused whole, and its version is not recorded.
    let bad = [unit("00005", "X", "commune", Some("77"))];
    assert!(
        store
            .import_reference_units("admin_units", "v3", &bad, &[], NOW)
            .await
            .is_err()
    );
    assert!(
        store
            .import_reference_units("admin_units", "v3", &list, &[], NOW)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn an_agency_lists_the_procedures_it_receives_in_one_read() {
    let dir = TestDatabase::new().await;
    let (store, id) = seeded(&dir).await;
    let today = date!(2025 - 11 - 22);
    let received = store
        .procedures_received_by(&AGENCY.parse().unwrap(), today)
        .await
        .unwrap();
    assert_eq!(received.iter().map(|p| p.id).collect::<Vec<_>>(), [id]);
    assert!(
        store
            .procedures_received_by(&"000.99.99.H56".parse().unwrap(), today)
            .await
            .unwrap()
            .is_empty()
    );
    // Not yet in force on a date before its version: nothing current.
    assert!(
        store
            .procedures_received_by(&AGENCY.parse().unwrap(), date!(2025 - 01 - 01))
            .await
            .unwrap()
            .is_empty()
    );
}
