use super::*;
use crate::condition::Condition;
use crate::procedure::{Duration, DurationUnit, FieldKind, working_hours};
use crate::testing::SPEC_EXAMPLE;
use serde_json::json;

/// Every field type, groups, a repeating group, conditions of every shape, optional keys
/// and unknown extra keys. Process steps use exactly the 24 hours of 3 working days.
const FULL: &str = r#"{
      "format": "motcua.procedure/1",
      "code": "1.001193.000.00.00.H56",
      "version": "2025-07-01",
      "name": "Đăng ký khai sinh",
      "sector": { "vi": "Hộ tịch", "en": "Civil status" },
      "level": "commune",
      "online": "full",
      "duration": { "amount": 3, "unit": "working_days" },
      "fees": [ { "label": "Lệ phí", "amount_vnd": 8000 } ],
      "legal_basis": [ "Luật Hộ tịch 2014" ],
      "result": { "name": "Giấy khai sinh", "delivery": [ "online", "post" ] },
      "x_agency_note": "extra keys are allowed",
      "documents": [
        { "id": "to_khai", "name": "Tờ khai", "copy": "original", "quantity": 1,
          "required": true, "accept": [ "pdf" ], "max_size_mb": 5 },
        { "id": "giay_chung_sinh", "name": "Giấy chứng sinh", "copy": "certified_copy",
          "quantity": 1, "required": false,
          "visible_if": { "field": "noi_sinh", "equals": "benh_vien" } }
      ],
      "form": [
        { "id": "tre", "title": "Thông tin trẻ", "fields": [
          { "id": "ho_ten", "type": "text", "label": "Họ tên", "required": true,
            "min_length": 2, "max_length": 100, "pattern": "[^0-9]+", "placeholder": "extra" },
          { "id": "ghi_chu", "type": "textarea", "label": "Ghi chú", "max_length": 500 },
          { "id": "can_nang", "type": "number", "label": "Cân nặng (kg)", "min": 0.5, "max": 8, "integer": false },
          { "id": "ngay_sinh", "type": "date", "label": "Ngày sinh", "min": "2000-01-01", "max": "today" },
          { "id": "noi_sinh", "type": "select", "label": "Nơi sinh", "options": [
            { "value": "benh_vien", "label": "Bệnh viện" },
            { "value": "nha", "label": { "vi": "Tại nhà", "en": "At home" } } ] },
          { "id": "gioi_tinh", "type": "radio", "label": "Giới tính", "options": [
            { "value": "nam", "label": "Nam" }, { "value": "nu", "label": "Nữ" } ] },
          { "id": "dang_ky_kem", "type": "checkboxes", "label": "Đăng ký kèm",
            "options": [ { "value": "bhyt", "label": "Thẻ BHYT" }, { "value": "thuong_tru", "label": "Thường trú" } ],
            "min_selected": 1, "max_selected": 2,
            "visible_if": { "any": [ { "field": "noi_sinh", "in": [ "nha" ] },
                                     { "not": { "field": "gioi_tinh", "filled": true } } ] } },
          { "id": "so_tien", "type": "money", "label": "Số tiền", "min": 0, "max": 1000000 }
        ]},
        { "id": "nguoi_khai", "title": { "vi": "Người đi khai", "en": "Declarant" }, "fields": [
          { "id": "nguoi_khai_ten", "type": "text", "label": "Họ tên", "prefill": "applicant.full_name" },
          { "id": "dien_thoai", "type": "phone", "label": "Điện thoại", "prefill": "applicant.phone" },
          { "id": "thu", "type": "email", "label": "E-mail", "prefill": "applicant.email" },
          { "id": "cccd", "type": "id_number", "label": "CCCD", "prefill": "applicant.id_number" },
          { "id": "mst", "type": "tax_code", "label": "Mã số thuế" },
          { "id": "dia_chi", "type": "address", "label": "Địa chỉ", "prefill": "applicant.address" },
          { "id": "co_uy_quyen", "type": "checkbox", "label": "Khai thay", "hint": "Nếu được ủy quyền" },
          { "id": "uy_quyen", "type": "group", "label": "Ủy quyền",
            "visible_if": { "field": "co_uy_quyen", "equals": true }, "fields": [
            { "id": "nguoi_uy_quyen", "type": "text", "label": "Người ủy quyền", "required": true }
          ]},
          { "id": "anh_chi_em", "type": "group", "label": "Anh chị em", "repeat": { "min": 0, "max": 5 }, "fields": [
            { "id": "ae_ho_ten", "type": "text", "label": "Họ tên", "required": true },
            { "id": "ae_ngay_sinh", "type": "date", "label": "Ngày sinh" },
            { "id": "ae_ghi_chu", "type": "text", "label": "Ghi chú",
              "visible_if": { "all": [ { "field": "ae_ho_ten", "filled": true },
                                       { "field": "noi_sinh", "equals": "nha" } ] } }
          ]},
          { "id": "co_anh_chi_em", "type": "text", "label": "Ghi chú anh chị em",
            "visible_if": { "field": "anh_chi_em", "filled": true } }
        ]},
        { "id": "cam_doan", "title": "Cam đoan", "fields": [
          { "id": "cam_doan", "type": "declaration", "label": "Tôi cam đoan" }
        ]}
      ],
      "process": [
        { "id": "tiep_nhan", "title": "Tiếp nhận", "role": "reception", "duration_hours": 2 },
        { "id": "tham_dinh", "title": "Thẩm định", "role": "specialist", "duration_hours": 14 },
        { "id": "ky", "title": "Ký", "role": "leader", "duration_hours": 4 },
        { "id": "tra", "title": "Trả", "role": "clerk", "duration_hours": 4 }
      ]
    }"#;

fn full() -> Value {
    serde_json::from_str(FULL).unwrap()
}

fn set(v: &mut Value, pointer: &str, new: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = v
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"));
    match parent {
        Value::Object(m) => {
            m.insert(key.to_string(), new);
        }
        Value::Array(a) => a[key.parse::<usize>().unwrap()] = new,
        _ => panic!("{pointer}"),
    }
}

fn remove(v: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).unwrap() {
        Value::Object(m) => {
            m.remove(key).unwrap_or_else(|| panic!("no {pointer}"));
        }
        Value::Array(a) => {
            a.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("{pointer}"),
    }
}

/// The problems of the full fixture after applying `edits` (JSON pointer → new value;
/// `Value::Null`... no: use [`remove`] for deletions).
fn problems(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut v = full();
    edit(&mut v);
    check_value(&v)
}

/// Asserts exactly one problem, at `path`, whose message contains `needle`.
#[track_caller]
fn only(problems: Vec<Problem>, path: &str, needle: &str) {
    assert_eq!(
        problems.len(),
        1,
        "expected one problem at {path}, got {problems:#?}"
    );
    assert_eq!(problems[0].path, path, "{problems:#?}");
    assert!(
        problems[0].message.contains(needle),
        "message {:?} should contain {needle:?}",
        problems[0].message
    );
}

#[track_caller]
fn one(pointer: &str, new: Value, path: &str, needle: &str) {
    only(problems(|v| set(v, pointer, new)), path, needle);
}

#[track_caller]
fn missing(pointer: &str, path: &str) {
    only(problems(|v| remove(v, pointer)), path, "required");
}

mod conditions;
mod documentation;
mod documents;
mod form;
mod process;
mod top_level;
mod whole_file;
