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

/// A dossier filed under the seeded procedure, by `citizen` when signed in.
async fn filed(store: &Store, citizen: Option<i64>) -> DossierCode {
    let token = completed(store).await;
    let mut filing = Filing::open(store, crate::filing::tests::PROC, &token)
        .await
        .unwrap()
        .unwrap();
    file(store, &NoUnits, &mut filing, citizen, NOW)
        .await
        .unwrap()
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
async fn the_proof_is_read_as_the_lookup_reads_it_and_misses_are_counted() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let limiter = limiter(&store);
    let code = filed(&store, None).await;

    let found = citizen_dossier(&store, &limiter, ask(None, &code, " 079.123.456-789 "))
        .await
        .unwrap()
        .expect("the applicant's ID number, typed with dots and dashes");
    assert_eq!(found.dossier.code, code);
    assert!(matches!(found.who, Who::Citizen(None)));
    let by_phone = citizen_dossier(&store, &limiter, ask(None, &code, "+84 912 345 678"));
    assert!(by_phone.await.unwrap().is_some());

    for _ in 0..5 {
        let wrong = citizen_dossier(&store, &limiter, ask(None, &code, "001234567890"));
        assert!(wrong.await.unwrap().is_none());
    }
    // Over the guessing limit, even the right proof finds nothing.
    let right = citizen_dossier(&store, &limiter, ask(None, &code, "079123456789"));
    assert!(right.await.unwrap().is_none());
}

#[tokio::test]
async fn a_signed_in_citizen_acts_on_their_own_dossiers_only() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let limiter = limiter(&store);
    let owner = citizen(&store, "0912345678").await;
    let stranger = citizen(&store, "0987654321").await;
    let code = filed(&store, Some(owner.id)).await;

    let found = citizen_dossier(&store, &limiter, ask(Some(owner.clone()), &code, ""))
        .await
        .unwrap()
        .expect("the owner needs no proof");
    assert!(matches!(found.who, Who::Citizen(Some(a)) if a.id == owner.id));
    let refused = citizen_dossier(&store, &limiter, ask(Some(stranger.clone()), &code, ""));
    assert!(refused.await.unwrap().is_none());
    // Another citizen with the applicant's proof acts as anyone with it would.
    let proven = citizen_dossier(&store, &limiter, ask(Some(stranger), &code, "079123456789"))
        .await
        .unwrap()
        .expect("proven like in the lookup");
    assert!(matches!(proven.who, Who::Citizen(None)));
}

#[tokio::test]
async fn a_failing_database_is_an_error_not_an_unknown_dossier() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let limiter = limiter(&store);
    let code = filed(&store, None).await;
    store.close().await;
    let failed = citizen_dossier(&store, &limiter, ask(None, &code, "079123456789")).await;
    assert!(failed.is_err());
}

#[tokio::test]
async fn an_empty_proof_guesses_nothing_and_counts_no_miss() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let limiter = limiter(&store);
    let code = filed(&store, None).await;
    let ip = CLIENT.parse().unwrap();
    for _ in 0..6 {
        let none = proven_under_limit(&store, &limiter, &code, "  ", ip).await;
        assert!(none.unwrap().is_none());
    }
    // Six empty tries later the right proof still gets in: none of them was a miss.
    let proven = proven_under_limit(&store, &limiter, &code, "079123456789", ip).await;
    assert_eq!(proven.unwrap().map(|d| d.code), Some(code));
}
