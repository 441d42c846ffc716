//! Conditions: their shapes, the values they compare, which fields they may name.

use super::*;

const COND: &str = "/form/1/fields/4/visible_if";
const COND_PATH: &str = "form[1].fields[4].visible_if";

#[test]
fn condition_shape() {
    one(COND, json!("ho_ten"), COND_PATH, "must be a condition");
    one(
        COND,
        json!({ "field": "ho_ten" }),
        COND_PATH,
        "needs one of \"equals\"",
    );
    one(
        COND,
        json!({ "field": "ho_ten", "equals": "a", "in": ["a"] }),
        COND_PATH,
        "exactly one of",
    );
    one(
        COND,
        json!({ "all": [], "any": [] }),
        COND_PATH,
        "exactly one of",
    );
    one(
        COND,
        json!({ "equals": "a" }),
        &format!("{COND_PATH}.field"),
        "required",
    );
    one(
        COND,
        json!({ "field": 3, "equals": "a" }),
        &format!("{COND_PATH}.field"),
        "must be a string",
    );
    one(
        COND,
        json!({ "all": [], "comment": "ok" }),
        &format!("{COND_PATH}.all"),
        "at least one condition",
    );
    one(
        COND,
        json!({ "any": {} }),
        &format!("{COND_PATH}.any"),
        "must be an array",
    );
    one(
        COND,
        json!({ "all": [ { "field": "ho_ten", "filled": true } ], "field": "ho_ten" }),
        &format!("{COND_PATH}.field"),
        "not used with \"all\"",
    );
    one(
        COND,
        json!({ "not": [] }),
        &format!("{COND_PATH}.not"),
        "must be a condition",
    );
    one(
        COND,
        json!({ "field": "ho_ten", "filled": "yes" }),
        &format!("{COND_PATH}.filled"),
        "true or false",
    );
    // Filled may be false.
    assert!(problems(|v| set(v, COND, json!({ "field": "ho_ten", "filled": false }))).is_empty());
}

#[test]
fn condition_values() {
    one(
        COND,
        json!({ "field": "ho_ten", "equals": ["a"] }),
        &format!("{COND_PATH}.equals"),
        "string, a number, true or false",
    );
    one(
        COND,
        json!({ "field": "ho_ten", "equals": null }),
        &format!("{COND_PATH}.equals"),
        "string, a number",
    );
    one(
        COND,
        json!({ "field": "ho_ten", "in": [] }),
        &format!("{COND_PATH}.in"),
        "at least one value",
    );
    one(
        COND,
        json!({ "field": "ho_ten", "in": "a" }),
        &format!("{COND_PATH}.in"),
        "must be an array",
    );
    one(
        COND,
        json!({ "field": "ho_ten", "in": ["a", { "b": 1 }] }),
        &format!("{COND_PATH}.in[1]"),
        "string, a number",
    );
    one(
        COND,
        json!({ "field": "noi_sinh", "equals": "Nha" }),
        &format!("{COND_PATH}.equals"),
        "not an option of field \"noi_sinh\" (\"benh_vien\", \"nha\")",
    );
    one(
        COND,
        json!({ "field": "dang_ky_kem", "in": ["bhyt", "cmnd"] }),
        &format!("{COND_PATH}.in[1]"),
        "not an option",
    );
    one(
        "/form/1/fields/9/visible_if",
        json!({ "field": "co_uy_quyen", "equals": "true" }),
        "form[1].fields[9].visible_if.equals",
        "must be true or false",
    );
    one(
        COND,
        json!({ "field": "can_nang", "equals": "3" }),
        &format!("{COND_PATH}.equals"),
        "must be a number",
    );
    one(
        COND,
        json!({ "field": "so_tien", "equals": 1.5 }),
        &format!("{COND_PATH}.equals"),
        "whole number",
    );
    one(
        COND,
        json!({ "field": "ngay_sinh", "equals": "1/1/2020" }),
        &format!("{COND_PATH}.equals"),
        "YYYY-MM-DD",
    );
    one(
        COND,
        json!({ "field": "ho_ten", "equals": 1 }),
        &format!("{COND_PATH}.equals"),
        "must be a string",
    );
    one(
        COND,
        json!({ "field": "dien_thoai", "in": ["0912345678", 1] }),
        &format!("{COND_PATH}.in[1]"),
        "must be a string",
    );
    let later = "/form/1/fields/9/visible_if";
    one(
        later,
        json!({ "field": "dia_chi", "equals": "x" }),
        "form[1].fields[9].visible_if.equals",
        "use \"filled\"",
    );
    one(
        later,
        json!({ "field": "uy_quyen", "equals": "x" }),
        "form[1].fields[9].visible_if.equals",
        "is a group",
    );
    assert!(problems(|v| set(v, later, json!({ "field": "can_nang", "in": [1, 2.5] }))).is_empty());
}

