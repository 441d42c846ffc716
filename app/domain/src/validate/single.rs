//! One posted value of a field, by its kind: text and textarea lengths and lines, numbers,
//! money, dates, options, e-mail, phone, ID number and tax code; ticked checkboxes.

use crate::format::{format_date, format_decimal, format_vnd, iso_date};
use crate::procedure::{Choice, FieldKind};
use serde_json::{Number, Value};

use super::{
    Context, FieldErrorKind, TEXT_MAX_LENGTH, TEXTAREA_MAX_LENGTH, dates::date_bound,
    matches_pattern, parse_date, parse_email, parse_id_number, parse_money, parse_number,
    parse_phone, parse_tax_code,
};

pub(super) fn parse_single(
    kind: &FieldKind,
    value: &str,
    ctx: &Context,
) -> Result<Value, FieldErrorKind> {
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

pub(super) fn lengths(
    value: &str,
    min: Option<u32>,
    max: Option<u32>,
) -> Result<(), FieldErrorKind> {
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
pub(super) fn one_line(
    value: &str,
    min: Option<u32>,
    max: Option<u32>,
) -> Result<(), FieldErrorKind> {
    if value
        .chars()
        .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
    {
        return Err(FieldErrorKind::ControlCharacters);
    }
    lengths(value, min, max)
}

pub(super) fn checkboxes(
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
