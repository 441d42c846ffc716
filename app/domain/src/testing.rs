//! Test fixtures for this crate's tests and those of the crates above it (their
//! dev-dependencies turn on the `testing` feature), so that the sample procedure is written
//! once instead of in every test file.

use serde_json::Value;

use crate::check::parse_procedure;
use crate::procedure::Procedure;

/// The national code of the sample procedure (the specification's example).
pub const SAMPLE_CODE: &str = "1.000894.000.00.00.H56";

/// The example of the format specification (a marriage registration), verbatim: three Steps,
/// a condition, a declaration, one document and four process steps.
pub const SPEC_EXAMPLE: &str = r#"{
  "format": "motcua.procedure/1",
  "code": "1.000894.000.00.00.H56",
  "version": "2025-07-01",
  "name": { "vi": "Đăng ký kết hôn", "en": "Marriage registration" },
  "sector": { "vi": "Hộ tịch", "en": "Civil status" },
  "level": "commune",
  "online": "partial",
  "duration": { "amount": 1, "unit": "working_days" },
  "fees": [],
  "legal_basis": ["Luật Hộ tịch số 60/2014/QH13"],
  "result": { "name": "Giấy chứng nhận kết hôn", "delivery": ["counter"] },
  "documents": [
    { "id": "to_khai", "name": "Tờ khai đăng ký kết hôn", "copy": "original", "quantity": 1, "required": true }
  ],
  "form": [
    { "id": "ben_chong", "title": { "vi": "Thông tin bên chồng", "en": "Husband" }, "fields": [
      { "id": "chong_ho_ten", "type": "text", "label": "Họ, chữ đệm, tên", "required": true, "max_length": 100 },
      { "id": "chong_ngay_sinh", "type": "date", "label": "Ngày sinh", "required": true, "max": "today" },
      { "id": "chong_cccd", "type": "id_number", "label": "Số định danh cá nhân", "required": true }
    ]},
    { "id": "ben_vo", "title": { "vi": "Thông tin bên vợ", "en": "Wife" }, "fields": [
      { "id": "vo_ho_ten", "type": "text", "label": "Họ, chữ đệm, tên", "required": true, "max_length": 100 },
      { "id": "vo_ngay_sinh", "type": "date", "label": "Ngày sinh", "required": true, "max": "today" },
      { "id": "vo_cccd", "type": "id_number", "label": "Số định danh cá nhân", "required": true },
      { "id": "da_tung_ket_hon", "type": "radio", "label": "Đã từng kết hôn?", "required": true,
        "options": [ { "value": "khong", "label": "Chưa" }, { "value": "co", "label": "Đã từng" } ] },
      { "id": "giay_ly_hon_so", "type": "text", "label": "Số bản án/quyết định ly hôn",
        "required": true, "visible_if": { "field": "da_tung_ket_hon", "equals": "co" } }
    ]},
    { "id": "cam_doan", "title": "Cam đoan", "fields": [
      { "id": "cam_doan", "type": "declaration", "label": "Chúng tôi cam đoan những thông tin trên là đúng sự thật." }
    ]}
  ],
  "process": [
    { "id": "tiep_nhan", "title": "Tiếp nhận hồ sơ", "role": "reception", "duration_hours": 1 },
    { "id": "tham_dinh", "title": "Thẩm định", "role": "specialist", "duration_hours": 4 },
    { "id": "ky_duyet", "title": "Ký duyệt", "role": "leader", "duration_hours": 2 },
    { "id": "tra_ket_qua", "title": "Trả kết quả", "role": "clerk", "duration_hours": 1 }
  ]
}"#;

/// The specification's example cut to what a filing needs: its first Step with only its first
/// field (the husband's name, required), its one required document (`to_khai`) and the first
/// process step (reception, one hour). A test that needs another form or other documents
/// replaces those keys of this value.
pub fn sample_procedure_json() -> Value {
    let mut v: Value = serde_json::from_str(SPEC_EXAMPLE).expect("the example is JSON");
    let form = &mut v["form"];
    *form = Value::Array(vec![form[0].clone()]);
    let fields = &mut form[0]["fields"];
    *fields = Value::Array(vec![fields[0].clone()]);
    let process = &mut v["process"];
    *process = Value::Array(vec![process[0].clone()]);
    v
}

/// [`sample_procedure_json`] as the typed model, through the import's check.
pub fn sample_procedure() -> Procedure {
    procedure_of(&sample_procedure_json())
}

/// A procedure definition written as JSON, checked as an import checks it; panics with the
/// problems when it is not valid.
pub fn procedure_of(definition: &Value) -> Procedure {
    parse_procedure(&definition.to_string())
        .unwrap_or_else(|problems| panic!("not a valid procedure: {problems:#?}"))
}

/// An access code for tests that file a dossier directly through the store.
pub fn sample_access_code() -> crate::ids::AccessCode {
    crate::ids::AccessCode::parse("K7QM-3XHD-9TPA").expect("a valid access code")
}
