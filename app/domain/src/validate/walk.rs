//! The walk over a page's fields in form order: visibility, groups and repeating entries,
//! each field's value, and the address's three inputs.

use crate::answers::{Answers, RawForm, first};
use crate::condition::visible;
use crate::procedure::{Field, FieldKind, Repeat};
use serde_json::{Map, Value};

use super::{
    Context, FieldError, FieldErrorKind, STREET_MAX_LENGTH, clean, nfc,
    single::{checkboxes, one_line, parse_single},
};

pub(super) struct Walker<'r, 'c, 'u> {
    pub(super) raw: &'r RawForm,
    pub(super) ctx: &'c Context<'u>,
    pub(super) errors: Vec<FieldError>,
}

/// Removes `fields` (and everything inside their groups) from `scope`.
fn forget(fields: &[Field], scope: &mut Answers) {
    for f in fields {
        scope.remove(&f.id);
        if let FieldKind::Group { fields, .. } = &f.kind {
            forget(fields, scope);
        }
    }
}

impl Walker<'_, '_, '_> {
    fn error(&mut self, name: &str, field: &Field, kind: FieldErrorKind) {
        self.errors.push(FieldError {
            name: name.to_string(),
            field_id: field.id.clone(),
            kind,
        });
    }

    /// Validates `fields` whose input names start with `prefix`; `scope` is what conditions
    /// see, `out` receives the canonical values.
    pub(super) fn walk(
        &mut self,
        fields: &[Field],
        prefix: &str,
        scope: &mut Answers,
        out: &mut Answers,
    ) {
        for f in fields {
            forget(std::slice::from_ref(f), scope);
            if !visible(f.visible_if.as_ref(), scope) {
                continue;
            }
            let name = format!("{prefix}{}", f.id);
            let value = match &f.kind {
                FieldKind::Group {
                    fields: inner,
                    repeat: None,
                } => {
                    self.walk(inner, prefix, scope, out);
                    None
                }
                FieldKind::Group {
                    fields: inner,
                    repeat: Some(repeat),
                } => self.group(f, inner, *repeat, &name, scope),
                _ => self.field(f, &name),
            };
            if let Some(v) = value {
                scope.insert(f.id.clone(), v.clone());
                out.insert(f.id.clone(), v);
            }
        }
    }

    fn group(
        &mut self,
        f: &Field,
        inner: &[Field],
        repeat: Repeat,
        name: &str,
        scope: &Answers,
    ) -> Option<Value> {
        let before = self.errors.len();
        let filled: Vec<String> = entry_indices(self.raw, name)
            .into_iter()
            .map(|index| format!("{name}[{index}]."))
            .filter(|prefix| !entry_is_empty(self.raw, prefix))
            .collect();
        // Counted before any entry is validated: a post with thousands of entries costs
        // one count, not thousands of validations.
        if filled.len() as u64 > u64::from(repeat.max) {
            self.error(name, f, FieldErrorKind::TooManyEntries { max: repeat.max });
            return None;
        }
        let mut entries = Vec::new();
        for prefix in filled {
            let mut entry_scope = scope.clone();
            let mut entry = Answers::new();
            self.walk(inner, &prefix, &mut entry_scope, &mut entry);
            entries.push(Value::Object(entry));
        }
        let count = entries.len() as u64;
        if count < u64::from(repeat.min) {
            self.error(name, f, FieldErrorKind::TooFewEntries { min: repeat.min });
        } else if count == 0 && f.required {
            self.error(name, f, FieldErrorKind::Required);
        }
        (self.errors.len() == before && !entries.is_empty()).then_some(Value::Array(entries))
    }

    /// Parses one non-group field; records its problems and returns its canonical value.
    fn field(&mut self, f: &Field, name: &str) -> Option<Value> {
        let raw = self.raw;
        match &f.kind {
            FieldKind::Checkbox | FieldKind::Declaration => {
                let ticked = raw
                    .get(name)
                    .is_some_and(|vs| vs.iter().any(|v| !v.trim().is_empty()));
                let must = f.required || matches!(f.kind, FieldKind::Declaration);
                if must && !ticked {
                    self.error(name, f, FieldErrorKind::MustTick);
                    return None;
                }
                return Some(Value::Bool(ticked));
            }
            FieldKind::Checkboxes {
                options,
                min_selected,
                max_selected,
            } => {
                let ticked: Vec<String> = raw
                    .get(name)
                    .map(|vs| {
                        vs.iter()
                            .map(|v| nfc(v.trim()))
                            .filter(|v| !v.is_empty())
                            .collect()
                    })
                    .unwrap_or_default();
                return match checkboxes(&ticked, options, *min_selected, *max_selected) {
                    Ok(None) if f.required => {
                        self.error(name, f, FieldErrorKind::Required);
                        None
                    }
                    Ok(v) => v,
                    Err(kind) => {
                        self.error(name, f, kind);
                        None
                    }
                };
            }
            FieldKind::Address => return self.address(f, name),
            _ => {}
        }

        let value = first(raw, name).map(clean).unwrap_or_default();
        let value = match f.kind {
            FieldKind::Textarea { .. } => {
                // Trimming again after unifying line breaks keeps a lone CR at an end out.
                value
                    .replace("\r\n", "\n")
                    .replace('\r', "\n")
                    .trim()
                    .to_string()
            }
            _ => value,
        };
        if value.is_empty() {
            if f.required {
                self.error(name, f, FieldErrorKind::Required);
            }
            return None;
        }
        match parse_single(&f.kind, &value, self.ctx) {
            Ok(v) => Some(v),
            Err(kind) => {
                self.error(name, f, kind);
                None
            }
        }
    }

    fn address(&mut self, f: &Field, name: &str) -> Option<Value> {
        let part = |p: &str| {
            first(self.raw, &format!("{name}.{p}"))
                .map(clean)
                .unwrap_or_default()
        };
        let (province, commune, street) = (part("province"), part("commune"), part("street"));
        let p_name = format!("{name}.province");
        let c_name = format!("{name}.commune");
        let s_name = format!("{name}.street");
        if province.is_empty() && commune.is_empty() && street.is_empty() {
            if f.required {
                self.error(&p_name, f, FieldErrorKind::Required);
                self.error(&c_name, f, FieldErrorKind::Required);
            }
            return None;
        }
        let before = self.errors.len();
        let units = self.ctx.units;
        let mut province_ok = false;
        if province.is_empty() {
            self.error(&p_name, f, FieldErrorKind::Required);
        } else if !unit_code_shape(&province)
            || units.is_some_and(|u| !u.province_exists(&province))
        {
            self.error(&p_name, f, FieldErrorKind::UnknownProvince);
        } else {
            province_ok = true;
        }
        let commune_needed =
            !province_ok || units.is_none_or(|u| u.province_has_communes(&province));
        if commune.is_empty() {
            if commune_needed {
                self.error(&c_name, f, FieldErrorKind::Required);
            }
        } else if !unit_code_shape(&commune)
            || (province_ok && units.is_some_and(|u| !u.commune_in_province(&province, &commune)))
        {
            self.error(&c_name, f, FieldErrorKind::UnknownCommune);
        }
        if let Err(kind) = one_line(&street, None, Some(STREET_MAX_LENGTH)) {
            self.error(&s_name, f, kind);
        }
        if self.errors.len() > before {
            return None;
        }
        let mut obj = Map::new();
        obj.insert("province".into(), Value::String(province));
        obj.insert("commune".into(), Value::String(commune));
        obj.insert("street".into(), Value::String(street));
        Some(Value::Object(obj))
    }
}

