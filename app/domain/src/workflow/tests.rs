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

mod names;
mod overdue;
mod roles;
mod steps;
mod table;
