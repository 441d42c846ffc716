use time::macros::datetime;

use super::*;
use crate::check::parse_procedure;

/// A demo procedure: 8 working hours; steps tiep_nhan (1 h), tra_cuu (4 h), ky_duyet (2 h),
/// tra_ket_qua (1 h).
fn procedure() -> Procedure {
    parse_procedure(include_str!(
        "../../../../../demo/procedures/2.000635.000.00.00.H56.json"
    ))
    .unwrap_or_else(|e| panic!("{e:#?}"))
}

/// 07:00–11:30 and 13:30–17:00, Monday to Friday, no holidays.
fn calendar() -> WorkingCalendar {
    WorkingCalendar::new([])
}

/// Wednesday 2 December 2026, 09:00 in Hà Nội.
const NOW: OffsetDateTime = datetime!(2026-12-02 09:00 +07:00);

fn moved(from: Status, to: Status, step: Option<&str>) -> Move {
    Move {
        from,
        to,
        step: step.map(str::to_string),
        slip: None,
    }
}

fn run(
    action: Action,
    m: &Move,
    state: &WorkflowState,
    facts: MoveFacts,
    now: OffsetDateTime,
) -> Applied {
    apply(action, m, state, &procedure(), &calendar(), facts, now).unwrap()
}

fn accepted_state() -> WorkflowState {
    let m = moved(Status::Submitted, Status::Accepted, None);
    run(
        Action::Accept,
        &m,
        &WorkflowState::default(),
        MoveFacts::default(),
        NOW,
    )
    .state
}

#[test]
fn acceptance_sets_both_due_moments_and_keeps_the_walk_that_explains_them() {
    let m = moved(Status::Submitted, Status::Accepted, None);
    let a = run(
        Action::Accept,
        &m,
        &WorkflowState::default(),
        MoveFacts::default(),
        NOW,
    );
    // 8 working hours from Wednesday 09:00: Thursday 09:00.
    let due = datetime!(2026-12-03 09:00 +07:00);
    assert_eq!(a.state.accepted_at, Some(NOW));
    assert_eq!(
        (a.state.due_at, a.state.statutory_due_at),
        (Some(due), Some(due))
    );
    let EventDetails::Accept {
        due: recorded,
        walk,
    } = a.details
    else {
        panic!("{:?}", a.details)
    };
    assert_eq!(recorded, due);
    assert_eq!(walk.map(|w| w.due), Some(due));
}

#[test]
fn starting_a_step_sets_its_due_moment_and_assignee_and_a_next_step_records_the_one_left() {
    let start = moved(Status::Accepted, Status::InProcess, Some("tiep_nhan"));
    let facts = MoveFacts {
        assignee: Some(AssigneeNote {
            id: 7,
            name: "Lê Văn C".into(),
        }),
        ..MoveFacts::default()
    };
    let a = run(
        Action::StartProcessing,
        &start,
        &accepted_state(),
        facts,
        NOW,
    );
    assert_eq!(a.state.current_step.as_deref(), Some("tiep_nhan"));
    assert_eq!(a.state.assignee_id, Some(7));
    assert_eq!(
        a.state.step_due_at,
        Some(datetime!(2026-12-02 10:00 +07:00))
    );
    assert_eq!(
        a.details,
        EventDetails::StartProcessing {
            entered: StepEntered {
                step_due: datetime!(2026-12-02 10:00 +07:00),
                assignee: Some(AssigneeNote {
                    id: 7,
                    name: "Lê Văn C".into(),
                }),
            }
        },
        "nothing was left"
    );

    let next = moved(Status::InProcess, Status::InProcess, Some("tra_cuu"));
    let later = datetime!(2026-12-02 09:30 +07:00);
    let b = run(
        Action::NextStep,
        &next,
        &a.state,
        MoveFacts::default(),
        later,
    );
    let left = b.details.step_left().expect("the step left");
    assert_eq!(left.step, "tiep_nhan");
    assert_eq!(Some(left.due), a.state.step_due_at);
    // 4 hours from 09:30: 11:30, then 2 more from 13:30.
    assert_eq!(
        b.state.step_due_at,
        Some(datetime!(2026-12-02 15:30 +07:00))
    );
    assert_eq!(b.state.assignee_id, None, "nobody holds the role");
}

