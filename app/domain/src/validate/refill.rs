//! The inverse of validation: the raw inputs that would give stored answers, to refill a form.

use crate::answers::{Answers, RawForm};
use crate::format::{format_date, group_thousands, parse_iso_date};
use crate::procedure::{Field, FieldKind};
use serde_json::{Number, Value};

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
