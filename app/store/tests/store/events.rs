//! The dossier's event log: every kind of event reads back as written, old and unreadable rows.

use crate::{NOW, filed, seeded};
use motcua_domain::workflow::{
    Action, AssigneeNote, EndedPause, EventDetails, Status, StepEntered, StepLeft, SupplementItem,
    SupplementItemKind,
};
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use motcua_store::{Transition, WorkflowState};
use serde_json::{Value, json};
use time::Duration;

/// A move of the dossier from `from` to `to` recording `details`, by nobody in particular.
fn a_move(from: Status, to: Status, details: EventDetails) -> Transition {
    Transition {
        expected_status: from,
        expected_step: None,
        expected_version: None,
        to_status: to,
        at: NOW,
        actor: "Nguyễn Thị Lan".into(),
        actor_account_id: None,
        step: None,
        reason: None,
        details,
        state: WorkflowState::default(),
        attachments: vec![],
        supplement: None,
    }
}

#[tokio::test]
async fn every_kind_of_event_reads_back_as_written() {
    use Status::*;
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let due = NOW + Duration::days(1);
    let lan = AssigneeNote {
        id: 7,
        name: "Lê Thị Lan".into(),
    };
    let entered = |assignee| StepEntered {
        step_due: due,
        assignee,
    };
    let left = || {
        Some(StepLeft {
            step: "tiep_nhan".into(),
            due,
        })
    };
    let accept = || EventDetails::Accept { due, walk: None };
    let items = vec![SupplementItem {
        kind: SupplementItemKind::Document,
        id: "to_khai".into(),
        label: "Tờ khai".into(),
    }];
    // Dossiers moved along paths that together take every kind of move.
    let paths = vec![
        vec![
            (Accepted, accept()),
            (
                InProcess,
                EventDetails::StartProcessing {
                    entered: entered(Some(lan.clone())),
                },
            ),
            (InProcess, EventDetails::ApproveStop),
            (
                InProcess,
                EventDetails::Apologize {
                    old_due: Some(due),
                    new_due: due + Duration::days(2),
                    responsible_unit: "Phòng Tư pháp".into(),
                },
            ),
            (
                InProcess,
                EventDetails::NextStep {
                    left: left(),
                    entered: entered(None),
                },
            ),
            (FeeDue, EventDetails::RequestFee),
            (
                InProcess,
                EventDetails::FeePaid {
                    pause: Some(EndedPause {
                        from: NOW,
                        minutes: 480,
                    }),
                },
            ),
            (
                SupplementRequested,
                EventDetails::RequestSupplement {
                    items: items.clone(),
                },
            ),
            (InProcess, EventDetails::Resupply { pause: None }),
            (ResultReady, EventDetails::Finish { left: left() }),
            (Returned, EventDetails::ReturnResult),
        ],
        vec![(Refused, EventDetails::Refuse)],
        vec![
            (
                SupplementRequested,
                EventDetails::RequestSupplement { items },
            ),
            (Withdrawn, EventDetails::Withdraw),
        ],
        vec![
            (Accepted, accept()),
            (
                InProcess,
                EventDetails::StartProcessing {
                    entered: entered(None),
                },
            ),
            (
                Stopped,
                EventDetails::Stop {
                    leader_approved: false,
                },
            ),
        ],
    ];
    let mut kinds = std::collections::HashSet::new();
    for (i, path) in paths.into_iter().enumerate() {
        let code = filed(&store, pid, "Trần Thị Bình", &format!("00109001234{i}")).await;
        let mut status = Submitted;
        for (to, details) in &path {
            let t = a_move(status, *to, details.clone());
            store.apply_transition(&code, &t).await.unwrap();
            status = *to;
        }
        let read: Vec<EventDetails> = store
            .events(&code)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.details)
            .collect();
        let written: Vec<EventDetails> = std::iter::once(EventDetails::Filed)
            .chain(path.into_iter().map(|(_, d)| d))
            .collect();
        assert_eq!(read, written);
        kinds.extend(read.iter().map(EventDetails::action));
    }
    assert_eq!(
        kinds.len(),
        Action::ALL.len() + 1,
        "every action, and the filing"
    );
}

