//! The first pass over the form: where each field stands, its type and options, and the
//! groups around it, so that a condition can be checked against fields it names before the
//! second pass reaches them.

use serde_json::Value;

use super::{
    Checker,
    values::{index, join},
};

/// What the checker knows about a field from the first pass over the form.
#[derive(Clone, Debug)]
pub(super) struct FieldInfo {
    /// Position in the whole form, depth first (a group before its own fields).
    pub(super) order: usize,
    pub(super) ty: Option<String>,
    /// Option values of a select, radio or checkboxes field, when it lists some.
    pub(super) options: Option<Vec<String>>,
    /// `order` of the innermost enclosing repeating group.
    pub(super) repeat: Option<usize>,
    /// `order` of every enclosing group, outermost first.
    pub(super) groups: Vec<usize>,
}

impl Checker {
    pub(super) fn index_form(&mut self, form: &Value) {
        let Some(steps) = form.as_array() else { return };
        self.form_ok = !steps.is_empty();
        let mut order = 0;
        for (i, step) in steps.iter().enumerate() {
            if let Some(fields) = step.get("fields") {
                let path = join(&index("form", i), "fields");
                self.index_fields(&path, fields, None, &mut Vec::new(), &mut order);
            }
        }
    }

    fn index_fields(
        &mut self,
        path: &str,
        fields: &Value,
        repeat: Option<usize>,
        groups: &mut Vec<usize>,
        order: &mut usize,
    ) {
        let Some(fields) = fields.as_array() else {
            return;
        };
        for (j, field) in fields.iter().enumerate() {
            let Some(obj) = field.as_object() else {
                continue;
            };
            let path = index(path, j);
            let ty = obj.get("type").and_then(Value::as_str).map(str::to_string);
            let options = obj
                .get("options")
                .and_then(Value::as_array)
                .filter(|opts| !opts.is_empty())
                .map(|opts| {
                    opts.iter()
                        .filter_map(|o| o.get("value").and_then(Value::as_str))
                        .map(str::to_string)
                        .collect()
                });
            let info = FieldInfo {
                order: *order,
                ty: ty.clone(),
                options,
                repeat,
                groups: groups.clone(),
            };
            *order += 1;
            if let Some(id) = obj.get("id").and_then(Value::as_str) {
                self.fields
                    .entry(id.to_string())
                    .or_insert_with(|| info.clone());
            }
            self.by_path.insert(path.clone(), info.clone());
            if ty.as_deref() == Some("group")
                && let Some(sub) = obj.get("fields")
            {
                let inner_repeat = if obj.contains_key("repeat") {
                    Some(info.order)
                } else {
                    repeat
                };
                groups.push(info.order);
                self.index_fields(&join(&path, "fields"), sub, inner_repeat, groups, order);
                groups.pop();
            }
        }
    }
}
