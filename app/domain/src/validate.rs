//! Parsing and validation of one form page: raw posted strings ([`RawForm`]) in, canonical
//! [`Answers`] and [`FieldError`]s out. The server and the citizen's browser run exactly
//! this code.
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

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};
use time::{Date, Month};
#[cfg(not(target_arch = "wasm32"))]
use unicode_normalization::UnicodeNormalization;

use crate::answers::{Answers, RawForm, first};
use crate::condition::visible;
use crate::format::{
    format_date, format_decimal, format_vnd, group_thousands, iso_date, parse_iso_date,
};
use crate::procedure::{Choice, Field, FieldKind, Repeat, Step};

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

struct Walker<'r, 'c, 'u> {
    raw: &'r RawForm,
    ctx: &'c Context<'u>,
    errors: Vec<FieldError>,
}

/// Removes `fields` (and everything inside their groups) from `scope`.
fn forget(fields: &[Field], scope: &mut Answers) {
    for f in fields {
        scope.remove(&f.id);
        if let FieldKind::Group { fields, .. } = &f.kind {
            forget(fields, scope);
        }
    }
}

impl Walker<'_, '_, '_> {
    fn error(&mut self, name: &str, field: &Field, kind: FieldErrorKind) {
        self.errors.push(FieldError {
            name: name.to_string(),
            field_id: field.id.clone(),
            kind,
        });
    }

    /// Validates `fields` whose input names start with `prefix`; `scope` is what conditions
    /// see, `out` receives the canonical values.
    fn walk(&mut self, fields: &[Field], prefix: &str, scope: &mut Answers, out: &mut Answers) {
        for f in fields {
            forget(std::slice::from_ref(f), scope);
            if !visible(f.visible_if.as_ref(), scope) {
                continue;
            }
            let name = format!("{prefix}{}", f.id);
            let value = match &f.kind {
                FieldKind::Group {
                    fields: inner,
                    repeat: None,
                } => {
                    self.walk(inner, prefix, scope, out);
                    None
                }
                FieldKind::Group {
                    fields: inner,
                    repeat: Some(repeat),
                } => self.group(f, inner, *repeat, &name, scope),
                _ => self.field(f, &name),
            };
            if let Some(v) = value {
                scope.insert(f.id.clone(), v.clone());
                out.insert(f.id.clone(), v);
            }
        }
    }

    fn group(
        &mut self,
        f: &Field,
        inner: &[Field],
        repeat: Repeat,
        name: &str,
        scope: &Answers,
    ) -> Option<Value> {
        let before = self.errors.len();
        let mut entries = Vec::new();
        for index in entry_indices(self.raw, name) {
            let prefix = format!("{name}[{index}].");
            if entry_is_empty(self.raw, &prefix) {
                continue;
            }
            let mut entry_scope = scope.clone();
            let mut entry = Answers::new();
            self.walk(inner, &prefix, &mut entry_scope, &mut entry);
            entries.push(Value::Object(entry));
        }
        let count = entries.len() as u64;
        if count < u64::from(repeat.min) {
            self.error(name, f, FieldErrorKind::TooFewEntries { min: repeat.min });
        } else if count == 0 && f.required {
            self.error(name, f, FieldErrorKind::Required);
        } else if count > u64::from(repeat.max) {
            self.error(name, f, FieldErrorKind::TooManyEntries { max: repeat.max });
        }
        (self.errors.len() == before && !entries.is_empty()).then_some(Value::Array(entries))
    }

    /// Parses one non-group field; records its problems and returns its canonical value.
    fn field(&mut self, f: &Field, name: &str) -> Option<Value> {
        let raw = self.raw;
        match &f.kind {
            FieldKind::Checkbox | FieldKind::Declaration => {
                let ticked = raw
                    .get(name)
                    .is_some_and(|vs| vs.iter().any(|v| !v.trim().is_empty()));
                let must = f.required || matches!(f.kind, FieldKind::Declaration);
                if must && !ticked {
                    self.error(name, f, FieldErrorKind::MustTick);
                    return None;
                }
                return Some(Value::Bool(ticked));
            }
            FieldKind::Checkboxes {
                options,
                min_selected,
                max_selected,
            } => {
                let ticked: Vec<String> = raw
                    .get(name)
                    .map(|vs| {
                        vs.iter()
                            .map(|v| nfc(v.trim()))
                            .filter(|v| !v.is_empty())
                            .collect()
                    })
                    .unwrap_or_default();
                return match checkboxes(&ticked, options, *min_selected, *max_selected) {
                    Ok(None) if f.required => {
                        self.error(name, f, FieldErrorKind::Required);
                        None
                    }
                    Ok(v) => v,
                    Err(kind) => {
                        self.error(name, f, kind);
                        None
                    }
                };
            }
            FieldKind::Address => return self.address(f, name),
            _ => {}
        }

        let value = first(raw, name).map(clean).unwrap_or_default();
        let value = match f.kind {
            FieldKind::Textarea { .. } => {
                // Trimming again after unifying line breaks keeps a lone CR at an end out.
                value
                    .replace("\r\n", "\n")
                    .replace('\r', "\n")
                    .trim()
                    .to_string()
            }
            _ => value,
        };
        if value.is_empty() {
            if f.required {
                self.error(name, f, FieldErrorKind::Required);
            }
            return None;
        }
        match parse_single(&f.kind, &value, self.ctx) {
            Ok(v) => Some(v),
            Err(kind) => {
                self.error(name, f, kind);
                None
            }
        }
    }

    fn address(&mut self, f: &Field, name: &str) -> Option<Value> {
        let part = |p: &str| {
            first(self.raw, &format!("{name}.{p}"))
                .map(clean)
                .unwrap_or_default()
        };
        let (province, commune, street) = (part("province"), part("commune"), part("street"));
        let p_name = format!("{name}.province");
        let c_name = format!("{name}.commune");
        let s_name = format!("{name}.street");
        if province.is_empty() && commune.is_empty() && street.is_empty() {
            if f.required {
                self.error(&p_name, f, FieldErrorKind::Required);
                self.error(&c_name, f, FieldErrorKind::Required);
            }
            return None;
        }
        let before = self.errors.len();
        let units = self.ctx.units;
        let mut province_ok = false;
        if province.is_empty() {
            self.error(&p_name, f, FieldErrorKind::Required);
        } else if !unit_code_shape(&province)
            || units.is_some_and(|u| !u.province_exists(&province))
        {
            self.error(&p_name, f, FieldErrorKind::UnknownProvince);
        } else {
            province_ok = true;
        }
        let commune_needed =
            !province_ok || units.is_none_or(|u| u.province_has_communes(&province));
        if commune.is_empty() {
            if commune_needed {
                self.error(&c_name, f, FieldErrorKind::Required);
            }
        } else if !unit_code_shape(&commune)
            || (province_ok && units.is_some_and(|u| !u.commune_in_province(&province, &commune)))
        {
            self.error(&c_name, f, FieldErrorKind::UnknownCommune);
        }
        if let Err(kind) = one_line(&street, None, Some(STREET_MAX_LENGTH)) {
            self.error(&s_name, f, kind);
        }
        if self.errors.len() > before {
            return None;
        }
        let mut obj = Map::new();
        obj.insert("province".into(), Value::String(province));
        obj.insert("commune".into(), Value::String(commune));
        obj.insert("street".into(), Value::String(street));
        Some(Value::Object(obj))
    }
}

