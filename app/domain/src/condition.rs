//! Conditions (`visible_if`) that show or hide a field or document.
//!
//! ## Evaluation ([`Condition::holds`]) against canonical [`Answers`]
//! - `equals`: JSON equality, except that numbers compare by value (`2` equals `2.0`), also
//!   inside arrays and objects. A missing (hidden, absent or invalid) field equals nothing,
//!   not even `null`. A `checkboxes` answer (an array) equals a single option value when
//!   that option is ticked, and a list when it is exactly that selection.
//! - `in`: `equals` for any of the listed values (an empty list never holds).
//! - `filled: true`: the answer exists and is non-empty: a non-empty string or array, any
//!   number, the boolean `true` (an unticked checkbox, stored `false`, is *not* filled), an
//!   object with at least one filled value. `filled: false` is exactly the opposite.
//! - `all` of an empty list holds, `any` of an empty list does not; `not` negates.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::answers::Answers;
use crate::procedure::{Document, Procedure};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged, try_from = "ConditionRepr")]
pub enum Condition {
    Equals {
        field: String,
        equals: Value,
    },
    In {
        field: String,
        #[serde(rename = "in")]
        values: Vec<Value>,
    },
    Filled {
        field: String,
        filled: bool,
    },
    All {
        all: Vec<Condition>,
    },
    Any {
        any: Vec<Condition>,
    },
    Not {
        not: Box<Condition>,
    },
}

/// The flat shape of a condition in JSON: one object with the keys of any of the six forms.
/// Decoded this way rather than `untagged`, whose buffering machinery would weigh on the
/// form island. The import check (`check.rs`) has already refused malformed conditions.
#[derive(Deserialize)]
struct ConditionRepr {
    #[serde(default)]
    field: Option<String>,
    #[serde(default, deserialize_with = "present")]
    equals: Option<Value>,
    #[serde(default, rename = "in")]
    values: Option<Vec<Value>>,
    #[serde(default)]
    filled: Option<bool>,
    #[serde(default)]
    all: Option<Vec<Condition>>,
    #[serde(default)]
    any: Option<Vec<Condition>>,
    #[serde(default)]
    not: Option<Box<Condition>>,
}

/// `equals: null` is a value to compare with, not an absent key.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

impl TryFrom<ConditionRepr> for Condition {
    type Error = &'static str;

    fn try_from(r: ConditionRepr) -> Result<Condition, &'static str> {
        Ok(match r {
            ConditionRepr {
                field: Some(field),
                equals: Some(equals),
                ..
            } => Condition::Equals { field, equals },
            ConditionRepr {
                field: Some(field),
                values: Some(values),
                ..
            } => Condition::In { field, values },
            ConditionRepr {
                field: Some(field),
                filled: Some(filled),
                ..
            } => Condition::Filled { field, filled },
            ConditionRepr { all: Some(all), .. } => Condition::All { all },
            ConditionRepr { any: Some(any), .. } => Condition::Any { any },
            ConditionRepr { not: Some(not), .. } => Condition::Not { not },
            _ => {
                return Err(
                    "a condition needs field with equals, in or filled; or all, any or not",
                );
            }
        })
    }
}

impl Condition {
    /// Whether the condition holds for `answers` (see the module doc for the rules).
    pub fn holds(&self, answers: &Answers) -> bool {
        match self {
            Condition::Equals { field, equals } => {
                answers.get(field).is_some_and(|v| answer_is(v, equals))
            }
            Condition::In { field, values } => answers
                .get(field)
                .is_some_and(|v| values.iter().any(|x| answer_is(v, x))),
            Condition::Filled { field, filled } => is_filled(answers.get(field)) == *filled,
            Condition::All { all } => all.iter().all(|c| c.holds(answers)),
            Condition::Any { any } => any.iter().any(|c| c.holds(answers)),
            Condition::Not { not } => !not.holds(answers),
        }
    }
}

