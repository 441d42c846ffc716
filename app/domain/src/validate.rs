//! Parsing and validation of one form page: raw posted strings ([`RawForm`]) in, canonical
//! [`Answers`] and [`FieldError`]s out. The server and the citizen's browser run exactly
//! this code.
//!
//! The walk over a page in form order is `walk.rs`; one value of each field kind is read in
//! `single.rs`, with the parsers that others call too in `numbers.rs`, `dates.rs` and
//! `identifiers.rs` (re-exported here: `validate::parse_phone` and friends); `refill.rs` turns
//! stored answers back into inputs.
//!
//! ## General rules
//! - Every value is trimmed at both ends and normalised to Unicode NFC ([`nfc`]); a value
//!   that is empty after trimming is absent. A field that takes one value uses the first
//!   value posted under its name.
//! - Visibility is decided in form order: a field's `visible_if` is evaluated against the
//!   earlier pages' answers plus the valid answers of the fields before it on this page.
//!   A hidden field is neither validated nor stored, and a stale answer for it in `earlier`
//!   is not seen by later conditions. A field whose value is invalid is not stored either, so
//!   conditions on it see it as missing.
//! - One problem is reported per input (the first found), except that an address may report
//!   one per sub-input. Bounds (`min`, `max`, lengths, counts) are inclusive.
//! - Error `name`s are the input names as posted (see [`crate::answers`]): inside a
//!   repeating group they use the posted entry index, which may have gaps, while the stored
//!   array is renumbered densely.
//!
//! ## Per type
//! | type | accepted | stored |
//! |---|---|---|
//! | `text` | one line: no control characters (tab, CR, LF…) nor U+2028/U+2029; length in characters (not bytes), `min_length`, `max_length` (default 200); `pattern` must match the whole value | string |
//! | `textarea` | CRLF and lone CR become LF; LF and tab allowed, other control characters not; `max_length` default 2000 | string |
//! | `number` | optional sign, digits, optionally one `,` or `.` decimal mark followed by digits (`2,5`, `-1.25`); no thousands separators, no exponent; `integer`, `min`, `max` | JSON number (an integer when whole) |
//! | `money` | whole non-negative đồng: plain digits, or groups of three separated consistently by `.`, `,`, a space, a no-break space (U+00A0) or a narrow no-break space (U+202F): `1.500.000`, `1,500,000`, `1 500 000`; an optional trailing `₫`, `đ`, `đồng`, `VND` or `VNĐ`. Decimals (`1.5`, `1.500,00`) and negatives are rejected | integer |
//! | `date` | `yyyy-mm-dd` (a date input), or `d/m/yyyy` with one- or two-digit day and month and `/`, `-` or `.` as separator; a real calendar date (`time` crate); `min`/`max` as `YYYY-MM-DD` or `"today"` (`Context::today`) | `YYYY-MM-DD` |
//! | `select`, `radio` | one of the option values | string |
//! | `checkboxes` | every value an option (repeats ignored); `min_selected`, `max_selected` apply once something is ticked | array in the options' order |
//! | `checkbox` | ticked when a non-empty value is posted; `required` means it must be ticked | bool (unticked optional: `false`) |
//! | `declaration` | must be ticked, always | `true` |
//! | `email` | no whitespace, exactly one `@`, a local part of 1–64 characters without `<>()[]\,;:"` and without leading, trailing or doubled dots; a domain of dot-separated labels (letters, digits, `-`, not at the ends), at least two labels, the last at least two characters and not all digits | local part as typed, domain lowercased |
//! | `phone` | spaces, dots and dashes between digits are ignored; `0` + 9 digits, or `+84`, `84` or `0084` + 9 digits; the 9 digits after the trunk `0`/country code must not start with `0` (so `+84 0912…` and `00…` are rejected) | `0xxxxxxxxx` |
//! | `id_number` | exactly 12 digits; spaces between digit groups are ignored (`001 234 567 890`) | 12 digits |
//! | `tax_code` | 10 digits, or 10 digits `-` 3 digits; spaces are ignored | digits (with the `-`) |
//! | `address` | `{id}.province`, `{id}.commune`, `{id}.street`. All empty = absent. Once any part is filled (or when required) province and commune are required, except the commune of a province that has none in [`Context::units`]. Codes are 1–20 of `A-Z a-z 0-9 . _ -`, and when [`Context::units`] is given the province must exist and the commune belong to it. Street: one line, at most 200 characters, optional | `{ "province", "commune", "street" }` (street `""` when empty) |
//! | `group` | without `repeat`: a fieldset, its `required` has no effect of its own. With `repeat`: entries are the indices found in names `{group}[{i}].…`; an entry whose inputs (other than `_`-prefixed control inputs) are all empty is ignored; `repeat.min`/`max` bound the number of entries, and a required group needs at least one | array of entry objects, stored only when the whole group is valid; no entries = absent |

