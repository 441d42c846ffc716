//! The slips handed to the applicant at reception: the receipt (01), the request to
//! supplement (02) and the refusal (03), each made from the event that issued it.

use motcua_domain::format::{format_datetime_vn, format_vnd};
use motcua_domain::text::Lang;
use motcua_domain::workflow::EventDetails;
use motcua_slip::{Block, Signer};
use motcua_store::Event;

use super::context::{Body, SlipContext, applicant_fields, duration_vi, officer, opt_moment};

/// Slip 01: what was received, when the result is due and how to follow the dossier.
pub(super) fn receipt(c: &SlipContext, e: &Event) -> Body {
    let p = c.procedure;
    let (name, _) = officer(c, e);
    let mut f = applicant_fields(c, true);
    f.push(("Thời hạn giải quyết".into(), duration_vi(p)));
    f.push(("Thời điểm tiếp nhận".into(), format_datetime_vn(e.at)));
    let due = match &e.details {
        EventDetails::Accept { due, .. } => Some(*due),
        _ => None,
    };
    f.push(("Hẹn trả kết quả".into(), opt_moment(due)));
    if let Some(access) = &c.access_code {
        // With the dossier code it opens the slips, the supplement answer and withdrawal
        // for a citizen without an account (the spec prints it here and on the receipt).
        f.push((
            "Mã truy cập (giữ bí mật, dùng cùng mã hồ sơ)".into(),
            access.grouped(),
        ));
    }
    let mut blocks = vec![
        Block::Fields(f),
        Block::Heading("Thành phần hồ sơ đã nhận".into()),
        Block::Table {
            headers: vec![
                "STT".into(),
                "Tên giấy tờ".into(),
                "Bản chính/bản sao".into(),
                "Số lượng".into(),
            ],
            // Only what was received: a document the citizen did not have to send (or
            // could not, being hidden by their answers) is not on the receipt.
            rows: p
                .documents
                .iter()
                .filter(|doc| c.received.iter().any(|f| f.document_id == doc.id))
                .enumerate()
                .map(|(i, doc)| {
                    vec![
                        (i + 1).to_string(),
                        doc.name.get(Lang::Vi).to_string(),
                        c.names.copy_kind(doc.copy).to_string(),
                        doc.quantity.to_string(),
                    ]
                })
                .collect(),
        },
    ];
    let fees: u64 = p.fees.iter().map(|f| f.amount_vnd).sum();
    if fees > 0 {
        blocks.push(Block::Paragraph(format!(
            "Phí, lệ phí: {}",
            format_vnd(fees)
        )));
    }
    blocks.push(Block::Paragraph(format!(
        "Kết quả: {}. Nhận kết quả: {}.",
        p.result.name.get(Lang::Vi),
        p.result
            .delivery
            .iter()
            .map(|x| c.names.delivery(*x))
            .collect::<Vec<_>>()
            .join("; ")
    )));
    blocks.push(Block::Paragraph(format!(
        "Tra cứu tình trạng hồ sơ bằng mã hồ sơ và số định danh cá nhân tại {}.",
        c.lookup_url
    )));
    Body {
        blocks,
        signer: Some(Signer {
            role: "NGƯỜI TIẾP NHẬN".into(),
            name,
        }),
    }
}

/// Slip 02: what to supplement, why, and who to ask.
pub(super) fn supplement_request(c: &SlipContext, e: &Event) -> Body {
    let (name, phone) = officer(c, e);
    let mut contact = vec![("Cán bộ hướng dẫn".into(), name.clone())];
    if let Some(phone) = phone {
        contact.push(("Số điện thoại".into(), phone));
    }
    Body {
        blocks: vec![
            Block::Fields(applicant_fields(c, false)),
            Block::Paragraph(
                "Đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:".into(),
            ),
            Block::Numbered(crate::workflow::requested_item_labels(e)),
            Block::Fields(vec![("Lý do".into(), e.reason.clone().unwrap_or_default())]),
            Block::Fields(contact),
            Block::Paragraph(
                "Ông/bà bổ sung trực tuyến tại trang tra cứu hồ sơ, hoặc tại Bộ phận Một cửa."
                    .into(),
            ),
        ],
        signer: Some(Signer {
            role: "NGƯỜI HƯỚNG DẪN".into(),
            name,
        }),
    }
}

/// Slip 03: why the dossier is not accepted, and where to read the rules.
pub(super) fn refusal(c: &SlipContext, e: &Event) -> Body {
    let (d, p) = (c.dossier, c.procedure);
    let (name, _) = officer(c, e);
    Body {
        blocks: vec![
            Block::Fields(applicant_fields(c, false)),
            Block::Paragraph(
                "Cơ quan không tiếp nhận, giải quyết hồ sơ của ông/bà với lý do cụ thể như sau:"
                    .into(),
            ),
            Block::Paragraph(e.reason.clone().unwrap_or_default()),
            Block::Heading("Căn cứ, quy định có thể tham khảo".into()),
            Block::Numbered(p.legal_basis.clone()),
            Block::Paragraph(format!(
                "Thông tin thủ tục: {}",
                c.lookup_url.replace(
                    &format!("/tra-cuu?ma={}", d.code),
                    &format!("/thu-tuc/{}", p.code)
                )
            )),
        ],
        signer: Some(Signer {
            role: "NGƯỜI TIẾP NHẬN".into(),
            name,
        }),
    }
}
