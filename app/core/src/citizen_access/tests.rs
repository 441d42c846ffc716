//! Which dossier a citizen may act on, against a real store.

use motcua_domain::ids::DossierCode;
use motcua_store::Store;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use std::sync::Arc;

use super::*;
use crate::accounts::register::{Registration, register};
use crate::clock::Clock;
use crate::filing::tests::{NOW, NoUnits, completed, seeded};
use crate::filing::{Filing, file};

const CLIENT: &str = "203.0.113.7";

/// A dossier filed under the seeded procedure, by `citizen` when signed in, and its access
/// code as its receipt shows it (grouped).
async fn filed(store: &Store, citizen: Option<i64>) -> (DossierCode, String) {
    let token = completed(store).await;
    let mut filing = Filing::open(store, crate::filing::tests::PROC, &token)
        .await
        .unwrap()
        .unwrap();
    let code = file(store, &NoUnits, &mut filing, citizen, NOW)
        .await
        .unwrap();
    let draft = store.draft(token.as_str()).await.unwrap().unwrap();
    let access = draft.access_code.expect("the draft keeps its access code");
    (code, access.grouped())
}

async fn citizen(store: &Store, phone: &str) -> Account {
    let form = Registration {
        full_name: "Nguyễn Văn An",
        phone,
        email: "",
        password: "mat-khau-rat-dai",
        confirmation: "mat-khau-rat-dai",
    };
    let id = register(store, &form, NOW).await.unwrap().account_id;
    store.account(id).await.unwrap().unwrap()
}

fn ask<'a>(signed_in: Option<Account>, code: &'a DossierCode, proof: &'a str) -> CitizenAsk<'a> {
    CitizenAsk {
        signed_in,
        code,
        proof,
        ip: CLIENT.parse().unwrap(),
    }
}

fn limiter(store: &Store) -> LookupLimiter<Store> {
    LookupLimiter::new(store.clone(), Arc::new(Clock::default()), "lookup")
}

#[tokio::test]
async fn only_the_access_code_opens_a_dossier_and_attempts_are_counted() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let limiter = limiter(&store);
    let (code, access) = filed(&store, None).await;

    let typed = format!(" {} ", access.to_lowercase());
    let found = citizen_dossier(&store, &limiter, ask(None, &code, &typed))
        .await
        .unwrap()
        .expect("the access code, typed in lower case");
    assert_eq!(found.dossier.code, code);
    assert!(matches!(found.who, Who::Citizen(None)));
    // The applicant's ID number and phone are known to too many: neither opens it.
    for known in ["079.123.456-789", "+84 912 345 678"] {
        let by_known = citizen_dossier(&store, &limiter, ask(None, &code, known));
        assert!(by_known.await.unwrap().is_none(), "{known}");
    }
    // Another dossier's code does not open this one.
    let (_, other) = filed(&store, None).await;
    let wrong = citizen_dossier(&store, &limiter, ask(None, &code, &other));
    assert!(wrong.await.unwrap().is_none());

    for _ in 0..5 {
        let wrong = citizen_dossier(&store, &limiter, ask(None, &code, "0000-0000-0000"));
        assert!(wrong.await.unwrap().is_none());
    }
    // Over the guessing limit, even the right code finds nothing.
    let right = citizen_dossier(&store, &limiter, ask(None, &code, &access));
    assert!(right.await.unwrap().is_none());
}

#[tokio::test]
async fn parallel_guesses_share_the_limit() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let limiter = limiter(&store);
    let (code, access) = filed(&store, None).await;
    let ip = CLIENT.parse().unwrap();
    // Twenty guesses at once: each is counted before it is checked, so at most the limit of
    // them are checked at all, and the right code sent after them is refused.
    let guesses =
        (0..20).map(|_| proven_under_limit(&store, &limiter, &code, "0000-0000-0000", ip));
    for guess in futures::future::join_all(guesses).await {
        assert!(guess.unwrap().is_none());
    }
    let right = proven_under_limit(&store, &limiter, &code, &access, ip).await;
    assert!(right.unwrap().is_none());
    let misses = store
        .misses(
            "lookup",
            CLIENT,
            limiter.window,
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(misses.count, 21, "every attempt was counted");
}

#[tokio::test]
async fn a_signed_in_citizen_acts_on_their_own_dossiers_only() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let limiter = limiter(&store);
    let owner = citizen(&store, "0912345678").await;
    let stranger = citizen(&store, "0987654321").await;
    let (code, access) = filed(&store, Some(owner.id)).await;

    let found = citizen_dossier(&store, &limiter, ask(Some(owner.clone()), &code, ""))
        .await
        .unwrap()
        .expect("the owner needs no proof");
    assert!(matches!(found.who, Who::Citizen(Some(a)) if a.id == owner.id));
    let refused = citizen_dossier(&store, &limiter, ask(Some(stranger.clone()), &code, ""));
    assert!(refused.await.unwrap().is_none());
    // Another citizen with the access code acts as anyone with it would.
    let proven = citizen_dossier(&store, &limiter, ask(Some(stranger), &code, &access))
        .await
        .unwrap()
        .expect("proven by the access code");
    assert!(matches!(proven.who, Who::Citizen(None)));
}

#[tokio::test]
async fn a_failing_database_is_an_error_not_an_unknown_dossier() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let limiter = limiter(&store);
    let (code, access) = filed(&store, None).await;
    store.close().await;
    let failed = citizen_dossier(&store, &limiter, ask(None, &code, &access)).await;
    assert!(failed.is_err());
}

#[tokio::test]
async fn an_empty_proof_guesses_nothing_and_counts_no_miss() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let limiter = limiter(&store);
    let (code, access) = filed(&store, None).await;
    let ip = CLIENT.parse().unwrap();
    for _ in 0..6 {
        let none = proven_under_limit(&store, &limiter, &code, "  ", ip).await;
        assert!(none.unwrap().is_none());
    }
    // Six empty tries later the right code still gets in: none of them was a miss.
    let proven = proven_under_limit(&store, &limiter, &code, &access, ip).await;
    assert_eq!(proven.unwrap().map(|d| d.code), Some(code));
}
