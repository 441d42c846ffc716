//! Statuses, roles, actions and errors name themselves and round-trip.

use super::*;

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
