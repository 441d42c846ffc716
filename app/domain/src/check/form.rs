//! The form: a Step and its Fields, each field type's own keys, `prefill`, repeating groups.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{
    Checker,
    conditions::Owner,
    is_iso_date, pattern_regex,
    values::{index, join, one_of, shown},
};

const FIELD_TYPES: &[&str] = &[
    "text",
    "textarea",
    "number",
    "money",
    "date",
    "select",
    "radio",
    "checkboxes",
    "checkbox",
    "email",
    "phone",
    "id_number",
    "tax_code",
    "address",
    "group",
    "declaration",
];

/// Each `prefill` value and the field types it may start.
const PREFILL: &[(&str, &[&str])] = &[
    ("applicant.full_name", &["text", "textarea"]),
    ("applicant.id_number", &["id_number", "text"]),
    ("applicant.phone", &["phone", "text"]),
    ("applicant.email", &["email", "text"]),
    ("applicant.address", &["address", "text", "textarea"]),
    ("applicant.birth_date", &["date", "text"]),
];

impl Checker {
    pub(super) fn step(&mut self, path: &str, v: &Value, seen: &mut HashMap<String, String>) {
        let Some(obj) = self.object(path, v) else {
            return;
        };
        if let Some(id) = self.required(obj, path, "id") {
            let p = join(path, "id");
            if let Some(id) = self.identifier(&p, id)
                && let Some(m) = Self::unique(seen, id, &p)
            {
                self.push(&p, m);
            }
        }
        self.required_text(obj, path, "title");
        if let Some(fields) = self.required(obj, path, "fields") {
            let p = join(path, "fields");
            if let Some(fields) = self.array(&p, fields, Some("a step needs at least one field")) {
                for (j, f) in fields.iter().enumerate() {
                    self.field(&index(&p, j), f, None);
                }
            }
        }
    }

