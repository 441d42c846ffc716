//! Accounts, sessions and their timeouts, and the miss counters that slow down guessing.

use crate::{NOW, open, seeded, staff_account};
use motcua_domain::workflow::StaffRole;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use motcua_store::{AccountKind, StoreError};
use time::Duration;

#[tokio::test]
async fn accounts_sessions_and_their_timeouts() {
    let dir = TestDatabase::new().await;
    let (store, _) = seeded(&dir).await;
    let id = store
        .create_account(
            &staff_account("lan", vec![StaffRole::Admin, StaffRole::Reception]),
            NOW,
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .create_account(&staff_account("lan", vec![]), NOW)
            .await,
        Err(StoreError::Conflict(_))
    ));
    let mut citizen = staff_account("0912345678", vec![]);
    citizen.kind = AccountKind::Citizen;
    assert!(
        store.create_account(&citizen, NOW).await.is_err(),
        "a citizen belongs to no agency"
    );
    let (account, hash) = store.account_for_sign_in("lan").await.unwrap().unwrap();
    assert_eq!(account.roles, vec![StaffRole::Reception, StaffRole::Admin]);
    assert_eq!(hash, "$argon2id$placeholder");

    let idle = Duration::minutes(30);
    let absolute = Duration::hours(12);
    let sid = store.create_session(id, NOW).await.unwrap();
    assert_eq!(sid.len(), 64);
    let at = |m: i64| NOW + Duration::minutes(m);
    assert!(
        store
            .session_account(&sid, at(10), idle, absolute)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .session_account("nope", at(10), idle, absolute)
            .await
            .unwrap()
            .is_none()
    );
    // Idle timeout: 31 minutes after the last request (the 10th minute refreshed nothing:
    // refreshes happen at most once a minute, and this one did).
    assert!(
        store
            .session_account(&sid, at(39), idle, absolute)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .session_account(&sid, at(80), idle, absolute)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .session_account(&sid, at(81), idle, absolute)
            .await
            .unwrap()
            .is_none(),
        "an expired session is gone"
    );
    // Absolute timeout, however active.
    let sid = store.create_session(id, NOW).await.unwrap();
    for m in (20..=12 * 60).step_by(20) {
        assert!(
            store
                .session_account(&sid, at(m), idle, absolute)
                .await
                .unwrap()
                .is_some()
        );
    }
    assert!(
        store
            .session_account(&sid, at(12 * 60 + 5), idle, absolute)
            .await
            .unwrap()
            .is_none()
    );
    // The hourly cleanup removes what can no longer sign in, and keeps the rest.
    let stale = store.create_session(id, NOW).await.unwrap();
    let fresh = store.create_session(id, at(100)).await.unwrap();
    assert_eq!(
        store
            .delete_expired_sessions(at(90), at(-600))
            .await
            .unwrap(),
        1
    );
    assert!(
        store
            .session_account(&stale, at(1), idle, absolute)
            .await
            .unwrap()
            .is_none(),
        "the stale one is gone"
    );
    assert!(
        store
            .session_account(&fresh, at(101), idle, absolute)
            .await
            .unwrap()
            .is_some()
    );
    // Deactivating ends every session.
    let sid = store.create_session(id, NOW).await.unwrap();
    store.set_active(id, false).await.unwrap();
    assert!(
        store
            .session_account(&sid, at(1), idle, absolute)
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn miss_counters_count_per_limit_and_client_and_start_again_after_the_window() {
    let db = TestDatabase::new().await;
    let store = open(&db).await;
    let window = Duration::minutes(5);
    let ip = "203.0.113.7";
    assert_eq!(store.misses("lookup", ip, window, NOW).await.unwrap(), None);
    for i in 0..3 {
        let at = NOW + Duration::seconds(i);
        let count = store
            .record_miss("lookup", ip, window, at)
            .await
            .unwrap()
            .count;
        assert_eq!(count, i as u32 + 1, "each miss returns the count with it");
    }
    let seen = |at| {
        let store = store.clone();
        async move {
            store
                .misses("lookup", ip, window, at)
                .await
                .unwrap()
                .map(|m| (m.count, m.since))
        }
    };
    assert_eq!(seen(NOW + Duration::minutes(1)).await, Some((3, NOW)));
    // Another limit and another client count apart.
    assert_eq!(
        store.misses("sign-in", ip, window, NOW).await.unwrap(),
        None
    );
    assert_eq!(
        store.misses("lookup", "::1", window, NOW).await.unwrap(),
        None
    );
    store.forgive_miss("lookup", ip).await.unwrap();
    assert_eq!(seen(NOW + Duration::minutes(1)).await, Some((2, NOW)));
    // The window has passed: nothing is held against the client, and the next miss opens a
    // new window with one miss.
    let later = NOW + Duration::minutes(5);
    assert_eq!(seen(later).await, None);
    let count = store
        .record_miss("lookup", ip, window, later)
        .await
        .unwrap()
        .count;
    assert_eq!(count, 1);
    assert_eq!(seen(later).await, Some((1, later)));
    // Cleanup removes the counters whose window opened before the cut.
    store.record_miss("sign-in", ip, window, NOW).await.unwrap();
    assert_eq!(
        store
            .delete_old_misses(NOW + Duration::minutes(1))
            .await
            .unwrap(),
        1
    );
    assert_eq!(seen(later).await, Some((1, later)));
}
