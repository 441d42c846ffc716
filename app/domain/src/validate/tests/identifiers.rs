//! E-mail addresses, phone numbers, ID numbers and tax codes.

use super::*;

#[test]
fn emails() {
    let e = json!({ "type": "email" });
    assert_eq!(
        ok(e.clone(), " An.Nguyen@Example.GOV.vn "),
        json!("An.Nguyen@example.gov.vn")
    );
    assert_eq!(ok(e.clone(), "a+b@mail.co"), json!("a+b@mail.co"));
    for bad in [
        "a",
        "a@",
        "@b.vn",
        "a@b",
        "a@@b.vn",
        "a@b@c.vn",
        "a b@c.vn",
        "a@b .vn",
        "a@.b.vn",
        "a@b..vn",
        "a@b.vn.",
        "a@-b.vn",
        "a@b.c",
        "a@1.23",
        ".a@b.vn",
        "a..b@c.vn",
        "<a>@b.vn",
        "a@b_c.vn",
    ] {
        assert_eq!(err(e.clone(), bad), K::InvalidEmail, "{bad}");
    }
}

#[test]
fn phones() {
    let p = json!({ "type": "phone" });
    for good in [
        "0912345678",
        "+84912345678",
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "+84 912 345 678",
        "84912345678",
        "0084912345678",
    ] {
        assert_eq!(ok(p.clone(), good), json!("0912345678"), "{good}");
    }
    for bad in [
        "912345678",
        "091234567",
        "09123456789",
        "1912345678",
        "+840912345678",
        "+8491234567",
        "+1 912 345 678",
        "0012345678",
        "0912a45678",
        "(091) 2345678",
        "0912345678-",
        "-0912345678",
        "09123+45678",
        "+",
        "84 0912 345 678",
    ] {
        assert_eq!(err(p.clone(), bad), K::InvalidPhone, "{bad}");
    }
}

#[test]
fn id_numbers() {
    let i = json!({ "type": "id_number" });
    assert_eq!(ok(i.clone(), "001234567890"), json!("001234567890"));
    assert_eq!(ok(i.clone(), "001 234 567 890"), json!("001234567890"));
    for bad in [
        "00123456789",
        "0012345678901",
        "00123456789a",
        "001-234-567-890",
        "１２３４５６７８９０１２",
    ] {
        assert_eq!(err(i.clone(), bad), K::InvalidIdNumber, "{bad}");
    }
}

#[test]
fn tax_codes() {
    let t = json!({ "type": "tax_code" });
    assert_eq!(ok(t.clone(), "0101234567"), json!("0101234567"));
    assert_eq!(ok(t.clone(), "0101234567-001"), json!("0101234567-001"));
    assert_eq!(ok(t.clone(), "0101234567 - 001"), json!("0101234567-001"));
    for bad in [
        "010123456",
        "01012345678",
        "0101234567-01",
        "0101234567-0001",
        "0101234567-",
        "010123456a",
        "0101234567-001-002",
    ] {
        assert_eq!(err(t.clone(), bad), K::InvalidTaxCode, "{bad}");
    }
}
