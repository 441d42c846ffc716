//! Messages for field problems found by the domain's validation, in both languages.
//!
//! Each message names the field it is about and says what to do, as the GOV.UK error
//! message pattern does ("Nhập họ, chữ đệm và tên", "Chọn nơi tiếp nhận hồ sơ"): the same
//! text stands at the field and in the error summary, where a citizen on a small screen
//! reads it far from the field. The server and the form island both call [`field_message`].

use motcua_domain::procedure::{Field, FieldKind, find_field};
use motcua_domain::validate::FieldError;
use motcua_domain::validate::FieldErrorKind::{self, *};

use super::Lang;

/// The message for `error`, about `field` (the field whose id the error carries).
pub fn field_message(lang: Lang, field: &Field, error: &FieldError) -> String {
    let label = field.label.get(lang);
    let subject = match address_part(field, &error.name) {
        Some(part) => Subject::part(lang, part, label),
        None => Subject::new(label),
    };
    match lang {
        Lang::Vi => vi(&subject, &field.kind, &error.kind),
        Lang::En => en(&subject, &field.kind, &error.kind),
    }
}

/// The message for `error` of a form made of `fields`: [`field_message`] about the field it
/// names, or [`field_error`] if that field is not among them.
pub fn error_message(lang: Lang, fields: &[Field], error: &FieldError) -> String {
    match find_field(fields, &error.field_id) {
        Some(field) => field_message(lang, field, error),
        None => field_error(lang, &error.kind),
    }
}

/// The message for `kind` where no field is at hand (forms that are not procedure forms);
/// it says what to do without naming the field.
pub fn field_error(lang: Lang, kind: &FieldErrorKind) -> String {
    let subject = Subject::new(match lang {
        Lang::Vi => "mục này",
        Lang::En => "this",
    });
    let plain = FieldKind::Text {
        min_length: None,
        max_length: None,
        pattern: None,
    };
    match lang {
        Lang::Vi => vi(&subject, &plain, kind),
        Lang::En => en(&subject, &plain, kind),
    }
}

/// The part of an address an error is about, from its input name (`{id}.province` …).
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Province,
    Commune,
    Street,
}

fn address_part(field: &Field, input_name: &str) -> Option<Part> {
    if !matches!(field.kind, FieldKind::Address) {
        return None;
    }
    let (_, part) = input_name.rsplit_once('.')?;
    match part {
        "province" => Some(Part::Province),
        "commune" => Some(Part::Commune),
        "street" => Some(Part::Street),
        _ => None,
    }
}

/// What a message is about: the field's label as written (`Họ, chữ đệm và tên`) for the
/// start of a sentence, and as it reads inside one (`họ, chữ đệm và tên`).
struct Subject {
    start: String,
    inner: String,
    part: Option<Part>,
}

impl Subject {
    fn new(label: &str) -> Subject {
        let label = label.trim().trim_end_matches([':', '.', '*']).trim();
        Subject {
            start: capitalised(label),
            inner: lowered(label),
            part: None,
        }
    }

    /// "tỉnh, thành phố của địa chỉ liên hệ".
    fn part(lang: Lang, part: Part, label: &str) -> Subject {
        let of = lowered(label.trim());
        let text = match (lang, part) {
            (Lang::Vi, Part::Province) => format!("tỉnh, thành phố của {of}"),
            (Lang::Vi, Part::Commune) => format!("xã, phường của {of}"),
            (Lang::Vi, Part::Street) => format!("số nhà, đường, thôn/tổ của {of}"),
            (Lang::En, Part::Province) => format!("the province or city of {of}"),
            (Lang::En, Part::Commune) => format!("the commune or ward of {of}"),
            (Lang::En, Part::Street) => format!("the house number and street of {of}"),
        };
        Subject {
            start: capitalised(&text),
            inner: text,
            part: Some(part),
        }
    }
}

