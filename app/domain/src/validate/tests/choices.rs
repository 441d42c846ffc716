//! Selects, radios, checkboxes, a checkbox and a declaration.

use super::*;

#[test]
fn select_and_radio() {
    for t in ["select", "radio"] {
        let s = json!({ "type": t, "options": [
                { "value": "co", "label": "Có" }, { "value": "khong", "label": "Không" } ] });
        assert_eq!(ok(s.clone(), " co "), json!("co"));
        assert_eq!(err(s.clone(), "Có"), K::NotAnOption);
        assert_eq!(err(s.clone(), "maybe"), K::NotAnOption);
        assert_eq!(check(s, ""), Ok(None));
    }
}

#[test]
fn checkboxes() {
    let fs = one(
        json!({ "type": "checkboxes", "min_selected": 2, "max_selected": 3, "options": [
            { "value": "a", "label": "A" }, { "value": "b", "label": "B" },
            { "value": "c", "label": "C" }, { "value": "d", "label": "D" } ] }),
    );
    let out = run(&fs, &[("f", "c"), ("f", "a"), ("f", "c")]);
    assert_eq!(out.errors, vec![]);
    assert_eq!(out.answers["f"], json!(["a", "c"]));
    let kinds = |pairs: &[(&str, &str)]| -> Vec<K> {
        run(&fs, pairs).errors.into_iter().map(|e| e.kind).collect()
    };
    assert_eq!(kinds(&[("f", "a")]), [K::TooFewSelected { min: 2 }]);
    assert_eq!(
        kinds(&[("f", "a"), ("f", "b"), ("f", "c"), ("f", "d")]),
        [K::TooManySelected { max: 3 }]
    );
    assert_eq!(kinds(&[("f", "a"), ("f", "x")]), [K::NotAnOption]);
    // Nothing ticked on an optional field: absent.
    assert_eq!(kinds(&[("f", "")]), []);
    assert!(run(&fs, &[]).answers.is_empty());
    let req = one(
        json!({ "type": "checkboxes", "required": true, "options": [ { "value": "a", "label": "A" } ] }),
    );
    assert_eq!(run(&req, &[]).errors[0].kind, K::Required);
}

#[test]
fn checkbox_and_declaration() {
    let opt = one(json!({ "type": "checkbox" }));
    assert_eq!(run(&opt, &[]).answers["f"], json!(false));
    assert_eq!(run(&opt, &[("f", "true")]).answers["f"], json!(true));
    assert_eq!(run(&opt, &[("f", "")]).answers["f"], json!(false));
    let req = one(json!({ "type": "checkbox", "required": true }));
    assert_eq!(run(&req, &[]).errors[0].kind, K::MustTick);
    assert!(run(&req, &[]).answers.is_empty());
    assert_eq!(run(&req, &[("f", "on")]).answers["f"], json!(true));
    let decl = one(json!({ "type": "declaration" }));
    assert_eq!(run(&decl, &[]).errors[0].kind, K::MustTick);
    assert_eq!(run(&decl, &[("f", "true")]).answers["f"], json!(true));
}
