//! Answers shown back to people (check-your-answers page, receipt): one row per visible
//! field, values in the way Vietnamese readers expect (dates dd/mm/yyyy, money in đồng).

use motcua_domain::answers::Answers;
use motcua_domain::format::{format_iso_date_str, format_vnd};
use motcua_domain::procedure::{Choice, Field, FieldKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::i18n::{Key, Lang, t};

/// One row: a label and its value, or a heading for a repeating-group entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerRow {
    pub label: String,
    pub value: String,
    pub heading: bool,
}

/// Resolves a unit code to its name, for addresses.
pub type UnitName<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The rows for `fields` given stored `answers` (hidden fields have no answer: no row).
pub fn answer_rows(
    fields: &[Field],
    answers: &Answers,
    lang: Lang,
    units: UnitName,
) -> Vec<AnswerRow> {
    let mut rows = vec![];
    for f in fields {
        let label = f.label.get(lang).to_string();
        match &f.kind {
            FieldKind::Group {
                fields,
                repeat: None,
            } => {
                rows.extend(answer_rows(fields, answers, lang, units));
            }
            FieldKind::Group {
                fields,
                repeat: Some(_),
            } => {
                let entries = answers
                    .get(&f.id)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                for (i, e) in entries.iter().enumerate() {
                    rows.push(AnswerRow {
                        label: format!("{label} – {} {}", t(lang, Key::Entry), i + 1),
                        value: String::new(),
                        heading: true,
                    });
                    if let Some(obj) = e.as_object() {
                        rows.extend(answer_rows(fields, obj, lang, units));
                    }
                }
            }
            kind => {
                if let Some(v) = answers.get(&f.id) {
                    rows.push(AnswerRow {
                        label,
                        value: display_value(kind, v, lang, units),
                        heading: false,
                    });
                }
            }
        }
    }
    rows
}

fn option_label(options: &[Choice], value: &str, lang: Lang) -> String {
    options
        .iter()
        .find(|o| o.value == value)
        .map(|o| o.label.get(lang).to_string())
        .unwrap_or_else(|| value.to_string())
}

/// One stored value as text.
pub fn display_value(kind: &FieldKind, v: &Value, lang: Lang, units: UnitName) -> String {
    match (kind, v) {
        (FieldKind::Money { .. }, Value::Number(n)) => format_vnd(n.as_u64().unwrap_or(0)),
        (FieldKind::Date { .. }, Value::String(s)) => {
            format_iso_date_str(s).unwrap_or_else(|| s.clone())
        }
        (FieldKind::Select { options } | FieldKind::Radio { options }, Value::String(s)) => {
            option_label(options, s, lang)
        }
        (FieldKind::Checkboxes { options, .. }, Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(|s| option_label(options, s, lang))
            .collect::<Vec<_>>()
            .join("; "),
        (_, Value::Bool(b)) => t(lang, if *b { Key::Yes } else { Key::No }).to_string(),
        (FieldKind::Address, Value::Object(o)) => {
            let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            let name = |k: &str| {
                let code = part(k);
                units(&code).unwrap_or(code)
            };
            [part("street"), name("commune"), name("province")]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }
        (_, Value::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    }
}
