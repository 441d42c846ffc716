//! The audit trail: appended, searched by an agency's admin, read for a dossier, and never
//! changed, even by SQL the application does not have.

use motcua_domain::audit::AuditAction;
use motcua_domain::workflow::StaffRole;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use motcua_store::{AuditActor, AuditEntry, AuditQuery};
use sqlx::Connection;
use time::Duration;

use super::{AGENCY_CODE, NOW, filed, seeded, staff_account};

fn entry(action: AuditAction, actor: &AuditActor, minutes: i64) -> AuditEntry {
    AuditEntry {
        at: NOW + Duration::minutes(minutes),
        action,
        actor: actor.clone(),
        dossier: None,
        object: None,
        detail: String::new(),
        client: Some("203.0.113.7".into()),
        request_id: format!("req-{minutes}"),
    }
}

fn query() -> AuditQuery {
    AuditQuery {
        agency: AGENCY_CODE.clone(),
        dossier: None,
        actor_login: None,
        from: None,
        until: None,
        limit: 100,
    }
}

#[tokio::test]
async fn an_agency_admin_searches_by_dossier_actor_and_moment() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let code = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    let lan = store
        .create_account(&staff_account("lan", vec![StaffRole::Specialist]), NOW)
        .await
        .unwrap();
    let lan = AuditActor {
        account_id: Some(lan),
        agency: Some(AGENCY_CODE.clone()),
        roles: vec![StaffRole::Specialist],
    };
    let citizen = AuditActor::default();
    let viewed = AuditEntry {
        dossier: Some(code.clone()),
        ..entry(AuditAction::DossierViewed, &lan, 1)
    };
    let withdrawn = AuditEntry {
        dossier: Some(code.clone()),
        detail: "withdraw".into(),
        ..entry(AuditAction::Moved, &citizen, 2)
    };
    let signed_in = entry(AuditAction::SignIn, &lan, 3);
    let elsewhere = AuditEntry {
        actor: AuditActor {
            agency: Some("000.00.07.H56".parse().unwrap()),
            ..AuditActor::default()
        },
        ..entry(AuditAction::SignIn, &citizen, 4)
    };
    for e in [&viewed, &withdrawn, &signed_in, &elsewhere] {
        store.append_audit(e).await.unwrap();
    }

    let found = |q: AuditQuery| {
        let store = &store;
        async move {
            let records = store.search_audit(&q).await.unwrap();
            records.into_iter().map(|r| r.entry).collect::<Vec<_>>()
        }
    };
    // The agency's: its staff's acts and what was done to its dossiers, the newest first;
    // another agency's sign-in is not among them.
    assert_eq!(
        found(query()).await,
        [signed_in.clone(), withdrawn.clone(), viewed.clone()]
    );
    let by_dossier = AuditQuery {
        dossier: Some(code.clone()),
        ..query()
    };
    assert_eq!(found(by_dossier).await, [withdrawn.clone(), viewed.clone()]);
    let by_actor = AuditQuery {
        actor_login: Some("lan".into()),
        ..query()
    };
    assert_eq!(found(by_actor).await, [signed_in.clone(), viewed.clone()]);
    let by_moment = AuditQuery {
        from: Some(NOW + Duration::minutes(2)),
        until: Some(NOW + Duration::minutes(3)),
        ..query()
    };
    assert_eq!(found(by_moment).await, std::slice::from_ref(&withdrawn));
    let records = store.search_audit(&query()).await.unwrap();
    assert_eq!(records[0].actor_login.as_deref(), Some("lan"));
    assert_eq!(records[1].actor_login, None);

    assert_eq!(
        store.dossier_audit(&code).await.unwrap(),
        [viewed, withdrawn]
    );
}

#[tokio::test]
async fn the_database_refuses_to_change_or_delete_an_entry() {
    let dir = TestDatabase::new().await;
    let (store, _) = seeded(&dir).await;
    store
        .append_audit(&entry(AuditAction::SignIn, &AuditActor::default(), 0))
        .await
        .unwrap();
    let mut raw = sqlx::AnyConnection::connect(dir.url()).await.unwrap();
    for statement in [
        "UPDATE audit_log SET detail = 'nothing happened'",
        "DELETE FROM audit_log",
    ] {
        let refused = sqlx::query(statement).execute(&mut raw).await;
        let message = refused.expect_err(statement).to_string();
        assert!(message.contains("append-only"), "{statement}: {message}");
    }
    if store.backend() == motcua_store::Backend::Postgres {
        let refused = sqlx::query("TRUNCATE audit_log").execute(&mut raw).await;
        assert!(
            refused
                .expect_err("TRUNCATE")
                .to_string()
                .contains("append-only")
        );
    }
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&mut raw)
        .await
        .unwrap();
    assert_eq!(left, 1, "the entry is still there");
    raw.close().await.unwrap();
}