#[tokio::test]
async fn events_written_before_kinds_were_stored_read_as_their_kind() {
    use sqlx::Connection;
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let code = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    let due = NOW + Duration::days(1);
    let later = due + Duration::days(2);
    // As rows were written then: no kind, each fact a key, the slip, no details at all for a
    // move without facts (the filing too).
    let old: [(Option<i64>, i64, Option<Value>, EventDetails); 6] = [
        (
            Some(1),
            2,
            Some(json!({ "due": due, "slip": "01" })),
            EventDetails::Accept { due, walk: None },
        ),
        (
            Some(2),
            4,
            Some(json!({ "step_due": due })),
            EventDetails::StartProcessing {
                entered: StepEntered {
                    step_due: due,
                    assignee: None,
                },
            },
        ),
        (
            Some(4),
            4,
            Some(json!({ "stop_approval": true })),
            EventDetails::ApproveStop,
        ),
        (
            Some(4),
            4,
            Some(json!({
                "old_due": due, "new_due": later, "responsible_unit": "Phòng Tư pháp",
                "slip": "04"
            })),
            EventDetails::Apologize {
                old_due: Some(due),
                new_due: later,
                responsible_unit: "Phòng Tư pháp".into(),
            },
        ),
        (Some(4), 6, None, EventDetails::RequestFee),
        (None, 1, None, EventDetails::Filed),
    ];
    let mut raw = sqlx::AnyConnection::connect(dir.url()).await.unwrap();
    for (from, to, details, _) in &old {
        sqlx::query(
            "INSERT INTO dossier_events (dossier_code, at, from_status, to_status, actor, details)
             SELECT dossier_code, at, $1, $2, actor, $3 FROM dossier_events
             WHERE dossier_code = $4 AND from_status IS NULL ORDER BY id LIMIT 1",
        )
        .bind(*from)
        .bind(*to)
        .bind(details.as_ref().map(Value::to_string))
        .bind(code.as_str())
        .execute(&mut raw)
        .await
        .unwrap();
    }
    raw.close().await.unwrap();
    let read: Vec<EventDetails> = store
        .events(&code)
        .await
        .unwrap()
        .into_iter()
        .skip(1)
        .map(|e| e.details)
        .collect();
    let expected: Vec<EventDetails> = old.into_iter().map(|(_, _, _, d)| d).collect();
    assert_eq!(read, expected);
}

#[tokio::test]
async fn an_event_whose_details_do_not_read_is_kept_as_unreadable() {
    use sqlx::Connection;
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let code = filed(&store, pid, "Trần Thị Bình", "001090012345").await;
    // Not JSON at all, and JSON that is not what an acceptance holds.
    let mut raw = sqlx::AnyConnection::connect(dir.url()).await.unwrap();
    for details in ["{not json", r#"{"kind": "accept", "due": "tomorrow"}"#] {
        sqlx::query(
            "INSERT INTO dossier_events (dossier_code, at, from_status, to_status, actor, details)
             SELECT dossier_code, at, 1, 2, actor, $1 FROM dossier_events
             WHERE dossier_code = $2 AND from_status IS NULL ORDER BY id LIMIT 1",
        )
        .bind(details)
        .bind(code.as_str())
        .execute(&mut raw)
        .await
        .unwrap();
    }
    raw.close().await.unwrap();
    let events = store.events(&code).await.unwrap();
    let read: Vec<(Option<Status>, &EventDetails)> =
        events.iter().map(|e| (e.from_status, &e.details)).collect();
    assert_eq!(
        read,
        [
            (None, &EventDetails::Filed),
            (Some(Status::Submitted), &EventDetails::Unreadable),
            (Some(Status::Submitted), &EventDetails::Unreadable),
        ]
    );
}
