//! Reading the raw JSON: the helpers every part of the check uses to take a value of the
//! expected shape or say at its path what is wrong with it.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{Checker, is_identifier};

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

pub(super) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

pub(super) fn one_of(allowed: &[&str]) -> String {
    allowed
        .iter()
        .map(|a| format!("\"{a}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A short rendering of a JSON value for messages.
pub(super) fn shown(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

impl Checker {
    pub(super) fn object<'v>(
        &mut self,
        path: &str,
        v: &'v Value,
    ) -> Option<&'v Map<String, Value>> {
        let obj = v.as_object();
        if obj.is_none() {
            self.push(path, "must be an object");
        }
        obj
    }

    pub(super) fn required<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Value> {
        let v = obj.get(key);
        if v.is_none() {
            self.push(&join(path, key), "required");
        }
        v
    }

    pub(super) fn string<'v>(&mut self, path: &str, v: &'v Value) -> Option<&'v str> {
        let s = v.as_str();
        if s.is_none() {
            self.push(path, "must be a string");
        }
        s
    }

    pub(super) fn boolean(&mut self, path: &str, v: &Value) -> Option<bool> {
        let b = v.as_bool();
        if b.is_none() {
            self.push(path, "must be true or false");
        }
        b
    }

    pub(super) fn number(&mut self, path: &str, v: &Value) -> Option<f64> {
        let n = v.as_f64();
        if n.is_none() {
            self.push(path, "must be a number");
        }
        n
    }

    /// A number in `(0, max]`.
    pub(super) fn positive_at_most(&mut self, path: &str, v: &Value, max: f64) -> Option<f64> {
        let n = self.positive(path, v)?;
        if n > max {
            self.push(path, format!("must be at most {max} (got {n})"));
            return None;
        }
        Some(n)
    }

    pub(super) fn positive(&mut self, path: &str, v: &Value) -> Option<f64> {
        match v.as_f64() {
            Some(n) if n > 0.0 => Some(n),
            Some(n) => {
                self.push(path, format!("must be greater than 0 (got {n})"));
                None
            }
            None => {
                self.push(path, "must be a number greater than 0");
                None
            }
        }
    }

    /// A whole number in `min..=max`, written without a decimal point.
    pub(super) fn whole(&mut self, path: &str, v: &Value, min: u64, max: u64) -> Option<u64> {
        match v.as_u64() {
            Some(n) if (min..=max).contains(&n) => Some(n),
            Some(n) if n < min => {
                self.push(path, format!("must be at least {min} (got {n})"));
                None
            }
            Some(n) => {
                self.push(path, format!("must be at most {max} (got {n})"));
                None
            }
            None if v.is_number() && v.as_f64().is_some_and(|n| n < min as f64) => {
                self.push(path, format!("must be at least {min} (got {})", shown(v)));
                None
            }
            None => {
                self.push(path, format!("must be a whole number ≥ {min}"));
                None
            }
        }
    }

    pub(super) fn whole_u32(&mut self, path: &str, v: &Value, min: u64) -> Option<u64> {
        self.whole(path, v, min, u64::from(u32::MAX))
    }

    pub(super) fn choice<'v>(
        &mut self,
        path: &str,
        v: &'v Value,
        allowed: &[&str],
    ) -> Option<&'v str> {
        match v.as_str() {
            Some(s) if allowed.contains(&s) => Some(s),
            Some(s) => {
                self.push(
                    path,
                    format!("must be one of {} (got \"{s}\")", one_of(allowed)),
                );
                None
            }
            None => {
                self.push(path, format!("must be one of {}", one_of(allowed)));
                None
            }
        }
    }

    pub(super) fn identifier<'v>(&mut self, path: &str, v: &'v Value) -> Option<&'v str> {
        let s = self.string(path, v)?;
        if is_identifier(s) {
            Some(s)
        } else {
            self.push(
                path,
                format!(
                    "must be an identifier: a lowercase letter, then lowercase letters, digits or \"_\" (got \"{s}\")"
                ),
            );
            None
        }
    }

    pub(super) fn array<'v>(
        &mut self,
        path: &str,
        v: &'v Value,
        empty: Option<&str>,
    ) -> Option<&'v Vec<Value>> {
        let Some(a) = v.as_array() else {
            self.push(path, "must be an array");
            return None;
        };
        if let (true, Some(message)) = (a.is_empty(), empty) {
            self.push(path, message);
        }
        Some(a)
    }

    /// Text: a non-empty string, or an object with a non-empty `vi` and other languages as
    /// non-empty strings.
    pub(super) fn text(&mut self, path: &str, v: &Value) {
        match v {
            Value::String(s) => {
                if s.trim().is_empty() {
                    self.push(path, "must not be empty");
                }
            }
            Value::Object(map) => {
                if !map.contains_key("vi") {
                    self.push(&join(path, "vi"), "required (the Vietnamese text)");
                }
                for (lang, t) in map {
                    let p = join(path, lang);
                    match t.as_str() {
                        Some(s) if s.trim().is_empty() => self.push(&p, "must not be empty"),
                        Some(_) => {}
                        None => self.push(&p, "must be a string"),
                    }
                }
            }
            _ => self.push(
                path,
                "must be a string or an object such as {\"vi\": \"...\", \"en\": \"...\"}",
            ),
        }
    }

    pub(super) fn required_text(&mut self, obj: &Map<String, Value>, path: &str, key: &str) {
        if let Some(v) = self.required(obj, path, key) {
            self.text(&join(path, key), v);
        }
    }

    /// Reports an id already in `seen` (id → path of its first use).
    pub(super) fn unique(
        seen: &mut HashMap<String, String>,
        id: &str,
        path: &str,
    ) -> Option<String> {
        match seen.get(id) {
            Some(first) => Some(format!("duplicate id \"{id}\" (already used at {first})")),
            None => {
                seen.insert(id.to_string(), path.to_string());
                None
            }
        }
    }
}
