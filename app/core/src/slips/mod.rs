//! The standard slips (mẫu phiếu 01–07) of a dossier, built from the dossier, its procedure
//! version and its append-only events, so a slip printed again later says exactly what it
//! said the first time. Each becomes the print page (`pages/slip.rs`) and the PDF
//! (`motcua-slip`) from the same [`SlipDoc`]. Server only.

use motcua_domain::calendar::{ResultClass, result_class};
use motcua_domain::format::{date_line_vi, format_datetime_vn, format_vnd};
use motcua_domain::procedure::{DurationUnit, Procedure};
use motcua_domain::text::Lang;
use motcua_domain::workflow::{Slip, Status};
use motcua_slip::{Block, Paper, Signer, SlipDoc};
use motcua_store::{Agency, Dossier, Event, QueueRow, Store};
use serde_json::Value;
use time::OffsetDateTime;

use crate::api::state::Units;

/// The slips a dossier has, with the event that issued each (slip 06 is made from the
/// whole history once the dossier has been accepted).
pub fn issued(d: &Dossier, events: &[Event]) -> Vec<(Slip, Option<i64>)> {
    let mut out: Vec<(Slip, Option<i64>)> = events
        .iter()
        .filter_map(|e| Some((e.details.slip?, Some(e.id))))
        .collect();
    if d.state.accepted_at.is_some() {
        out.push((Slip::S06, None));
    }
    out
}

/// Whether the citizen receives this slip (06 and 07 are the agency's records).
pub fn for_citizen(slip: Slip) -> bool {
    !matches!(slip, Slip::S06 | Slip::S07)
}

fn opt_moment(m: Option<OffsetDateTime>) -> String {
    m.map(format_datetime_vn).unwrap_or_else(|| "—".into())
}

/// "3 ngày làm việc", "8 giờ làm việc", "15 ngày".
pub fn duration_vi(p: &Procedure) -> String {
    let amount = motcua_domain::format::format_decimal(p.duration.amount);
    match p.duration.unit {
        DurationUnit::WorkingDays => format!("{amount} ngày làm việc"),
        DurationUnit::WorkingHours => format!("{amount} giờ làm việc"),
        DurationUnit::CalendarDays => format!("{amount} ngày"),
    }
}

pub fn class_vi(c: ResultClass) -> &'static str {
    match c {
        ResultClass::Early => "Trước hạn",
        ResultClass::OnTime => "Đúng hạn",
        ResultClass::Late => "Quá hạn",
    }
}

/// What every slip of a dossier shares.
pub struct SlipContext<'a> {
    pub dossier: &'a Dossier,
    pub procedure: &'a Procedure,
    pub agency: &'a Agency,
    pub events: &'a [Event],
    pub units: &'a Units,
    /// The public lookup address of this dossier (for the QR code).
    pub lookup_url: String,
    /// Names of staff accounts by id (for slip 06 and the officers' lines).
    pub names: &'a dyn Fn(i64) -> Option<(String, Option<String>)>,
    /// The files the dossier holds now, for the documents received on slip 01.
    pub received: &'a [motcua_store::UploadedFile],
}

fn place(units: &Units, agency: &Agency) -> String {
    agency
        .unit_code
        .as_deref()
        .and_then(|c| units.name(c))
        .map(|n| {
            n.trim_start_matches("Tỉnh ")
                .trim_start_matches("Thành phố ")
                .trim_start_matches("Xã ")
                .trim_start_matches("Phường ")
                .to_string()
        })
        .unwrap_or_default()
}

