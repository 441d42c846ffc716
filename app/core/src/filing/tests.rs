//! The filing use cases against a real store (SQLite or PostgreSQL, as the run's
//! `MOTCUA_TEST_DATABASE` says). The seeded procedure and a completed draft serve the tests
//! of other use cases that need a filed dossier.

use motcua_domain::filing::{APPLICANT, REVIEW};
use motcua_domain::testing::{SAMPLE_CODE, sample_procedure, sample_procedure_json};
use motcua_domain::validate::{FieldErrorKind, UnitCatalog};
use motcua_store::testing::TestDatabase;
use motcua_store::{Agency, Store};
use time::OffsetDateTime;
use time::macros::datetime;

use super::*;
use crate::upload::SentFile;
use motcua_store::prelude::*;

pub(crate) const PROC: &str = SAMPLE_CODE;
pub(crate) const AGENCY: &str = "000.00.06.H56";
/// 2025-11-22 10:00 in Hà Nội.
pub(crate) const NOW: OffsetDateTime = datetime!(2025-11-22 03:00 UTC);

/// A deployment with no administrative units imported: these filings have no address.
pub(crate) struct NoUnits;

impl UnitCatalog for NoUnits {
    fn province_exists(&self, _: &str) -> bool {
        false
    }
    fn province_has_communes(&self, _: &str) -> bool {
        false
    }
    fn commune_in_province(&self, _: &str, _: &str) -> bool {
        false
    }
}

/// The sample procedure (one form Step, one required document), received by one agency.
pub(crate) async fn seeded(db: &TestDatabase) -> Store {
    let store = db.open().await;
    let definition = sample_procedure_json();
    let procedure = sample_procedure();
    store
        .import_procedure(&procedure, &definition.to_string(), NOW)
        .await
        .unwrap();
    store
        .upsert_agency(&Agency {
            code: AGENCY.parse().unwrap(),
            name: "UBND phường Ba Đình".into(),
            level: "commune".into(),
            unit_code: None,
        })
        .await
        .unwrap();
    store
        .set_receivers(PROC, &[AGENCY.parse().unwrap()])
        .await
        .unwrap();
    store
}

pub(crate) async fn open(store: &Store, token: &FilingToken) -> Filing {
    Filing::open(store, PROC, token).await.unwrap().unwrap()
}