/// Trim, then NFC, then trim again (normalisation never adds whitespace, but cheap).
fn clean(s: &str) -> String {
    nfc(s.trim()).trim().to_string()
}

/// The entry indices of repeating group `group` (full input name) found in `raw`, in order:
/// names `{group}[{i}].…` with `i` all digits. The server's rendering and the form island use
/// this one reading of the names too.
pub fn entry_indices(raw: &RawForm, group: &str) -> Vec<usize> {
    let prefix = format!("{group}[");
    let mut found: Vec<usize> = raw
        .range(prefix.clone()..)
        .take_while(|(k, _)| k.starts_with(&prefix))
        .filter_map(|(k, _)| {
            let rest = &k[prefix.len()..];
            let (index, after) = rest.split_once(']')?;
            if !after.starts_with('.')
                || index.is_empty()
                || !index.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            index.parse().ok()
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Whether every input of the entry with name prefix `prefix` is empty (control inputs,
/// whose names start with `_`, do not count).
fn entry_is_empty(raw: &RawForm, prefix: &str) -> bool {
    raw.range(prefix.to_string()..)
        .take_while(|(k, _)| k.starts_with(prefix))
        .filter(|(k, _)| !k[prefix.len()..].starts_with('_'))
        .all(|(_, vs)| vs.iter().all(|v| v.trim().is_empty()))
}

fn parse_single(kind: &FieldKind, value: &str, ctx: &Context) -> Result<Value, FieldErrorKind> {
    let string = |s: String| Ok(Value::String(s));
    match kind {
        FieldKind::Text {
            min_length,
            max_length,
            pattern,
        } => {
            one_line(
                value,
                *min_length,
                Some(max_length.unwrap_or(TEXT_MAX_LENGTH)),
            )?;
            // Patterns are checked at import; an uncompilable one cannot reach here, and if
            // it did the citizen would not be the one to blame, so it is skipped.
            if let Some(p) = pattern
                && matches_pattern(p, value) == Some(false)
            {
                return Err(FieldErrorKind::PatternMismatch);
            }
            string(value.to_string())
        }
        FieldKind::Textarea {
            min_length,
            max_length,
        } => {
            if value
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
            {
                return Err(FieldErrorKind::ControlCharacters);
            }
            lengths(
                value,
                *min_length,
                Some(max_length.unwrap_or(TEXTAREA_MAX_LENGTH)),
            )?;
            string(value.to_string())
        }
        FieldKind::Number { min, max, integer } => {
            let x = parse_number(value).ok_or(FieldErrorKind::NotANumber)?;
            if *integer && x.fract() != 0.0 {
                return Err(FieldErrorKind::NotAnInteger);
            }
            if let Some(min) = min.filter(|m| x < *m) {
                return Err(FieldErrorKind::BelowMin {
                    min: format_decimal(min),
                });
            }
            if let Some(max) = max.filter(|m| x > *m) {
                return Err(FieldErrorKind::AboveMax {
                    max: format_decimal(max),
                });
            }
            Ok(number_value(x))
        }
        FieldKind::Money { min, max } => {
            let amount = parse_money(value).ok_or(FieldErrorKind::InvalidMoney)?;
            if let Some(min) = min.filter(|m| amount < *m) {
                return Err(FieldErrorKind::BelowMin {
                    min: format_vnd(min),
                });
            }
            if let Some(max) = max.filter(|m| amount > *m) {
                return Err(FieldErrorKind::AboveMax {
                    max: format_vnd(max),
                });
            }
            Ok(Value::Number(amount.into()))
        }
        FieldKind::Date { min, max } => {
            let d = parse_date(value).ok_or(FieldErrorKind::InvalidDate)?;
            if let Some(min) = date_bound(min.as_deref(), ctx).filter(|m| d < *m) {
                return Err(FieldErrorKind::DateTooEarly {
                    min: format_date(min),
                });
            }
            if let Some(max) = date_bound(max.as_deref(), ctx).filter(|m| d > *m) {
                return Err(FieldErrorKind::DateTooLate {
                    max: format_date(max),
                });
            }
            string(iso_date(d))
        }
        FieldKind::Select { options } | FieldKind::Radio { options } => {
            if options.iter().any(|o| o.value == value) {
                string(value.to_string())
            } else {
                Err(FieldErrorKind::NotAnOption)
            }
        }
        FieldKind::Email => parse_email(value)
            .map(Value::String)
            .ok_or(FieldErrorKind::InvalidEmail),
        FieldKind::Phone => parse_phone(value)
            .map(Value::String)
            .ok_or(FieldErrorKind::InvalidPhone),
        FieldKind::IdNumber => parse_id_number(value)
            .map(Value::String)
            .ok_or(FieldErrorKind::InvalidIdNumber),
        FieldKind::TaxCode => parse_tax_code(value)
            .map(Value::String)
            .ok_or(FieldErrorKind::InvalidTaxCode),
        // Handled by the caller.
        FieldKind::Checkboxes { .. }
        | FieldKind::Checkbox
        | FieldKind::Declaration
        | FieldKind::Address
        | FieldKind::Group { .. } => Ok(Value::Null),
    }
}

fn lengths(value: &str, min: Option<u32>, max: Option<u32>) -> Result<(), FieldErrorKind> {
    let n = value.chars().count();
    if let Some(max) = max.filter(|m| n > *m as usize) {
        return Err(FieldErrorKind::TooLong { max });
    }
    if let Some(min) = min.filter(|m| n < *m as usize) {
        return Err(FieldErrorKind::TooShort { min });
    }
    Ok(())
}

/// One line of text: no control characters nor line/paragraph separators, then lengths.
fn one_line(value: &str, min: Option<u32>, max: Option<u32>) -> Result<(), FieldErrorKind> {
    if value
        .chars()
        .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
    {
        return Err(FieldErrorKind::ControlCharacters);
    }
    lengths(value, min, max)
}

fn checkboxes(
    ticked: &[String],
    options: &[Choice],
    min: Option<u32>,
    max: Option<u32>,
) -> Result<Option<Value>, FieldErrorKind> {
    if ticked.is_empty() {
        return Ok(None);
    }
    if ticked
        .iter()
        .any(|t| !options.iter().any(|o| o.value == *t))
    {
        return Err(FieldErrorKind::NotAnOption);
    }
    let chosen: Vec<Value> = options
        .iter()
        .filter(|o| ticked.contains(&o.value))
        .map(|o| Value::String(o.value.clone()))
        .collect();
    let n = chosen.len();
    if let Some(min) = min.filter(|m| n < *m as usize) {
        return Err(FieldErrorKind::TooFewSelected { min });
    }
    if let Some(max) = max.filter(|m| n > *m as usize) {
        return Err(FieldErrorKind::TooManySelected { max });
    }
    Ok(Some(Value::Array(chosen)))
}

/// A number as JSON: an integer when it is whole and exactly representable, else a float.
fn number_value(x: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if x.fract() == 0.0 && x.abs() <= EXACT {
        Value::Number((x as i64).into())
    } else {
        Number::from_f64(x)
            .map(Value::Number)
            .unwrap_or(Value::Null)
    }
}

/// `[+-]digits[(.|,)digits]` → f64.
pub fn parse_number(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = match body.find(['.', ',']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    let x: f64 = s.replace(',', ".").parse().ok()?;
    x.is_finite().then_some(if x == 0.0 { 0.0 } else { x })
}

/// Whole đồng in the accepted forms (see the module doc).
pub fn parse_money(s: &str) -> Option<u64> {
    let lower = s.to_lowercase();
    let mut body = lower.as_str();
    for suffix in ["₫", "đồng", "vnđ", "vnd", "đ"] {
        if let Some(rest) = body.strip_suffix(suffix) {
            body = rest.trim_end();
            break;
        }
    }
    if body.is_empty() {
        return None;
    }
    let digits: String = match body.chars().find(|c| !c.is_ascii_digit()) {
        None => body.to_string(),
        Some(sep) => {
            if !['.', ',', ' ', '\u{a0}', '\u{202f}'].contains(&sep) {
                return None;
            }
            let groups: Vec<&str> = body.split(sep).collect();
            let ok = groups.iter().enumerate().all(|(i, g)| {
                let len_ok = if i == 0 {
                    (1..=3).contains(&g.len())
                } else {
                    g.len() == 3
                };
                len_ok && g.bytes().all(|b| b.is_ascii_digit())
            });
            if !ok {
                return None;
            }
            groups.concat()
        }
    };
    digits.parse().ok()
}

/// A date as `yyyy-mm-dd` or `d/m/yyyy` (separator `/`, `-` or `.`), a real calendar date.
pub fn parse_date(s: &str) -> Option<Date> {
    if let Some(d) = parse_iso_date(s) {
        return Some(d);
    }
    let sep = s.chars().find(|c| !c.is_ascii_digit())?;
    if !['/', '-', '.'].contains(&sep) {
        return None;
    }
    let parts: Vec<&str> = s.split(sep).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str, lens: std::ops::RangeInclusive<usize>| -> Option<u32> {
        (lens.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let day = num(day, 1..=2)?;
    let month = num(month, 1..=2)?;
    let year = num(year, 4..=4)?;
    Date::from_calendar_date(year as i32, Month::try_from(month as u8).ok()?, day as u8).ok()
}

/// A `min`/`max` of a date field: `"today"` or `YYYY-MM-DD` (anything else is ignored;
/// the import rejects it).
fn date_bound(bound: Option<&str>, ctx: &Context) -> Option<Date> {
    match bound? {
        "today" => Some(ctx.today),
        s => parse_iso_date(s),
    }
}

/// An e-mail address with the domain lowercased (see the module doc for the rules).
pub fn parse_email(s: &str) -> Option<String> {
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let (local, domain) = s.split_once('@')?;
    if domain.contains('@') {
        return None;
    }
    let local_ok = (1..=64).contains(&local.chars().count())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && !local.chars().any(|c| "<>()[]\\,;:\"".contains(c));
    if !local_ok {
        return None;
    }
    let domain = domain.to_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let labels_ok = domain.chars().count() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            (1..=63).contains(&l.chars().count())
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    let tld = labels.last()?;
    if !labels_ok || tld.chars().count() < 2 || tld.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(format!("{local}@{domain}"))
}

/// A Vietnamese phone number as `0xxxxxxxxx` (see the module doc for the accepted forms).
pub fn parse_phone(s: &str) -> Option<String> {
    let mut digits = String::with_capacity(s.len());
    let mut plus = false;
    for (i, c) in s.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            ' ' | '.' | '-' | '\u{a0}' if !digits.is_empty() => {}
            _ => return None,
        }
    }
    if !s.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let national = if plus {
        digits.strip_prefix("84")?
    } else if digits.len() == 10 {
        digits.strip_prefix('0')?
    } else if digits.len() == 11 {
        digits.strip_prefix("84")?
    } else {
        digits.strip_prefix("0084")?
    };
    (national.len() == 9 && !national.starts_with('0')).then(|| format!("0{national}"))
}

/// A 12-digit CCCD number; spaces between digits are ignored.
pub fn parse_id_number(s: &str) -> Option<String> {
    let digits: String = s.chars().filter(|c| *c != ' ' && *c != '\u{a0}').collect();
    (digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// A tax code: 10 digits, or 10 digits `-` 3 digits; spaces are ignored.
pub fn parse_tax_code(s: &str) -> Option<String> {
    let code: String = s.chars().filter(|c| *c != ' ' && *c != '\u{a0}').collect();
    let all_digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let ok = match code.split_once('-') {
        None => all_digits(&code, 10),
        Some((main, branch)) => all_digits(main, 10) && all_digits(branch, 3),
    };
    ok.then_some(code)
}

/// The shape of an administrative-unit code: 1–20 of `A-Z a-z 0-9 . _ -`.
fn unit_code_shape(code: &str) -> bool {
    (1..=20).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// The inverse of validation: the raw inputs that would produce `answers`, to refill a form
/// (dates as `dd/mm/yyyy`, money as `1.500.000`, numbers with a `,` decimal mark, ticked
/// boxes as `"true"`, repeating-group entries numbered from 0).
pub fn raw_from_answers(fields: &[Field], answers: &Answers) -> RawForm {
    let mut raw = RawForm::new();
    fill(fields, answers, "", &mut raw);
    raw
}

fn fill(fields: &[Field], answers: &Answers, prefix: &str, raw: &mut RawForm) {
    for f in fields {
        let name = format!("{prefix}{}", f.id);
        if let FieldKind::Group {
            fields: inner,
            repeat,
        } = &f.kind
        {
            match repeat {
                None => fill(inner, answers, prefix, raw),
                Some(_) => {
                    if let Some(Value::Array(entries)) = answers.get(&f.id) {
                        let objects = entries.iter().filter_map(Value::as_object);
                        for (i, entry) in objects.enumerate() {
                            fill(inner, entry, &format!("{name}[{i}]."), raw);
                        }
                    }
                }
            }
            continue;
        }
        let Some(value) = answers.get(&f.id) else {
            continue;
        };
        let mut put = |name: String, v: String| {
            if !v.is_empty() {
                raw.entry(name).or_default().push(v);
            }
        };
        match (&f.kind, value) {
            (FieldKind::Money { .. }, Value::Number(n)) => match n.as_u64() {
                Some(amount) => put(name, group_thousands(amount)),
                None => put(name, n.to_string()),
            },
            (FieldKind::Number { .. }, Value::Number(n)) => put(name, number_text(n)),
            (FieldKind::Date { .. }, Value::String(s)) => put(
                name,
                parse_iso_date(s)
                    .map(format_date)
                    .unwrap_or_else(|| s.clone()),
            ),
            (FieldKind::Checkbox | FieldKind::Declaration, Value::Bool(true)) => {
                put(name, "true".into())
            }
            (FieldKind::Checkbox | FieldKind::Declaration, _) => {}
            (FieldKind::Checkboxes { .. }, Value::Array(values)) => {
                for v in values.iter().filter_map(Value::as_str) {
                    put(name.clone(), v.to_string());
                }
            }
            (FieldKind::Address, Value::Object(parts)) => {
                for part in ["province", "commune", "street"] {
                    if let Some(Value::String(s)) = parts.get(part) {
                        put(format!("{name}.{part}"), s.clone());
                    }
                }
            }
            (_, Value::String(s)) => put(name, s.clone()),
            (_, Value::Number(n)) => put(name, n.to_string()),
            _ => {}
        }
    }
}

/// A stored number as a Vietnamese user types it: `2,5`, `-3`, `1000000`.
fn number_text(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        i.to_string()
    } else if let Some(u) = n.as_u64() {
        u.to_string()
    } else {
        n.as_f64()
            .map(|x| x.to_string())
            .unwrap_or_default()
            .replace('.', ",")
    }
}

#[cfg(test)]
mod tests;
