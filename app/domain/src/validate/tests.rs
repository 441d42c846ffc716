use super::*;
use crate::answers::raw_from_pairs;
use serde_json::json;
use time::macros::date;

const TODAY: Date = date!(2025 - 07 - 01);

fn ctx() -> Context<'static> {
    Context::new(TODAY)
}

fn fields(v: Value) -> Vec<Field> {
    serde_json::from_value(v).expect("fields")
}

fn one(spec: Value) -> Vec<Field> {
    let mut spec = spec;
    let obj = spec.as_object_mut().unwrap();
    obj.entry("id").or_insert(json!("f"));
    obj.entry("label").or_insert(json!("F"));
    fields(json!([spec]))
}

fn raw(pairs: &[(&str, &str)]) -> RawForm {
    raw_from_pairs(pairs.iter().copied())
}

fn run(fs: &[Field], pairs: &[(&str, &str)]) -> StepOutcome {
    validate_fields(fs, &raw(pairs), &Answers::new(), &ctx())
}

/// Validates `input` against a single field `f` of the given spec.
fn check(spec: Value, input: &str) -> Result<Option<Value>, FieldErrorKind> {
    let fs = one(spec);
    let out = run(&fs, &[("f", input)]);
    match out.errors.as_slice() {
        [] => Ok(out.answers.get("f").cloned()),
        [e] => {
            assert_eq!(e.name, "f");
            assert_eq!(e.field_id, "f");
            assert!(out.answers.get("f").is_none());
            Err(e.kind.clone())
        }
        many => panic!("several errors: {many:?}"),
    }
}

fn ok(spec: Value, input: &str) -> Value {
    check(spec, input)
        .unwrap_or_else(|e| panic!("{input:?} rejected: {e:?}"))
        .unwrap_or_else(|| panic!("{input:?} absent"))
}

fn err(spec: Value, input: &str) -> FieldErrorKind {
    match check(spec, input) {
        Err(e) => e,
        Ok(v) => panic!("{input:?} accepted as {v:?}"),
    }
}

use FieldErrorKind as K;

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

#[test]
fn dates() {
    let d = json!({ "type": "date" });
    assert_eq!(ok(d.clone(), "01/07/2025"), json!("2025-07-01"));
    assert_eq!(ok(d.clone(), "1/7/2025"), json!("2025-07-01"));
    assert_eq!(ok(d.clone(), "2025-07-01"), json!("2025-07-01"));
    assert_eq!(ok(d.clone(), "01-07-2025"), json!("2025-07-01"));
    assert_eq!(ok(d.clone(), "01.07.2025"), json!("2025-07-01"));
    assert_eq!(ok(d.clone(), "29/02/2024"), json!("2024-02-29"));
    assert_eq!(ok(d.clone(), "2024-02-29"), json!("2024-02-29"));
    for bad in [
        "29/02/2025",
        "2025-02-29",
        "31/04/2025",
        "00/01/2025",
        "32/01/2025",
        "01/13/2025",
        "01/07/25",
        "2025/07/01",
        "01/07-2025",
        "hôm nay",
        "1/7/2025/1",
        "001/07/2025",
        "2025-7-1",
        "29/02/1900",
    ] {
        assert_eq!(err(d.clone(), bad), K::InvalidDate, "{bad}");
    }
    assert_eq!(ok(d, "29/02/2000"), json!("2000-02-29"));
}

#[test]
fn date_limits() {
    let past = json!({ "type": "date", "max": "today", "min": "1900-01-01" });
    assert_eq!(ok(past.clone(), "01/07/2025"), json!("2025-07-01"));
    assert_eq!(
        err(past.clone(), "02/07/2025"),
        K::DateTooLate {
            max: "01/07/2025".into()
        }
    );
    assert_eq!(
        err(past, "31/12/1899"),
        K::DateTooEarly {
            min: "01/01/1900".into()
        }
    );
    let future = json!({ "type": "date", "min": "today", "max": "2025-12-31" });
    assert_eq!(
        err(future.clone(), "30/06/2025"),
        K::DateTooEarly {
            min: "01/07/2025".into()
        }
    );
    assert_eq!(
        err(future.clone(), "2026-01-01"),
        K::DateTooLate {
            max: "31/12/2025".into()
        }
    );
    assert!(check(future, "31/12/2025").is_ok());
}

