use serde_json::{Value, json};
use time::macros::datetime;

use super::*;
use crate::calendar::WorkingCalendar;
use crate::check::parse_procedure;

const AT: OffsetDateTime = datetime!(2026-12-02 09:00 +07:00);
const LATER: OffsetDateTime = datetime!(2026-12-07 17:00 +07:00);

fn walk() -> DueWalk {
    let p = parse_procedure(include_str!(
        "../../../../../demo/procedures/2.000635.000.00.00.H56.json"
    ))
    .unwrap_or_else(|e| panic!("{e:#?}"));
    WorkingCalendar::new([]).due(AT, &p.duration)
}

fn moment(m: OffsetDateTime) -> Value {
    serde_json::to_value(m).unwrap()
}

fn lan() -> AssigneeNote {
    AssigneeNote {
        id: 7,
        name: "Lê Thị Lan".into(),
    }
}

/// One event of every kind, with its statuses, and the details as rows written before
/// kinds were stored held them (`MoveDetails`: every fact a key, and the slip).
fn samples() -> Vec<(Option<Status>, Status, EventDetails, Option<Value>)> {
    use Status::*;
    let item = SupplementItem {
        kind: SupplementItemKind::Document,
        id: "cccd".into(),
        label: "Căn cước".into(),
    };
    let entered = StepEntered {
        step_due: LATER,
        assignee: Some(lan()),
    };
    let left = StepLeft {
        step: "tiep_nhan".into(),
        due: AT,
    };
    let pause = EndedPause {
        from: AT,
        minutes: 480,
    };
    vec![
        (None, Submitted, EventDetails::Filed, None),
        (
            Some(Submitted),
            Accepted,
            EventDetails::Accept {
                due: LATER,
                walk: Some(walk()),
            },
            Some(json!({"due": moment(LATER), "walk": walk(), "slip": "01"})),
        ),
        (
            Some(Submitted),
            Refused,
            EventDetails::Refuse,
            Some(json!({"slip": "03"})),
        ),
        (
            Some(InProcess),
            SupplementRequested,
            EventDetails::RequestSupplement {
                items: vec![item.clone()],
            },
            Some(json!({"items": [item], "slip": "02"})),
        ),
        (
            Some(SupplementRequested),
            Withdrawn,
            EventDetails::Withdraw,
            None,
        ),
        (
            Some(Accepted),
            InProcess,
            EventDetails::StartProcessing {
                entered: entered.clone(),
            },
            Some(json!({"step_due": moment(LATER), "assignee": lan()})),
        ),
        (
            Some(InProcess),
            InProcess,
            EventDetails::NextStep {
                left: Some(left.clone()),
                entered: StepEntered {
                    step_due: LATER,
                    assignee: None,
                },
            },
            Some(json!({
                "left_step": "tiep_nhan", "left_step_due": moment(AT), "step_due": moment(LATER)
            })),
        ),
        (Some(InProcess), FeeDue, EventDetails::RequestFee, None),
        (
            Some(FeeDue),
            InProcess,
            EventDetails::FeePaid {
                pause: Some(pause.clone()),
            },
            Some(json!({"paused_from": moment(AT), "paused_minutes": 480})),
        ),
        (
            Some(InProcess),
            Stopped,
            EventDetails::Stop {
                leader_approved: true,
            },
            Some(json!({"leader_approved": true, "slip": "05"})),
        ),
        (
            Some(InProcess),
            ResultReady,
            EventDetails::Finish {
                left: Some(left.clone()),
            },
            Some(json!({"left_step": "tiep_nhan", "left_step_due": moment(AT)})),
        ),
        (
            Some(ResultReady),
            Returned,
            EventDetails::ReturnResult,
            None,
        ),
        (
            Some(SupplementRequested),
            Submitted,
            EventDetails::Resupply { pause: None },
            None,
        ),
        (
            Some(InProcess),
            InProcess,
            EventDetails::Apologize {
                old_due: Some(AT),
                new_due: LATER,
                responsible_unit: "Phòng Tư pháp".into(),
            },
            Some(json!({
                "old_due": moment(AT), "new_due": moment(LATER),
                "responsible_unit": "Phòng Tư pháp", "slip": "04"
            })),
        ),
        (
            Some(InProcess),
            InProcess,
            EventDetails::ApproveStop,
            Some(json!({"stop_approval": true})),
        ),
    ]
}

