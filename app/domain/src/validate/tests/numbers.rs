//! Numbers and amounts of money.

use super::*;

#[test]
fn numbers() {
    let n = json!({ "type": "number" });
    assert_eq!(ok(n.clone(), "3"), json!(3));
    assert_eq!(ok(n.clone(), "2,5"), json!(2.5));
    assert_eq!(ok(n.clone(), "2.5"), json!(2.5));
    assert_eq!(ok(n.clone(), "-1,25"), json!(-1.25));
    assert_eq!(ok(n.clone(), "+7"), json!(7));
    assert_eq!(ok(n.clone(), "-0"), json!(0));
    assert_eq!(ok(n.clone(), "2,0"), json!(2));
    for bad in [
        "abc", "1.234,5", "1 234", "1e3", ",5", "5,", "--1", "0x10", "NaN", "inf",
    ] {
        assert_eq!(err(n.clone(), bad), K::NotANumber, "{bad}");
    }
    let int = json!({ "type": "number", "integer": true, "min": 1.5, "max": 10 });
    assert_eq!(err(int.clone(), "2,5"), K::NotAnInteger);
    assert_eq!(ok(int.clone(), "2"), json!(2));
    assert_eq!(err(int.clone(), "1"), K::BelowMin { min: "1,5".into() });
    assert_eq!(err(int.clone(), "11"), K::AboveMax { max: "10".into() });
    assert_eq!(ok(int, "10"), json!(10));
}

#[test]
fn money() {
    let m = json!({ "type": "money" });
    for good in [
        "1.500.000",
        "1500000",
        "1 500 000",
        "1\u{a0}500\u{a0}000",
        "1\u{202f}500\u{202f}000",
        "1,500,000",
        "1.500.000 đ",
        "1.500.000₫",
        "1500000 VND",
        "1.500.000 VNĐ",
        "1.500.000 đồng",
    ] {
        assert_eq!(ok(m.clone(), good), json!(1_500_000), "{good}");
    }
    assert_eq!(ok(m.clone(), "0"), json!(0));
    assert_eq!(ok(m.clone(), "999"), json!(999));
    for bad in [
        "1.5",
        "-5",
        "1,5",
        "1.500.000,00",
        "1.500,000",
        "1.5000.000",
        "12.34",
        "1 500.000",
        "abc",
        "đ",
        "+5",
        "1..000",
        ".500",
        "1.500.",
        "99999999999999999999",
    ] {
        assert_eq!(err(m.clone(), bad), K::InvalidMoney, "{bad}");
    }
    let bounded = json!({ "type": "money", "min": 100000, "max": 1500000 });
    assert_eq!(
        err(bounded.clone(), "50.000"),
        K::BelowMin {
            min: "100.000 ₫".into()
        }
    );
    assert_eq!(
        err(bounded.clone(), "1.500.001"),
        K::AboveMax {
            max: "1.500.000 ₫".into()
        }
    );
    assert_eq!(ok(bounded, "1.500.000"), json!(1_500_000));
}