fn place_date(units: &Units, agency: &Agency, at: OffsetDateTime) -> String {
    let day = date_line_vi(at.to_offset(motcua_domain::format::VN_OFFSET).date());
    let place = place(units, agency);
    if place.is_empty() {
        capitalise(&day)
    } else {
        format!("{place}, {day}")
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn address_text(units: &Units, v: Option<&Value>) -> String {
    let Some(Value::Object(o)) = v else {
        return String::new();
    };
    let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let name = |k: &str| {
        let code = part(k);
        units.name(&code).map(str::to_string).unwrap_or(code)
    };
    [part("street"), name("commune"), name("province")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn applicant_fields(c: &SlipContext, full: bool) -> Vec<(String, String)> {
    let a = &c.dossier.applicant;
    let mut f = vec![("Người nộp hồ sơ".to_string(), a.full_name.clone())];
    if full {
        let address = address_text(c.units, a.address.as_ref());
        if !address.is_empty() {
            f.push(("Địa chỉ".into(), address));
        }
        f.push(("Số điện thoại".into(), a.phone.clone()));
        if let Some(e) = &a.email {
            f.push(("Thư điện tử".into(), e.clone()));
        }
    }
    f.push(("Thủ tục".into(), c.procedure.name.get(Lang::Vi).to_string()));
    f
}

fn officer(c: &SlipContext, e: &Event) -> (String, Option<String>) {
    e.actor_account_id
        .and_then(|id| (c.names)(id))
        .unwrap_or_else(|| (e.actor.clone(), None))
}

/// Builds slip `slip` of a dossier. `event` names the event that issued it (for slips
/// 01–05; the latest such event when `None`). `None` when the dossier has no such slip.
pub fn build(c: &SlipContext, slip: Slip, event: Option<i64>) -> Option<SlipDoc> {
    let issued = issued(c.dossier, c.events);
    let event = if slip == Slip::S06 {
        None
    } else {
        let id = match event {
            Some(id) => {
                issued
                    .iter()
                    .find(|(s, e)| *s == slip && *e == Some(id))?
                    .1?
            }
            None => issued.iter().rev().find(|(s, _)| *s == slip)?.1?,
        };
        Some(c.events.iter().find(|e| e.id == id)?)
    };
    let d = c.dossier;
    let p = c.procedure;
    let mut blocks = vec![];
    let mut signer = None;
    let at = event
        .map(|e| e.at)
        .unwrap_or_else(crate::api::state::now_utc);
    match (slip, event) {
        (Slip::S01, Some(e)) => {
            let (name, _) = officer(c, e);
            let mut f = applicant_fields(c, true);
            f.push(("Thời hạn giải quyết".into(), duration_vi(p)));
            f.push(("Thời điểm tiếp nhận".into(), format_datetime_vn(e.at)));
            f.push(("Hẹn trả kết quả".into(), opt_moment(e.details.due)));
            blocks.push(Block::Fields(f));
            blocks.push(Block::Heading("Thành phần hồ sơ đã nhận".into()));
            blocks.push(Block::Table {
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
                            crate::api::filing_copy_name(Lang::Vi, doc.copy).to_string(),
                            doc.quantity.to_string(),
                        ]
                    })
                    .collect(),
            });
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
                    .map(|x| crate::i18n::delivery_name(Lang::Vi, *x))
                    .collect::<Vec<_>>()
                    .join("; ")
            )));
            blocks.push(Block::Paragraph(format!(
                "Tra cứu tình trạng hồ sơ bằng mã hồ sơ và số định danh cá nhân tại {}.",
                c.lookup_url
            )));
            signer = Some(Signer {
                role: "NGƯỜI TIẾP NHẬN".into(),
                name,
            });
        }
        (Slip::S02, Some(e)) => {
            let (name, phone) = officer(c, e);
            blocks.push(Block::Fields(applicant_fields(c, false)));
            blocks.push(Block::Paragraph(
                "Đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:".into(),
            ));
            let items = motcua_core::workflow::requested_item_labels(e);
            blocks.push(Block::Numbered(items));
            blocks.push(Block::Fields(vec![(
                "Lý do".into(),
                e.reason.clone().unwrap_or_default(),
            )]));
            let mut contact = vec![("Cán bộ hướng dẫn".into(), name.clone())];
            if let Some(phone) = phone {
                contact.push(("Số điện thoại".into(), phone));
            }
            blocks.push(Block::Fields(contact));
            blocks.push(Block::Paragraph(
                "Ông/bà bổ sung trực tuyến tại trang tra cứu hồ sơ, hoặc tại Bộ phận Một cửa."
                    .into(),
            ));
            signer = Some(Signer {
                role: "NGƯỜI HƯỚNG DẪN".into(),
                name,
            });
        }
        (Slip::S03, Some(e)) => {
            let (name, _) = officer(c, e);
            blocks.push(Block::Fields(applicant_fields(c, false)));
            blocks.push(Block::Paragraph(
                "Cơ quan không tiếp nhận, giải quyết hồ sơ của ông/bà với lý do cụ thể như sau:"
                    .into(),
            ));
            blocks.push(Block::Paragraph(e.reason.clone().unwrap_or_default()));
            blocks.push(Block::Heading("Căn cứ, quy định có thể tham khảo".into()));
            blocks.push(Block::Numbered(p.legal_basis.clone()));
            blocks.push(Block::Paragraph(format!(
                "Thông tin thủ tục: {}",
                c.lookup_url.replace(
                    &format!("/tra-cuu?ma={}", d.code),
                    &format!("/thu-tuc/{}", p.code)
                )
            )));
            signer = Some(Signer {
                role: "NGƯỜI TIẾP NHẬN".into(),
                name,
            });
        }
        (Slip::S04, Some(e)) => {
            let mut f = applicant_fields(c, false);
            f.push((
                "Thời điểm tiếp nhận".into(),
                opt_moment(d.state.accepted_at),
            ));
            f.push((
                "Hẹn trả kết quả ban đầu".into(),
                opt_moment(e.details.old_due),
            ));
            f.push((
                "Đơn vị để chậm".into(),
                e.details.responsible_unit.clone().unwrap_or_default(),
            ));
            f.push(("Lý do chậm".into(), e.reason.clone().unwrap_or_default()));
            blocks.push(Block::Fields(f));
            blocks.push(Block::Paragraph(format!(
                "{} thành thật xin lỗi ông/bà vì đã chậm trả kết quả giải quyết hồ sơ so với thời hạn đã hẹn, và hẹn lại thời gian trả kết quả như sau:",
                c.agency.name
            )));
            blocks.push(Block::Fields(vec![
                ("Hẹn trả kết quả mới".into(), opt_moment(e.details.new_due)),
                ("Nơi trả kết quả".into(), c.agency.name.clone()),
            ]));
            signer = Some(Signer {
                role: "THỦ TRƯỞNG CƠ QUAN".into(),
                name: String::new(),
            });
        }
        (Slip::S05, Some(e)) => {
            blocks.push(Block::Fields(applicant_fields(c, false)));
            blocks.push(Block::Paragraph(
                "Cơ quan dừng giải quyết hồ sơ của ông/bà với lý do:".into(),
            ));
            blocks.push(Block::Paragraph(e.reason.clone().unwrap_or_default()));
            blocks.push(Block::Heading("Căn cứ pháp lý".into()));
            blocks.push(Block::Numbered(p.legal_basis.clone()));
            signer = Some(Signer {
                role: "THỦ TRƯỞNG CƠ QUAN".into(),
                name: String::new(),
            });
        }
        (Slip::S06, None) => {
            blocks.push(Block::Fields(applicant_fields(c, false)));
            blocks.push(Block::Table {
                headers: vec![
                    "Bên giao".into(),
                    "Bên nhận".into(),
                    "Thời điểm".into(),
                    "Hạn của bước".into(),
                    "Kết quả".into(),
                    "Ghi chú".into(),
                ],
                rows: control_rows(c),
            });
        }
        _ => return None,
    }
    Some(SlipDoc {
        paper: if matches!(slip, Slip::S06 | Slip::S07) {
            Paper::A4
        } else {
            Paper::A5
        },
        agency: c.agency.name.clone(),
        form_number: format!("Mẫu số {}", slip.number()),
        title: slip.title_vi().to_uppercase(),
        dossier_code: Some(d.code.clone()),
        qr_url: Some(c.lookup_url.clone()),
        blocks,
        place_date: place_date(c.units, c.agency, at),
        signer,
    })
}

