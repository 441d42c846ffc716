use super::*;
use crate::text::Text;

/// The process of the example in `procedure-format.md`.
fn example_steps() -> Vec<ProcessStep> {
    [
        ("tiep_nhan", "Tiếp nhận hồ sơ", Role::Reception, 1.0),
        ("tham_dinh", "Thẩm định", Role::Specialist, 4.0),
        ("ky_duyet", "Ký duyệt", Role::Leader, 2.0),
        ("tra_ket_qua", "Trả kết quả", Role::Clerk, 1.0),
    ]
    .into_iter()
    .map(|(id, title, role, duration_hours)| ProcessStep {
        id: id.to_string(),
        title: Text::from(title),
        role,
        duration_hours,
    })
    .collect()
}

fn ctx(status: Status, steps: &[ProcessStep]) -> MoveContext<'_> {
    MoveContext {
        status,
        steps,
        current_step: None,
        status_before_supplement: None,
        overdue: false,
        leader_approved: false,
    }
}

fn items() -> Vec<String> {
    vec!["Bản sao giấy khai sinh".to_string()]
}

fn full(items: &[String]) -> MoveInput<'_> {
    MoveInput {
        reason: "Thiếu giấy tờ",
        items,
        has_result_document: true,
        has_new_due: true,
    }
}

fn staff(roles: &[StaffRole]) -> Actor<'_> {
    Actor::Staff { roles }
}

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

/// Per action: the status codes it is allowed from and the status code it leads to
/// (`None` = stays, for Apologize), as the brief and the spec state them.
fn expected(action: Action) -> (&'static [i32], Option<i32>) {
    match action {
        Action::Accept => (&[1], Some(2)),
        Action::Refuse => (&[1], Some(3)),
        Action::RequestSupplement => (&[1, 4], Some(5)),
        Action::Withdraw => (&[1, 5], Some(7)),
        Action::StartProcessing => (&[2], Some(4)),
        Action::NextStep => (&[4], Some(4)),
        Action::RequestFee => (&[4], Some(6)),
        Action::FeePaid => (&[6], Some(4)),
        Action::Stop => (&[4], Some(8)),
        Action::Finish => (&[4], Some(9)),
        Action::ReturnResult => (&[9], Some(10)),
        Action::Resupply => (&[5], Some(1)),
        Action::Apologize => (&[2, 4, 5, 6], None),
        Action::ApproveStop => (&[4], None),
    }
}

/// A suitable actor and context for `action` from `status`: the single role that does
/// it, the step it is done from, and the flags it needs.
fn suitable(
    action: Action,
    status: Status,
    steps: &[ProcessStep],
) -> (Actor<'static>, MoveContext<'_>) {
    use StaffRole::*;
    let mut c = ctx(status, steps);
    let actor = match action {
        Action::Withdraw | Action::Resupply => Actor::Citizen,
        Action::Accept | Action::Refuse | Action::StartProcessing | Action::ReturnResult => {
            Actor::Staff {
                roles: &[Reception],
            }
        }
        Action::RequestSupplement if status == Status::Submitted => Actor::Staff {
            roles: &[Reception],
        },
        Action::RequestSupplement | Action::NextStep | Action::RequestFee => Actor::Staff {
            roles: &[Specialist],
        },
        Action::FeePaid => Actor::Staff {
            roles: &[Reception],
        },
        Action::Stop | Action::Apologize | Action::ApproveStop => Actor::Staff { roles: &[Leader] },
        Action::Finish => Actor::Staff { roles: &[Clerk] },
    };
    c.current_step = Some(match action {
        Action::Finish => "tra_ket_qua",
        _ => "tham_dinh",
    });
    c.status_before_supplement = Some(Status::Submitted);
    c.overdue = action == Action::Apologize;
    (actor, c)
}

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
fn status_codes_round_trip_and_classify() {
    for (i, s) in Status::ALL.into_iter().enumerate() {
        assert_eq!(s.code(), i as i32 + 1);
        assert_eq!(Status::from_code(s.code()), Some(s));
        // Final = no move out of it.
        let has_exit = Status::ALL.into_iter().any(|t| move_allowed(s, t));
        assert_eq!(s.is_final(), !has_exit, "{s:?}");
        assert_eq!(s.pauses_clock(), matches!(s.code(), 5 | 6));
        // "1→7 or 5→7 by the citizen".
        assert_eq!(s.can_withdraw(), matches!(s.code(), 1 | 5), "{s:?}");
        assert!(!s.title_vi().is_empty());
    }
    assert_eq!(Status::from_code(0), None);
    assert_eq!(Status::from_code(11), None);
    assert_eq!(
        serde_json::to_string(&Status::SupplementRequested).unwrap(),
        "\"supplement_requested\""
    );
}