/// Whether an answer "equals" a condition's value. A `checkboxes` answer is a selection:
/// it equals a single option value when that option is ticked (the import check only lets
/// conditions on checkboxes name single option values), and a whole list when it is exactly
/// that selection.
fn answer_is(answer: &Value, value: &Value) -> bool {
    match (answer, value) {
        (Value::Array(selection), single) if !single.is_array() => {
            selection.iter().any(|x| json_equal(x, single))
        }
        _ => json_equal(answer, value),
    }
}

/// Whether something with condition `cond` is shown: no condition means always.
pub fn visible(cond: Option<&Condition>, answers: &Answers) -> bool {
    cond.is_none_or(|c| c.holds(answers))
}

/// The documents of `p` that apply to these answers (those whose `visible_if` holds), in the
/// procedure's order.
pub fn applicable_documents<'a>(p: &'a Procedure, answers: &Answers) -> Vec<&'a Document> {
    p.documents
        .iter()
        .filter(|d| visible(d.visible_if.as_ref(), answers))
        .collect()
}

/// JSON equality where numbers compare numerically.
pub fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            if let (Some(x), Some(y)) = (x.as_i64(), y.as_i64()) {
                x == y
            } else if let (Some(x), Some(y)) = (x.as_u64(), y.as_u64()) {
                x == y
            } else {
                x.as_f64() == y.as_f64()
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_equal(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_equal(v, w)))
        }
        _ => a == b,
    }
}

