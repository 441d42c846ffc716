//! An overdue dossier: the apology first, and who may apologise with what.

use super::*;

#[test]
fn overdue_dossier_needs_the_apology_first() {
    let steps = example_steps();
    let items = items();
    let blocked = [
        (Action::StartProcessing, Status::Accepted),
        (Action::NextStep, Status::InProcess),
        (Action::RequestSupplement, Status::InProcess),
        (Action::RequestFee, Status::InProcess),
        (Action::FeePaid, Status::FeeDue),
        (Action::Stop, Status::InProcess),
        (Action::Finish, Status::InProcess),
    ];
    for (action, status) in blocked {
        let (actor, mut c) = suitable(action, status, &steps);
        c.overdue = true;
        assert_eq!(
            decide(&actor, action, &c, &full(&items)),
            Err(MoveError::ApologyRequired),
            "{action:?}"
        );
        // Once slip 04 is recorded the caller no longer reports it overdue.
        c.overdue = false;
        assert!(
            decide(&actor, action, &c, &full(&items)).is_ok(),
            "{action:?}"
        );
    }
    // The citizen's actions are never blocked, nor those before the clock starts or
    // after the result is ready.
    let free = [
        (Action::Withdraw, Status::SupplementRequested),
        (Action::Withdraw, Status::Submitted),
        (Action::Resupply, Status::SupplementRequested),
        (Action::Accept, Status::Submitted),
        (Action::Refuse, Status::Submitted),
        (Action::RequestSupplement, Status::Submitted),
        (Action::ReturnResult, Status::ResultReady),
    ];
    for (action, status) in free {
        let (actor, mut c) = suitable(action, status, &steps);
        c.overdue = true;
        assert!(
            decide(&actor, action, &c, &full(&items)).is_ok(),
            "{action:?}"
        );
    }
}

#[test]
fn apology_only_when_overdue_by_leader_or_reception_with_new_due_and_reason() {
    let steps = example_steps();
    let items = items();
    let mut c = ctx(Status::InProcess, &steps);
    c.current_step = Some("ky_duyet");
    let leader = staff(&[StaffRole::Leader]);
    assert_eq!(
        decide(&leader, Action::Apologize, &c, &full(&items)),
        Err(MoveError::NotOverdue)
    );
    c.overdue = true;
    let m = decide(&leader, Action::Apologize, &c, &full(&items)).unwrap();
    assert_eq!(
        m,
        Move {
            from: Status::InProcess,
            to: Status::InProcess,
            step: None,
            slip: Some(Slip::S04)
        }
    );
    assert!(
        decide(
            &staff(&[StaffRole::Reception]),
            Action::Apologize,
            &c,
            &full(&items)
        )
        .is_ok()
    );
    assert!(matches!(
        decide(
            &staff(&[StaffRole::Specialist]),
            Action::Apologize,
            &c,
            &full(&items)
        ),
        Err(MoveError::RoleMissing { .. })
    ));
    assert_eq!(
        decide(&Actor::Citizen, Action::Apologize, &c, &full(&items)),
        Err(MoveError::StaffOnly)
    );
    let no_due = MoveInput {
        has_new_due: false,
        ..full(&items)
    };
    assert_eq!(
        decide(&leader, Action::Apologize, &c, &no_due),
        Err(MoveError::NewDueRequired)
    );
    let no_reason = MoveInput {
        reason: " \t\n",
        ..full(&items)
    };
    assert_eq!(
        decide(&leader, Action::Apologize, &c, &no_reason),
        Err(MoveError::ReasonRequired)
    );
    // While overdue, the leader of the current step sees only the apology.
    assert_eq!(available_actions(&leader, &c), [Action::Apologize]);
    // Not before the clock starts, nor once the result is ready.
    for status in [Status::Submitted, Status::ResultReady] {
        let mut c = ctx(status, &steps);
        c.overdue = true;
        assert_eq!(
            decide(&leader, Action::Apologize, &c, &full(&items)),
            Err(MoveError::NotAllowedFromStatus {
                action: Action::Apologize,
                status
            })
        );
    }
}