mod dates;
mod identifiers;
mod numbers;
mod refill;
mod single;
mod walk;

pub use dates::parse_date;
pub use identifiers::{parse_email, parse_id_number, parse_phone, parse_tax_code};
pub use numbers::{parse_money, parse_number};
pub use refill::raw_from_answers;
pub use walk::entry_indices;

use serde::{Deserialize, Serialize};
use time::Date;
#[cfg(not(target_arch = "wasm32"))]
use unicode_normalization::UnicodeNormalization;

use crate::answers::{Answers, RawForm};
use crate::procedure::{Field, Step};

use walk::Walker;

/// Default `max_length` of a `text` field.
pub const TEXT_MAX_LENGTH: u32 = 200;
/// Default `max_length` of a `textarea` field.
pub const TEXTAREA_MAX_LENGTH: u32 = 2000;
/// Maximum length of the street line of an address.
pub const STREET_MAX_LENGTH: u32 = 200;

/// What is wrong with one input. The UI turns these into messages in the reader's language;
/// parameters that are limits come preformatted for display where their type needs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FieldErrorKind {
    /// A required field (or, for an address, its province or commune; for a repeating group,
    /// its first entry) has no value.
    Required,
    /// The text has fewer than `min` characters.
    TooShort { min: u32 },
    /// The text has more than `max` characters.
    TooLong { max: u32 },
    /// The text does not match the field's `pattern`.
    PatternMismatch,
    /// The text contains a control character (for one-line text this includes line breaks
    /// and tabs).
    ControlCharacters,
    /// Not a decimal number (`12`, `2,5` and `-1.25` are numbers).
    NotANumber,
    /// A number with a fractional part where a whole number is required.
    NotAnInteger,
    /// A number or amount below the minimum; `min` is formatted for display (`1,5`,
    /// `1.500.000 ₫`).
    BelowMin { min: String },
    /// A number or amount above the maximum; `max` is formatted for display.
    AboveMax { max: String },
    /// Not a whole, non-negative amount of đồng in an accepted form (e.g. `1.500.000`).
    InvalidMoney,
    /// Not a date in an accepted form, or not a real calendar date (e.g. 29/02/2025).
    InvalidDate,
    /// The date is before the earliest allowed date `min` (`dd/mm/yyyy`).
    DateTooEarly { min: String },
    /// The date is after the latest allowed date `max` (`dd/mm/yyyy`).
    DateTooLate { max: String },
    /// The value is not one of the field's options.
    NotAnOption,
    /// Fewer than `min` options are ticked.
    TooFewSelected { min: u32 },
    /// More than `max` options are ticked.
    TooManySelected { max: u32 },
    /// A required checkbox or a declaration is not ticked.
    MustTick,
    /// Not an e-mail address.
    InvalidEmail,
    /// Not a Vietnamese phone number (10 digits starting with 0, or +84 and 9 digits).
    InvalidPhone,
    /// Not a 12-digit citizen identity number (CCCD / số định danh cá nhân).
    InvalidIdNumber,
    /// Not a tax code (10 digits, or 10 digits, `-`, 3 digits).
    InvalidTaxCode,
    /// The province code is malformed or not in the administrative-unit list.
    UnknownProvince,
    /// The commune code is malformed or not a commune of the chosen province.
    UnknownCommune,
    /// A repeating group has fewer than `min` entries.
    TooFewEntries { min: u32 },
    /// A repeating group has more than `max` entries.
    TooManyEntries { max: u32 },
}

/// One problem, attached to an input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldError {
    /// The input name the message belongs to (the UI's anchor id): the field's input name,
    /// `addr.province` etc. for an address part, the group id for entry-count problems.
    pub name: String,
    /// The id of the field in the procedure (the group's id for entry-count problems).
    pub field_id: String,
    pub kind: FieldErrorKind,
}

