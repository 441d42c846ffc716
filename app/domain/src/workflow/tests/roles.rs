//! Who may take which action: the roles, a leader's approval of a stop, who finishes.

use super::*;

#[test]
fn staff_actions_need_their_roles() {
    use StaffRole::*;
    let steps = example_steps();
    let items = items();
    // Per staff action (in its suitable context): the single roles that may do it.
    let cases: [(Action, Status, &[StaffRole]); 12] = [
        (Action::Accept, Status::Submitted, &[Reception]),
        (Action::Refuse, Status::Submitted, &[Reception]),
        (Action::RequestSupplement, Status::Submitted, &[Reception]),
        (
            Action::RequestSupplement,
            Status::InProcess,
            &[Specialist, Reception],
        ),
        (Action::StartProcessing, Status::Accepted, &[Reception]),
        (Action::NextStep, Status::InProcess, &[Specialist]),
        (Action::RequestFee, Status::InProcess, &[Specialist]),
        (Action::FeePaid, Status::FeeDue, &[Specialist, Reception]),
        (Action::Stop, Status::InProcess, &[Leader]),
        (Action::Finish, Status::InProcess, &[Clerk]),
        (Action::ReturnResult, Status::ResultReady, &[Reception]),
        (Action::Apologize, Status::InProcess, &[Leader, Reception]),
    ];
    for (action, status, ok_roles) in cases {
        let (_, c) = suitable(action, status, &steps);
        for role in StaffRole::ALL {
            let got = decide(&staff(&[role]), action, &c, &full(&items));
            if ok_roles.contains(&role) {
                assert!(got.is_ok(), "{action:?} by {role:?}: {got:?}");
            } else if action == Action::Stop && role == Specialist {
                assert_eq!(got, Err(MoveError::LeaderApprovalRequired));
            } else {
                assert!(
                    matches!(got, Err(MoveError::RoleMissing { action: a, .. }) if a == action),
                    "{action:?} by {role:?}: {got:?}"
                );
            }
        }
        // Admin acts on no dossier, and no staff action is the citizen's.
        assert!(matches!(
            decide(&staff(&[Admin]), action, &c, &full(&items)),
            Err(MoveError::RoleMissing { .. })
        ));
        assert_eq!(
            decide(&Actor::Citizen, action, &c, &full(&items)),
            Err(MoveError::StaffOnly)
        );
    }
    for action in [Action::Withdraw, Action::Resupply] {
        let (_, c) = suitable(action, Status::SupplementRequested, &steps);
        assert_eq!(
            decide(&staff(&StaffRole::ALL), action, &c, &full(&items)),
            Err(MoveError::CitizenOnly)
        );
    }
}

#[test]
fn stop_by_a_specialist_needs_leader_approval() {
    let steps = example_steps();
    let items = items();
    let (_, mut c) = suitable(Action::Stop, Status::InProcess, &steps);
    let specialist = staff(&[StaffRole::Specialist]);
    assert_eq!(
        decide(&specialist, Action::Stop, &c, &full(&items)),
        Err(MoveError::LeaderApprovalRequired)
    );
    c.leader_approved = true;
    assert!(decide(&specialist, Action::Stop, &c, &full(&items)).is_ok());
    assert_eq!(
        decide(&staff(&[StaffRole::Clerk]), Action::Stop, &c, &full(&items)),
        Err(MoveError::RoleMissing {
            action: Action::Stop,
            needed: vec![StaffRole::Leader, StaffRole::Specialist]
        })
    );
}

#[test]
fn finish_needs_leader_or_clerk_and_the_last_steps_role() {
    use StaffRole::*;
    let items = items();
    // Example process: the last step is the clerk's, so a leader alone cannot finish.
    let steps = example_steps();
    let (_, c) = suitable(Action::Finish, Status::InProcess, &steps);
    assert_eq!(
        decide(&staff(&[Leader]), Action::Finish, &c, &full(&items)),
        Err(MoveError::RoleMissing {
            action: Action::Finish,
            needed: vec![Clerk]
        })
    );
    // A process whose last step is a specialist's: the specialist must also be a leader
    // or clerk.
    let mut odd = example_steps();
    odd.truncate(2);
    let mut c = ctx(Status::InProcess, &odd);
    c.current_step = Some("tham_dinh");
    assert_eq!(
        decide(&staff(&[Specialist]), Action::Finish, &c, &full(&items)),
        Err(MoveError::RoleMissing {
            action: Action::Finish,
            needed: vec![Leader, Clerk]
        })
    );
    assert!(
        decide(
            &staff(&[Specialist, Leader]),
            Action::Finish,
            &c,
            &full(&items)
        )
        .is_ok()
    );
    // Not from an earlier step.
    let mut c = ctx(Status::InProcess, &steps);
    c.current_step = Some("ky_duyet");
    assert_eq!(
        decide(&staff(&[Leader, Clerk]), Action::Finish, &c, &full(&items)),
        Err(MoveError::NotLastStep)
    );
    // The result document.
    let (actor, c) = suitable(Action::Finish, Status::InProcess, &steps);
    let input = MoveInput {
        has_result_document: false,
        ..full(&items)
    };
    assert_eq!(
        decide(&actor, Action::Finish, &c, &input),
        Err(MoveError::ResultDocumentRequired)
    );
}

#[test]
fn a_leader_approves_a_stop_once_and_a_specialist_may_then_stop() {
    use StaffRole::*;
    let steps = example_steps();
    let items = items();
    let input = full(&items);
    let mut c = ctx(Status::InProcess, &steps);
    c.current_step = Some("tham_dinh");
    let leader = Actor::Staff { roles: &[Leader] };
    let specialist = Actor::Staff {
        roles: &[Specialist],
    };
    let m = decide(&leader, Action::ApproveStop, &c, &input).unwrap();
    assert_eq!(
        (m.from, m.to, m.step.as_deref(), m.slip),
        (
            Status::InProcess,
            Status::InProcess,
            Some("tham_dinh"),
            None
        ),
        "keeps the status and the step, no slip"
    );
    assert!(available_actions(&leader, &c).contains(&Action::ApproveStop));
    assert!(matches!(
        decide(&specialist, Action::ApproveStop, &c, &input),
        Err(MoveError::RoleMissing { .. })
    ));
    assert_eq!(
        decide(&specialist, Action::Stop, &c, &input),
        Err(MoveError::LeaderApprovalRequired)
    );
    c.leader_approved = true;
    assert_eq!(
        decide(&leader, Action::ApproveStop, &c, &input),
        Err(MoveError::AlreadyApproved)
    );
    assert!(!available_actions(&leader, &c).contains(&Action::ApproveStop));
    assert!(decide(&specialist, Action::Stop, &c, &input).is_ok());
    c.leader_approved = false;
    c.overdue = true;
    assert_eq!(
        decide(&leader, Action::ApproveStop, &c, &input),
        Err(MoveError::ApologyRequired)
    );
}
