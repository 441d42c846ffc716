//! Workflow transitions: written only from the state they expect; a supplement answer.

use crate::{NOW, answers, applicant, dossier_of, filed, seeded};
use motcua_domain::workflow::{EventDetails, Slip, Status};
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use motcua_store::{StoreError, Transition, WorkflowState};
use serde_json::json;
use time::Duration;

#[tokio::test]
async fn a_transition_is_written_only_from_the_status_it_expects() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let code = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    let filed = store.dossier(&code).await.unwrap().unwrap();
    assert_eq!(filed.version, 0, "a new dossier is at version 0");
    let accept = Transition {
        expected_status: Status::Submitted,
        expected_step: None,
        expected_version: Some(0),
        to_status: Status::Accepted,
        at: NOW,
        actor: "Nguyễn Thị Lan".into(),
        actor_account_id: None,
        step: None,
        reason: None,
        details: EventDetails::Accept {
            due: NOW + Duration::days(1),
            walk: None,
        },
        state: WorkflowState {
            accepted_at: Some(NOW),
            due_at: Some(NOW + Duration::days(1)),
            ..Default::default()
        },
        attachments: vec![],
        supplement: None,
    };
    let event = store.apply_transition(&code, &accept).await.unwrap();
    assert_eq!(
        (event.from_status, event.to_status),
        (Some(Status::Submitted), Status::Accepted)
    );
    assert_eq!(event.details.slip(), Some(Slip::S01));
    // The same move again (a double submit, or a second officer): refused, nothing written.
    assert!(matches!(
        store.apply_transition(&code, &accept).await,
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(store.events(&code).await.unwrap().len(), 2);
    let d = store.dossier(&code).await.unwrap().unwrap();
    assert_eq!(d.status, Status::Accepted);
    assert_eq!(d.state.accepted_at, Some(NOW));
    assert_eq!(d.version, 1, "each move raises the version by one");
    // A move that keeps the status (an apology) is still written once: the second of two
    // identical submits saw the dossier before the first changed it.
    let apology = Transition {
        expected_status: Status::Accepted,
        to_status: Status::Accepted,
        at: NOW + Duration::minutes(1),
        expected_version: Some(d.version),
        ..accept.clone()
    };
    store.apply_transition(&code, &apology).await.unwrap();
    assert!(matches!(
        store.apply_transition(&code, &apology).await,
        Err(StoreError::Conflict(_))
    ));
    // Several moves at once are all or nothing: the second is refused, the first undone, and
    // the audit entry passed with them is not written; it is once they are written.
    let trail = motcua_store::AuditEntry {
        at: NOW,
        action: motcua_domain::audit::AuditAction::Moved,
        actor: motcua_store::AuditActor::default(),
        dossier: Some(code.clone()),
        object: None,
        detail: "start_processing".into(),
        client: None,
        request_id: "test".into(),
    };
    let start = Transition {
        expected_status: Status::Accepted,
        to_status: Status::InProcess,
        expected_version: None,
        ..accept.clone()
    };
    let wrong = Transition {
        expected_status: Status::ResultReady,
        ..start.clone()
    };
    assert!(
        store
            .apply_transitions(&code, &[start.clone(), wrong], Some(&trail))
            .await
            .is_err()
    );
    assert_eq!(
        store.dossier(&code).await.unwrap().unwrap().status,
        Status::Accepted
    );
    assert!(store.dossier_audit(&code).await.unwrap().is_empty());
    assert_eq!(
        store
            .apply_transitions(&code, &[start], Some(&trail))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        store.dossier(&code).await.unwrap().unwrap().status,
        Status::InProcess
    );
    assert_eq!(store.dossier_audit(&code).await.unwrap(), vec![trail]);
}

#[tokio::test]
async fn a_supplement_answer_keeps_the_earlier_answers_and_files() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let token = store.create_draft(pid, NOW).await.unwrap();
    store
        .save_upload(
            &token,
            "to_khai",
            "cu.pdf",
            "application/pdf",
            b"%PDF old",
            NOW,
        )
        .await
        .unwrap();
    let who = applicant("001090012345", "0912345678");
    let code = store
        .file_dossier(&token, &dossier_of(&who), NOW)
        .await
        .unwrap()
        .dossier
        .code;
    let to_five = Transition {
        expected_status: Status::Submitted,
        expected_step: None,
        expected_version: None,
        to_status: Status::SupplementRequested,
        at: NOW,
        actor: "x".into(),
        actor_account_id: None,
        step: None,
        reason: Some("Thiếu".into()),
        details: EventDetails::RequestSupplement { items: vec![] },
        state: WorkflowState {
            resume_status: Some(Status::Submitted),
            ..Default::default()
        },
        attachments: vec![],
        supplement: None,
    };
    store.apply_transition(&code, &to_five).await.unwrap();
    let back = Transition {
        expected_status: Status::SupplementRequested,
        to_status: Status::Submitted,
        state: WorkflowState::default(),
        reason: None,
        details: EventDetails::Resupply { pause: None },
        supplement: Some(motcua_store::SupplementAnswer {
            answers: json!({ "chong_ho_ten": "Mới" }),
            replace_documents: vec!["to_khai".into()],
            documents: vec![motcua_store::NewDocument {
                document_id: "to_khai".into(),
                original_name: "moi.pdf".into(),
                content_type: "application/pdf".into(),
                bytes: b"%PDF new".to_vec(),
            }],
        }),
        ..to_five.clone()
    };
    store.apply_transition(&code, &back).await.unwrap();
    let d = store.dossier(&code).await.unwrap().unwrap();
    assert_eq!((d.status, d.supplement_round), (Status::Submitted, 1));
    assert_eq!(d.answers, json!({ "chong_ho_ten": "Mới" }));
    assert_eq!(
        store.answer_versions(&code).await.unwrap(),
        vec![(1, answers())]
    );
    let history = store.dossier_document_history(&code).await.unwrap();
    let names: Vec<(&str, i64, bool)> = history
        .iter()
        .map(|(f, round, superseded)| (f.original_name.as_str(), *round, *superseded))
        .collect();
    assert_eq!(names, vec![("cu.pdf", 0, true), ("moi.pdf", 1, false)]);
    let current = store.dossier_documents(&code).await.unwrap();
    assert_eq!(current.len(), 1);
    assert_eq!(
        store.read_file(&current[0].sha256).await.unwrap(),
        b"%PDF new"
    );
}