#[test]
fn every_kind_is_sampled() {
    let samples = samples();
    for action in Action::ALL {
        assert!(
            samples
                .iter()
                .any(|(_, _, d, _)| d.action() == Some(action)),
            "{action:?} has no sample"
        );
    }
}

#[test]
fn every_kind_is_stored_under_its_action_name_and_reads_back() {
    for (from, to, details, _) in samples() {
        let stored = serde_json::to_value(&details).unwrap();
        let name = details.action().map_or("filed", Action::as_str);
        assert_eq!(stored["kind"], name, "{details:?}");
        assert_eq!(
            EventDetails::decode(from, to, Some(stored)).unwrap(),
            details
        );
    }
}

#[test]
fn rows_written_before_kinds_were_stored_read_as_their_kind() {
    for (from, to, details, old) in samples() {
        let decoded = EventDetails::decode(from, to, old.clone());
        assert_eq!(decoded.unwrap(), details, "{old:?}");
    }
}

#[test]
fn the_slip_follows_from_the_kind() {
    let slips: Vec<(Option<Slip>, Option<Value>)> = samples()
        .into_iter()
        .map(|(_, _, d, old)| (d.slip(), old))
        .collect();
    for (slip, old) in slips {
        let written = old.as_ref().and_then(|o| o.get("slip")).cloned();
        assert_eq!(slip.map(|s| json!(s)), written);
    }
}

#[test]
fn a_row_without_a_kind_whose_statuses_no_action_makes_is_refused() {
    let stored = Some(json!({"due": moment(AT)}));
    assert!(EventDetails::decode(Some(Status::Returned), Status::Submitted, stored).is_err());
    // The allowed-move list has no apology once the result is ready.
    let stored = Some(json!({"new_due": moment(LATER)}));
    assert!(EventDetails::decode(Some(Status::ResultReady), Status::ResultReady, stored).is_err());
}

#[test]
fn a_kind_missing_what_it_must_hold_is_an_error_not_a_guess() {
    let stored = json!({"kind": "accept", "walk": walk()});
    assert!(EventDetails::decode(Some(Status::Submitted), Status::Accepted, Some(stored)).is_err());
}

#[test]
fn the_pair_of_a_step_left_or_a_pause_is_written_only_when_there_is_one() {
    let finish = EventDetails::Finish { left: None };
    assert_eq!(
        serde_json::to_value(&finish).unwrap(),
        json!({"kind": "finish"})
    );
    let paid = EventDetails::FeePaid { pause: None };
    assert_eq!(
        EventDetails::decode(Some(Status::FeeDue), Status::InProcess, None).unwrap(),
        paid
    );
}

#[test]
fn a_pair_there_but_malformed_or_half_there_is_an_error_not_none() {
    use Status::*;
    let cases = [
        (
            FeeDue,
            InProcess,
            json!({"kind": "fee_paid", "paused_from": "yesterday", "paused_minutes": 480}),
        ),
        (
            FeeDue,
            InProcess,
            json!({"kind": "fee_paid", "paused_minutes": 480}),
        ),
        (
            SupplementRequested,
            Submitted,
            json!({"kind": "resupply", "paused_from": moment(AT), "paused_minutes": "8h"}),
        ),
        (
            InProcess,
            ResultReady,
            json!({"kind": "finish", "left_step": "tiep_nhan"}),
        ),
        (
            InProcess,
            InProcess,
            json!({"kind": "next_step", "left_step": 7, "left_step_due": moment(AT), "step_due": moment(LATER)}),
        ),
    ];
    for (from, to, stored) in cases {
        let read = EventDetails::decode(Some(from), to, Some(stored.clone()));
        assert!(read.is_err(), "{stored} read as {read:?}");
    }
    // Absent, or written as nulls: there was none.
    let nulls = json!({"kind": "finish", "left_step": null, "left_step_due": null});
    assert_eq!(
        EventDetails::decode(Some(InProcess), ResultReady, Some(nulls)).unwrap(),
        EventDetails::Finish { left: None }
    );
}
