//! Addresses against a unit list.

use super::*;

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
