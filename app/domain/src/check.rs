//! The checker for procedure definitions (format `motcua.procedure/1`).
//!
//! A definition is read in two passes: [`check_value`] walks the raw JSON by hand and collects
//! *every* problem, each with the JSON path it is about (`form[1].fields[3].options`), and only
//! a file with no problem is deserialised into a [`Procedure`]. [`parse_procedure`] does both.
//!
//! Paths join object keys with `.` and write array indexes as `[i]`; top-level keys are bare
//! (`code`, `duration.unit`, `documents[0].visible_if.field`). A problem about the file as a
//! whole has the empty path.
//!
//! Besides the shapes and types, the checker enforces the rules that make a [`Procedure`] safe
//! to use without further checks:
//! - identifiers match `[a-z][a-z0-9_]*`; document ids, step ids, process step ids and field
//!   ids (across the whole form, groups included) are unique; step ids and field ids are
//!   separate name spaces;
//! - texts are non-empty;
//! - a condition has exactly one of the six shapes and only names a field that comes *earlier*
//!   in the form (an earlier step, or earlier in the same step); inside a repeating group it may
//!   also name an earlier field of the same entry; a field outside a repeating group cannot name
//!   a field inside one; a document condition may name any field outside repeating groups;
//!   the compared values must suit the named field (an option of a select, `true`/`false` for a
//!   checkbox...);
//! - repeating groups do not nest (one level of repetition);
//! - the process steps fit in the statutory duration ([`working_hours`](crate::procedure::working_hours)).
//!
//! Unknown keys are allowed everywhere (the format lets the project add optional keys).
//!
//! One file a part of the format (as `procedure-format.md` reads): `top_level.rs`,
//! `documents.rs`, `form.rs` (steps and fields), `conditions.rs`, `process.rs`; the first pass
//! that indexes the form's fields is `form_index.rs`, and the helpers that read a JSON value of
//! the expected shape are `values.rs`.

mod conditions;
mod documents;
mod form;
mod form_index;
mod process;
mod top_level;
mod values;

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use form_index::FieldInfo;

use crate::procedure::Procedure;

/// One thing wrong in a procedure definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// JSON path of the offending value, e.g. `form[1].fields[3].options`; empty for the file
    /// as a whole.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    /// `{path}: {message}`, or just the message when the path is empty.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Parses and checks a procedure definition. Returns every problem found, or the definition.
pub fn parse_procedure(json: &str) -> Result<Procedure, Vec<Problem>> {
    let value: Value = serde_json::from_str(json)
        .map_err(|e| vec![Problem::new("", format!("not valid JSON: {e}"))])?;
    let problems = check_value(&value);
    if !problems.is_empty() {
        return Err(problems);
    }
    serde_json::from_value(value)
        .map_err(|e| vec![Problem::new("", format!("could not be read: {e}"))])
}

/// Checks a procedure definition given as JSON; an empty result means it is valid.
pub fn check_value(v: &Value) -> Vec<Problem> {
    let mut checker = Checker::default();
    if let Some(form) = v.get("form") {
        checker.index_form(form);
    }
    checker.root(v);
    checker.problems
}

/// Compiles a `text` field's `pattern` the way it is applied: anchored, so the expression must
/// match the *whole* (trimmed) value, as `^(?:pattern)$`. Syntax is that of `regex-lite`
/// (Perl-like, without Unicode classes such as `\p{L}`).
pub fn pattern_regex(pattern: &str) -> Result<regex_lite::Regex, regex_lite::Error> {
    // Compiled alone first: `a)|(b` would otherwise slip through as `^(?:a)|(b)$`.
    regex_lite::Regex::new(pattern)?;
    regex_lite::Regex::new(&format!("^(?:{pattern})$"))
}

/// Whether `s` matches `[a-z][a-z0-9_]*`.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
}

/// Whether `s` is a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| s[r].parse::<u16>().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let Ok(month) = time::Month::try_from(m as u8) else {
        return false;
    };
    u8::try_from(d)
        .ok()
        .is_some_and(|d| time::Date::from_calendar_date(i32::from(y), month, d).is_ok())
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    /// Field id → its first occurrence.
    fields: HashMap<String, FieldInfo>,
    /// Path of a field object → what the first pass found there.
    by_path: HashMap<String, FieldInfo>,
    /// Field id → path of its first occurrence (filled by the second pass).
    seen_fields: HashMap<String, String>,
    /// Whether `form` is a non-empty array, so that field names can be looked up.
    form_ok: bool,
}

impl Checker {
    fn push(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }
}

#[cfg(test)]
mod tests;
