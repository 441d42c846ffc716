use serde_json::json;

use super::*;
use crate::answers::RawForm;
use crate::procedure::Procedure;
use crate::testing::{procedure_of, sample_procedure_json};
use crate::text::Text;
use crate::validate::Context;

/// The sample procedure with two Steps, the second's field shown only for one answer of the
/// first; its document only when `with_documents`.
fn procedure(with_documents: bool) -> Procedure {
    let mut v = sample_procedure_json();
    if !with_documents {
        v["documents"] = json!([]);
    }
    v["form"] = json!([
      { "id": "mot", "title": "Một", "fields": [
        { "id": "da_ket_hon", "type": "radio", "label": "Đã từng kết hôn?", "required": true,
          "options": [ { "value": "khong", "label": "Chưa" }, { "value": "co", "label": "Đã" } ] }
      ]},
      { "id": "hai", "title": "Hai", "fields": [
        { "id": "so_ly_hon", "type": "text", "label": "Số quyết định ly hôn", "required": true,
          "visible_if": { "field": "da_ket_hon", "equals": "co" } }
      ]}
    ]);
    procedure_of(&v)
}

fn slugs(p: &Procedure) -> Vec<String> {
    pages(p).into_iter().map(|(slug, _)| slug).collect()
}

#[test]
fn the_documents_page_comes_only_with_documents_and_before_the_check_page() {
    let with = procedure(true);
    assert_eq!(slugs(&with), [APPLICANT, "mot", "hai", DOCUMENTS, REVIEW]);
    assert_eq!(slugs(&procedure(false)), [APPLICANT, "mot", "hai", REVIEW]);
    assert_eq!(page_kind(&with, "hai"), Some(PageKind::Step(1)));
    assert_eq!(page_kind(&with, RECEIPT), None);
    assert_eq!(next_page(&with, "hai").as_deref(), Some(DOCUMENTS));
    assert_eq!(next_page(&with, REVIEW), None);
    assert_eq!(previous_page(&with, APPLICANT), None);
    assert_eq!(previous_page(&with, REVIEW).as_deref(), Some(DOCUMENTS));
}

fn raw(pairs: &[(&str, &str)]) -> RawForm {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), vec![v.to_string()]))
        .collect()
}

#[test]
fn an_early_answer_that_shows_a_later_field_sends_the_citizen_back_to_it() {
    let p = procedure(false);
    let fields = applicant_fields(&p, &[], &|_| Text::Plain(String::new()));
    let ctx = Context::new(time::macros::date!(2025 - 11 - 22));
    let mut draft = DraftState::default();
    let applicant = [
        ("full_name", "Nguyễn Văn An"),
        ("id_number", "079123456789"),
        ("phone", "0912345678"),
    ];
    draft.raw.insert(APPLICANT.into(), raw(&applicant));
    draft
        .raw
        .insert("mot".into(), raw(&[("da_ket_hon", "khong")]));
    draft.raw.insert("hai".into(), RawForm::new());
    let eval = evaluate(&p, &fields, &draft, &ctx);
    assert_eq!(eval.first_invalid, None);
    assert_eq!(eval.before("hai")["da_ket_hon"], "khong");

    // Changed on the first Step: the second now asks for a number it was never given.
    draft.raw.insert("mot".into(), raw(&[("da_ket_hon", "co")]));
    let eval = evaluate(&p, &fields, &draft, &ctx);
    assert_eq!(eval.first_invalid.as_deref(), Some("hai"));

    // A page never posted is incomplete.
    draft.raw.remove(APPLICANT);
    let eval = evaluate(&p, &fields, &draft, &ctx);
    assert_eq!(eval.first_invalid.as_deref(), Some(APPLICANT));
}

#[test]
fn the_agency_is_asked_only_of_a_commune_procedure_with_several_desks() {
    let p = procedure(false);
    let label = |_| Text::Plain(String::new());
    let one = [("a".to_string(), "A".to_string())];
    let two = [one[0].clone(), ("b".to_string(), "B".to_string())];
    let has_agency =
        |fields: Vec<crate::procedure::Field>| fields.iter().any(|f| f.id == AGENCY_FIELD);
    assert!(!has_agency(applicant_fields(&p, &one, &label)));
    assert!(has_agency(applicant_fields(&p, &two, &label)));
}

#[test]
fn entries_are_added_after_the_last_and_removed_by_index() {
    let mut form = raw(&[("con[0].ten", "An"), ("con[2].ten", "Bình")]);
    add_entry(&mut form, "con");
    assert!(form.contains_key("con[3]._new"));
    remove_entry(&mut form, "con", 0);
    assert!(!form.contains_key("con[0].ten"));
    assert_eq!(form["con[2].ten"], ["Bình"]);
}
