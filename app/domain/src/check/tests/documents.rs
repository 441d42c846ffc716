//! Documents and their conditions.

use super::*;

#[test]
fn documents() {
    one("/documents", json!({}), "documents", "must be an array");
    one(
        "/documents/0",
        json!("to_khai"),
        "documents[0]",
        "must be an object",
    );
    missing("/documents/0/id", "documents[0].id");
    one(
        "/documents/0/id",
        json!("To-khai"),
        "documents[0].id",
        "identifier",
    );
    one(
        "/documents/1/id",
        json!("to_khai"),
        "documents[1].id",
        "duplicate id \"to_khai\" (already used at documents[0].id)",
    );
    missing("/documents/0/name", "documents[0].name");
    one(
        "/documents/0/copy",
        json!("photocopy"),
        "documents[0].copy",
        "\"certified_copy\"",
    );
    missing("/documents/0/quantity", "documents[0].quantity");
    one(
        "/documents/0/quantity",
        json!(0),
        "documents[0].quantity",
        "at least 1",
    );
    one(
        "/documents/0/quantity",
        json!(1.5),
        "documents[0].quantity",
        "whole number ≥ 1",
    );
    one(
        "/documents/0/required",
        json!("yes"),
        "documents[0].required",
        "true or false",
    );
    missing("/documents/0/required", "documents[0].required");
    one(
        "/documents/0/accept/0",
        json!("docx"),
        "documents[0].accept[0]",
        "\"pdf\", \"jpg\", \"png\"",
    );
    one(
        "/documents/0/accept",
        json!([]),
        "documents[0].accept",
        "at least one",
    );
    one(
        "/documents/0/accept",
        json!(["pdf", "pdf"]),
        "documents[0].accept[1]",
        "twice",
    );
    one(
        "/documents/0/max_size_mb",
        json!(0),
        "documents[0].max_size_mb",
        "greater than 0",
    );
}

#[test]
fn document_conditions() {
    one(
        "/documents/1/visible_if/field",
        json!("khong_co"),
        "documents[1].visible_if.field",
        "unknown field \"khong_co\"",
    );
    one(
        "/documents/1/visible_if",
        json!({ "field": "ae_ho_ten", "filled": true }),
        "documents[1].visible_if.field",
        "inside a repeating group",
    );
    // Any field outside repeating groups, also from the last page, and the repeating
    // group itself.
    assert!(
        problems(|v| set(
            v,
            "/documents/1/visible_if",
            json!({ "field": "cam_doan", "equals": true })
        ))
        .is_empty()
    );
    assert!(
        problems(|v| set(
            v,
            "/documents/1/visible_if",
            json!({ "field": "anh_chi_em", "filled": true })
        ))
        .is_empty()
    );
}
