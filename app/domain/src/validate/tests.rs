use super::*;
use crate::answers::raw_from_pairs;
use crate::procedure::Field;
use serde_json::{Value, json};
use time::Date;
use time::macros::date;

const TODAY: Date = date!(2025 - 07 - 01);

fn ctx() -> Context<'static> {
    Context::new(TODAY)
}

fn fields(v: Value) -> Vec<Field> {
    serde_json::from_value(v).expect("fields")
}

fn one(spec: Value) -> Vec<Field> {
    let mut spec = spec;
    let obj = spec.as_object_mut().unwrap();
    obj.entry("id").or_insert(json!("f"));
    obj.entry("label").or_insert(json!("F"));
    fields(json!([spec]))
}

fn raw(pairs: &[(&str, &str)]) -> RawForm {
    raw_from_pairs(pairs.iter().copied())
}

fn run(fs: &[Field], pairs: &[(&str, &str)]) -> StepOutcome {
    validate_fields(fs, &raw(pairs), &Answers::new(), &ctx())
}

/// Validates `input` against a single field `f` of the given spec.
fn check(spec: Value, input: &str) -> Result<Option<Value>, FieldErrorKind> {
    let fs = one(spec);
    let out = run(&fs, &[("f", input)]);
    match out.errors.as_slice() {
        [] => Ok(out.answers.get("f").cloned()),
        [e] => {
            assert_eq!(e.name, "f");
            assert_eq!(e.field_id, "f");
            assert!(out.answers.get("f").is_none());
            Err(e.kind.clone())
        }
        many => panic!("several errors: {many:?}"),
    }
}

fn ok(spec: Value, input: &str) -> Value {
    check(spec, input)
        .unwrap_or_else(|e| panic!("{input:?} rejected: {e:?}"))
        .unwrap_or_else(|| panic!("{input:?} absent"))
}

fn err(spec: Value, input: &str) -> FieldErrorKind {
    match check(spec, input) {
        Err(e) => e,
        Ok(v) => panic!("{input:?} accepted as {v:?}"),
    }
}

use FieldErrorKind as K;

mod addresses;
mod choices;
mod dates;
mod direct;
mod identifiers;
mod numbers;
mod pages;
mod properties;
mod refill;
mod repeating;
mod text;
