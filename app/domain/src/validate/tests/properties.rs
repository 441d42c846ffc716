//! Property tests of form validation over the demo's procedures, whose forms use every field
//! type: whatever a post holds, validation answers (no panic) with each problem at an input;
//! what it accepts, refilled into the form and posted again, gives the same answers; and a
//! post with more entries than a group allows is refused by its count alone.
//!
//! `PROPTEST_CASES` sets how many posts each property tries (256 by default, the short run
//! of CI; e.g. `PROPTEST_CASES=20000 cargo test -p motcua-domain properties` for a long one).

use super::*;
use crate::check::parse_procedure;
use crate::procedure::{FieldKind, Procedure};
use crate::validate::refill::raw_from_answers;
use proptest::prelude::*;

fn demo_procedures() -> Vec<Procedure> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/procedures");
    let mut all = vec![];
    for entry in std::fs::read_dir(&dir).expect("the demo procedures") {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        all.push(parse_procedure(&text).expect("a valid demo procedure"));
    }
    all.sort_by(|a, b| a.code.cmp(&b.code));
    all
}

/// Every page of every demo procedure.
fn pages() -> Vec<Vec<Field>> {
    demo_procedures()
        .into_iter()
        .flat_map(|p| p.form.into_iter().map(|step| step.fields))
        .collect()
}

/// The input names a page's form has (three entries of each repeating group).
fn input_names(fields: &[Field], prefix: &str, out: &mut Vec<String>) {
    for f in fields {
        let name = format!("{prefix}{}", f.id);
        match &f.kind {
            FieldKind::Group {
                fields: inner,
                repeat: None,
            } => input_names(inner, prefix, out),
            FieldKind::Group { fields: inner, .. } => {
                for i in 0..3 {
                    input_names(inner, &format!("{name}[{i}]."), out);
                }
            }
            FieldKind::Address => {
                for part in ["province", "commune", "street"] {
                    out.push(format!("{name}.{part}"));
                }
            }
            _ => out.push(name),
        }
    }
}

/// What a person (or a script) might type: anything, or something near a valid value.
fn a_value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9]{1,14}",
        "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}",
        "[0-9][0-9.,]{0,12}",
        "0[0-9]{9}",
        Just("true".to_string()),
        Just(String::new()),
        "[a-zà-ỹ_ ]{1,20}",
    ]
}

/// A page, and a post of it: some of its inputs (each with one or two values) and a few
/// names it does not have.
fn a_post() -> impl Strategy<Value = (usize, RawForm)> {
    let pages = pages().len();
    (0..pages).prop_flat_map(|page| {
        let mut names = vec![];
        input_names(&pages_cache()[page], "", &mut names);
        names.push("khong_co".into());
        names.push("x[0].y".into());
        let pairs = proptest::collection::vec((proptest::sample::select(names), a_value()), 0..40);
        pairs.prop_map(move |pairs| (page, raw_from_pairs(pairs)))
    })
}

/// One field of a page on its own, and a post of its inputs: alone, a field's value is
/// accepted far more often than a whole page's, so the round trip is tried for every type.
fn a_field_post() -> impl Strategy<Value = (Field, RawForm)> {
    let fields: Vec<Field> = pages_cache().iter().flatten().cloned().collect();
    proptest::sample::select(fields).prop_flat_map(|field| {
        let mut names = vec![];
        input_names(std::slice::from_ref(&field), "", &mut names);
        let pairs = proptest::collection::vec((proptest::sample::select(names), a_value()), 1..6);
        pairs.prop_map(move |pairs| (field.clone(), raw_from_pairs(pairs)))
    })
}

/// Validates `raw` against `fields`; when it is accepted, checks that its answers, refilled
/// and validated again, are the same.
fn round_trips(fields: &[Field], raw: &RawForm) -> Result<(), TestCaseError> {
    let out = validate_fields(fields, raw, &Answers::new(), &ctx());
    for e in &out.errors {
        prop_assert!(!e.name.is_empty() && !e.field_id.is_empty(), "{e:?}");
    }
    if out.errors.is_empty() {
        let again = raw_from_answers(fields, &out.answers);
        let second = validate_fields(fields, &again, &Answers::new(), &ctx());
        prop_assert!(
            second.errors.is_empty(),
            "{:?} from {again:?}",
            second.errors
        );
        prop_assert_eq!(second.answers, out.answers);
    }
    Ok(())
}

fn pages_cache() -> &'static [Vec<Field>] {
    static PAGES: std::sync::OnceLock<Vec<Vec<Field>>> = std::sync::OnceLock::new();
    PAGES.get_or_init(pages)
}

proptest! {
    #[test]
    fn any_post_is_answered_with_problems_at_inputs_or_answers_that_post_back_the_same(
        (page, raw) in a_post()
    ) {
        round_trips(&pages_cache()[page], &raw)?;
    }

    #[test]
    fn any_post_of_one_field_is_refused_at_it_or_accepted_as_what_posts_back_the_same(
        (field, raw) in a_field_post()
    ) {
        round_trips(std::slice::from_ref(&field), &raw)?;
    }

    #[test]
    fn any_text_parses_as_a_procedure_or_gives_problems(text in any::<String>()) {
        if let Err(problems) = parse_procedure(&text) {
            prop_assert!(!problems.is_empty());
        }
    }

    #[test]
    fn a_changed_value_in_a_valid_procedure_parses_or_gives_problems(
        at in any::<proptest::sample::Index>(),
        value in a_value(),
    ) {
        let mut v: serde_json::Value = serde_json::from_str(crate::testing::SPEC_EXAMPLE).unwrap();
        let mut leaves = vec![];
        leaf_pointers(&v, String::new(), &mut leaves);
        let pointer = at.get(&leaves).clone();
        *v.pointer_mut(&pointer).unwrap() = serde_json::Value::String(value);
        if let Err(problems) = parse_procedure(&v.to_string()) {
            prop_assert!(!problems.is_empty());
        }
    }
}

/// The JSON pointers of every leaf of `v`.
fn leaf_pointers(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                leaf_pointers(x, format!("{at}/{k}"), out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                leaf_pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => out.push(at),
    }
}

#[test]
fn more_entries_than_allowed_are_refused_by_their_count_before_any_entry_is_checked() {
    let group = one(json!({
        "type": "group",
        "repeat": { "min": 0, "max": 2 },
        "fields": [ { "id": "ngay", "type": "date", "label": "Ngày" } ]
    }));
    // Three entries, each of them invalid: only the count is reported.
    let out = run(
        &group,
        &[("f[0].ngay", "x"), ("f[1].ngay", "y"), ("f[2].ngay", "z")],
    );
    let kinds: Vec<_> = out.errors.iter().map(|e| e.kind.clone()).collect();
    assert_eq!(kinds, [FieldErrorKind::TooManyEntries { max: 2 }]);
}