#[test]
fn select_and_radio() {
    for t in ["select", "radio"] {
        let s = json!({ "type": t, "options": [
                { "value": "co", "label": "Có" }, { "value": "khong", "label": "Không" } ] });
        assert_eq!(ok(s.clone(), " co "), json!("co"));
        assert_eq!(err(s.clone(), "Có"), K::NotAnOption);
        assert_eq!(err(s.clone(), "maybe"), K::NotAnOption);
        assert_eq!(check(s, ""), Ok(None));
    }
}

#[test]
fn checkboxes() {
    let fs = one(
        json!({ "type": "checkboxes", "min_selected": 2, "max_selected": 3, "options": [
            { "value": "a", "label": "A" }, { "value": "b", "label": "B" },
            { "value": "c", "label": "C" }, { "value": "d", "label": "D" } ] }),
    );
    let out = run(&fs, &[("f", "c"), ("f", "a"), ("f", "c")]);
    assert_eq!(out.errors, vec![]);
    assert_eq!(out.answers["f"], json!(["a", "c"]));
    let kinds = |pairs: &[(&str, &str)]| -> Vec<K> {
        run(&fs, pairs).errors.into_iter().map(|e| e.kind).collect()
    };
    assert_eq!(kinds(&[("f", "a")]), [K::TooFewSelected { min: 2 }]);
    assert_eq!(
        kinds(&[("f", "a"), ("f", "b"), ("f", "c"), ("f", "d")]),
        [K::TooManySelected { max: 3 }]
    );
    assert_eq!(kinds(&[("f", "a"), ("f", "x")]), [K::NotAnOption]);
    // Nothing ticked on an optional field: absent.
    assert_eq!(kinds(&[("f", "")]), []);
    assert!(run(&fs, &[]).answers.is_empty());
    let req = one(
        json!({ "type": "checkboxes", "required": true, "options": [ { "value": "a", "label": "A" } ] }),
    );
    assert_eq!(run(&req, &[]).errors[0].kind, K::Required);
}

#[test]
fn checkbox_and_declaration() {
    let opt = one(json!({ "type": "checkbox" }));
    assert_eq!(run(&opt, &[]).answers["f"], json!(false));
    assert_eq!(run(&opt, &[("f", "true")]).answers["f"], json!(true));
    assert_eq!(run(&opt, &[("f", "")]).answers["f"], json!(false));
    let req = one(json!({ "type": "checkbox", "required": true }));
    assert_eq!(run(&req, &[]).errors[0].kind, K::MustTick);
    assert!(run(&req, &[]).answers.is_empty());
    assert_eq!(run(&req, &[("f", "on")]).answers["f"], json!(true));
    let decl = one(json!({ "type": "declaration" }));
    assert_eq!(run(&decl, &[]).errors[0].kind, K::MustTick);
    assert_eq!(run(&decl, &[("f", "true")]).answers["f"], json!(true));
}

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

/// Hà Nội (01) and Hồ Chí Minh City (79) with one commune each; Huế (46) with none.
struct Units;
impl UnitCatalog for Units {
    fn province_exists(&self, code: &str) -> bool {
        code == "01" || code == "79" || code == "46"
    }
    fn province_has_communes(&self, code: &str) -> bool {
        code != "46"
    }
    fn commune_in_province(&self, province: &str, commune: &str) -> bool {
        (province, commune) == ("01", "00004") || (province, commune) == ("79", "26734")
    }
}

fn address_errors(
    required: bool,
    units: bool,
    pairs: &[(&str, &str)],
) -> (Option<Value>, Vec<(String, K)>) {
    let fs = one(json!({ "type": "address", "id": "addr", "required": required }));
    let catalog = Units;
    let ctx = Context {
        today: TODAY,
        units: if units { Some(&catalog) } else { None },
    };
    let out = validate_fields(&fs, &raw(pairs), &Answers::new(), &ctx);
    (
        out.answers.get("addr").cloned(),
        out.errors.into_iter().map(|e| (e.name, e.kind)).collect(),
    )
}

