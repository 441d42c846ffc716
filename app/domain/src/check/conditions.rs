//! A Condition (`visible_if`): its six shapes, which fields it may name (only earlier ones),
//! and whether the compared values suit the named field.

use serde_json::Value;

use super::{
    Checker,
    form_index::FieldInfo,
    is_iso_date,
    values::{index, join, one_of, shown},
};

const CONDITION_KEYS: &[&str] = &["equals", "in", "filled", "all", "any", "not"];

/// Who owns a condition being checked.
pub(super) enum Owner<'a> {
    Field { id: &'a str, info: FieldInfo },
    Document,
}

impl Checker {
    pub(super) fn condition(&mut self, path: &str, v: &Value, owner: &Owner<'_>) {
        let Some(obj) = v.as_object() else {
            self.push(path, "must be a condition (an object)");
            return;
        };
        let shapes: Vec<&str> = CONDITION_KEYS
            .iter()
            .copied()
            .filter(|k| obj.contains_key(*k))
            .collect();
        let shape = match shapes.as_slice() {
            [one] => *one,
            [] => {
                self.push(
                    path,
                    format!("a condition needs one of {}", one_of(CONDITION_KEYS)),
                );
                return;
            }
            more => {
                self.push(
                    path,
                    format!(
                        "a condition takes exactly one of {} (found {})",
                        one_of(CONDITION_KEYS),
                        one_of(more)
                    ),
                );
                return;
            }
        };
        let sub = join(path, shape);
        match shape {
            "all" | "any" => {
                if obj.contains_key("field") {
                    self.push(&join(path, "field"), format!("not used with \"{shape}\""));
                }
                let message = format!("\"{shape}\" needs at least one condition");
                if let Some(items) = self.array(&sub, &obj[shape], Some(&message)) {
                    for (i, c) in items.iter().enumerate() {
                        self.condition(&index(&sub, i), c, owner);
                    }
                }
            }
            "not" => {
                if obj.contains_key("field") {
                    self.push(&join(path, "field"), "not used with \"not\"");
                }
                self.condition(&sub, &obj["not"], owner);
            }
            _ => {
                let target = self
                    .required(obj, path, "field")
                    .and_then(|f| self.string(&join(path, "field"), f))
                    .and_then(|f| self.reference(&join(path, "field"), f, owner));
                let target = target.map(|t| (t, obj["field"].as_str().unwrap_or_default()));
                match shape {
                    "filled" => {
                        self.boolean(&sub, &obj["filled"]);
                    }
                    "equals" => self.compared(&sub, &obj["equals"], target.as_ref()),
                    _ => {
                        if let Some(values) =
                            self.array(&sub, &obj["in"], Some("must list at least one value"))
                        {
                            for (i, value) in values.iter().enumerate() {
                                self.compared(&index(&sub, i), value, target.as_ref());
                            }
                        }
                    }
                }
            }
        }
    }

    /// Resolves the field a condition names, reporting why it may not be named.
    fn reference(&mut self, path: &str, id: &str, owner: &Owner<'_>) -> Option<FieldInfo> {
        let Some(target) = self.fields.get(id).cloned() else {
            // Without a readable form every name would be unknown: the form is reported instead.
            if self.form_ok {
                self.push(path, format!("unknown field \"{id}\""));
            }
            return None;
        };
        let problem = match owner {
            Owner::Document => target.repeat.is_some().then(|| {
                format!(
                    "field \"{id}\" is inside a repeating group; a document condition can only name fields outside repeating groups"
                )
            }),
            Owner::Field { id: own, info } => {
                if id == *own {
                    Some("a field cannot depend on itself".to_string())
                } else if info.groups.contains(&target.order) {
                    Some(format!("field \"{id}\" is a group that contains this field"))
                } else if target.order > info.order {
                    Some(format!(
                        "field \"{id}\" comes later in the form; a condition can only name an earlier field"
                    ))
                } else if target.repeat.is_some() && target.repeat != info.repeat {
                    Some(if info.repeat.is_none() {
                        format!(
                            "field \"{id}\" is inside a repeating group; only fields of the same group can name it"
                        )
                    } else {
                        format!(
                            "field \"{id}\" is inside another repeating group; only fields of the same group can name it"
                        )
                    })
                } else {
                    None
                }
            }
        };
        match problem {
            Some(m) => {
                self.push(path, m);
                None
            }
            None => Some(target),
        }
    }

    /// A value an `equals` or `in` compares with: a JSON scalar that suits the named field.
    fn compared(&mut self, path: &str, v: &Value, target: Option<&(FieldInfo, &str)>) {
        if !(v.is_string() || v.is_number() || v.is_boolean()) {
            self.push(
                path,
                format!(
                    "must be a string, a number, true or false (got {})",
                    shown(v)
                ),
            );
            return;
        }
        let Some((target, id)) = target else { return };
        let Some(ty) = target.ty.as_deref() else {
            return;
        };
        let problem = match ty {
            "select" | "radio" | "checkboxes" => {
                // Without a usable option list the field itself is reported.
                let Some(options) = &target.options else {
                    return;
                };
                match v.as_str() {
                    Some(s) if options.iter().any(|o| o == s) => None,
                    _ => Some(format!(
                        "{} is not an option of field \"{id}\" ({})",
                        shown(v),
                        one_of(&options.iter().map(String::as_str).collect::<Vec<_>>())
                    )),
                }
            }
            "checkbox" | "declaration" => (!v.is_boolean())
                .then(|| format!("must be true or false: field \"{id}\" is a {ty}")),
            "number" => {
                (!v.is_number()).then(|| format!("must be a number: field \"{id}\" is a number"))
            }
            "money" => (!v.is_u64())
                .then(|| format!("must be a whole number of đồng: field \"{id}\" is money")),
            "date" => (!v.as_str().is_some_and(is_iso_date))
                .then(|| format!("must be a date written YYYY-MM-DD: field \"{id}\" is a date")),
            "address" | "group" => Some(format!(
                "field \"{id}\" is a {ty} and has no single value to compare; use \"filled\""
            )),
            _ => (!v.is_string()).then(|| format!("must be a string: field \"{id}\" holds text")),
        };
        if let Some(m) = problem {
            self.push(path, m);
        }
    }
}