/// The administrative units (đơn vị hành chính) the deployment knows.
/// `Sync` so that a validation context can be held across an `.await` on the server.
pub trait UnitCatalog: Sync {
    fn province_exists(&self, code: &str) -> bool;
    fn commune_in_province(&self, province: &str, commune: &str) -> bool;
    /// Whether the list holds any commune of `province`. Where it holds none (an older list,
    /// an import in progress) an address in that province needs no commune: the street line
    /// says where the applicant lives, and a citizen is never asked for what cannot be chosen.
    fn province_has_communes(&self, province: &str) -> bool;
}

/// What validation needs from outside the form.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// Today in Asia/Ho_Chi_Minh, for `"today"` date limits.
    pub today: Date,
    /// The unit list; `None` (e.g. in the browser) checks only the codes' shape.
    pub units: Option<&'a dyn UnitCatalog>,
}

impl<'a> Context<'a> {
    /// A context without a unit list.
    pub fn new(today: Date) -> Self {
        Context { today, units: None }
    }
}

/// The result of validating a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepOutcome {
    /// Canonical values of the visible, valid fields of this page.
    pub answers: Answers,
    /// Problems, in form order.
    pub errors: Vec<FieldError>,
}

impl StepOutcome {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Whether `value` matches the field `pattern` over its whole length; `None` if the pattern
/// does not compile (the import check refuses those, so only a corrupt store gets here).
///
/// The server uses `regex-lite`, the same engine as the import check, and its answer is the
/// one that counts. In the browser the page uses the browser's own `RegExp` (with the `u`
/// flag): for the patterns procedure files use (classes, repetitions, alternatives) the two
/// agree, and shipping `regex-lite` would add 13 KB to the phone's download.
pub fn matches_pattern(pattern: &str, value: &str) -> Option<bool> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        regex_lite::Regex::new(&format!("^(?:{pattern})$"))
            .ok()
            .map(|re| re.is_match(value))
    }
    #[cfg(target_arch = "wasm32")]
    {
        // A pattern the browser cannot compile (e.g. `(?i)`) is left to the server.
        browser::regexp(&format!("^(?:{pattern})$"), "u")
            .ok()
            .map(|re| re.test(value))
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `new RegExp(pattern, flags)`, with its `SyntaxError` as an `Err`.
        #[wasm_bindgen(catch, js_namespace = globalThis, js_name = RegExp)]
        fn new_regexp(pattern: &str, flags: &str) -> Result<js_sys::RegExp, JsValue>;
    }

    pub fn regexp(pattern: &str, flags: &str) -> Result<js_sys::RegExp, JsValue> {
        new_regexp(pattern, flags)
    }
}

/// Unicode NFC, in one place: the browser build uses its own `String.normalize`.
pub fn nfc(s: &str) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.nfc().collect()
    }
    // In the browser, its own normaliser gives the same result without shipping Unicode
    // tables to the phone (they would double the size of the form island).
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JsString::from(s).normalize("NFC").into()
    }
}

/// Validates page `index` of `form` (an out-of-range index gives an empty outcome).
pub fn validate_step(
    form: &[Step],
    index: usize,
    raw: &RawForm,
    earlier: &Answers,
    ctx: &Context,
) -> StepOutcome {
    match form.get(index) {
        Some(step) => validate_fields(&step.fields, raw, earlier, ctx),
        None => StepOutcome::default(),
    }
}

/// Validates the fields of one page (see the module doc).
pub fn validate_fields(
    fields: &[Field],
    raw: &RawForm,
    earlier: &Answers,
    ctx: &Context,
) -> StepOutcome {
    let mut walker = Walker {
        raw,
        ctx,
        errors: Vec::new(),
    };
    let mut scope = earlier.clone();
    let mut answers = Answers::new();
    walker.walk(fields, "", &mut scope, &mut answers);
    StepOutcome {
        answers,
        errors: walker.errors,
    }
}

/// Trim, then NFC, then trim again (normalisation never adds whitespace, but cheap).
fn clean(s: &str) -> String {
    nfc(s.trim()).trim().to_string()
}

#[cfg(test)]
mod tests;