#[test]
fn addresses() {
    let full = [
        ("addr.province", "01"),
        ("addr.commune", "00004"),
        ("addr.street", " Số 1,  phố Tràng Tiền "),
    ];
    let (v, errs) = address_errors(true, true, &full);
    assert_eq!(errs, vec![]);
    assert_eq!(
        v,
        Some(json!({ "province": "01", "commune": "00004", "street": "Số 1,  phố Tràng Tiền" }))
    );

    // Street is optional.
    let (v, errs) = address_errors(
        true,
        true,
        &[("addr.province", "79"), ("addr.commune", "26734")],
    );
    assert_eq!(errs, vec![]);
    assert_eq!(v.unwrap()["street"], json!(""));

    // Required and empty: province and commune are both reported.
    let (v, errs) = address_errors(true, true, &[("addr.street", " ")]);
    assert_eq!(v, None);
    assert_eq!(
        errs,
        vec![
            ("addr.province".into(), K::Required),
            ("addr.commune".into(), K::Required)
        ]
    );
    // Optional and empty: absent.
    assert_eq!(address_errors(false, true, &[]), (None, vec![]));
    // Optional but partly filled: province and commune become required.
    let (_, errs) = address_errors(false, true, &[("addr.street", "Số 1")]);
    assert_eq!(
        errs,
        vec![
            ("addr.province".into(), K::Required),
            ("addr.commune".into(), K::Required)
        ]
    );
    let (_, errs) = address_errors(false, true, &[("addr.province", "01")]);
    assert_eq!(errs, vec![("addr.commune".into(), K::Required)]);

    // A province without communes in the list: the street line is enough.
    let (v, errs) = address_errors(
        true,
        true,
        &[("addr.province", "46"), ("addr.street", "12 Lê Lợi")],
    );
    assert_eq!(errs, vec![]);
    assert_eq!(
        v,
        Some(json!({ "province": "46", "commune": "", "street": "12 Lê Lợi" }))
    );
    // ... but a commune that is not in it is still refused.
    let (_, errs) = address_errors(
        true,
        true,
        &[("addr.province", "46"), ("addr.commune", "00004")],
    );
    assert_eq!(errs, vec![("addr.commune".into(), K::UnknownCommune)]);

    // Against the catalogue.
    let (_, errs) = address_errors(
        true,
        true,
        &[("addr.province", "02"), ("addr.commune", "00004")],
    );
    assert_eq!(errs, vec![("addr.province".into(), K::UnknownProvince)]);
    let (_, errs) = address_errors(
        true,
        true,
        &[("addr.province", "79"), ("addr.commune", "00004")],
    );
    assert_eq!(errs, vec![("addr.commune".into(), K::UnknownCommune)]);
    // Without a catalogue only the shape is checked.
    let (v, errs) = address_errors(
        true,
        false,
        &[("addr.province", "79"), ("addr.commune", "00004")],
    );
    assert_eq!(errs, vec![]);
    assert!(v.is_some());
    let (_, errs) = address_errors(
        true,
        false,
        &[("addr.province", "7 9"), ("addr.commune", "<x>")],
    );
    assert_eq!(
        errs,
        vec![
            ("addr.province".into(), K::UnknownProvince),
            ("addr.commune".into(), K::UnknownCommune)
        ]
    );
    // Street: one line, at most 200 characters.
    let long = "đ".repeat(201);
    let (_, errs) = address_errors(
        true,
        true,
        &[
            ("addr.province", "01"),
            ("addr.commune", "00004"),
            ("addr.street", &long),
        ],
    );
    assert_eq!(errs, vec![("addr.street".into(), K::TooLong { max: 200 })]);
    let (_, errs) = address_errors(
        true,
        true,
        &[
            ("addr.province", "01"),
            ("addr.commune", "00004"),
            ("addr.street", "a\nb"),
        ],
    );
    assert_eq!(errs, vec![("addr.street".into(), K::ControlCharacters)]);
}

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