/// Whether an answer counts as filled (see the module doc).
pub fn is_filled(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(_)) => true,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => o.values().any(|v| is_filled(Some(v))),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_single_value_matches_a_ticked_checkbox_option() {
        let answers: Answers = serde_json::from_str(r#"{"nganh": ["an_uong", "ban_le"]}"#).unwrap();
        let c: Condition =
            serde_json::from_str(r#"{"field": "nganh", "equals": "ban_le"}"#).unwrap();
        assert!(c.holds(&answers));
        let c: Condition =
            serde_json::from_str(r#"{"field": "nganh", "in": ["van_tai", "an_uong"]}"#).unwrap();
        assert!(c.holds(&answers));
        let c: Condition =
            serde_json::from_str(r#"{"field": "nganh", "equals": "van_tai"}"#).unwrap();
        assert!(!c.holds(&answers));
    }

    use super::*;
    use serde_json::json;

    fn answers(v: Value) -> Answers {
        v.as_object().unwrap().clone()
    }

    fn cond(v: Value) -> Condition {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn equals() {
        let a = answers(json!({ "s": "co", "n": 2, "f": 2.5, "b": true, "arr": ["a", "b"] }));
        assert!(cond(json!({ "field": "s", "equals": "co" })).holds(&a));
        assert!(!cond(json!({ "field": "s", "equals": "khong" })).holds(&a));
        assert!(cond(json!({ "field": "n", "equals": 2.0 })).holds(&a));
        assert!(cond(json!({ "field": "n", "equals": 2 })).holds(&a));
        assert!(!cond(json!({ "field": "n", "equals": "2" })).holds(&a));
        assert!(cond(json!({ "field": "f", "equals": 2.5 })).holds(&a));
        assert!(cond(json!({ "field": "b", "equals": true })).holds(&a));
        assert!(cond(json!({ "field": "arr", "equals": ["a", "b"] })).holds(&a));
        // A selection equals a single option value when that option is ticked.
        assert!(cond(json!({ "field": "arr", "equals": "a" })).holds(&a));
        assert!(!cond(json!({ "field": "arr", "equals": "c" })).holds(&a));
        // Missing fields equal nothing, not even null.
        assert!(!cond(json!({ "field": "missing", "equals": "co" })).holds(&a));
        assert!(!cond(json!({ "field": "missing", "equals": null })).holds(&a));
    }

    #[test]
    fn numbers_compare_numerically_when_large_or_negative() {
        let a = answers(json!({ "big": 18446744073709551615u64, "neg": -3 }));
        assert!(cond(json!({ "field": "big", "equals": 18446744073709551615u64 })).holds(&a));
        assert!(cond(json!({ "field": "neg", "equals": -3.0 })).holds(&a));
        assert!(!cond(json!({ "field": "neg", "equals": 3 })).holds(&a));
    }

    #[test]
    fn in_list() {
        let a = answers(json!({ "s": "b", "n": 3 }));
        assert!(cond(json!({ "field": "s", "in": ["a", "b"] })).holds(&a));
        assert!(!cond(json!({ "field": "s", "in": ["a", "c"] })).holds(&a));
        assert!(!cond(json!({ "field": "s", "in": [] })).holds(&a));
        assert!(cond(json!({ "field": "n", "in": [1, 3.0] })).holds(&a));
        assert!(!cond(json!({ "field": "missing", "in": ["a", null] })).holds(&a));
    }

    #[test]
    fn filled() {
        let a = answers(json!({
            "s": "x", "empty": "", "t": true, "f": false, "n": 0,
            "arr": ["a"], "none": [], "addr": { "province": "01", "commune": "00001", "street": "" },
            "blank": { "street": "" }
        }));
        for k in ["s", "t", "n", "arr", "addr"] {
            assert!(cond(json!({ "field": k, "filled": true })).holds(&a), "{k}");
            assert!(
                !cond(json!({ "field": k, "filled": false })).holds(&a),
                "{k}"
            );
        }
        for k in ["empty", "f", "none", "blank", "missing"] {
            assert!(
                !cond(json!({ "field": k, "filled": true })).holds(&a),
                "{k}"
            );
            assert!(
                cond(json!({ "field": k, "filled": false })).holds(&a),
                "{k}"
            );
        }
    }

    #[test]
    fn combinators_and_nesting() {
        let a = answers(json!({ "a": "x", "b": 1 }));
        let c = cond(json!({
            "all": [
                { "field": "a", "equals": "x" },
                { "any": [ { "field": "b", "equals": 2 }, { "not": { "field": "c", "filled": true } } ] }
            ]
        }));
        assert!(c.holds(&a));
        let mut a2 = a.clone();
        a2.insert("c".into(), json!("y"));
        assert!(!c.holds(&a2));
        assert!(cond(json!({ "all": [] })).holds(&a));
        assert!(!cond(json!({ "any": [] })).holds(&a));
        assert!(!cond(json!({ "not": { "field": "a", "equals": "x" } })).holds(&a));
    }

    #[test]
    fn visibility() {
        let a = answers(json!({ "a": "x" }));
        assert!(visible(None, &a));
        assert!(visible(
            Some(&cond(json!({ "field": "a", "equals": "x" }))),
            &a
        ));
        assert!(!visible(
            Some(&cond(json!({ "field": "a", "equals": "y" }))),
            &a
        ));
    }

    #[test]
    fn documents_follow_their_conditions() {
        let p: Procedure = serde_json::from_value(json!({
            "format": "motcua.procedure/1", "code": "X", "version": "2025-07-01",
            "name": "Thủ tục", "sector": "Hộ tịch", "level": "commune", "online": "full",
            "duration": { "amount": 1, "unit": "working_days" },
            "result": { "name": "Giấy", "delivery": ["counter"] },
            "documents": [
                { "id": "a", "name": "A", "copy": "original", "quantity": 1, "required": true },
                { "id": "b", "name": "B", "copy": "copy", "quantity": 1, "required": true,
                  "visible_if": { "field": "da_ket_hon", "equals": "co" } },
                { "id": "c", "name": "C", "copy": "any", "quantity": 1, "required": false,
                  "visible_if": { "field": "da_ket_hon", "equals": "khong" } }
            ],
            "form": [ { "id": "s", "title": "S", "fields": [] } ],
            "process": [ { "id": "p", "title": "P", "role": "reception", "duration_hours": 1 } ]
        }))
        .unwrap();
        let ids = |a: &Answers| -> Vec<String> {
            applicable_documents(&p, a)
                .iter()
                .map(|d| d.id.clone())
                .collect()
        };
        assert_eq!(ids(&answers(json!({ "da_ket_hon": "co" }))), ["a", "b"]);
        assert_eq!(ids(&answers(json!({ "da_ket_hon": "khong" }))), ["a", "c"]);
        assert_eq!(ids(&Answers::new()), ["a"]);
    }
}
