//! The documentation's example and sample messages, and the JSON Schema file.

use super::*;

const FORMAT_DOC: &str = include_str!("../../../../../docs/procedure-format.md");

/// The first ```json block of docs/procedure-format.md.
fn doc_example() -> Value {
    let start = FORMAT_DOC.find("```json\n").unwrap() + "```json\n".len();
    let len = FORMAT_DOC[start..].find("```").unwrap();
    serde_json::from_str(&FORMAT_DOC[start..start + len]).unwrap()
}

#[test]
fn documentation_example_parses() {
    let p = parse_procedure(&doc_example().to_string()).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(p.form.len(), 2);
}

#[test]
fn documentation_sample_messages_are_real() {
    let mut v = doc_example();
    set(&mut v, "/level", json!("district"));
    set(
        &mut v,
        "/documents/1/visible_if/field",
        json!("tinh_trang_hn"),
    );
    remove(&mut v, "/form/0/fields/0/options");
    set(
        &mut v,
        "/form/0/fields/3/options/2/value",
        json!("da_ly_hon"),
    );
    set(
        &mut v,
        "/form/0/fields/1/visible_if",
        json!({ "field": "tinh_trang", "equals": "da_ly_hon" }),
    );
    set(&mut v, "/process/0/duration_hours", json!(4));
    // The condition of muc_dich_khac names the select that lost its options: not reported.
    let shown: Vec<String> = check_value(&v).iter().map(ToString::to_string).collect();
    for line in shown.iter() {
        assert!(
            FORMAT_DOC.contains(&format!("{line}\n")),
            "not in the doc: {line}"
        );
    }
    assert_eq!(shown.len(), 6, "{shown:#?}");
}

#[test]
fn schema_file_is_valid_json() {
    let schema: Value =
        serde_json::from_str(include_str!("../../../../../docs/procedure.schema.json")).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}