    /// `repeating` is the path of the enclosing repeating group, if any.
    fn field(&mut self, path: &str, v: &Value, repeating: Option<&str>) {
        let Some(obj) = self.object(path, v) else {
            return;
        };
        let id = self.required(obj, path, "id").and_then(|id| {
            let p = join(path, "id");
            let id = self.identifier(&p, id)?;
            let mut seen = std::mem::take(&mut self.seen_fields);
            if let Some(m) = Self::unique(&mut seen, id, &p) {
                self.push(&p, m.replacen("duplicate id", "duplicate field id", 1));
            }
            self.seen_fields = seen;
            Some(id)
        });
        let ty = self.required(obj, path, "type").and_then(|t| {
            let p = join(path, "type");
            let t = self.string(&p, t)?;
            if FIELD_TYPES.contains(&t) {
                Some(t)
            } else {
                self.push(
                    &p,
                    format!(
                        "unknown field type \"{t}\"; expected one of {}",
                        one_of(FIELD_TYPES)
                    ),
                );
                None
            }
        });
        self.required_text(obj, path, "label");
        if let Some(hint) = obj.get("hint") {
            self.text(&join(path, "hint"), hint);
        }
        if let Some(r) = obj.get("required") {
            self.boolean(&join(path, "required"), r);
        }
        if let Some(pre) = obj.get("prefill") {
            let p = join(path, "prefill");
            let names: Vec<&str> = PREFILL.iter().map(|(n, _)| *n).collect();
            if let Some(pre) = self.choice(&p, pre, &names)
                && let Some(ty) = ty
                && let Some((_, types)) = PREFILL.iter().find(|(n, _)| *n == pre)
                && !types.contains(&ty)
            {
                self.push(
                    &p,
                    format!(
                        "\"{pre}\" cannot start a field of type \"{ty}\" (it suits {})",
                        one_of(types)
                    ),
                );
            }
        }
        if let Some(c) = obj.get("visible_if")
            && let Some(info) = self.by_path.get(path).cloned()
        {
            let owner = Owner::Field {
                id: id.unwrap_or(""),
                info,
            };
            self.condition(&join(path, "visible_if"), c, &owner);
        }
        let Some(ty) = ty else { return };
        match ty {
            "text" => self.lengths(obj, path, 200),
            "textarea" => self.lengths(obj, path, 2000),
            "number" => {
                let min = obj
                    .get("min")
                    .and_then(|m| self.number(&join(path, "min"), m));
                let max = obj
                    .get("max")
                    .and_then(|m| self.number(&join(path, "max"), m));
                if let Some(i) = obj.get("integer") {
                    self.boolean(&join(path, "integer"), i);
                }
                if let (Some(min), Some(max)) = (min, max)
                    && min > max
                {
                    self.push(&join(path, "min"), format!("must not exceed max ({max})"));
                }
            }
            "money" => {
                let min = obj
                    .get("min")
                    .and_then(|m| self.whole(&join(path, "min"), m, 0, u64::MAX));
                let max = obj
                    .get("max")
                    .and_then(|m| self.whole(&join(path, "max"), m, 0, u64::MAX));
                if let (Some(min), Some(max)) = (min, max)
                    && min > max
                {
                    self.push(&join(path, "min"), format!("must not exceed max ({max})"));
                }
            }
            "date" => {
                let min = obj
                    .get("min")
                    .and_then(|m| self.date_bound(&join(path, "min"), m));
                let max = obj
                    .get("max")
                    .and_then(|m| self.date_bound(&join(path, "max"), m));
                if let (Some(min), Some(max)) = (min, max)
                    && min != "today"
                    && max != "today"
                    && min > max
                {
                    self.push(&join(path, "min"), format!("must not be after max ({max})"));
                }
            }
            "select" | "radio" => {
                self.options(obj, path, ty);
            }
            "checkboxes" => {
                let count = self.options(obj, path, ty);
                let min = obj
                    .get("min_selected")
                    .and_then(|m| self.whole_u32(&join(path, "min_selected"), m, 0));
                let max = obj
                    .get("max_selected")
                    .and_then(|m| self.whole_u32(&join(path, "max_selected"), m, 1));
                if let (Some(min), Some(max)) = (min, max)
                    && min > max
                {
                    self.push(
                        &join(path, "min_selected"),
                        format!("must not exceed max_selected ({max})"),
                    );
                }
                // With both present and in order, bounding max_selected is enough.
                let bounded = match (min, max) {
                    (_, Some(max)) => Some(("max_selected", max)),
                    (Some(min), None) => Some(("min_selected", min)),
                    (None, None) => None,
                };
                if let (Some(count), Some((key, n))) = (count, bounded)
                    && n > count as u64
                    && min.zip(max).is_none_or(|(min, max)| min <= max)
                {
                    self.push(
                        &join(path, key),
                        format!("must not exceed the number of options ({count})"),
                    );
                }
            }
            "group" => {
                let is_repeating = obj.contains_key("repeat");
                if let Some(r) = obj.get("repeat") {
                    let p = join(path, "repeat");
                    if let Some(outer) = repeating {
                        self.push(
                            &p,
                            format!(
                                "a repeating group cannot be inside another repeating group ({outer}); keep one level of repetition"
                            ),
                        );
                    }
                    self.repeat(&p, r);
                }
                if let Some(fields) = self.required(obj, path, "fields") {
                    let p = join(path, "fields");
                    if let Some(fields) =
                        self.array(&p, fields, Some("a group needs at least one field"))
                    {
                        let inner = if is_repeating { Some(path) } else { repeating };
                        for (j, f) in fields.iter().enumerate() {
                            self.field(&index(&p, j), f, inner);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn lengths(&mut self, obj: &Map<String, Value>, path: &str, default_max: u64) {
        let min = obj
            .get("min_length")
            .and_then(|m| self.whole_u32(&join(path, "min_length"), m, 0));
        let max = obj
            .get("max_length")
            .and_then(|m| self.whole_u32(&join(path, "max_length"), m, 1));
        if let Some(min) = min {
            match (max, obj.contains_key("max_length")) {
                (Some(max), _) if min > max => self.push(
                    &join(path, "min_length"),
                    format!("must not exceed max_length ({max})"),
                ),
                (None, false) if min > default_max => self.push(
                    &join(path, "min_length"),
                    format!("must not exceed the default max_length ({default_max})"),
                ),
                _ => {}
            }
        }
        if let Some(p) = obj.get("pattern") {
            let pp = join(path, "pattern");
            if let Some(s) = self.string(&pp, p)
                && let Err(e) = pattern_regex(s)
            {
                let e = e.to_string();
                let first = e.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                self.push(&pp, format!("not a valid regular expression: {first}"));
            }
        }
    }

    fn date_bound<'v>(&mut self, path: &str, v: &'v Value) -> Option<&'v str> {
        let s = v.as_str();
        match s {
            Some(s) if s == "today" || is_iso_date(s) => Some(s),
            _ => {
                self.push(
                    path,
                    format!(
                        "must be a real date written YYYY-MM-DD or \"today\" (got {})",
                        shown(v)
                    ),
                );
                None
            }
        }
    }

    /// Checks `options`; returns how many there are when the list itself is an array.
    fn options(&mut self, obj: &Map<String, Value>, path: &str, ty: &str) -> Option<usize> {
        let p = join(path, "options");
        let Some(options) = obj.get("options") else {
            self.push(&p, format!("required for type \"{ty}\""));
            return None;
        };
        let options = self.array(&p, options, Some("must list at least one option"))?;
        let mut seen = HashMap::new();
        for (i, o) in options.iter().enumerate() {
            let po = index(&p, i);
            let Some(o) = self.object(&po, o) else {
                continue;
            };
            if let Some(value) = self.required(o, &po, "value") {
                let pv = join(&po, "value");
                if let Some(value) = self.identifier(&pv, value)
                    && seen.insert(value.to_string(), ()).is_some()
                {
                    self.push(&pv, format!("duplicate option value \"{value}\""));
                }
            }
            self.required_text(o, &po, "label");
        }
        Some(options.len())
    }

    fn repeat(&mut self, path: &str, v: &Value) {
        let Some(obj) = self.object(path, v) else {
            return;
        };
        let min = self
            .required(obj, path, "min")
            .and_then(|m| self.whole_u32(&join(path, "min"), m, 0));
        let max = self
            .required(obj, path, "max")
            .and_then(|m| self.whole_u32(&join(path, "max"), m, 1));
        if let (Some(min), Some(max)) = (min, max)
            && min > max
        {
            self.push(&join(path, "min"), format!("must not exceed max ({max})"));
        }
    }
}
