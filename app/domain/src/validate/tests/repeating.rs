//! Repeating groups: entries, their conditions and error names, their counts.

use super::*;

fn family_page() -> Vec<Field> {
    fields(json!([
        { "id": "ho_ten", "type": "text", "label": "Họ tên" },
        { "id": "thanh_vien", "type": "group", "label": "Thành viên", "repeat": { "min": 1, "max": 3 },
          "fields": [
            { "id": "tv_ten", "type": "text", "label": "Tên", "required": true },
            { "id": "tv_quan_he", "type": "select", "label": "Quan hệ", "required": true,
              "options": [ { "value": "con", "label": "Con" }, { "value": "khac", "label": "Khác" } ] },
            { "id": "tv_ghi_ro", "type": "text", "label": "Ghi rõ", "required": true,
              "visible_if": { "field": "tv_quan_he", "equals": "khac" } },
            { "id": "tv_ngay_sinh", "type": "date", "label": "Ngày sinh",
              "visible_if": { "field": "ho_ten", "filled": true } }
          ] },
        { "id": "ghi_chu", "type": "text", "label": "Ghi chú", "visible_if": { "field": "thanh_vien", "filled": true } }
    ]))
}

#[test]
fn repeating_groups_renumber_and_skip_empty_entries() {
    let fs = family_page();
    let out = run(
        &fs,
        &[
            ("ho_ten", "Trần C"),
            ("thanh_vien[0].tv_ten", "An"),
            ("thanh_vien[0].tv_quan_he", "con"),
            ("thanh_vien[0].tv_ngay_sinh", "1/1/2020"),
            // [1] was removed; [2] is empty (only a control input); [3] is real.
            ("thanh_vien[2].tv_ten", "  "),
            ("thanh_vien[2]._new", ""),
            ("thanh_vien[3].tv_ten", "Bình"),
            ("thanh_vien[3].tv_quan_he", "khac"),
            ("thanh_vien[3].tv_ghi_ro", "Cháu"),
            ("ghi_chu", "ok"),
        ],
    );
    assert_eq!(out.errors, vec![]);
    assert_eq!(
        Value::Object(out.answers),
        json!({
            "ho_ten": "Trần C",
            "thanh_vien": [
                { "tv_ten": "An", "tv_quan_he": "con", "tv_ngay_sinh": "2020-01-01" },
                { "tv_ten": "Bình", "tv_quan_he": "khac", "tv_ghi_ro": "Cháu" }
            ],
            "ghi_chu": "ok"
        })
    );
}

#[test]
fn repeating_group_entry_conditions_and_error_names() {
    let fs = family_page();
    let out = run(
        &fs,
        &[
            ("thanh_vien[0].tv_ten", "An"),
            ("thanh_vien[0].tv_quan_he", "con"),
            ("thanh_vien[0].tv_ghi_ro", ""),
            // Outside field ho_ten is empty, so tv_ngay_sinh is hidden: its bad value is ignored.
            ("thanh_vien[0].tv_ngay_sinh", "bad"),
            ("thanh_vien[5].tv_quan_he", "khac"),
        ],
    );
    let names: Vec<(&str, &str, &K)> = out
        .errors
        .iter()
        .map(|e| (e.name.as_str(), e.field_id.as_str(), &e.kind))
        .collect();
    assert_eq!(
        names,
        vec![
            ("thanh_vien[5].tv_ten", "tv_ten", &K::Required),
            ("thanh_vien[5].tv_ghi_ro", "tv_ghi_ro", &K::Required),
        ]
    );
    // The group is not stored while any entry is invalid, and later conditions see it missing.
    assert!(out.answers.get("thanh_vien").is_none());
}

#[test]
fn repeating_group_counts() {
    let fs = family_page();
    let entry = |i: usize| {
        vec![
            (format!("thanh_vien[{i}].tv_ten"), "X".to_string()),
            (format!("thanh_vien[{i}].tv_quan_he"), "con".to_string()),
        ]
    };
    let run_n = |n: usize| {
        let pairs: Vec<(String, String)> = (0..n).flat_map(|i| entry(i * 2)).collect();
        validate_fields(&fs, &raw_from_pairs(pairs), &Answers::new(), &ctx())
    };
    let out = run_n(0);
    assert_eq!(out.errors.len(), 1);
    assert_eq!(out.errors[0].name, "thanh_vien");
    assert_eq!(out.errors[0].field_id, "thanh_vien");
    assert_eq!(out.errors[0].kind, K::TooFewEntries { min: 1 });
    assert_eq!(run_n(3).errors, vec![]);
    assert_eq!(run_n(3).answers["thanh_vien"].as_array().unwrap().len(), 3);
    let out = run_n(4);
    assert_eq!(out.errors[0].kind, K::TooManyEntries { max: 3 });
    assert!(out.answers.get("thanh_vien").is_none());

    // Required with min 0: at least one entry; optional with min 0: none is fine.
    let g = |required: bool| {
        fields(
            json!([{ "id": "g", "type": "group", "label": "G", "required": required,
                "repeat": { "min": 0, "max": 2 },
                "fields": [ { "id": "x", "type": "text", "label": "X" } ] }]),
        )
    };
    assert_eq!(run(&g(true), &[("g[0].x", "")]).errors[0].kind, K::Required);
    let out = run(&g(false), &[("g[0].x", "")]);
    assert_eq!(out.errors, vec![]);
    assert!(out.answers.is_empty());
    // Names that only look like entries are ignored.
    let out = run(
        &g(false),
        &[
            ("g[x].x", "a"),
            ("g[].x", "a"),
            ("g[1]x", "a"),
            ("gg[0].x", "a"),
        ],
    );
    assert!(out.answers.is_empty() && out.errors.is_empty());
}
