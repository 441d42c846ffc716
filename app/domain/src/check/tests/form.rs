//! The form: steps, field ids and common keys, each field type's own keys, groups.

use super::*;

#[test]
fn form_and_steps() {
    missing("/form", "form");
    one("/form", json!([]), "form", "at least one step");
    one(
        "/form/1/id",
        json!("tre"),
        "form[1].id",
        "duplicate id \"tre\" (already used at form[0].id)",
    );
    one("/form/1/id", json!("Nguoi"), "form[1].id", "identifier");
    missing("/form/1/title", "form[1].title");
    one(
        "/form/2/fields",
        json!([]),
        "form[2].fields",
        "at least one field",
    );
    missing("/form/2/fields", "form[2].fields");
    // A step may share its id with a field (the specification's example does).
    assert!(problems(|v| set(v, "/form/0/id", json!("ho_ten"))).is_empty());
}

#[test]
fn field_ids() {
    missing("/form/0/fields/1/id", "form[0].fields[1].id");
    one(
        "/form/0/fields/1/id",
        json!("1ghi_chu"),
        "form[0].fields[1].id",
        "identifier",
    );
    one(
        "/form/0/fields/1/id",
        json!("ghiChu"),
        "form[0].fields[1].id",
        "identifier",
    );
    one(
        "/form/1/fields/0/id",
        json!("ho_ten"),
        "form[1].fields[0].id",
        "duplicate field id \"ho_ten\" (already used at form[0].fields[0].id)",
    );
    // Unique across groups too.
    one(
        "/form/1/fields/8/fields/1/id",
        json!("cccd"),
        "form[1].fields[8].fields[1].id",
        "duplicate field id \"cccd\"",
    );
}

#[test]
fn field_common_keys() {
    missing("/form/0/fields/1/type", "form[0].fields[1].type");
    one(
        "/form/0/fields/1/type",
        json!("richtext"),
        "form[0].fields[1].type",
        "unknown field type \"richtext\"",
    );
    missing("/form/0/fields/1/label", "form[0].fields[1].label");
    one(
        "/form/1/fields/6/hint",
        json!(""),
        "form[1].fields[6].hint",
        "must not be empty",
    );
    one(
        "/form/0/fields/0/required",
        json!(1),
        "form[0].fields[0].required",
        "true or false",
    );
    one(
        "/form/0/fields/1",
        json!(null),
        "form[0].fields[1]",
        "must be an object",
    );
}

#[test]
fn prefill() {
    one(
        "/form/1/fields/0/prefill",
        json!("applicant.name"),
        "form[1].fields[0].prefill",
        "applicant.full_name",
    );
    one(
        "/form/1/fields/5/prefill",
        json!("applicant.birth_date"),
        "form[1].fields[5].prefill",
        "cannot start a field of type \"address\"",
    );
    one(
        "/form/1/fields/1/prefill",
        json!("applicant.email"),
        "form[1].fields[1].prefill",
        "type \"phone\"",
    );
}

#[test]
fn text_and_textarea() {
    one(
        "/form/0/fields/0/min_length",
        json!(101),
        "form[0].fields[0].min_length",
        "must not exceed max_length (100)",
    );
    one(
        "/form/0/fields/0/min_length",
        json!(-1),
        "form[0].fields[0].min_length",
        "at least 0",
    );
    one(
        "/form/0/fields/0/max_length",
        json!(0),
        "form[0].fields[0].max_length",
        "at least 1",
    );
    only(
        problems(|v| {
            remove(v, "/form/0/fields/0/max_length");
            set(v, "/form/0/fields/0/min_length", json!(201));
        }),
        "form[0].fields[0].min_length",
        "default max_length (200)",
    );
    one(
        "/form/0/fields/1/min_length",
        json!(501),
        "form[0].fields[1].min_length",
        "max_length (500)",
    );
    only(
        problems(|v| {
            remove(v, "/form/0/fields/1/max_length");
            set(v, "/form/0/fields/1/min_length", json!(2001));
        }),
        "form[0].fields[1].min_length",
        "default max_length (2000)",
    );
    one(
        "/form/0/fields/1/max_length",
        json!("500"),
        "form[0].fields[1].max_length",
        "whole number",
    );
}

#[test]
fn text_pattern() {
    one(
        "/form/0/fields/0/pattern",
        json!("[0-9"),
        "form[0].fields[0].pattern",
        "not a valid regular expression",
    );
    one(
        "/form/0/fields/0/pattern",
        json!("a)|(b"),
        "form[0].fields[0].pattern",
        "not a valid regular expression",
    );
    one(
        "/form/0/fields/0/pattern",
        json!(7),
        "form[0].fields[0].pattern",
        "must be a string",
    );
}

#[test]
fn pattern_is_anchored() {
    let re = pattern_regex("[0-9]{3}").unwrap();
    assert!(re.is_match("123"));
    assert!(!re.is_match("1234"));
    assert!(!re.is_match("x123"));
    let alt = pattern_regex("ab|cd").unwrap();
    assert!(alt.is_match("cd") && !alt.is_match("abcd"));
}

#[test]
fn number() {
    one(
        "/form/0/fields/2/min",
        json!(9),
        "form[0].fields[2].min",
        "must not exceed max (8)",
    );
    one(
        "/form/0/fields/2/max",
        json!("8"),
        "form[0].fields[2].max",
        "must be a number",
    );
    one(
        "/form/0/fields/2/integer",
        json!("no"),
        "form[0].fields[2].integer",
        "true or false",
    );
    assert!(problems(|v| set(v, "/form/0/fields/2/min", json!(-3.5))).is_empty());
}

