use motcua_domain::procedure::{Choice, Field, FieldKind};
use motcua_domain::text::Text;
use motcua_domain::validate::{FieldError, FieldErrorKind};

use super::*;

fn field(id: &str, vi: &str, en: &str, kind: FieldKind) -> Field {
    Field {
        id: id.into(),
        label: Text::Localized([("vi".into(), vi.into()), ("en".into(), en.into())].into()),
        hint: None,
        required: true,
        visible_if: None,
        prefill: None,
        kind,
    }
}

fn text() -> FieldKind {
    FieldKind::Text {
        min_length: None,
        max_length: None,
        pattern: None,
    }
}

fn error(name: &str, kind: FieldErrorKind) -> FieldError {
    FieldError {
        name: name.into(),
        field_id: name.split('.').next().unwrap().into(),
        kind,
    }
}

/// Every kind of problem, so that a new one cannot be added without a message test.
fn every_kind() -> Vec<FieldErrorKind> {
    let all = vec![
        Required,
        TooShort { min: 2 },
        TooLong { max: 100 },
        PatternMismatch,
        ControlCharacters,
        NotANumber,
        NotAnInteger,
        BelowMin { min: "1".into() },
        AboveMax { max: "9".into() },
        InvalidMoney,
        InvalidDate,
        DateTooEarly {
            min: "01/01/2020".into(),
        },
        DateTooLate {
            max: "01/01/2030".into(),
        },
        NotAnOption,
        TooFewSelected { min: 2 },
        TooManySelected { max: 3 },
        MustTick,
        InvalidEmail,
        InvalidPhone,
        InvalidIdNumber,
        InvalidTaxCode,
        UnknownProvince,
        UnknownCommune,
        TooFewEntries { min: 1 },
        TooManyEntries { max: 5 },
    ];
    // The compiler lists a new variant here.
    for k in &all {
        match k {
            Required
            | TooShort { .. }
            | TooLong { .. }
            | PatternMismatch
            | ControlCharacters
            | NotANumber
            | NotAnInteger
            | BelowMin { .. }
            | AboveMax { .. }
            | InvalidMoney
            | InvalidDate
            | DateTooEarly { .. }
            | DateTooLate { .. }
            | NotAnOption
            | TooFewSelected { .. }
            | TooManySelected { .. }
            | MustTick
            | InvalidEmail
            | InvalidPhone
            | InvalidIdNumber
            | InvalidTaxCode
            | UnknownProvince
            | UnknownCommune
            | TooFewEntries { .. }
            | TooManyEntries { .. } => {}
        }
    }
    all
}

#[test]
fn every_message_names_its_field_in_both_languages() {
    let f = field("ten_cha", "Họ tên của cha", "Father's full name", text());
    for kind in every_kind() {
        let vi = field_message(Lang::Vi, &f, &error("ten_cha", kind.clone()));
        assert!(
            vi.to_lowercase().contains("họ tên của cha"),
            "{kind:?}: {vi}"
        );
        let en = field_message(Lang::En, &f, &error("ten_cha", kind.clone()));
        assert!(
            en.to_lowercase().contains("father's full name"),
            "{kind:?}: {en}"
        );
        assert_ne!(vi, en, "{kind:?}");
    }
}

#[test]
fn required_says_what_to_do_for_each_type() {
    let cases = [
        (
            field("full_name", "Họ, chữ đệm và tên", "Full name", text()),
            "Nhập họ, chữ đệm và tên",
        ),
        (
            field(
                "id_number",
                "Số định danh cá nhân",
                "Personal ID number",
                FieldKind::IdNumber,
            ),
            "Nhập số định danh cá nhân gồm 12 chữ số",
        ),
        (
            field(
                "agency",
                "Nơi tiếp nhận hồ sơ",
                "Where the dossier is received",
                FieldKind::Select {
                    options: vec![Choice {
                        value: "a".into(),
                        label: "A".into(),
                    }],
                },
            ),
            "Chọn nơi tiếp nhận hồ sơ",
        ),
        (
            field(
                "birth",
                "Ngày sinh",
                "Date of birth",
                FieldKind::Date {
                    min: None,
                    max: None,
                },
            ),
            "Nhập ngày sinh theo dạng ngày/tháng/năm",
        ),
    ];
    for (f, expected) in cases {
        assert_eq!(
            field_message(Lang::Vi, &f, &error(&f.id.clone(), Required)),
            expected
        );
    }
}

#[test]
fn address_parts_are_named() {
    let f = field(
        "address",
        "Địa chỉ liên hệ",
        "Contact address",
        FieldKind::Address,
    );
    let msg = |name: &str, kind| field_message(Lang::Vi, &f, &error(name, kind));
    assert_eq!(
        msg("address.province", Required),
        "Chọn tỉnh, thành phố của địa chỉ liên hệ"
    );
    assert_eq!(
        msg("address.commune", Required),
        "Chọn xã, phường của địa chỉ liên hệ"
    );
    assert!(msg("address.street", TooLong { max: 200 }).starts_with("Số nhà, đường"));
    assert_eq!(
        field_message(Lang::En, &f, &error("address.province", Required)),
        "Choose the province or city of contact address"
    );
}

#[test]
fn acronyms_keep_their_capitals() {
    let f = field("cccd", "CCCD của người nộp", "ID card", FieldKind::IdNumber);
    assert_eq!(
        field_message(Lang::Vi, &f, &error("cccd", Required)),
        "Nhập CCCD của người nộp gồm 12 chữ số"
    );
}

#[test]
fn long_declarations_are_shortened() {
    let f = field(
        "cam_doan",
        "Tôi cam đoan những thông tin khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật",
        "I declare",
        FieldKind::Declaration,
    );
    let m = field_message(Lang::Vi, &f, &error("cam_doan", MustTick));
    assert!(m.starts_with("Đánh dấu vào ô “Tôi cam đoan"), "{m}");
    assert!(m.contains('…') && m.chars().count() < 100, "{m}");
}
