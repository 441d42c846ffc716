//! What every slip of a dossier shares, and the small texts several slips print (the place
//! and date line, the applicant's lines, an officer's name).

use motcua_domain::calendar::ResultClass;
use motcua_domain::format::{date_line_vi, format_datetime_vn};
use motcua_domain::ids::AccessCode;
use motcua_domain::procedure::{CopyKind, Delivery, DurationUnit, Procedure};
use motcua_domain::text::Lang;
use motcua_domain::workflow::Status;
use motcua_slip::{Block, Signer};
use motcua_store::{Agency, Dossier, Event, UploadedFile};
use serde_json::Value;
use time::OffsetDateTime;

/// What a slip needs from the application that the core does not hold: the names of the
/// administrative units (the application's catalogue, loaded once at start) and the
/// Vietnamese words of its translation layer, so that a slip names a status, a copy kind or
/// a way of delivery exactly as the pages do. Slips are always in Vietnamese.
pub trait SlipNames: Sync {
    /// The name of a province or commune by its code.
    fn unit(&self, code: &str) -> Option<String>;
    /// A dossier status (`Đã tiếp nhận`...).
    fn status(&self, status: Status) -> &'static str;
    /// A copy kind (`Bản chính`...).
    fn copy_kind(&self, copy: CopyKind) -> &'static str;
    /// A way of delivering the result.
    fn delivery(&self, delivery: Delivery) -> &'static str;
}

/// What every slip of a dossier shares.
pub struct SlipContext<'a> {
    pub dossier: &'a Dossier,
    pub procedure: &'a Procedure,
    pub agency: &'a Agency,
    pub events: &'a [Event],
    pub names: &'a dyn SlipNames,
    /// The public lookup address of this dossier (for the QR code).
    pub lookup_url: String,
    /// Names and phones of staff accounts by id (for slip 06 and the officers' lines).
    pub staff: &'a dyn Fn(i64) -> Option<(String, Option<String>)>,
    /// The files the dossier holds now, for the documents received on slip 01.
    pub received: &'a [UploadedFile],
    /// The moment a slip made from the whole history (06) is dated.
    pub now: OffsetDateTime,
    /// The access code of the receipt, printed on slip 01 while the filing's draft keeps it
    /// (`DossierStore::receipt_access_code`).
    pub access_code: Option<AccessCode>,
}

/// The part of a slip that differs by kind: its blocks and who signs it.
pub(super) struct Body {
    pub blocks: Vec<Block>,
    pub signer: Option<Signer>,
}

pub(super) fn opt_moment(m: Option<OffsetDateTime>) -> String {
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

/// The agency's place without its kind ("Hà Nội", not "Thành phố Hà Nội").
fn place(names: &dyn SlipNames, agency: &Agency) -> String {
    agency
        .unit_code
        .as_deref()
        .and_then(|c| names.unit(c))
        .map(|n| {
            n.trim_start_matches("Tỉnh ")
                .trim_start_matches("Thành phố ")
                .trim_start_matches("Xã ")
                .trim_start_matches("Phường ")
                .to_string()
        })
        .unwrap_or_default()
}

/// "Hà Nội, ngày 3 tháng 12 năm 2026", above the signature.
pub(super) fn place_date(names: &dyn SlipNames, agency: &Agency, at: OffsetDateTime) -> String {
    let day = date_line_vi(at.to_offset(motcua_domain::format::VN_OFFSET).date());
    let place = place(names, agency);
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

fn address_text(names: &dyn SlipNames, v: Option<&Value>) -> String {
    let Some(Value::Object(o)) = v else {
        return String::new();
    };
    let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let name = |k: &str| {
        let code = part(k);
        names.unit(&code).unwrap_or(code)
    };
    [part("street"), name("commune"), name("province")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The applicant and the procedure; `full` adds the address and contacts (slip 01).
pub(super) fn applicant_fields(c: &SlipContext, full: bool) -> Vec<(String, String)> {
    let a = &c.dossier.applicant;
    let mut f = vec![("Người nộp hồ sơ".to_string(), a.full_name.clone())];
    if full {
        let address = address_text(c.names, a.address.as_ref());
        if !address.is_empty() {
            f.push(("Địa chỉ".into(), address));
        }
        f.push(("Số điện thoại".into(), a.phone.to_string()));
        if let Some(e) = &a.email {
            f.push(("Thư điện tử".into(), e.clone()));
        }
    }
    f.push(("Thủ tục".into(), c.procedure.name.get(Lang::Vi).to_string()));
    f
}

/// The name and phone of the officer who recorded `e` (the event's actor text when the
/// account is gone).
pub(super) fn officer(c: &SlipContext, e: &Event) -> (String, Option<String>) {
    e.actor_account_id
        .and_then(|id| (c.staff)(id))
        .unwrap_or_else(|| (e.actor.clone(), None))
}
