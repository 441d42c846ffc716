//! The inputs of a move and the process steps it walks: trimmed texts, resupply, next step,
//! missing or unknown steps.

use super::*;

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
    // A reason past the cap is refused, whichever action carries it, never cut.
    let long = "ơ".repeat(crate::plain_text::MAX_TEXT_CHARS + 1);
    for action in [Action::Refuse, Action::Withdraw, Action::Accept] {
        let status = Status::from_code(expected(action).0[0]).unwrap();
        let (actor, c) = suitable(action, status, &steps);
        let input = MoveInput {
            reason: &long,
            ..full(&items)
        };
        assert_eq!(
            decide(&actor, action, &c, &input),
            Err(MoveError::TextTooLong),
            "{action:?}"
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
