//! The admin's search form and the citizen's view, against a real store.

use motcua_domain::audit::AuditAction;
use motcua_domain::workflow::StaffRole;
use motcua_store::testing::TestDatabase;
use motcua_store::{Account, AccountKind, AuditStore};
use time::macros::datetime;

use super::*;

fn staff(id: i64, roles: Vec<StaffRole>) -> Account {
    Account {
        id,
        kind: AccountKind::Staff,
        login: format!("canbo{id}"),
        full_name: "Cán bộ".into(),
        phone: None,
        email: None,
        agency_code: Some("000.50.01.H56".parse().unwrap()),
        roles,
        active: true,
    }
}

#[tokio::test]
async fn only_an_admin_searches_and_boxes_that_do_not_read_are_named() {
    let db = TestDatabase::new().await;
    let store = db.open().await;
    let admin = staff(1, vec![StaffRole::Admin]);
    let leader = staff(2, vec![StaffRole::Leader]);
    let empty = SearchForm::default();
    assert!(matches!(
        search(&store, &leader, &empty).await,
        Err(SearchError::NotFound)
    ));
    let bad = SearchForm {
        dossier: "HS-1",
        from: "31/02/2026",
        until: "hôm qua",
        ..empty
    };
    let Err(SearchError::Invalid(problems)) = search(&store, &admin, &bad).await else {
        panic!("the bad form was searched");
    };
    let fields: Vec<_> = problems.iter().map(|p| p.field()).collect();
    assert_eq!(fields, ["ma_ho_so", "tu_ngay", "den_ngay"]);
}

#[tokio::test]
async fn a_day_is_searched_from_its_start_to_its_end_in_vietnam() {
    let db = TestDatabase::new().await;
    let store = db.open().await;
    let admin = staff(1, vec![StaffRole::Admin]);
    // 23:30 on 1 December and 00:30 on 2 December, Vietnam time.
    for at in [
        datetime!(2026-12-01 16:30 UTC),
        datetime!(2026-12-01 17:30 UTC),
    ] {
        let act = Act::new(AuditAction::SignIn);
        record(&store, test_origin(), actor(&admin), act, at)
            .await
            .unwrap();
    }
    let day = |d: &'static str| SearchForm {
        from: d,
        until: d,
        ..SearchForm::default()
    };
    let found = search(&store, &admin, &day("02/12/2026")).await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].entry.at, datetime!(2026-12-01 17:30 UTC));
    assert_eq!(found[0].entry.client.as_deref(), Some("203.0.113.7"));
    assert_eq!(found[0].entry.request_id, "test-request");
    assert_eq!(
        search(&store, &admin, &day("01/12/2026"))
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn the_citizen_sees_roles_and_agencies_of_views_and_moves_never_more() {
    let db = TestDatabase::new().await;
    let store = db.open().await;
    let code: motcua_domain::ids::DossierCode = "000.50.01.H56-261201-0001".parse().unwrap();
    let specialist = staff(3, vec![StaffRole::Specialist, StaffRole::Admin]);
    let at = datetime!(2026-12-01 03:00 UTC);
    let viewed = Act::new(AuditAction::DossierViewed).on_dossier(&code);
    let moved = Act::new(AuditAction::Moved)
        .on_dossier(&code)
        .saying("accept");
    let signed_in = Act::new(AuditAction::SignIn).on_dossier(&code);
    for act in [viewed, moved, signed_in] {
        record(&store, test_origin(), actor(&specialist), act, at)
            .await
            .unwrap();
    }
    let seen = for_citizen(&store, &code).await.unwrap();
    let shown: Vec<_> = seen.iter().map(|s| (s.action, s.detail.as_str())).collect();
    assert_eq!(
        shown,
        [
            (AuditAction::DossierViewed, ""),
            (AuditAction::Moved, "accept")
        ]
    );
    assert!(seen.iter().all(|s| s.roles == [StaffRole::Specialist]));
    assert_eq!(store.dossier_audit(&code).await.unwrap().len(), 3);
}