fn family_page() -> Vec<Field> {
    fields(json!([
        { "id": "ho_ten", "type": "text", "label": "Họ tên" },
        { "id": "thanh_vien", "type": "group", "label": "Thành viên", "repeat": { "min": 1, "max": 3 },
          "fields": [
            { "id": "tv_ten", "type": "text", "label": "Tên", "required": true },
            { "id": "tv_quan_he", "type": "select", "label": "Quan hệ", "required": true,
              "options": [ { "value": "con", "label": "Con" }, { "value": "khac", "label": "Khác" } ] },
            { "id": "tv_ghi_ro", "type": "text", "label": "Ghi rõ", "required": true,
              "visible_if": { "field": "tv_quan_he", "equals": "khac" } },
            { "id": "tv_ngay_sinh", "type": "date", "label": "Ngày sinh",
              "visible_if": { "field": "ho_ten", "filled": true } }
          ] },
        { "id": "ghi_chu", "type": "text", "label": "Ghi chú", "visible_if": { "field": "thanh_vien", "filled": true } }
    ]))
}

#[test]
fn repeating_groups_renumber_and_skip_empty_entries() {
    let fs = family_page();
    let out = run(
        &fs,
        &[
            ("ho_ten", "Trần C"),
            ("thanh_vien[0].tv_ten", "An"),
            ("thanh_vien[0].tv_quan_he", "con"),
            ("thanh_vien[0].tv_ngay_sinh", "1/1/2020"),
            // [1] was removed; [2] is empty (only a control input); [3] is real.
            ("thanh_vien[2].tv_ten", "  "),
            ("thanh_vien[2]._new", ""),
            ("thanh_vien[3].tv_ten", "Bình"),
            ("thanh_vien[3].tv_quan_he", "khac"),
            ("thanh_vien[3].tv_ghi_ro", "Cháu"),
            ("ghi_chu", "ok"),
        ],
    );
    assert_eq!(out.errors, vec![]);
    assert_eq!(
        Value::Object(out.answers),
        json!({
            "ho_ten": "Trần C",
            "thanh_vien": [
                { "tv_ten": "An", "tv_quan_he": "con", "tv_ngay_sinh": "2020-01-01" },
                { "tv_ten": "Bình", "tv_quan_he": "khac", "tv_ghi_ro": "Cháu" }
            ],
            "ghi_chu": "ok"
        })
    );
}

#[test]
fn repeating_group_entry_conditions_and_error_names() {
    let fs = family_page();
    let out = run(
        &fs,
        &[
            ("thanh_vien[0].tv_ten", "An"),
            ("thanh_vien[0].tv_quan_he", "con"),
            ("thanh_vien[0].tv_ghi_ro", ""),
            // Outside field ho_ten is empty, so tv_ngay_sinh is hidden: its bad value is ignored.
            ("thanh_vien[0].tv_ngay_sinh", "bad"),
            ("thanh_vien[5].tv_quan_he", "khac"),
        ],
    );
    let names: Vec<(&str, &str, &K)> = out
        .errors
        .iter()
        .map(|e| (e.name.as_str(), e.field_id.as_str(), &e.kind))
        .collect();
    assert_eq!(
        names,
        vec![
            ("thanh_vien[5].tv_ten", "tv_ten", &K::Required),
            ("thanh_vien[5].tv_ghi_ro", "tv_ghi_ro", &K::Required),
        ]
    );
    // The group is not stored while any entry is invalid, and later conditions see it missing.
    assert!(out.answers.get("thanh_vien").is_none());
}