#[test]
fn a_step_the_procedure_lacks_is_refused() {
    let m = moved(Status::Accepted, Status::InProcess, Some("khong_co"));
    let r = apply(
        Action::StartProcessing,
        &m,
        &accepted_state(),
        &procedure(),
        &calendar(),
        MoveFacts::default(),
        NOW,
    );
    assert_eq!(r, Err(ApplyError::UnknownStep));
}

#[test]
fn a_supplement_pauses_a_running_clock_and_its_answer_pushes_every_due_moment_by_the_pause() {
    let running = accepted_state();
    let ask = moved(Status::Accepted, Status::SupplementRequested, None);
    let facts = MoveFacts {
        items: vec![SupplementItem {
            kind: crate::workflow::SupplementItemKind::Document,
            id: "cccd".into(),
            label: "Căn cước".into(),
        }],
        ..MoveFacts::default()
    };
    let paused = run(Action::RequestSupplement, &ask, &running, facts, NOW);
    assert_eq!(paused.state.paused_at, Some(NOW));
    assert_eq!(paused.state.resume_status, Some(Status::Accepted));
    assert!(
        matches!(&paused.details, EventDetails::RequestSupplement { items } if items.len() == 1)
    );

    // Answered Thursday 09:00: one working day (8 hours) later.
    let answered = datetime!(2026-12-03 09:00 +07:00);
    let back = moved(Status::SupplementRequested, Status::Accepted, None);
    let r = run(
        Action::Resupply,
        &back,
        &paused.state,
        MoveFacts::default(),
        answered,
    );
    assert_eq!(
        r.details,
        EventDetails::Resupply {
            pause: Some(EndedPause {
                from: NOW,
                minutes: 480
            })
        }
    );
    let pushed = datetime!(2026-12-04 09:00 +07:00);
    assert_eq!(
        (r.state.due_at, r.state.statutory_due_at),
        (Some(pushed), Some(pushed))
    );
    assert_eq!((r.state.paused_at, r.state.resume_status), (None, None));
}

#[test]
fn a_supplement_before_acceptance_does_not_pause_a_clock_that_is_not_running() {
    let ask = moved(Status::Submitted, Status::SupplementRequested, None);
    let a = run(
        Action::RequestSupplement,
        &ask,
        &WorkflowState::default(),
        MoveFacts::default(),
        NOW,
    );
    assert_eq!(a.state.paused_at, None);
    assert_eq!(a.state.resume_status, Some(Status::Submitted));
}

#[test]
fn an_apology_promises_a_later_date_and_names_the_unit_while_the_statutory_one_stays() {
    let before = accepted_state();
    let m = moved(Status::Accepted, Status::Accepted, None);
    let apology = |new_due, unit: &str| {
        apply(
            Action::Apologize,
            &m,
            &before,
            &procedure(),
            &calendar(),
            MoveFacts {
                new_due,
                responsible_unit: unit.into(),
                ..MoveFacts::default()
            },
            NOW,
        )
    };
    let later = datetime!(2026-12-07 17:00 +07:00);
    assert_eq!(
        apology(None, "Phòng Tư pháp"),
        Err(ApplyError::NewDueMissing)
    );
    assert_eq!(
        apology(before.due_at, "Phòng Tư pháp"),
        Err(ApplyError::NewDueNotLater)
    );
    assert_eq!(
        apology(Some(later), "  "),
        Err(ApplyError::ResponsibleUnitRequired)
    );
    let a = apology(Some(later), " Phòng Tư pháp ").unwrap();
    assert_eq!(a.state.due_at, Some(later));
    assert_eq!(a.state.statutory_due_at, before.statutory_due_at);
    assert_eq!(
        a.details,
        EventDetails::Apologize {
            old_due: before.due_at,
            new_due: later,
            responsible_unit: "Phòng Tư pháp".into()
        }
    );
}

#[test]
fn overdue_only_while_the_clock_runs_and_after_the_promised_moment() {
    let state = accepted_state();
    let due = state.due_at.unwrap();
    let after = due + time::Duration::minutes(1);
    assert!(!overdue(Status::Accepted, &state, due));
    assert!(overdue(Status::Accepted, &state, after));
    assert!(overdue(Status::InProcess, &state, after));
    assert!(
        !overdue(Status::SupplementRequested, &state, after),
        "paused"
    );
    assert!(!overdue(Status::ResultReady, &state, after), "done");
}
