//! The supplement answer against a real store (SQLite or PostgreSQL, as the run's
//! `MOTCUA_TEST_DATABASE` says): what the citizen is told when the dossier moved under it.

use motcua_domain::ids::DossierCode;
use motcua_domain::workflow::{Action, StaffRole, Status};
use motcua_store::testing::TestDatabase;
use motcua_store::{Account, Store};

use super::*;
use crate::accounts::setup::{StaffSetup, create};
use crate::calendar::CalendarCache;
use crate::filing::tests::{AGENCY, NOW, NoUnits, completed, seeded};
use crate::filing::{Filing, FilingToken, file};
use crate::withdraw::withdraw;
use crate::workflow::{ActionError, ActionInput, Requester, Who, perform};
use motcua_store::prelude::*;

const PERIODS: &str = "07:00-11:30, 13:30-17:00";

/// A filed dossier whose reception officer asked the citizen to supply the husband's name
/// again: its code.
async fn waiting_for_supplement(store: &Store) -> DossierCode {
    let token = completed(store).await;
    let mut filing = Filing::open(store, crate::filing::tests::PROC, &token)
        .await
        .unwrap()
        .unwrap();
    let code = file(store, &NoUnits, &mut filing, None, NOW).await.unwrap();
    let officer = StaffSetup {
        login: "tiepnhan",
        full_name: "Cán bộ tiếp nhận",
        agency: AGENCY,
        roles: vec![StaffRole::Reception],
        phone: None,
    };
    let id = create(store, &officer, "not a hash".into(), NOW)
        .await
        .unwrap();
    let officer: Account = store.account(id).await.unwrap().unwrap();
    let input = ActionInput {
        reason: "Họ tên chưa đúng".into(),
        items: vec!["field:chong_ho_ten".into()],
        ..Default::default()
    };
    let who = Who::Staff(officer);
    let action = Action::RequestSupplement;
    let origin = crate::audit::test_origin();
    let requester = Requester { who: &who, origin };
    perform(store, &calendar(), &requester, &code, action, input, NOW)
        .await
        .unwrap();
    code
}

/// The working calendar of the deployment, as a server holds it.
fn calendar() -> CalendarCache {
    CalendarCache::new(crate::workflow::parse_working_periods(PERIODS).unwrap())
}

/// The answer under `token`, loaded as the answer page's post does.
async fn pending(store: &Store, code: &DossierCode, token: &FilingToken) -> Pending {
    Pending::open(store, code, token).await.unwrap().unwrap()
}

/// Posts a complete answer of `pending`'s page and sends it.
async fn send(store: &Store, mut pending: Pending) -> Result<AnswerSaved, AnswerError> {
    let mut post = AnswerPost::begin(&mut pending, NOW);
    post.input("chong_ho_ten".into(), "Nguyễn Văn Bình".into());
    post.input("_action".into(), "send".into());
    let origin = crate::audit::test_origin();
    post.finish(store, &calendar(), &NoUnits, pending, origin, NOW)
        .await
}

#[tokio::test]
async fn an_answer_after_the_citizen_withdrew_is_not_taken_and_its_draft_is_kept() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let code = waiting_for_supplement(&store).await;
    let dossier = store.dossier(&code).await.unwrap().unwrap();
    let token = start(&store, &dossier, NOW).await.unwrap();
    // The answer page was loaded, then the dossier withdrawn (another tab) before it posted.
    let answer = pending(&store, &code, &token).await;
    let who = Who::Citizen(None);
    let origin = crate::audit::test_origin();
    withdraw(&store, &calendar(), &who, &code, String::new(), origin, NOW)
        .await
        .unwrap();
    let sent = send(&store, answer).await;
    assert!(
        matches!(sent, Err(AnswerError::NotTaken(ActionError::Refused(_)))),
        "{sent:?}"
    );
    assert!(store.draft(token.as_str()).await.unwrap().is_some());
    let dossier = store.dossier(&code).await.unwrap().unwrap();
    assert_eq!(dossier.status, Status::Withdrawn);
}

#[tokio::test]
async fn a_twin_post_of_a_sent_answer_is_told_sent() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let code = waiting_for_supplement(&store).await;
    let dossier = store.dossier(&code).await.unwrap().unwrap();
    let token = start(&store, &dossier, NOW).await.unwrap();
    // A double tap: both posts loaded the answer before either sent it.
    let first = pending(&store, &code, &token).await;
    let second = pending(&store, &code, &token).await;
    assert_eq!(send(&store, first).await.unwrap(), AnswerSaved::Sent);
    assert_eq!(send(&store, second).await.unwrap(), AnswerSaved::Sent);
    let dossier = store.dossier(&code).await.unwrap().unwrap();
    assert_eq!(dossier.status, Status::Submitted);
    assert_eq!(dossier.supplement_round, 1);
    assert!(store.draft(token.as_str()).await.unwrap().is_none());
    // The trail has each move once: the officer's request, the citizen's answer.
    let seen = crate::audit::for_citizen(&store, &code).await.unwrap();
    let moves: Vec<_> = seen
        .iter()
        .map(|s| (s.detail.as_str(), s.roles.as_slice()))
        .collect();
    let citizen: &[StaffRole] = &[];
    assert_eq!(
        moves,
        [
            ("request_supplement", &[StaffRole::Reception][..]),
            ("resupply", citizen)
        ]
    );
}