fn post(pairs: &[(&str, &str)]) -> PagePost {
    PagePost::from_pairs(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

async fn save(store: &Store, token: &FilingToken, slug: &str, pairs: &[(&str, &str)]) {
    let mut filing = open(store, token).await;
    let page = filing.page(slug).unwrap();
    save_page(store, &NoUnits, &mut filing, &page, post(pairs), NOW)
        .await
        .unwrap();
}

/// A draft with every page done and the document uploaded.
pub(crate) async fn completed(store: &Store) -> FilingToken {
    let token = start(store, PROC, NOW).await.unwrap();
    let applicant = [
        ("full_name", "Nguyễn Văn An"),
        ("id_number", "079123456789"),
        ("phone", "0912345678"),
    ];
    save(store, &token, APPLICANT, &applicant).await;
    save(
        store,
        &token,
        "ben_chong",
        &[("chong_ho_ten", "Nguyễn Văn An")],
    )
    .await;
    let filing = open(store, &token).await;
    let mut documents = DocumentsPost::begin(&filing, &NoUnits, NOW);
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    // As a hostile or old browser may name it: a path, and a right-to-left override that
    // would show the name in another order.
    let file = SentFile {
        file_name: "C:\\fakepath\\to-khai\u{202E}.pdf",
        bytes: pdf,
    };
    documents
        .upload(store, &crate::scan::NoScanner, &filing, "to_khai", file)
        .await
        .unwrap();
    let kept = store.uploads(token.as_str()).await.unwrap();
    assert_eq!(kept[0].original_name, "to-khai.pdf", "the name as it reads");
    let mut filing = filing;
    let page = filing.page("giay-to").unwrap();
    let saved = documents.finish(store, &mut filing, &page).await.unwrap();
    assert_eq!(
        saved,
        DocumentsSaved::Next {
            page: REVIEW.into()
        }
    );
    token
}

#[tokio::test]
async fn filing_twice_gives_one_dossier_with_one_code() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let token = completed(&store).await;
    // Two submits of the same draft, both opened before either filed (a double tap).
    let mut first = open(&store, &token).await;
    let mut second = open(&store, &token).await;
    let code = file(&store, &NoUnits, &mut first, None, NOW).await.unwrap();
    let again = file(&store, &NoUnits, &mut second, None, NOW)
        .await
        .unwrap();
    assert_eq!(again, code);
    assert_eq!(code.as_str(), format!("{AGENCY}-251122-0001"));
    // A reload after the receipt: the draft knows its dossier.
    let mut reopened = open(&store, &token).await;
    assert_eq!(reopened.filed_as(), Some(&code));
    let third = file(&store, &NoUnits, &mut reopened, None, NOW)
        .await
        .unwrap();
    assert_eq!(third, code);
    // Only one number was taken: the next filing of the day gets the second.
    let other = completed(&store).await;
    let mut other = open(&store, &other).await;
    let next = file(&store, &NoUnits, &mut other, None, NOW).await.unwrap();
    assert_eq!(next.as_str(), format!("{AGENCY}-251122-0002"));
}

#[tokio::test]
async fn a_refused_page_keeps_what_was_typed() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let token = start(&store, PROC, NOW).await.unwrap();
    let mut filing = open(&store, &token).await;
    let page = filing.page(APPLICANT).unwrap();
    let typed = [
        ("full_name", "Nguyễn Văn An"),
        ("id_number", "079123456789"),
        ("phone", "12"),
    ];
    let refused = save_page(&store, &NoUnits, &mut filing, &page, post(&typed), NOW).await;
    let Err(SavePageError::Invalid(errors)) = refused else {
        panic!("expected the phone refused, got {refused:?}");
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field_id, "phone");
    assert_ne!(errors[0].kind, FieldErrorKind::Required);

    let reopened = open(&store, &token).await;
    let raw = &reopened.state.raw[APPLICANT];
    for (name, value) in typed {
        assert_eq!(raw[name], vec![value.to_string()], "{name} kept as typed");
    }
    assert_eq!(reopened.state.errors[APPLICANT], errors);
    assert!(!reopened.state.done.contains(APPLICANT));
    // The check page and the submit send the citizen back to it.
    assert_eq!(
        review(&reopened, &NoUnits, NOW).unwrap_err().page,
        APPLICANT
    );
}

#[tokio::test]
async fn a_missing_document_is_found_at_the_submit() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let token = start(&store, PROC, NOW).await.unwrap();
    let applicant = [
        ("full_name", "Nguyễn Văn An"),
        ("id_number", "079123456789"),
        ("phone", "0912345678"),
    ];
    save(&store, &token, APPLICANT, &applicant).await;
    save(&store, &token, "ben_chong", &[("chong_ho_ten", "An")]).await;
    let mut filing = open(&store, &token).await;
    let refused = file(&store, &NoUnits, &mut filing, None, NOW).await;
    let Err(FileError::DocumentsMissing(missing)) = refused else {
        panic!("expected the document missing, got {refused:?}");
    };
    assert_eq!(missing[0].document_id, "to_khai");
    assert_eq!(open(&store, &token).await.state.upload_problems, missing);
}

#[test]
fn page_actions_parse_from_the_button() {
    assert_eq!(PageAction::parse(None), PageAction::Next);
    assert_eq!(PageAction::parse(Some("refresh")), PageAction::Refresh);
    assert_eq!(
        PageAction::parse(Some("add:con")),
        PageAction::AddEntry {
            group: "con".into()
        }
    );
    assert_eq!(
        PageAction::parse(Some("remove:con:2")),
        PageAction::RemoveEntry {
            group: "con".into(),
            index: 2
        }
    );
    // Malformed or unknown: "Continue", as a form without the button would post.
    assert_eq!(PageAction::parse(Some("remove:con")), PageAction::Next);
    assert_eq!(PageAction::parse(Some("remove:con:two")), PageAction::Next);
    assert_eq!(PageAction::parse(Some("whatever")), PageAction::Next);
}

#[test]
fn a_token_is_64_lowercase_hex_digits() {
    let token = "0123456789abcdef".repeat(4);
    assert_eq!(FilingToken::parse(&token).unwrap().as_str(), token);
    assert!(FilingToken::parse(&token.to_uppercase()).is_none());
    assert!(FilingToken::parse(&token[1..]).is_none());
    assert!(FilingToken::parse("../etc/passwd").is_none());
    assert_eq!(
        format!("{:?}", FilingToken::parse(&token).unwrap()),
        "FilingToken(…)"
    );
}
