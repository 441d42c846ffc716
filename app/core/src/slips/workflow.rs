//! The slips the processing issues: the apology for a late result (04), the notice that
//! processing stopped (05), and the control sheet of every hand-off (06).

use motcua_domain::calendar::result_class;
use motcua_domain::format::format_datetime_vn;
use motcua_domain::workflow::EventDetails;
use motcua_slip::{Block, Signer};
use motcua_store::{Event, RecordedActor};

use super::context::{Body, SlipContext, applicant_fields, class_vi, officer, opt_moment};

/// The head of the agency signs slips 04 and 05; the name is written by hand.
fn head_of_agency() -> Option<Signer> {
    Some(Signer {
        role: "THỦ TRƯỞNG CƠ QUAN".into(),
        name: String::new(),
    })
}

/// Slip 04: the apology, with the new due moment.
pub(super) fn apology(c: &SlipContext, e: &Event) -> Option<Body> {
    let EventDetails::Apologize {
        old_due,
        new_due,
        responsible_unit,
    } = &e.details
    else {
        return None;
    };
    let mut f = applicant_fields(c, false);
    f.push((
        "Thời điểm tiếp nhận".into(),
        opt_moment(c.dossier.state.accepted_at),
    ));
    f.push(("Hẹn trả kết quả ban đầu".into(), opt_moment(*old_due)));
    f.push(("Đơn vị để chậm".into(), responsible_unit.clone()));
    f.push(("Lý do chậm".into(), e.reason.clone().unwrap_or_default()));
    Some(Body {
        blocks: vec![
            Block::Fields(f),
            Block::Paragraph(format!(
                "{} thành thật xin lỗi ông/bà vì đã chậm trả kết quả giải quyết hồ sơ so với thời hạn đã hẹn, và hẹn lại thời gian trả kết quả như sau:",
                c.agency.name
            )),
            Block::Fields(vec![
                ("Hẹn trả kết quả mới".into(), opt_moment(Some(*new_due))),
                ("Nơi trả kết quả".into(), c.agency.name.clone()),
            ]),
        ],
        signer: head_of_agency(),
    })
}

/// Slip 05: processing stopped, why, on which legal basis.
pub(super) fn stop(c: &SlipContext, e: &Event) -> Body {
    Body {
        blocks: vec![
            Block::Fields(applicant_fields(c, false)),
            Block::Paragraph("Cơ quan dừng giải quyết hồ sơ của ông/bà với lý do:".into()),
            Block::Paragraph(e.reason.clone().unwrap_or_default()),
            Block::Heading("Căn cứ pháp lý".into()),
            Block::Numbered(c.procedure.legal_basis.clone()),
        ],
        signer: head_of_agency(),
    }
}

/// Slip 06: the whole history as hand-offs.
pub(super) fn control_sheet(c: &SlipContext) -> Body {
    Body {
        blocks: vec![
            Block::Fields(applicant_fields(c, false)),
            Block::Table {
                headers: vec![
                    "Bên giao".into(),
                    "Bên nhận".into(),
                    "Thời điểm".into(),
                    "Hạn của bước".into(),
                    "Kết quả".into(),
                    "Ghi chú".into(),
                ],
                rows: control_rows(c),
            },
        ],
        signer: None,
    }
}

/// One row per hand-off, judged against the due moment of the step handed on.
fn control_rows(c: &SlipContext) -> Vec<Vec<String>> {
    let mut rows = vec![];
    for e in c.events {
        let from = match e.recorded_actor() {
            RecordedActor::Citizen => "Công dân".to_string(),
            RecordedActor::Staff(_) => officer(c, e).0,
        };
        let to = e
            .details
            .step_entered()
            .and_then(|s| s.assignee.as_ref())
            .map(|a| a.name.clone())
            .unwrap_or_else(|| c.names.status(e.to_status).to_string());
        let step_due = e.details.step_left().map(|left| left.due);
        let class = step_due
            .map(|due| class_vi(result_class(e.at, due)).to_string())
            .unwrap_or_default();
        let mut note = c.names.status(e.to_status).to_string();
        if let Some(r) = &e.reason {
            note = format!("{note}: {r}");
        }
        rows.push(vec![
            from,
            to,
            format_datetime_vn(e.at),
            opt_moment(step_due),
            class,
            note,
        ]);
    }
    rows
}
