//! Files that pass, the file as a whole, and the identifier and date helpers.

use super::*;

#[test]
fn spec_example_parses() {
    let p = parse_procedure(SPEC_EXAMPLE).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(p.code, "1.000894.000.00.00.H56");
    assert_eq!(p.form.len(), 3);
    assert_eq!(p.form[1].fields.len(), 5);
    assert_eq!(
        p.form[1].fields[4].visible_if,
        Some(Condition::Equals {
            field: "da_tung_ket_hon".into(),
            equals: json!("co")
        })
    );
    assert_eq!(working_hours(&p.duration), 8.0);
}

#[test]
fn full_fixture_parses_into_the_model() {
    let json = full().to_string();
    let p = parse_procedure(&json).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(matches!(
        &p.form[0].fields[0].kind,
        FieldKind::Text {
            min_length: Some(2),
            max_length: Some(100),
            pattern: Some(_)
        }
    ));
    assert!(matches!(
        &p.form[0].fields[6].visible_if,
        Some(Condition::Any { any }) if matches!(&any[0], Condition::In { values, .. } if values == &vec![json!("nha")])
            && matches!(&any[1], Condition::Not { not } if matches!(**not, Condition::Filled { filled: true, .. }))
    ));
    let FieldKind::Group { fields, repeat } = &p.form[1].fields[8].kind else {
        panic!("group expected");
    };
    assert_eq!(fields.len(), 3);
    assert_eq!(repeat.map(|r| (r.min, r.max)), Some((0, 5)));
    assert_eq!(p.documents[0].max_size_mb, Some(5.0));
}

#[test]
fn optional_top_level_lists_may_be_left_out() {
    let mut v = full();
    for key in ["fees", "legal_basis", "documents"] {
        v.as_object_mut().unwrap().remove(key);
    }
    let p = parse_procedure(&v.to_string()).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(p.fees.is_empty() && p.documents.is_empty());
}

#[test]
fn many_problems_are_reported_at_once() {
    let ps = problems(|v| {
        set(v, "/format", json!("motcua.procedure/2"));
        set(v, "/level", json!("district"));
        remove(v, "/form/0/fields/4/options");
        set(v, "/form/1/fields/0/id", json!("ho_ten"));
        set(v, "/process/1/role", json!("boss"));
        set(v, "/documents/1/visible_if/field", json!("khong_co"));
    });
    let paths: Vec<&str> = ps.iter().map(|p| p.path.as_str()).collect();
    for expected in [
        "format",
        "level",
        "form[0].fields[4].options",
        "form[1].fields[0].id",
        "process[1].role",
        "documents[1].visible_if.field",
    ] {
        assert!(paths.contains(&expected), "{expected} missing from {ps:#?}");
    }
    // The document condition named `noi_sinh`'s option; now that the select has no
    // options, nothing else should cascade.
    assert_eq!(ps.len(), 6, "{ps:#?}");
    let err = parse_procedure(&{
        let mut v = full();
        set(&mut v, "/level", json!("district"));
        set(&mut v, "/online", json!("maybe"));
        v.to_string()
    })
    .unwrap_err();
    assert_eq!(err.len(), 2);
}

#[test]
fn display_is_path_colon_message() {
    let ps = problems(|v| remove(v, "/form/0/fields/4/options"));
    assert_eq!(
        ps[0].to_string(),
        "form[0].fields[4].options: required for type \"select\""
    );
    assert_eq!(
        Problem::new("", "not valid JSON").to_string(),
        "not valid JSON"
    );
}

// ------------------------------------------------------------ the file as a whole

#[test]
fn not_json() {
    let err = parse_procedure("{ \"format\": ").unwrap_err();
    assert_eq!(err.len(), 1);
    assert_eq!(err[0].path, "");
    assert!(err[0].message.starts_with("not valid JSON"));
}

#[test]
fn not_an_object() {
    only(check_value(&json!([1, 2])), "", "must be a JSON object");
}

#[test]
fn helpers() {
    assert!(is_identifier("a") && is_identifier("ho_ten_2"));
    assert!(
        !is_identifier("")
            && !is_identifier("_a")
            && !is_identifier("2a")
            && !is_identifier("hoTen")
            && !is_identifier("ngày")
    );
    assert!(is_iso_date("2024-02-29") && !is_iso_date("2023-02-29") && !is_iso_date("2024-00-10"));
    assert!(
        !is_iso_date("+202-01-01") && !is_iso_date("2024-1-01 ") && !is_iso_date("２０２４-01-01")
    );
}
