//! Text and textarea values; required and absent values.

use super::*;

#[test]
fn text_trims_normalises_and_limits() {
    let t = json!({ "type": "text" });
    assert_eq!(ok(t.clone(), "  Nguyễn Văn A \t"), json!("Nguyễn Văn A"));
    // Decomposed input is stored composed (NFC).
    let decomposed = "Nguye\u{302}\u{303}n";
    assert_eq!(decomposed.chars().count(), 8);
    assert_eq!(ok(t.clone(), decomposed), json!("Nguyễn"));
    assert_eq!(check(t.clone(), "   "), Ok(None));
    assert_eq!(err(t.clone(), "a\nb"), K::ControlCharacters);
    assert_eq!(err(t.clone(), "a\tb"), K::ControlCharacters);
    assert_eq!(err(t.clone(), "a\u{0}b"), K::ControlCharacters);
    assert_eq!(err(t.clone(), "a\u{2028}b"), K::ControlCharacters);
    // Default max 200 characters, counted as characters, not bytes.
    let s200 = "ệ".repeat(200);
    assert_eq!(ok(t.clone(), &s200), json!(s200));
    assert_eq!(err(t.clone(), &"ệ".repeat(201)), K::TooLong { max: 200 });
    // A decomposed string is measured after NFC.
    assert!(check(t, &"e\u{302}\u{323}".repeat(200)).is_ok());
}

#[test]
fn text_lengths_and_pattern() {
    let t = json!({ "type": "text", "min_length": 3, "max_length": 5, "pattern": "[A-Z0-9]+" });
    assert_eq!(ok(t.clone(), "AB1"), json!("AB1"));
    assert_eq!(err(t.clone(), "AB"), K::TooShort { min: 3 });
    assert_eq!(err(t.clone(), "ABCDEF"), K::TooLong { max: 5 });
    assert_eq!(err(t.clone(), "ab1"), K::PatternMismatch);
    // The pattern must match the whole value, even with alternation.
    let alt = json!({ "type": "text", "pattern": "a|b" });
    assert_eq!(ok(alt.clone(), "a"), json!("a"));
    assert_eq!(err(alt, "ab"), K::PatternMismatch);
}

#[test]
fn required_and_absent() {
    let fs = one(json!({ "type": "text", "required": true }));
    let out = run(&fs, &[]);
    assert_eq!(out.errors[0].kind, K::Required);
    let out = run(&fs, &[("f", "   ")]);
    assert_eq!(out.errors[0].kind, K::Required);
    let fs = one(json!({ "type": "phone" }));
    let out = run(&fs, &[("f", "")]);
    assert!(out.errors.is_empty() && out.answers.is_empty());
}

#[test]
fn textarea() {
    let t = json!({ "type": "textarea" });
    assert_eq!(
        ok(t.clone(), "\r\n dòng 1\r\ndòng 2\rdòng 3\n"),
        json!("dòng 1\ndòng 2\ndòng 3")
    );
    assert_eq!(ok(t.clone(), "a\tb"), json!("a\tb"));
    assert_eq!(err(t.clone(), "a\u{7}b"), K::ControlCharacters);
    assert!(check(t.clone(), &"x".repeat(2000)).is_ok());
    assert_eq!(err(t, &"x".repeat(2001)), K::TooLong { max: 2000 });
    let short = json!({ "type": "textarea", "min_length": 10 });
    assert_eq!(err(short, "ngắn"), K::TooShort { min: 10 });
}
