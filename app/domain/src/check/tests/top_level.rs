//! The top-level keys: format, code, version, texts, level, online, duration, fees, legal basis, result.

use super::*;

#[test]
fn format() {
    missing("/format", "format");
    one(
        "/format",
        json!("motcua.procedure/2"),
        "format",
        "must be \"motcua.procedure/1\"",
    );
    one("/format", json!(1), "format", "must be the string");
}

#[test]
fn code() {
    missing("/code", "code");
    one("/code", json!(""), "code", "must not be empty");
    one("/code", json!("1.001 193"), "code", "spaces");
    one("/code", json!(12), "code", "must be a string");
}

#[test]
fn version() {
    missing("/version", "version");
    one("/version", json!("2025-13-01"), "version", "YYYY-MM-DD");
    one("/version", json!("2025-02-29"), "version", "real date");
    one("/version", json!("01/07/2025"), "version", "YYYY-MM-DD");
    one("/version", json!("2025-7-1"), "version", "YYYY-MM-DD");
    assert!(problems(|v| set(v, "/version", json!("2024-02-29"))).is_empty());
}

#[test]
fn text_values() {
    missing("/name", "name");
    one("/name", json!(5), "name", "must be a string or an object");
    one("/name", json!("  "), "name", "must not be empty");
    one(
        "/sector",
        json!({ "en": "Civil status" }),
        "sector.vi",
        "required",
    );
    one(
        "/sector",
        json!({ "vi": "" }),
        "sector.vi",
        "must not be empty",
    );
    one(
        "/sector",
        json!({ "vi": "Hộ tịch", "en": 1 }),
        "sector.en",
        "must be a string",
    );
    one(
        "/form/0/fields/4/options/1/label",
        json!({ "en": "At home" }),
        "form[0].fields[4].options[1].label.vi",
        "required",
    );
}

#[test]
fn level_and_online() {
    missing("/level", "level");
    one(
        "/level",
        json!("district"),
        "level",
        "\"province\", \"commune\"",
    );
    missing("/online", "online");
    one(
        "/online",
        json!(true),
        "online",
        "must be one of \"full\", \"partial\"",
    );
}

#[test]
fn duration() {
    missing("/duration", "duration");
    one("/duration", json!(3), "duration", "must be an object");
    one(
        "/duration/amount",
        json!(0),
        "duration.amount",
        "greater than 0",
    );
    one(
        "/duration/amount",
        json!("3"),
        "duration.amount",
        "number greater than 0",
    );
    // Bounded, so that the due-moment walk stays finite.
    one(
        "/duration/amount",
        json!(1e12),
        "duration.amount",
        "must be at most 365 (a year)",
    );
    missing("/duration/unit", "duration.unit");
    one(
        "/duration/unit",
        json!("days"),
        "duration.unit",
        "working_days",
    );
}

#[test]
fn fees() {
    one("/fees", json!({}), "fees", "must be an array");
    one(
        "/fees/0/amount_vnd",
        json!(-1),
        "fees[0].amount_vnd",
        "at least 0",
    );
    one(
        "/fees/0/amount_vnd",
        json!(1.5),
        "fees[0].amount_vnd",
        "whole number",
    );
    missing("/fees/0/amount_vnd", "fees[0].amount_vnd");
    missing("/fees/0/label", "fees[0].label");
    assert!(problems(|v| set(v, "/fees/0/amount_vnd", json!(0))).is_empty());
}

#[test]
fn legal_basis() {
    one(
        "/legal_basis",
        json!("Luật"),
        "legal_basis",
        "must be an array",
    );
    one(
        "/legal_basis/0",
        json!(1),
        "legal_basis[0]",
        "must be a string",
    );
}

#[test]
fn result() {
    missing("/result", "result");
    missing("/result/name", "result.name");
    missing("/result/delivery", "result.delivery");
    one(
        "/result/delivery",
        json!([]),
        "result.delivery",
        "at least one",
    );
    one(
        "/result/delivery/1",
        json!("email"),
        "result.delivery[1]",
        "\"counter\", \"post\", \"online\"",
    );
    one(
        "/result/delivery/1",
        json!("online"),
        "result.delivery[1]",
        "listed twice",
    );
    one(
        "/result/delivery",
        json!(["counter"]),
        "result.delivery",
        "\"full\" online procedure",
    );
    assert!(
        problems(|v| {
            set(v, "/online", json!("partial"));
            set(v, "/result/delivery", json!(["counter"]));
        })
        .is_empty()
    );
}
