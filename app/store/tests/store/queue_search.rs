//! The staff queues: filters, search without diacritics, pagination, and an exact code or ID
//! number read by its index.

use crate::{AGENCY, filed, seeded};
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use motcua_store::{QueueKind, QueueQuery};

#[tokio::test]
async fn queues_filter_search_without_diacritics_and_paginate() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let binh = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    let mut others = vec![];
    for i in 0..5 {
        others.push(filed(&store, pid, "Lê Văn Đức", &format!("00109001999{i}")).await);
    }
    let q = |search: &str, offset, limit| QueueQuery {
        agency_code: AGENCY.parse().unwrap(),
        kind: QueueKind::New,
        search: search.into(),
        procedure_code: None,
        descending: false,
        offset,
        limit,
    };
    let codes = |rows: Vec<motcua_store::QueueRow>| {
        rows.into_iter().map(|r| r.dossier.code).collect::<Vec<_>>()
    };
    assert_eq!(
        codes(store.queue(&q("tran thi binh", 0, 10)).await.unwrap()),
        vec![binh.clone()]
    );
    assert_eq!(codes(store.queue(&q("duc", 0, 10)).await.unwrap()), others);
    assert_eq!(
        codes(store.queue(&q("001090012345", 0, 10)).await.unwrap()),
        vec![binh.clone()]
    );
    assert_eq!(
        codes(store.queue(&q(&binh.to_lowercase(), 0, 10)).await.unwrap()),
        vec![binh.clone()]
    );
    assert!(
        store.queue(&q("50%", 0, 10)).await.unwrap().is_empty(),
        "LIKE wildcards are literal"
    );
    let page1 = codes(store.queue(&q("", 0, 4)).await.unwrap());
    let page2 = codes(store.queue(&q("", 4, 4)).await.unwrap());
    assert_eq!((page1.len(), page2.len()), (4, 2));
    assert!(page1.iter().all(|c| !page2.contains(c)));
    let mut other_agency = q("", 0, 10);
    other_agency.agency_code = "000.00.07.H56".parse().unwrap();
    assert!(store.queue(&other_agency).await.unwrap().is_empty());
    let mut in_process = q("", 0, 10);
    in_process.kind = QueueKind::InProcess;
    assert!(store.queue(&in_process).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_search_for_an_exact_code_or_id_number_reads_those_dossiers_by_their_indexes() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let first = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    let second = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    let other = filed(&store, pid, "Lê Văn Đức", "001090019999").await;
    let q = |search: &str, offset, limit| QueueQuery {
        agency_code: AGENCY.parse().unwrap(),
        kind: QueueKind::All,
        search: search.into(),
        procedure_code: None,
        descending: false,
        offset,
        limit,
    };
    let codes = |rows: Vec<motcua_store::QueueRow>| {
        rows.into_iter().map(|r| r.dossier.code).collect::<Vec<_>>()
    };
    assert_eq!(
        codes(store.queue(&q(&other.to_lowercase(), 0, 10)).await.unwrap()),
        vec![other.clone()]
    );
    assert_eq!(
        codes(store.queue(&q("001090012345", 0, 10)).await.unwrap()),
        vec![first.clone(), second.clone()]
    );
    // Pages of the exact matches, not of the broad search.
    assert_eq!(
        codes(store.queue(&q("001090012345", 1, 1)).await.unwrap()),
        vec![second.clone()]
    );
    assert!(store.queue(&q(&other, 1, 10)).await.unwrap().is_empty());
    // Nothing exactly that: the broad search (a code prefix).
    let prefix = &first[..first.len() - 1];
    assert_eq!(
        codes(store.queue(&q(prefix, 0, 10)).await.unwrap()),
        vec![first.clone(), second.clone(), other.clone()]
    );
    if dir.backend() == motcua_store::Backend::Sqlite {
        let plan = store
            .explain_queue(&q(&other, 0, 10))
            .await
            .unwrap()
            .join("\n");
        let exact = &plan[..plan.find("Broad:").unwrap()];
        assert!(exact.contains("dossiers_applicant_id"), "{plan}");
        assert!(!exact.contains("dossiers_agency_filed"), "{plan}");
    }
}
