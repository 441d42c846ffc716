//! A whole page: hidden fields, conditions on earlier answers, plain groups, picking the page.

use super::*;

fn marriage_page() -> Vec<Field> {
    fields(json!([
        { "id": "da_tung_ket_hon", "type": "radio", "label": "Đã từng kết hôn?", "required": true,
          "options": [ { "value": "khong", "label": "Chưa" }, { "value": "co", "label": "Đã từng" } ] },
        { "id": "giay_ly_hon_so", "type": "text", "label": "Số quyết định", "required": true,
          "visible_if": { "field": "da_tung_ket_hon", "equals": "co" } },
        { "id": "ngay_ly_hon", "type": "date", "label": "Ngày", "max": "today",
          "visible_if": { "field": "giay_ly_hon_so", "filled": true } }
    ]))
}

#[test]
fn hidden_fields_are_neither_validated_nor_stored() {
    let fs = marriage_page();
    // Hidden required field with no value: no error. Hidden field with a bad value: ignored.
    let out = run(
        &fs,
        &[
            ("da_tung_ket_hon", "khong"),
            ("giay_ly_hon_so", "12/QĐ"),
            ("ngay_ly_hon", "31/02/2020"),
        ],
    );
    assert_eq!(out.errors, vec![]);
    assert_eq!(
        out.answers,
        json!({ "da_tung_ket_hon": "khong" })
            .as_object()
            .unwrap()
            .clone()
    );
    // Shown: required and validated.
    let out = run(&fs, &[("da_tung_ket_hon", "co")]);
    assert_eq!(out.errors.len(), 1);
    assert_eq!(out.errors[0].name, "giay_ly_hon_so");
    assert_eq!(out.errors[0].kind, K::Required);
    let out = run(
        &fs,
        &[
            ("da_tung_ket_hon", "co"),
            ("giay_ly_hon_so", "12/QĐ"),
            ("ngay_ly_hon", "31/02/2020"),
        ],
    );
    assert_eq!(out.errors.len(), 1);
    assert_eq!(out.errors[0].kind, K::InvalidDate);
    // The chain: an invalid answer is missing for later conditions.
    let out = run(
        &fs,
        &[("da_tung_ket_hon", "maybe"), ("giay_ly_hon_so", "12/QĐ")],
    );
    assert_eq!(out.errors.len(), 1);
    assert_eq!(out.errors[0].kind, K::NotAnOption);
    assert!(out.answers.is_empty());
}

#[test]
fn conditions_see_earlier_pages_but_not_stale_answers_of_this_page() {
    let fs = fields(json!([
        { "id": "ghi_chu", "type": "text", "label": "Ghi chú", "required": true,
          "visible_if": { "all": [ { "field": "loai", "equals": "b" }, { "field": "so_con", "equals": 2 } ] } }
    ]));
    let earlier = json!({ "loai": "b", "so_con": 2.0 })
        .as_object()
        .unwrap()
        .clone();
    let out = validate_fields(&fs, &RawForm::new(), &earlier, &ctx());
    assert_eq!(out.errors[0].kind, K::Required);
    let other = json!({ "loai": "a", "so_con": 2 })
        .as_object()
        .unwrap()
        .clone();
    assert!(
        validate_fields(&fs, &RawForm::new(), &other, &ctx())
            .errors
            .is_empty()
    );

    // `earlier` holding an old answer of a field on this page that is now absent.
    let fs = marriage_page();
    let stale = json!({ "da_tung_ket_hon": "co", "giay_ly_hon_so": "old" })
        .as_object()
        .unwrap()
        .clone();
    let out = validate_fields(
        &fs,
        &raw(&[("da_tung_ket_hon", "co"), ("ngay_ly_hon", "xx")]),
        &stale,
        &ctx(),
    );
    // giay_ly_hon_so is required and now empty; ngay_ly_hon must not see the stale value.
    assert_eq!(
        out.errors
            .iter()
            .map(|e| e.name.as_str())
            .collect::<Vec<_>>(),
        ["giay_ly_hon_so"]
    );
}

#[test]
fn plain_groups_store_fields_at_top_level() {
    let fs = fields(json!([
        { "id": "co_nguoi_giam_ho", "type": "checkbox", "label": "Có người giám hộ" },
        { "id": "giam_ho", "type": "group", "label": "Người giám hộ", "required": true,
          "visible_if": { "field": "co_nguoi_giam_ho", "equals": true },
          "fields": [
            { "id": "gh_ten", "type": "text", "label": "Tên", "required": true },
            { "id": "gh_sdt", "type": "phone", "label": "SĐT" }
          ] }
    ]));
    let out = run(
        &fs,
        &[
            ("co_nguoi_giam_ho", "true"),
            ("gh_ten", "Lê B"),
            ("gh_sdt", "0912 345 678"),
        ],
    );
    assert_eq!(out.errors, vec![]);
    assert_eq!(
        Value::Object(out.answers),
        json!({ "co_nguoi_giam_ho": true, "gh_ten": "Lê B", "gh_sdt": "0912345678" })
    );
    // A group's `required` only means its fields are required as they say.
    let out = run(&fs, &[("co_nguoi_giam_ho", "true"), ("gh_ten", "Lê B")]);
    assert_eq!(out.errors, vec![]);
    // Hidden group: nothing inside is validated or stored.
    let out = run(&fs, &[("gh_sdt", "bad")]);
    assert_eq!(out.errors, vec![]);
    assert_eq!(
        Value::Object(out.answers),
        json!({ "co_nguoi_giam_ho": false })
    );
}

#[test]
fn validate_step_picks_the_page() {
    let form: Vec<Step> = serde_json::from_value(json!([
            { "id": "a", "title": "A", "fields": [ { "id": "x", "type": "text", "label": "X", "required": true } ] },
            { "id": "b", "title": "B", "fields": [ { "id": "y", "type": "declaration", "label": "Y" } ] }
        ]))
        .unwrap();
    let r = raw(&[("x", "1")]);
    assert_eq!(
        validate_step(&form, 0, &r, &Answers::new(), &ctx()).answers["x"],
        json!("1")
    );
    assert_eq!(
        validate_step(&form, 1, &r, &Answers::new(), &ctx()).errors[0].kind,
        K::MustTick
    );
    assert_eq!(
        validate_step(&form, 2, &r, &Answers::new(), &ctx()),
        StepOutcome::default()
    );
}
