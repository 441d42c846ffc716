//! The allowed moves: the spec's table, each action from its statuses, and every decided move
//! and offered action against them.

use super::*;

/// The spec's allowed moves, written out independently of `move_allowed`.
const TABLE: [(i32, i32); 15] = [
    (1, 2),
    (1, 3),
    (1, 5),
    (1, 7),
    (2, 4),
    (4, 4),
    (4, 5),
    (4, 6),
    (4, 8),
    (4, 9),
    (5, 1),
    (5, 4),
    (5, 7),
    (6, 4),
    (9, 10),
];

#[test]
fn move_allowed_matches_the_spec_table_exactly() {
    for from in 1..=10 {
        for to in 1..=10 {
            let (f, t) = (
                Status::from_code(from).unwrap(),
                Status::from_code(to).unwrap(),
            );
            assert_eq!(
                move_allowed(f, t),
                TABLE.contains(&(from, to)),
                "{from}→{to}"
            );
        }
    }
}

#[test]
fn every_action_succeeds_from_its_statuses_and_only_there() {
    let steps = example_steps();
    let items = items();
    for action in Action::ALL {
        let (allowed, to) = expected(action);
        for status in Status::ALL {
            let (actor, c) = suitable(action, status, &steps);
            let got = decide(&actor, action, &c, &full(&items));
            if allowed.contains(&status.code()) {
                let m = got.unwrap_or_else(|e| panic!("{action:?} from {status:?}: {e}"));
                assert_eq!(m.from, status);
                assert_eq!(m.to.code(), to.unwrap_or(status.code()), "{action:?}");
                assert_eq!(m.slip, action.slip());
            } else {
                assert_eq!(
                    got,
                    Err(MoveError::NotAllowedFromStatus { action, status }),
                    "{action:?} from {status:?}"
                );
            }
        }
    }
}

#[test]
fn moves_carry_their_slips_and_steps() {
    let steps = example_steps();
    let items = items();
    let input = full(&items);
    let go = |action, status| {
        let (actor, c) = suitable(action, status, &steps);
        decide(&actor, action, &c, &input).unwrap()
    };
    use Status::*;
    assert_eq!(go(Action::Accept, Submitted).slip, Some(Slip::S01));
    assert_eq!(go(Action::Refuse, Submitted).slip, Some(Slip::S03));
    assert_eq!(
        go(Action::RequestSupplement, InProcess).slip,
        Some(Slip::S02)
    );
    assert_eq!(go(Action::Stop, InProcess).slip, Some(Slip::S05));
    assert_eq!(go(Action::Apologize, InProcess).slip, Some(Slip::S04));
    assert_eq!(go(Action::Finish, InProcess).slip, None);
    assert_eq!(
        go(Action::StartProcessing, Accepted).step.as_deref(),
        Some("tiep_nhan")
    );
    assert_eq!(
        go(Action::NextStep, InProcess).step.as_deref(),
        Some("ky_duyet")
    );
    assert_eq!(
        go(Action::FeePaid, FeeDue).step.as_deref(),
        Some("tham_dinh")
    );
    assert_eq!(go(Action::RequestFee, InProcess).step, None);
    assert_eq!(go(Action::Apologize, InProcess).step, None);
}

/// Every combination of status, action, actor and context that the tests below sweep.
fn sweep(steps: &[ProcessStep], mut f: impl FnMut(&Actor, &MoveContext)) {
    use StaffRole::*;
    let role_sets: [&[StaffRole]; 7] = [
        &[],
        &[Reception],
        &[Specialist],
        &[Leader],
        &[Clerk],
        &[Admin],
        &[Reception, Specialist, Leader, Clerk, Admin],
    ];
    let mut actors = vec![Actor::Citizen];
    actors.extend(role_sets.iter().map(|r| Actor::Staff { roles: r }));
    let mut currents: Vec<Option<&str>> = vec![None, Some("khong_co")];
    currents.extend(steps.iter().map(|s| Some(s.id.as_str())));
    let befores = [
        None,
        Some(Status::Submitted),
        Some(Status::InProcess),
        Some(Status::FeeDue),
    ];
    for status in Status::ALL {
        for actor in &actors {
            for &current_step in &currents {
                for status_before_supplement in befores {
                    for overdue in [false, true] {
                        for leader_approved in [false, true] {
                            let c = MoveContext {
                                status,
                                steps,
                                current_step,
                                status_before_supplement,
                                overdue,
                                leader_approved,
                            };
                            f(actor, &c);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_decided_move_is_in_the_table() {
    let steps = example_steps();
    let items = items();
    let input = full(&items);
    let mut decided = 0;
    sweep(&steps, |actor, c| {
        for action in Action::ALL {
            if let Ok(m) = decide(actor, action, c, &input) {
                decided += 1;
                assert_eq!(m.from, c.status);
                assert!(
                    move_allowed(m.from, m.to) || (action == Action::Apologize && m.from == m.to),
                    "{action:?}: {m:?}"
                );
                // A step is named exactly when the dossier ends up in a process step.
                assert_eq!(
                    m.step.is_some(),
                    m.to == Status::InProcess && action != Action::Apologize,
                    "{action:?}: {m:?}"
                );
                if let Some(id) = &m.step {
                    assert!(steps.iter().any(|s| &s.id == id));
                }
            }
        }
    });
    assert!(decided > 0);
}

#[test]
fn available_actions_agree_with_decide() {
    let steps = example_steps();
    let items = items();
    let input = full(&items);
    sweep(&steps, |actor, c| {
        let expected: Vec<Action> = Action::ALL
            .into_iter()
            .filter(|&a| decide(actor, a, c, &input).is_ok())
            .collect();
        assert_eq!(available_actions(actor, c), expected, "{actor:?} {c:?}");
    });
    // And a few pages as staff would see them.
    use StaffRole::*;
    let reception = staff(&[Reception]);
    assert_eq!(
        available_actions(&reception, &ctx(Status::Submitted, &steps)),
        [Action::Accept, Action::Refuse, Action::RequestSupplement]
    );
    assert_eq!(
        available_actions(&Actor::Citizen, &ctx(Status::Submitted, &steps)),
        [Action::Withdraw]
    );
    let mut c = ctx(Status::SupplementRequested, &steps);
    c.status_before_supplement = Some(Status::Submitted);
    assert_eq!(
        available_actions(&Actor::Citizen, &c),
        [Action::Withdraw, Action::Resupply]
    );
    let mut c = ctx(Status::InProcess, &steps);
    c.current_step = Some("tham_dinh");
    assert_eq!(
        available_actions(&staff(&[Specialist]), &c),
        [
            Action::RequestSupplement,
            Action::NextStep,
            Action::RequestFee
        ]
    );
    for status in Status::ALL.into_iter().filter(|s| s.is_final()) {
        let c = ctx(status, &steps);
        assert!(available_actions(&staff(&StaffRole::ALL), &c).is_empty());
        assert!(available_actions(&Actor::Citizen, &c).is_empty());
    }
    let c = ctx(Status::Submitted, &steps);
    assert!(available_actions(&staff(&[Admin]), &c).is_empty());
}