#[test]
fn repeating_group_counts() {
    let fs = family_page();
    let entry = |i: usize| {
        vec![
            (format!("thanh_vien[{i}].tv_ten"), "X".to_string()),
            (format!("thanh_vien[{i}].tv_quan_he"), "con".to_string()),
        ]
    };
    let run_n = |n: usize| {
        let pairs: Vec<(String, String)> = (0..n).flat_map(|i| entry(i * 2)).collect();
        validate_fields(&fs, &raw_from_pairs(pairs), &Answers::new(), &ctx())
    };
    let out = run_n(0);
    assert_eq!(out.errors.len(), 1);
    assert_eq!(out.errors[0].name, "thanh_vien");
    assert_eq!(out.errors[0].field_id, "thanh_vien");
    assert_eq!(out.errors[0].kind, K::TooFewEntries { min: 1 });
    assert_eq!(run_n(3).errors, vec![]);
    assert_eq!(run_n(3).answers["thanh_vien"].as_array().unwrap().len(), 3);
    let out = run_n(4);
    assert_eq!(out.errors[0].kind, K::TooManyEntries { max: 3 });
    assert!(out.answers.get("thanh_vien").is_none());

    // Required with min 0: at least one entry; optional with min 0: none is fine.
    let g = |required: bool| {
        fields(
            json!([{ "id": "g", "type": "group", "label": "G", "required": required,
                "repeat": { "min": 0, "max": 2 },
                "fields": [ { "id": "x", "type": "text", "label": "X" } ] }]),
        )
    };
    assert_eq!(run(&g(true), &[("g[0].x", "")]).errors[0].kind, K::Required);
    let out = run(&g(false), &[("g[0].x", "")]);
    assert_eq!(out.errors, vec![]);
    assert!(out.answers.is_empty());
    // Names that only look like entries are ignored.
    let out = run(
        &g(false),
        &[
            ("g[x].x", "a"),
            ("g[].x", "a"),
            ("g[1]x", "a"),
            ("gg[0].x", "a"),
        ],
    );
    assert!(out.answers.is_empty() && out.errors.is_empty());
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

#[test]
fn raw_from_answers_round_trips() {
    let fs = fields(json!([
        { "id": "t", "type": "text", "label": "T" },
        { "id": "ta", "type": "textarea", "label": "TA" },
        { "id": "n", "type": "number", "label": "N" },
        { "id": "n2", "type": "number", "label": "N2" },
        { "id": "m", "type": "money", "label": "M" },
        { "id": "d", "type": "date", "label": "D" },
        { "id": "s", "type": "select", "label": "S", "options": [ { "value": "a", "label": "A" } ] },
        { "id": "cs", "type": "checkboxes", "label": "CS", "options": [
            { "value": "a", "label": "A" }, { "value": "b", "label": "B" } ] },
        { "id": "c1", "type": "checkbox", "label": "C1" },
        { "id": "c2", "type": "checkbox", "label": "C2" },
        { "id": "e", "type": "email", "label": "E" },
        { "id": "p", "type": "phone", "label": "P" },
        { "id": "i", "type": "id_number", "label": "I" },
        { "id": "tc", "type": "tax_code", "label": "TC" },
        { "id": "a", "type": "address", "label": "A" },
        { "id": "plain", "type": "group", "label": "G", "fields": [ { "id": "inner", "type": "text", "label": "I" } ] },
        { "id": "rep", "type": "group", "label": "R", "repeat": { "min": 0, "max": 5 }, "fields": [
            { "id": "rn", "type": "text", "label": "RN" },
            { "id": "rd", "type": "date", "label": "RD" },
            { "id": "ra", "type": "address", "label": "RA" } ] },
        { "id": "dec", "type": "declaration", "label": "Cam đoan" }
    ]));
    let answers = json!({
            "t": "Nguyễn Văn A", "ta": "dòng 1\ndòng 2", "n": 2.5, "n2": -3, "m": 1500000,
            "d": "2024-02-29", "s": "a", "cs": ["a", "b"], "c1": true, "c2": false,
            "e": "a@b.vn", "p": "0912345678", "i": "001234567890", "tc": "0101234567-001",
            "a": { "province": "01", "commune": "00004", "street": "" },
            "inner": "x",
            "rep": [ { "rn": "một", "rd": "2020-01-01" },
                     { "rn": "hai", "ra": { "province": "79", "commune": "26734", "street": "Số 2" } } ],
            "dec": true
        })
        .as_object()
        .unwrap()
        .clone();
    let r = raw_from_answers(&fs, &answers);
    assert_eq!(r["m"], ["1.500.000"]);
    assert_eq!(r["d"], ["29/02/2024"]);
    assert_eq!(r["n"], ["2,5"]);
    assert_eq!(r["cs"], ["a", "b"]);
    assert_eq!(r["c1"], ["true"]);
    assert!(!r.contains_key("c2"));
    assert!(!r.contains_key("a.street"));
    assert_eq!(r["rep[1].ra.province"], ["79"]);
    assert_eq!(r["rep[0].rd"], ["01/01/2020"]);
    let out = validate_fields(&fs, &r, &Answers::new(), &ctx());
    assert_eq!(out.errors, vec![]);
    assert_eq!(out.answers, answers);
}

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
