//! Rating a dossier against a real store (SQLite or PostgreSQL, as the run says).

use motcua_domain::rating::Satisfaction;
use motcua_domain::workflow::{EventDetails, Status};
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use motcua_store::{Store, Transition, WorkflowState};
use time::Duration;

use super::*;
use crate::filing::tests::{NOW, NoUnits, PROC, completed, seeded};
use crate::filing::{Filing, file};

/// A filed dossier, moved straight to `status` by a bare store move: what leads there is
/// the workflow's business and tested there; here only the status matters.
async fn dossier_at(store: &Store, status: Status) -> Dossier {
    let token = completed(store).await;
    let mut filing = Filing::open(store, PROC, &token).await.unwrap().unwrap();
    let code = file(store, &NoUnits, &mut filing, None, NOW).await.unwrap();
    if status != Status::Submitted {
        let to = Transition {
            expected_status: Status::Submitted,
            expected_step: None,
            expected_version: None,
            to_status: status,
            at: NOW,
            actor: "Cán bộ trả kết quả".into(),
            actor_account_id: None,
            step: None,
            reason: None,
            details: EventDetails::ReturnResult,
            state: WorkflowState::default(),
            attachments: vec![],
            supplement: None,
        };
        store.apply_transition(&code, &to).await.unwrap();
    }
    store.dossier(&code).await.unwrap().unwrap()
}

fn form(overall: &str) -> RatingForm {
    RatingForm {
        overall: overall.into(),
        timeliness: "on-time".into(),
        contacts: "one".into(),
        attitude: "good".into(),
        transparency: "good".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_dossier_not_yet_returned_is_not_rated() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let dossier = dossier_at(&store, Status::Submitted).await;
    let refused = rate(&store, &dossier, &form("satisfied"), NOW).await;
    assert!(matches!(
        refused,
        Err(RateError::Refused(RateRefusal::NotReturned))
    ));
    assert_eq!(store.rating(&dossier.code).await.unwrap(), None);
    let page = rating_page(&store, &dossier, NOW).await.unwrap();
    assert_eq!(page.refusal, Some(RateRefusal::NotReturned));
}

#[tokio::test]
async fn a_returned_dossier_is_rated_changed_within_thirty_days_and_then_kept() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let dossier = dossier_at(&store, Status::Returned).await;
    let page = rating_page(&store, &dossier, NOW).await.unwrap();
    assert_eq!(
        (page.refusal, page.rated, page.changeable_until),
        (None, None, None)
    );

    rate(&store, &dossier, &form("neutral"), NOW).await.unwrap();
    let later = NOW + Duration::days(30);
    let changed = rate(&store, &dossier, &form("very-satisfied"), later)
        .await
        .unwrap();
    assert_eq!(changed.rating.overall, Satisfaction::VerySatisfied);
    assert_eq!(changed.first_rated_at, NOW);

    let page = rating_page(&store, &dossier, later).await.unwrap();
    assert_eq!(page.form, form("very-satisfied"));
    assert_eq!(page.changeable_until, Some(NOW + CHANGE_WINDOW));

    let too_late = later + Duration::minutes(1);
    let refused = rate(&store, &dossier, &form("dissatisfied"), too_late).await;
    assert!(matches!(
        refused,
        Err(RateError::Refused(RateRefusal::WindowClosed))
    ));
    let kept = store.rating(&dossier.code).await.unwrap().unwrap();
    assert_eq!(kept.rating.overall, Satisfaction::VerySatisfied);
    let page = rating_page(&store, &dossier, too_late).await.unwrap();
    assert_eq!(
        (page.refusal, page.changeable_until),
        (Some(RateRefusal::WindowClosed), None)
    );
}

#[tokio::test]
async fn answers_to_correct_are_named_and_nothing_is_saved() {
    let db = TestDatabase::new().await;
    let store = seeded(&db).await;
    let dossier = dossier_at(&store, Status::Returned).await;
    let refused = rate(&store, &dossier, &form(""), NOW).await;
    let Err(RateError::Invalid(problems)) = refused else {
        panic!("a missing answer is the citizen's to correct: {refused:?}");
    };
    assert_eq!(problems, [(RatingField::Overall, RatingProblem::Missing)]);
    assert_eq!(store.rating(&dossier.code).await.unwrap(), None);
}
