//! The error kinds as the draft store keeps them, and the parsers called directly.

use super::*;

#[test]
fn error_kinds_serialise_for_the_draft_store() {
    for kind in [
        K::Required,
        K::TooLong { max: 5 },
        K::BelowMin {
            min: "1.000 ₫".into(),
        },
    ] {
        let e = FieldError {
            name: "a.province".into(),
            field_id: "a".into(),
            kind,
        };
        let back: FieldError = serde_json::from_value(serde_json::to_value(&e).unwrap()).unwrap();
        assert_eq!(back, e);
    }
    assert_eq!(
        serde_json::to_value(K::TooShort { min: 3 }).unwrap(),
        json!({ "code": "too_short", "min": 3 })
    );
}

#[test]
fn parsers_directly() {
    assert_eq!(parse_money("1.500.000"), Some(1_500_000));
    assert_eq!(parse_money("18446744073709551615"), Some(u64::MAX));
    assert_eq!(parse_money("18446744073709551616"), None);
    assert_eq!(parse_date("29/02/2024"), Some(date!(2024 - 02 - 29)));
    assert_eq!(parse_date("29/02/2025"), None);
    assert_eq!(parse_number("1,5"), Some(1.5));
    assert_eq!(nfc("a\u{301}"), "á");
}