#[test]
fn money() {
    one(
        "/form/0/fields/7/min",
        json!(-1),
        "form[0].fields[7].min",
        "at least 0",
    );
    one(
        "/form/0/fields/7/max",
        json!(10.5),
        "form[0].fields[7].max",
        "whole number",
    );
    one(
        "/form/0/fields/7/min",
        json!(2000000),
        "form[0].fields[7].min",
        "must not exceed max (1000000)",
    );
}

#[test]
fn date() {
    one(
        "/form/0/fields/3/min",
        json!("01/01/2000"),
        "form[0].fields[3].min",
        "YYYY-MM-DD or \"today\"",
    );
    one(
        "/form/0/fields/3/max",
        json!("yesterday"),
        "form[0].fields[3].max",
        "\"today\"",
    );
    one(
        "/form/0/fields/3/min",
        json!("2000-02-30"),
        "form[0].fields[3].min",
        "real date",
    );
    only(
        problems(|v| {
            set(v, "/form/0/fields/3/min", json!("2020-01-01"));
            set(v, "/form/0/fields/3/max", json!("2019-12-31"));
        }),
        "form[0].fields[3].min",
        "must not be after max (2019-12-31)",
    );
    assert!(problems(|v| set(v, "/form/0/fields/3/min", json!("today"))).is_empty());
}

#[test]
fn options() {
    only(
        problems(|v| remove(v, "/form/0/fields/4/options")),
        "form[0].fields[4].options",
        "required for type \"select\"",
    );
    only(
        problems(|v| remove(v, "/form/0/fields/5/options")),
        "form[0].fields[5].options",
        "required for type \"radio\"",
    );
    one(
        "/form/0/fields/5/options",
        json!([]),
        "form[0].fields[5].options",
        "at least one option",
    );
    one(
        "/form/0/fields/5/options",
        json!("nam,nu"),
        "form[0].fields[5].options",
        "must be an array",
    );
    one(
        "/form/0/fields/5/options/1/value",
        json!("Nữ"),
        "form[0].fields[5].options[1].value",
        "identifier",
    );
    one(
        "/form/0/fields/5/options/1/value",
        json!("nam"),
        "form[0].fields[5].options[1].value",
        "duplicate option value \"nam\"",
    );
    missing(
        "/form/0/fields/5/options/1/label",
        "form[0].fields[5].options[1].label",
    );
    one(
        "/form/0/fields/5/options/1",
        json!("nu"),
        "form[0].fields[5].options[1]",
        "must be an object",
    );
}

#[test]
fn checkboxes() {
    only(
        problems(|v| {
            remove(v, "/form/0/fields/6/options");
            remove(v, "/form/0/fields/6/min_selected");
            remove(v, "/form/0/fields/6/max_selected");
        }),
        "form[0].fields[6].options",
        "required for type \"checkboxes\"",
    );
    one(
        "/form/0/fields/6/min_selected",
        json!(3),
        "form[0].fields[6].min_selected",
        "must not exceed max_selected (2)",
    );
    only(
        problems(|v| {
            set(v, "/form/0/fields/6/max_selected", json!(3));
        }),
        "form[0].fields[6].max_selected",
        "must not exceed the number of options (2)",
    );
    one(
        "/form/0/fields/6/max_selected",
        json!(0),
        "form[0].fields[6].max_selected",
        "at least 1",
    );
    one(
        "/form/0/fields/6/min_selected",
        json!(-1),
        "form[0].fields[6].min_selected",
        "at least 0",
    );
}

#[test]
fn groups() {
    one(
        "/form/1/fields/7/fields",
        json!([]),
        "form[1].fields[7].fields",
        "at least one field",
    );
    missing("/form/1/fields/7/fields", "form[1].fields[7].fields");
    one(
        "/form/1/fields/8/repeat/min",
        json!(6),
        "form[1].fields[8].repeat.min",
        "must not exceed max (5)",
    );
    one(
        "/form/1/fields/8/repeat/max",
        json!(0),
        "form[1].fields[8].repeat.max",
        "at least 1",
    );
    missing(
        "/form/1/fields/8/repeat/max",
        "form[1].fields[8].repeat.max",
    );
    one(
        "/form/1/fields/8/repeat",
        json!(true),
        "form[1].fields[8].repeat",
        "must be an object",
    );
    // A field of a group is checked like any other.
    one(
        "/form/1/fields/8/fields/1/type",
        json!("datum"),
        "form[1].fields[8].fields[1].type",
        "unknown field type",
    );
}

#[test]
fn repeating_groups_do_not_nest() {
    let nested = json!({ "id": "con", "type": "group", "label": "Con", "repeat": { "min": 0, "max": 3 },
                             "fields": [ { "id": "con_ten", "type": "text", "label": "Tên" } ] });
    one(
        "/form/1/fields/8/fields/1",
        nested.clone(),
        "form[1].fields[8].fields[1].repeat",
        "cannot be inside another repeating group (form[1].fields[8])",
    );
    // Also through a plain group in between.
    let plain = json!({ "id": "nhom", "type": "group", "label": "Nhóm", "fields": [ nested ] });
    one(
        "/form/1/fields/8/fields/1",
        plain.clone(),
        "form[1].fields[8].fields[1].fields[0].repeat",
        "keep one level",
    );
    // A repeating group inside a plain group is fine.
    assert!(
        problems(|v| set(v, "/form/1/fields/7/fields/0", plain["fields"][0].clone())).is_empty()
    );
}