#[test]
fn staff_roles_parse_and_convert() {
    for r in StaffRole::ALL {
        assert_eq!(StaffRole::parse(r.as_str()), Some(r));
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            format!("\"{}\"", r.as_str())
        );
    }
    assert_eq!(StaffRole::parse("Leader"), None);
    assert_eq!(StaffRole::from(Role::Reception), StaffRole::Reception);
    assert_eq!(StaffRole::from(Role::Specialist), StaffRole::Specialist);
    assert_eq!(StaffRole::from(Role::Leader), StaffRole::Leader);
    assert_eq!(StaffRole::from(Role::Clerk), StaffRole::Clerk);
}

#[test]
fn actions_and_slips_name_themselves() {
    for a in Action::ALL {
        assert_eq!(Action::parse(a.as_str()), Some(a));
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            format!("\"{}\"", a.as_str())
        );
    }
    let numbers: Vec<&str> = Slip::ALL.into_iter().map(Slip::number).collect();
    assert_eq!(numbers, ["01", "02", "03", "04", "05", "06", "07"]);
    assert_eq!(serde_json::to_string(&Slip::S04).unwrap(), "\"04\"");
    assert_eq!(
        Slip::S01.title_vi(),
        "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    );
    assert_eq!(
        Slip::S02.title_vi(),
        "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"
    );
    assert_eq!(
        Slip::S03.title_vi(),
        "Phiếu từ chối tiếp nhận, giải quyết hồ sơ"
    );
    assert_eq!(
        Slip::S04.title_vi(),
        "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
    );
    assert_eq!(Slip::S05.title_vi(), "Thông báo dừng xử lý");
    assert_eq!(
        Slip::S06.title_vi(),
        "Phiếu kiểm soát quá trình giải quyết hồ sơ"
    );
    assert_eq!(Slip::S07.title_vi(), "Sổ theo dõi hồ sơ");
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

#[test]
fn required_texts_are_trimmed() {
    let steps = example_steps();
    let items = items();
    for action in [Action::Refuse, Action::RequestSupplement, Action::Stop] {
        let status = expected(action).0[0];
        let status = Status::from_code(status).unwrap();
        let (actor, c) = suitable(action, status, &steps);
        let input = MoveInput {
            reason: "   ",
            ..full(&items)
        };
        assert_eq!(
            decide(&actor, action, &c, &input),
            Err(MoveError::ReasonRequired),
            "{action:?}"
        );
    }
    let (actor, c) = suitable(Action::RequestSupplement, Status::InProcess, &steps);
    for bad in [
        vec![],
        vec![" ".to_string()],
        vec!["Tờ khai".to_string(), String::new()],
    ] {
        let input = MoveInput {
            items: &bad,
            ..full(&items)
        };
        assert_eq!(
            decide(&actor, Action::RequestSupplement, &c, &input),
            Err(MoveError::ItemsRequired),
            "{bad:?}"
        );
    }
    // Actions that need no input succeed with none.
    let (actor, c) = suitable(Action::Accept, Status::Submitted, &steps);
    assert!(decide(&actor, Action::Accept, &c, &MoveInput::default()).is_ok());
}

#[test]
fn resupply_goes_back_to_the_status_before_the_request() {
    let steps = example_steps();
    let input = MoveInput::default();
    let mut c = ctx(Status::SupplementRequested, &steps);
    c.status_before_supplement = Some(Status::Submitted);
    let m = decide(&Actor::Citizen, Action::Resupply, &c, &input).unwrap();
    assert_eq!(
        (m.from, m.to, m.step),
        (Status::SupplementRequested, Status::Submitted, None)
    );

    c.status_before_supplement = Some(Status::InProcess);
    c.current_step = Some("tham_dinh");
    let m = decide(&Actor::Citizen, Action::Resupply, &c, &input).unwrap();
    assert_eq!(m.to, Status::InProcess);
    assert_eq!(m.step.as_deref(), Some("tham_dinh"));

    // Not blocked by the overdue rule.
    c.overdue = true;
    assert!(decide(&Actor::Citizen, Action::Resupply, &c, &input).is_ok());

    c.current_step = None;
    assert_eq!(
        decide(&Actor::Citizen, Action::Resupply, &c, &input),
        Err(MoveError::UnknownCurrentStep)
    );
    for before in [None, Some(Status::Accepted), Some(Status::FeeDue)] {
        c.status_before_supplement = before;
        assert_eq!(
            decide(&Actor::Citizen, Action::Resupply, &c, &input),
            Err(MoveError::UnknownStatusBeforeSupplement)
        );
    }
}

#[test]
fn next_step_walks_every_step_then_finish() {
    use StaffRole::*;
    let steps = example_steps();
    let input = MoveInput {
        has_result_document: true,
        ..MoveInput::default()
    };
    let reception = staff(&[Reception]);
    let m = decide(
        &reception,
        Action::Accept,
        &ctx(Status::Submitted, &steps),
        &input,
    )
    .unwrap();
    assert_eq!(m.to, Status::Accepted);
    let m = decide(
        &reception,
        Action::StartProcessing,
        &ctx(m.to, &steps),
        &input,
    )
    .unwrap();
    assert_eq!(
        (m.to, m.step.as_deref()),
        (Status::InProcess, Some("tiep_nhan"))
    );

    let mut current = m.step.unwrap();
    let holders: [(&str, &[StaffRole]); 3] = [
        ("tham_dinh", &[Reception]),
        ("ky_duyet", &[Specialist]),
        ("tra_ket_qua", &[Leader]),
    ];
    for (next, roles) in holders {
        let mut c = ctx(Status::InProcess, &steps);
        c.current_step = Some(&current);
        let i = steps.iter().position(|s| s.id == current).unwrap();
        let role = StaffRole::from(steps[i].role);
        // Anyone without the current step's role cannot hand it on.
        for other in StaffRole::ALL.into_iter().filter(|&r| r != role) {
            assert_eq!(
                decide(&staff(&[other]), Action::NextStep, &c, &input),
                Err(MoveError::RoleMissing {
                    action: Action::NextStep,
                    needed: vec![role]
                })
            );
        }
        let m = decide(&staff(roles), Action::NextStep, &c, &input).unwrap();
        assert_eq!((m.from, m.to), (Status::InProcess, Status::InProcess));
        assert_eq!(m.step.as_deref(), Some(next));
        current = m.step.unwrap();
    }
    let mut c = ctx(Status::InProcess, &steps);
    c.current_step = Some(&current);
    let clerk = staff(&[Clerk]);
    assert_eq!(
        decide(&clerk, Action::NextStep, &c, &input),
        Err(MoveError::AlreadyLastStep)
    );
    let m = decide(&clerk, Action::Finish, &c, &input).unwrap();
    assert_eq!(
        (m.from, m.to, m.step),
        (Status::InProcess, Status::ResultReady, None)
    );
    let m = decide(&reception, Action::ReturnResult, &ctx(m.to, &steps), &input).unwrap();
    assert_eq!(m.to, Status::Returned);
    assert!(m.to.is_final());
}

#[test]
fn missing_or_unknown_steps_are_refused() {
    let steps = example_steps();
    let input = MoveInput::default();
    let all = staff(&StaffRole::ALL);
    assert_eq!(
        decide(
            &all,
            Action::StartProcessing,
            &ctx(Status::Accepted, &[]),
            &input
        ),
        Err(MoveError::NoProcessSteps)
    );
    assert_eq!(
        decide(&all, Action::NextStep, &ctx(Status::InProcess, &[]), &input),
        Err(MoveError::NoProcessSteps)
    );
    let mut c = ctx(Status::InProcess, &steps);
    assert_eq!(
        decide(&all, Action::NextStep, &c, &input),
        Err(MoveError::UnknownCurrentStep)
    );
    c.current_step = Some("khong_co");
    assert_eq!(
        decide(&all, Action::NextStep, &c, &input),
        Err(MoveError::UnknownCurrentStep)
    );
    let mut c = ctx(Status::FeeDue, &steps);
    c.current_step = Some("khong_co");
    assert_eq!(
        decide(&all, Action::FeePaid, &c, &input),
        Err(MoveError::UnknownCurrentStep)
    );
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

#[test]
fn errors_have_messages_and_keys() {
    let e = MoveError::RoleMissing {
        action: Action::Finish,
        needed: vec![StaffRole::Leader, StaffRole::Clerk],
    };
    assert_eq!(
        e.to_string(),
        "action finish needs one of the roles: leader, clerk"
    );
    assert_eq!(e.key(), "role_missing");
    let e = MoveError::NotAllowedFromStatus {
        action: Action::Accept,
        status: Status::Returned,
    };
    assert_eq!(
        e.to_string(),
        "action accept is not allowed from status 10 (Returned)"
    );
}
