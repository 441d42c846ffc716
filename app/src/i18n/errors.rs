//! Messages for field problems found by the domain's validation, in both languages.
//! They say what is wrong and how to put it right, at the field and in the error summary.

use motcua_domain::validate::FieldErrorKind::{self, *};

use super::Lang;

/// The message for `kind` in `lang`.
pub fn field_error(lang: Lang, kind: &FieldErrorKind) -> String {
    match lang {
        Lang::Vi => vi(kind),
        Lang::En => en(kind),
    }
}

fn vi(kind: &FieldErrorKind) -> String {
    match kind {
        Required => "Không được để trống mục này".into(),
        TooShort { min } => format!("Cần nhập ít nhất {min} ký tự"),
        TooLong { max } => format!("Chỉ được nhập tối đa {max} ký tự"),
        PatternMismatch => "Giá trị không đúng định dạng yêu cầu".into(),
        ControlCharacters => "Chỉ nhập trên một dòng, không có ký tự điều khiển".into(),
        NotANumber => "Hãy nhập một số, ví dụ 12 hoặc 12,5".into(),
        NotAnInteger => "Hãy nhập một số nguyên".into(),
        BelowMin { min } => format!("Giá trị phải từ {min} trở lên"),
        AboveMax { max } => format!("Giá trị không được vượt quá {max}"),
        InvalidMoney => "Hãy nhập số tiền bằng đồng, ví dụ 1.500.000".into(),
        InvalidDate => "Hãy nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 05/09/2020".into(),
        DateTooEarly { min } => format!("Ngày phải từ {min} trở về sau"),
        DateTooLate { max } => format!("Ngày không được sau {max}"),
        NotAnOption => "Hãy chọn một trong các lựa chọn đã cho".into(),
        TooFewSelected { min } => format!("Hãy chọn ít nhất {min} mục"),
        TooManySelected { max } => format!("Chỉ được chọn tối đa {max} mục"),
        MustTick => "Hãy đánh dấu vào ô này để tiếp tục".into(),
        InvalidEmail => "Hãy nhập địa chỉ thư điện tử đúng dạng, ví dụ ten@example.vn".into(),
        InvalidPhone => {
            "Hãy nhập số điện thoại Việt Nam gồm 10 chữ số bắt đầu bằng 0, ví dụ 0912345678".into()
        }
        InvalidIdNumber => "Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số".into(),
        InvalidTaxCode => {
            "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số".into()
        }
        UnknownProvince => "Hãy chọn tỉnh, thành phố trong danh sách".into(),
        UnknownCommune => "Hãy chọn xã, phường thuộc tỉnh, thành phố đã chọn".into(),
        TooFewEntries { min } => format!("Cần khai ít nhất {min} mục"),
        TooManyEntries { max } => format!("Chỉ được khai tối đa {max} mục"),
    }
}

fn en(kind: &FieldErrorKind) -> String {
    match kind {
        Required => "This cannot be left empty".into(),
        TooShort { min } => format!("Enter at least {min} characters"),
        TooLong { max } => format!("Enter at most {max} characters"),
        PatternMismatch => "This is not in the required format".into(),
        ControlCharacters => "Enter one line, without control characters".into(),
        NotANumber => "Enter a number, like 12 or 12.5".into(),
        NotAnInteger => "Enter a whole number".into(),
        BelowMin { min } => format!("Enter {min} or more"),
        AboveMax { max } => format!("Enter at most {max}"),
        InvalidMoney => "Enter an amount in đồng, like 1.500.000".into(),
        InvalidDate => "Enter a real date as day/month/year, like 05/09/2020".into(),
        DateTooEarly { min } => format!("The date must be {min} or later"),
        DateTooLate { max } => format!("The date must not be after {max}"),
        NotAnOption => "Choose one of the options given".into(),
        TooFewSelected { min } => format!("Choose at least {min}"),
        TooManySelected { max } => format!("Choose at most {max}"),
        MustTick => "Tick this box to continue".into(),
        InvalidEmail => "Enter an e-mail address like name@example.vn".into(),
        InvalidPhone => {
            "Enter a Vietnamese phone number: 10 digits starting with 0, like 0912345678".into()
        }
        InvalidIdNumber => "The personal ID number (CCCD) has exactly 12 digits".into(),
        InvalidTaxCode => "A tax code is 10 digits, or 10 digits, a hyphen and 3 digits".into(),
        UnknownProvince => "Choose a province or city from the list".into(),
        UnknownCommune => "Choose a commune or ward of the chosen province".into(),
        TooFewEntries { min } => format!("Add at least {min} entries"),
        TooManyEntries { max } => format!("Add at most {max} entries"),
    }
}