/// The entry indices of repeating group `group` (full input name) found in `raw`, in order:
/// names `{group}[{i}].…` with `i` all digits. The server's rendering and the form island use
/// this one reading of the names too.
pub fn entry_indices(raw: &RawForm, group: &str) -> Vec<usize> {
    let prefix = format!("{group}[");
    let mut found: Vec<usize> = raw
        .range(prefix.clone()..)
        .take_while(|(k, _)| k.starts_with(&prefix))
        .filter_map(|(k, _)| {
            let rest = &k[prefix.len()..];
            let (index, after) = rest.split_once(']')?;
            if !after.starts_with('.')
                || index.is_empty()
                || !index.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            index.parse().ok()
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Whether every input of the entry with name prefix `prefix` is empty (control inputs,
/// whose names start with `_`, do not count).
fn entry_is_empty(raw: &RawForm, prefix: &str) -> bool {
    raw.range(prefix.to_string()..)
        .take_while(|(k, _)| k.starts_with(prefix))
        .filter(|(k, _)| !k[prefix.len()..].starts_with('_'))
        .all(|(_, vs)| vs.iter().all(|v| v.trim().is_empty()))
}

/// The shape of an administrative-unit code: 1–20 of `A-Z a-z 0-9 . _ -`.
fn unit_code_shape(code: &str) -> bool {
    (1..=20).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}