/// The first letter in upper case.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The first letter in lower case, unless the first word is an acronym (`CCCD`, `UBND`) or
/// a name that keeps its capital (a second capital letter says so).
fn lowered(s: &str) -> String {
    let first_word: Vec<char> = s.split_whitespace().next().unwrap_or("").chars().collect();
    if first_word.iter().skip(1).any(|c| c.is_uppercase()) {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether the field is answered by choosing rather than typing.
fn is_choice(kind: &FieldKind) -> bool {
    matches!(
        kind,
        FieldKind::Select { .. } | FieldKind::Radio { .. } | FieldKind::Checkboxes { .. }
    )
}

/// A long label (a declaration's whole sentence) shortened for "tick the box …".
fn short(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

fn vi(s: &Subject, field: &FieldKind, kind: &FieldErrorKind) -> String {
    let (l, big) = (&s.inner, &s.start);
    match kind {
        Required => match (s.part, field) {
            (Some(Part::Province | Part::Commune), _) => format!("Chọn {l}"),
            (_, FieldKind::IdNumber) => format!("Nhập {l} gồm 12 chữ số"),
            (_, FieldKind::Phone) => format!("Nhập {l}, ví dụ 0912345678"),
            (_, FieldKind::Date { .. }) => format!("Nhập {l} theo dạng ngày/tháng/năm"),
            (_, FieldKind::Checkboxes { .. }) => format!("Chọn ít nhất một mục ở {l}"),
            (_, FieldKind::Group { .. }) => format!("Khai ít nhất một mục ở {l}"),
            (_, k) if is_choice(k) => format!("Chọn {l}"),
            _ => format!("Nhập {l}"),
        },
        TooShort { min } => format!("{big} cần có ít nhất {min} ký tự"),
        TooLong { max } => format!("{big} chỉ được có tối đa {max} ký tự"),
        PatternMismatch => format!("{big} chưa đúng định dạng: xem hướng dẫn của mục này"),
        ControlCharacters => format!("{big} chỉ nhập trên một dòng, không có ký tự điều khiển"),
        NotANumber => format!("{big} phải là một số, ví dụ 12 hoặc 12,5"),
        NotAnInteger => format!("{big} phải là một số nguyên"),
        BelowMin { min } => format!("{big} phải từ {min} trở lên"),
        AboveMax { max } => format!("{big} không được vượt quá {max}"),
        InvalidMoney => format!("Nhập {l} bằng số tiền đồng, ví dụ 1.500.000"),
        InvalidDate => {
            format!("{big} phải là ngày có thật, theo dạng ngày/tháng/năm, ví dụ 05/09/2020")
        }
        DateTooEarly { min } => format!("{big} phải từ ngày {min} trở về sau"),
        DateTooLate { max } => format!("{big} không được sau ngày {max}"),
        NotAnOption => format!("Chọn {l} trong các lựa chọn đã cho"),
        TooFewSelected { min } => format!("Chọn ít nhất {min} mục ở {l}"),
        TooManySelected { max } => format!("Chỉ chọn tối đa {max} mục ở {l}"),
        MustTick => format!("Đánh dấu vào ô “{}” để tiếp tục", short(big)),
        InvalidEmail => format!("Nhập {l} đúng dạng, ví dụ ten@example.vn"),
        InvalidPhone => {
            format!("Nhập {l} gồm 10 chữ số bắt đầu bằng 0, ví dụ 0912345678")
        }
        InvalidIdNumber => format!("{big} phải gồm đúng 12 chữ số"),
        InvalidTaxCode => {
            format!("{big} gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số")
        }
        UnknownProvince => format!("Chọn {l} trong danh sách"),
        UnknownCommune => format!("Chọn {l} trong danh sách của tỉnh, thành phố đã chọn"),
        TooFewEntries { min } => format!("Khai ít nhất {min} mục ở {l}"),
        TooManyEntries { max } => format!("Chỉ khai tối đa {max} mục ở {l}"),
    }
}

fn en(s: &Subject, field: &FieldKind, kind: &FieldErrorKind) -> String {
    let (l, big) = (&s.inner, &s.start);
    match kind {
        Required => match (s.part, field) {
            (Some(Part::Province | Part::Commune), _) => format!("Choose {l}"),
            (_, FieldKind::IdNumber) => format!("Enter {l}: 12 digits"),
            (_, FieldKind::Phone) => format!("Enter {l}, like 0912345678"),
            (_, FieldKind::Date { .. }) => format!("Enter {l} as day/month/year"),
            (_, FieldKind::Checkboxes { .. }) => format!("Choose at least one option for {l}"),
            (_, FieldKind::Group { .. }) => format!("Add at least one entry for {l}"),
            (_, k) if is_choice(k) => format!("Choose {l}"),
            _ => format!("Enter {l}"),
        },
        TooShort { min } => format!("{big} must have at least {min} characters"),
        TooLong { max } => format!("{big} must have at most {max} characters"),
        PatternMismatch => format!("{big} is not in the required format: see its hint"),
        ControlCharacters => format!("{big} must be one line, without control characters"),
        NotANumber => format!("{big} must be a number, like 12 or 12.5"),
        NotAnInteger => format!("{big} must be a whole number"),
        BelowMin { min } => format!("{big} must be {min} or more"),
        AboveMax { max } => format!("{big} must be at most {max}"),
        InvalidMoney => format!("Enter {l} as an amount in đồng, like 1.500.000"),
        InvalidDate => format!("{big} must be a real date as day/month/year, like 05/09/2020"),
        DateTooEarly { min } => format!("{big} must be {min} or later"),
        DateTooLate { max } => format!("{big} must not be after {max}"),
        NotAnOption => format!("Choose {l} from the options given"),
        TooFewSelected { min } => format!("Choose at least {min} options for {l}"),
        TooManySelected { max } => format!("Choose at most {max} options for {l}"),
        MustTick => format!("Tick “{}” to continue", short(big)),
        InvalidEmail => format!("Enter {l} in the right form, like name@example.vn"),
        InvalidPhone => format!("Enter {l}: 10 digits starting with 0, like 0912345678"),
        InvalidIdNumber => format!("{big} must have exactly 12 digits"),
        InvalidTaxCode => {
            format!("{big} must be 10 digits, or 10 digits, a hyphen and 3 digits")
        }
        UnknownProvince => format!("Choose {l} from the list"),
        UnknownCommune => format!("Choose {l} from the list of the chosen province"),
        TooFewEntries { min } => format!("Add at least {min} entries for {l}"),
        TooManyEntries { max } => format!("Add at most {max} entries for {l}"),
    }
}

#[cfg(test)]
mod tests;