#[test]
fn conditions_name_earlier_fields_only() {
    let field = format!("{COND_PATH}.field");
    one(
        COND,
        json!({ "field": "khong_co", "filled": true }),
        &field,
        "unknown field \"khong_co\"",
    );
    one(
        COND,
        json!({ "field": "mst", "filled": true }),
        &field,
        "a field cannot depend on itself",
    );
    one(
        COND,
        json!({ "field": "dia_chi", "filled": true }),
        &field,
        "comes later in the form",
    );
    one(
        COND,
        json!({ "field": "cam_doan", "equals": true }),
        &field,
        "comes later",
    );
    // Nested inside all/any/not: the path follows.
    one(
        COND,
        json!({ "all": [ { "field": "ho_ten", "filled": true }, { "not": { "field": "dia_chi", "filled": true } } ] }),
        &format!("{COND_PATH}.all[1].not.field"),
        "comes later",
    );
    // Earlier step and earlier in the same step are fine.
    assert!(problems(|v| set(v, COND, json!({ "any": [ { "field": "ho_ten", "filled": true }, { "field": "cccd", "filled": true } ] }))).is_empty());
}

#[test]
fn conditions_and_groups() {
    // A field of a group may not name that group.
    one(
        "/form/1/fields/7/fields/0/visible_if",
        json!({ "field": "uy_quyen", "filled": true }),
        "form[1].fields[7].fields[0].visible_if.field",
        "a group that contains this field",
    );
    // A group may not name its own fields (they come after it).
    one(
        "/form/1/fields/7/visible_if",
        json!({ "field": "nguoi_uy_quyen", "filled": true }),
        "form[1].fields[7].visible_if.field",
        "comes later",
    );
    // After a plain group, its fields are ordinary earlier fields.
    assert!(
        problems(|v| set(
            v,
            "/form/1/fields/9/visible_if",
            json!({ "field": "nguoi_uy_quyen", "filled": true })
        ))
        .is_empty()
    );
    // Outside a repeating group, its fields cannot be named.
    one(
        "/form/1/fields/9/visible_if",
        json!({ "field": "ae_ho_ten", "filled": true }),
        "form[1].fields[9].visible_if.field",
        "inside a repeating group; only fields of the same group",
    );
    // Inside: an earlier field of the same entry, not a later one.
    one(
        "/form/1/fields/8/fields/0/visible_if",
        json!({ "field": "ae_ngay_sinh", "filled": true }),
        "form[1].fields[8].fields[0].visible_if.field",
        "comes later",
    );
    // Another repeating group's fields are out of reach.
    let other = json!({ "id": "con", "type": "group", "label": "Con", "repeat": { "min": 0, "max": 3 },
            "fields": [ { "id": "con_ten", "type": "text", "label": "Tên",
                          "visible_if": { "field": "ae_ho_ten", "filled": true } } ] });
    one(
        "/form/1/fields/9",
        other,
        "form[1].fields[9].fields[0].visible_if.field",
        "inside another repeating group",
    );
}