/// Slip 06: one row per hand-off, judged against the due moment of the step handed on.
fn control_rows(c: &SlipContext) -> Vec<Vec<String>> {
    let mut rows = vec![];
    for e in c.events {
        let from = if e.actor == "citizen" {
            "Công dân".to_string()
        } else {
            officer(c, e).0
        };
        let to = e
            .details
            .assignee
            .as_ref()
            .map(|a| a.name.clone())
            .unwrap_or_else(|| crate::i18n::status_name(Lang::Vi, e.to_status).to_string());
        let step_due = e.details.left_step_due;
        let class = step_due
            .map(|due| class_vi(result_class(e.at, due)).to_string())
            .unwrap_or_default();
        let mut note = crate::i18n::status_name(Lang::Vi, e.to_status).to_string();
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

/// Slip 07, the tracking book of an agency for the dossiers accepted in a period.
pub fn tracking_book(
    agency: &Agency,
    units: &Units,
    rows: &[QueueRow],
    period: &str,
    now: OffsetDateTime,
) -> SlipDoc {
    let lines = rows
        .iter()
        .map(|r| {
            let d = &r.dossier;
            let class = match (d.status, d.state.finished_at, d.state.statutory_due_at) {
                (_, Some(done), Some(due)) => class_vi(result_class(done, due)).to_string(),
                (Status::Refused, _, _) => "Không được tiếp nhận".into(),
                (Status::Withdrawn, _, _) => "Công dân rút hồ sơ".into(),
                (Status::Stopped, _, _) => "Dừng xử lý".into(),
                (_, None, Some(due)) if now > due => "Quá hạn (chưa xong)".into(),
                _ => "Đang giải quyết".into(),
            };
            // Returned (status 10) is final, so its last change is the return.
            let returned = (d.status == Status::Returned).then(|| format_datetime_vn(d.updated_at));
            vec![
                d.code.clone(),
                r.procedure_name_vi.clone(),
                d.applicant.full_name.clone(),
                opt_moment(d.state.accepted_at),
                opt_moment(d.state.statutory_due_at),
                returned.unwrap_or_default(),
                class,
            ]
        })
        .collect();
    SlipDoc {
        paper: Paper::A4,
        agency: agency.name.clone(),
        form_number: format!("Mẫu số {}", Slip::S07.number()),
        title: Slip::S07.title_vi().to_uppercase(),
        dossier_code: None,
        qr_url: None,
        blocks: vec![
            Block::Paragraph(format!("Kỳ: {period}")),
            Block::Table {
                headers: vec![
                    "Mã hồ sơ".into(),
                    "Thủ tục".into(),
                    "Người nộp".into(),
                    "Tiếp nhận".into(),
                    "Hẹn trả".into(),
                    "Đã trả kết quả".into(),
                    "Kết quả".into(),
                ],
                rows: lines,
            },
        ],
        place_date: place_date(units, agency, now),
        signer: None,
    }
}

/// Loads what a dossier's slips need and builds slip `slip`.
pub async fn build_for(
    store: &Store,
    units: &Units,
    dossier: &Dossier,
    procedure: &Procedure,
    slip: Slip,
    event: Option<i64>,
    lookup_url: String,
) -> Result<Option<SlipDoc>, String> {
    let e = |x: motcua_store::StoreError| x.to_string();
    let events = store.events(&dossier.code).await.map_err(e)?;
    let agency = store
        .agency(&dossier.agency_code)
        .await
        .map_err(e)?
        .ok_or("agency missing")?;
    let mut names = std::collections::HashMap::new();
    for id in events.iter().filter_map(|x| x.actor_account_id) {
        if let Some(a) = store.account(id).await.map_err(e)? {
            names.insert(id, (a.full_name, a.phone));
        }
    }
    let lookup = |id: i64| names.get(&id).cloned();
    let received = store.dossier_documents(&dossier.code).await.map_err(e)?;
    let c = SlipContext {
        dossier,
        procedure,
        agency: &agency,
        events: &events,
        units,
        lookup_url,
        names: &lookup,
        received: &received,
    };
    Ok(build(&c, slip, event))
}

/// Who may see a dossier's slips, and which: staff of the dossier's agency see all; the
/// citizen who owns it (signed in) or who gives the applicant's ID number or phone
/// (`id_or_phone`, as in the public lookup, and rate-limited the same way) see the slips
/// addressed to them. `None` for anybody else, exactly as for an unknown dossier.
pub async fn access(
    state: &crate::api::AppState,
    headers: &http::HeaderMap,
    code: &str,
    id_or_phone: &str,
    ip: std::net::IpAddr,
) -> Result<Option<(motcua_core::workflow::Loaded, bool)>, String> {
    use motcua_core::workflow::{Who, load_for};
    let store = &state.store;
    if let Some(account) = crate::auth::account_for(state, headers).await {
        let staff = account.kind == motcua_store::AccountKind::Staff;
        let who = if staff {
            Who::Staff(account)
        } else {
            Who::Citizen(Some(account))
        };
        if let Ok(l) = load_for(store, &who, code).await {
            return Ok(Some((l, staff)));
        }
    }
    let key = id_or_phone.trim();
    if key.is_empty() || state.lookup_limiter.blocked(ip).await.is_some() {
        return Ok(None);
    }
    let key = motcua_domain::validate::parse_phone(key).unwrap_or_else(|| key.to_string());
    match store
        .find_for_lookup(code, &key)
        .await
        .map_err(|e| e.to_string())?
    {
        None => {
            state.lookup_limiter.miss(ip).await;
            Ok(None)
        }
        Some(_) => Ok(load_for(store, &Who::Citizen(None), code)
            .await
            .ok()
            .map(|l| (l, false))),
    }
}

/// The public lookup address of a dossier: on the configured public address, or on the
/// site this request came to when none is configured.
pub fn lookup_url(site: &crate::auth::PublicUrl, headers: &http::HeaderMap, code: &str) -> String {
    format!("{}/tra-cuu?ma={code}", site.base(headers))
}
