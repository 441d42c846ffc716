//! Refilling a form from stored answers.

use super::*;

#[test]
fn raw_from_answers_round_trips() {
    let fs = fields(json!([
        { "id": "t", "type": "text", "label": "T" },
        { "id": "ta", "type": "textarea", "label": "TA" },
        { "id": "n", "type": "number", "label": "N" },
        { "id": "n2", "type": "number", "label": "N2" },
        { "id": "m", "type": "money", "label": "M" },
        { "id": "d", "type": "date", "label": "D" },
        { "id": "s", "type": "select", "label": "S", "options": [ { "value": "a", "label": "A" } ] },
        { "id": "cs", "type": "checkboxes", "label": "CS", "options": [
            { "value": "a", "label": "A" }, { "value": "b", "label": "B" } ] },
        { "id": "c1", "type": "checkbox", "label": "C1" },
        { "id": "c2", "type": "checkbox", "label": "C2" },
        { "id": "e", "type": "email", "label": "E" },
        { "id": "p", "type": "phone", "label": "P" },
        { "id": "i", "type": "id_number", "label": "I" },
        { "id": "tc", "type": "tax_code", "label": "TC" },
        { "id": "a", "type": "address", "label": "A" },
        { "id": "plain", "type": "group", "label": "G", "fields": [ { "id": "inner", "type": "text", "label": "I" } ] },
        { "id": "rep", "type": "group", "label": "R", "repeat": { "min": 0, "max": 5 }, "fields": [
            { "id": "rn", "type": "text", "label": "RN" },
            { "id": "rd", "type": "date", "label": "RD" },
            { "id": "ra", "type": "address", "label": "RA" } ] },
        { "id": "dec", "type": "declaration", "label": "Cam đoan" }
    ]));
    let answers = json!({
            "t": "Nguyễn Văn A", "ta": "dòng 1\ndòng 2", "n": 2.5, "n2": -3, "m": 1500000,
            "d": "2024-02-29", "s": "a", "cs": ["a", "b"], "c1": true, "c2": false,
            "e": "a@b.vn", "p": "0912345678", "i": "001234567890", "tc": "0101234567-001",
            "a": { "province": "01", "commune": "00004", "street": "" },
            "inner": "x",
            "rep": [ { "rn": "một", "rd": "2020-01-01" },
                     { "rn": "hai", "ra": { "province": "79", "commune": "26734", "street": "Số 2" } } ],
            "dec": true
        })
        .as_object()
        .unwrap()
        .clone();
    let r = raw_from_answers(&fs, &answers);
    assert_eq!(r["m"], ["1.500.000"]);
    assert_eq!(r["d"], ["29/02/2024"]);
    assert_eq!(r["n"], ["2,5"]);
    assert_eq!(r["cs"], ["a", "b"]);
    assert_eq!(r["c1"], ["true"]);
    assert!(!r.contains_key("c2"));
    assert!(!r.contains_key("a.street"));
    assert_eq!(r["rep[1].ra.province"], ["79"]);
    assert_eq!(r["rep[0].rd"], ["01/01/2020"]);
    let out = validate_fields(&fs, &r, &Answers::new(), &ctx());
    assert_eq!(out.errors, vec![]);
    assert_eq!(out.answers, answers);
}
