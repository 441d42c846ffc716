//! An officer's file download, against a real store.

use motcua_domain::ids::DossierCode;
use motcua_domain::workflow::StaffRole;
use motcua_store::Store;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;

use super::*;
use crate::accounts::setup::{StaffSetup, create};
use crate::filing::tests::{AGENCY, NOW, NoUnits, PROC, completed, seeded};
use crate::filing::{Filing, file};

fn opening(officer: &Account) -> Opening<'_> {
    Opening {
        officer,
        origin: crate::audit::test_origin(),
        now: NOW,
    }
}

/// Another agency than the seeded one.
const OTHER: &str = "000.00.99.H56";

async fn officer(store: &Store, login: &str, agency: &str) -> Account {
    let setup = StaffSetup {
        login,
        full_name: "Cán bộ",
        agency,
        roles: vec![StaffRole::Reception],
        phone: None,
    };
    create(store, &setup, "not-a-hash".into(), NOW)
        .await
        .unwrap();
    store.account_for_sign_in(login).await.unwrap().unwrap().0
}

/// A filed dossier (its one document is a small PDF) and its document's file id.
async fn filed(store: &Store) -> (DossierCode, i64) {
    let token = completed(store).await;
    let mut filing = Filing::open(store, PROC, &token).await.unwrap().unwrap();
    let code = file(store, &NoUnits, &mut filing, None, NOW).await.unwrap();
    let history = store.dossier_document_history(&code).await.unwrap();
    (code, history[0].0.id)
}

#[tokio::test]
async fn staff_of_the_agency_get_the_document_and_nobody_else_learns_it_exists() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    store
        .upsert_agency(&motcua_store::Agency {
            code: OTHER.parse().unwrap(),
            name: "UBND khác".into(),
            level: "commune".into(),
            unit_code: None,
        })
        .await
        .unwrap();
    let ours = officer(&store, "tiepnhan", AGENCY).await;
    let theirs = officer(&store, "tiepnhan.khac", OTHER).await;
    let (code, id) = filed(&store).await;
    let unknown: DossierCode = format!("{AGENCY}-251122-9999").parse().unwrap();

    let served = StaffFile::document(&store, &opening(&ours), &code, id)
        .await
        .unwrap();
    assert!(served.bytes.starts_with(b"%PDF-1.4"));
    assert_eq!(served.content_type, "application/pdf");
    assert_eq!(served.original_name, "to-khai.pdf");
    let trail = store.dossier_audit(&code).await.unwrap();
    let opened: Vec<_> = trail.iter().map(|e| (e.action, e.object.clone())).collect();
    let document = Some(format!("document:{id}"));
    assert_eq!(opened, [(AuditAction::FileViewed, document)]);
    assert_eq!(trail[0].actor.account_id, Some(ours.id));

    for refused in [
        StaffFile::document(&store, &opening(&theirs), &code, id).await,
        StaffFile::document(&store, &opening(&ours), &code, id + 1000).await,
        StaffFile::document(&store, &opening(&ours), &unknown, id).await,
        StaffFile::attachment(&store, &opening(&ours), &code, id).await,
    ] {
        assert!(
            matches!(refused, Err(StaffFileError::NotFound)),
            "{refused:?}"
        );
    }
    let trail = store.dossier_audit(&code).await.unwrap();
    assert_eq!(trail.len(), 1, "a refusal opened nothing: {trail:?}");

    store.close().await;
    let failed = StaffFile::document(&store, &opening(&ours), &code, id).await;
    assert!(
        matches!(failed, Err(StaffFileError::Store(_))),
        "{failed:?}"
    );
}
