//! The checker for procedure definitions (format `motcua.procedure/1`).
//!
//! A definition is read in two passes: [`check_value`] walks the raw JSON by hand and collects
//! *every* problem, each with the JSON path it is about (`form[1].fields[3].options`), and only
//! a file with no problem is deserialised into a [`Procedure`]. [`parse_procedure`] does both.
//!
//! Paths join object keys with `.` and write array indexes as `[i]`; top-level keys are bare
//! (`code`, `duration.unit`, `documents[0].visible_if.field`). A problem about the file as a
//! whole has the empty path.
//!
//! Besides the shapes and types, the checker enforces the rules that make a [`Procedure`] safe
//! to use without further checks:
//! - identifiers match `[a-z][a-z0-9_]*`; document ids, step ids, process step ids and field
//!   ids (across the whole form, groups included) are unique; step ids and field ids are
//!   separate name spaces;
//! - texts are non-empty;
//! - a condition has exactly one of the six shapes and only names a field that comes *earlier*
//!   in the form (an earlier step, or earlier in the same step); inside a repeating group it may
//!   also name an earlier field of the same entry; a field outside a repeating group cannot name
//!   a field inside one; a document condition may name any field outside repeating groups;
//!   the compared values must suit the named field (an option of a select, `true`/`false` for a
//!   checkbox...);
//! - repeating groups do not nest (one level of repetition);
//! - the process steps fit in the statutory duration ([`working_hours`]).
//!
//! Unknown keys are allowed everywhere (the format lets the project add optional keys).

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::procedure::{
    Duration, DurationUnit, FORMAT, MAX_WORKING_HOURS, Procedure, working_hours,
};

/// One thing wrong in a procedure definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// JSON path of the offending value, e.g. `form[1].fields[3].options`; empty for the file
    /// as a whole.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    /// `{path}: {message}`, or just the message when the path is empty.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Parses and checks a procedure definition. Returns every problem found, or the definition.
pub fn parse_procedure(json: &str) -> Result<Procedure, Vec<Problem>> {
    let value: Value = serde_json::from_str(json)
        .map_err(|e| vec![Problem::new("", format!("not valid JSON: {e}"))])?;
    let problems = check_value(&value);
    if !problems.is_empty() {
        return Err(problems);
    }
    serde_json::from_value(value)
        .map_err(|e| vec![Problem::new("", format!("could not be read: {e}"))])
}

/// Checks a procedure definition given as JSON; an empty result means it is valid.
pub fn check_value(v: &Value) -> Vec<Problem> {
    let mut checker = Checker::default();
    if let Some(form) = v.get("form") {
        checker.index_form(form);
    }
    checker.root(v);
    checker.problems
}

/// Compiles a `text` field's `pattern` the way it is applied: anchored, so the expression must
/// match the *whole* (trimmed) value, as `^(?:pattern)$`. Syntax is that of `regex-lite`
/// (Perl-like, without Unicode classes such as `\p{L}`).
pub fn pattern_regex(pattern: &str) -> Result<regex_lite::Regex, regex_lite::Error> {
    // Compiled alone first: `a)|(b` would otherwise slip through as `^(?:a)|(b)$`.
    regex_lite::Regex::new(pattern)?;
    regex_lite::Regex::new(&format!("^(?:{pattern})$"))
}

/// Whether `s` matches `[a-z][a-z0-9_]*`.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
}

/// Whether `s` is a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| s[r].parse::<u16>().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let Ok(month) = time::Month::try_from(m as u8) else {
        return false;
    };
    u8::try_from(d)
        .ok()
        .is_some_and(|d| time::Date::from_calendar_date(i32::from(y), month, d).is_ok())
}

const LEVELS: &[&str] = &["province", "commune"];
const ONLINE: &[&str] = &["full", "partial"];
const UNITS: &[&str] = &["working_days", "working_hours", "calendar_days"];
const DELIVERY: &[&str] = &["counter", "post", "online"];
const COPY: &[&str] = &["original", "certified_copy", "copy", "any"];
const FILE_KINDS: &[&str] = &["pdf", "jpg", "png"];
const ROLES: &[&str] = &["reception", "specialist", "leader", "clerk"];
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
const CONDITION_KEYS: &[&str] = &["equals", "in", "filled", "all", "any", "not"];

/// Each `prefill` value and the field types it may start.
const PREFILL: &[(&str, &[&str])] = &[
    ("applicant.full_name", &["text", "textarea"]),
    ("applicant.id_number", &["id_number", "text"]),
    ("applicant.phone", &["phone", "text"]),
    ("applicant.email", &["email", "text"]),
    ("applicant.address", &["address", "text", "textarea"]),
    ("applicant.birth_date", &["date", "text"]),
];

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

fn one_of(allowed: &[&str]) -> String {
    allowed
        .iter()
        .map(|a| format!("\"{a}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A short rendering of a JSON value for messages.
fn shown(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

/// What the checker knows about a field from the first pass over the form.
#[derive(Clone, Debug)]
struct FieldInfo {
    /// Position in the whole form, depth first (a group before its own fields).
    order: usize,
    ty: Option<String>,
    /// Option values of a select, radio or checkboxes field, when it lists some.
    options: Option<Vec<String>>,
    /// `order` of the innermost enclosing repeating group.
    repeat: Option<usize>,
    /// `order` of every enclosing group, outermost first.
    groups: Vec<usize>,
}

/// Who owns a condition being checked.
enum Owner<'a> {
    Field { id: &'a str, info: FieldInfo },
    Document,
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    /// Field id → its first occurrence.
    fields: HashMap<String, FieldInfo>,
    /// Path of a field object → what the first pass found there.
    by_path: HashMap<String, FieldInfo>,
    /// Field id → path of its first occurrence (filled by the second pass).
    seen_fields: HashMap<String, String>,
    /// Whether `form` is a non-empty array, so that field names can be looked up.
    form_ok: bool,
}

impl Checker {
    fn push(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    // ---------------------------------------------------------------- first pass

    fn index_form(&mut self, form: &Value) {
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

    // ---------------------------------------------------------------- value helpers

    fn object<'v>(&mut self, path: &str, v: &'v Value) -> Option<&'v Map<String, Value>> {
        let obj = v.as_object();
        if obj.is_none() {
            self.push(path, "must be an object");
        }
        obj
    }

    fn required<'v>(
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

    fn string<'v>(&mut self, path: &str, v: &'v Value) -> Option<&'v str> {
        let s = v.as_str();
        if s.is_none() {
            self.push(path, "must be a string");
        }
        s
    }

    fn boolean(&mut self, path: &str, v: &Value) -> Option<bool> {
        let b = v.as_bool();
        if b.is_none() {
            self.push(path, "must be true or false");
        }
        b
    }

    fn number(&mut self, path: &str, v: &Value) -> Option<f64> {
        let n = v.as_f64();
        if n.is_none() {
            self.push(path, "must be a number");
        }
        n
    }

    /// A number in `(0, max]`.
    fn positive_at_most(&mut self, path: &str, v: &Value, max: f64) -> Option<f64> {
        let n = self.positive(path, v)?;
        if n > max {
            self.push(path, format!("must be at most {max} (got {n})"));
            return None;
        }
        Some(n)
    }

    fn positive(&mut self, path: &str, v: &Value) -> Option<f64> {
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
    fn whole(&mut self, path: &str, v: &Value, min: u64, max: u64) -> Option<u64> {
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

    fn whole_u32(&mut self, path: &str, v: &Value, min: u64) -> Option<u64> {
        self.whole(path, v, min, u64::from(u32::MAX))
    }

    fn choice<'v>(&mut self, path: &str, v: &'v Value, allowed: &[&str]) -> Option<&'v str> {
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

    fn identifier<'v>(&mut self, path: &str, v: &'v Value) -> Option<&'v str> {
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

    fn array<'v>(
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
    fn text(&mut self, path: &str, v: &Value) {
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

    fn required_text(&mut self, obj: &Map<String, Value>, path: &str, key: &str) {
        if let Some(v) = self.required(obj, path, key) {
            self.text(&join(path, key), v);
        }
    }

    /// Reports an id already in `seen` (id → path of its first use).
    fn unique(seen: &mut HashMap<String, String>, id: &str, path: &str) -> Option<String> {
        match seen.get(id) {
            Some(first) => Some(format!("duplicate id \"{id}\" (already used at {first})")),
            None => {
                seen.insert(id.to_string(), path.to_string());
                None
            }
        }
    }

    // ---------------------------------------------------------------- top level

    fn root(&mut self, v: &Value) {
        let Some(obj) = v.as_object() else {
            self.push("", "a procedure definition must be a JSON object");
            return;
        };

        if let Some(f) = self.required(obj, "", "format") {
            match f.as_str() {
                Some(FORMAT) => {}
                Some(other) => {
                    self.push("format", format!("must be \"{FORMAT}\" (got \"{other}\")"))
                }
                None => self.push("format", format!("must be the string \"{FORMAT}\"")),
            }
        }
        if let Some(code) = self.required(obj, "", "code")
            && let Some(s) = self.string("code", code)
        {
            if s.is_empty() {
                self.push("code", "must not be empty");
            } else if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
                self.push("code", format!("must not contain spaces (got \"{s}\")"));
            }
        }
        if let Some(version) = self.required(obj, "", "version")
            && let Some(s) = self.string("version", version)
            && !is_iso_date(s)
        {
            self.push(
                "version",
                format!("must be a real date written YYYY-MM-DD (got \"{s}\")"),
            );
        }
        self.required_text(obj, "", "name");
        self.required_text(obj, "", "sector");
        if let Some(level) = self.required(obj, "", "level") {
            self.choice("level", level, LEVELS);
        }
        let online = self
            .required(obj, "", "online")
            .and_then(|v| self.choice("online", v, ONLINE));
        let duration = self
            .required(obj, "", "duration")
            .and_then(|d| self.duration(d));
        if let Some(fees) = obj.get("fees") {
            self.fees(fees);
        }
        if let Some(basis) = obj.get("legal_basis")
            && let Some(items) = self.array("legal_basis", basis, None)
        {
            for (i, item) in items.iter().enumerate() {
                let p = index("legal_basis", i);
                if let Some(s) = self.string(&p, item)
                    && s.trim().is_empty()
                {
                    self.push(&p, "must not be empty");
                }
            }
        }
        if let Some(result) = self.required(obj, "", "result") {
            self.result(result, online);
        }
        if let Some(docs) = obj.get("documents")
            && let Some(docs) = self.array("documents", docs, None)
        {
            let mut seen = HashMap::new();
            for (i, doc) in docs.iter().enumerate() {
                self.document(&index("documents", i), doc, &mut seen);
            }
        }
        if let Some(form) = self.required(obj, "", "form")
            && let Some(steps) = self.array("form", form, Some("must have at least one step"))
        {
            let mut seen = HashMap::new();
            for (i, step) in steps.iter().enumerate() {
                self.step(&index("form", i), step, &mut seen);
            }
        }
        if let Some(process) = self.required(obj, "", "process") {
            self.process(process, duration);
        }
    }

    fn duration(&mut self, v: &Value) -> Option<Duration> {
        let obj = self.object("duration", v)?;
        let amount = self
            .required(obj, "duration", "amount")
            .and_then(|a| self.positive("duration.amount", a));
        let unit = self
            .required(obj, "duration", "unit")
            .and_then(|u| self.choice("duration.unit", u, UNITS))
            .map(|u| match u {
                "working_days" => DurationUnit::WorkingDays,
                "working_hours" => DurationUnit::WorkingHours,
                _ => DurationUnit::CalendarDays,
            });
        let duration = Duration {
            amount: amount?,
            unit: unit?,
        };
        let max = match duration.unit {
            DurationUnit::WorkingHours => MAX_WORKING_HOURS,
            _ => MAX_WORKING_HOURS / 8.0,
        };
        if duration.amount > max {
            self.push(
                "duration.amount",
                format!(
                    "must be at most {max} (a year) for this unit (got {})",
                    duration.amount
                ),
            );
            return None;
        }
        Some(duration)
    }

    fn fees(&mut self, v: &Value) {
        let Some(fees) = self.array("fees", v, None) else {
            return;
        };
        for (i, fee) in fees.iter().enumerate() {
            let p = index("fees", i);
            let Some(obj) = self.object(&p, fee) else {
                continue;
            };
            self.required_text(obj, &p, "label");
            if let Some(a) = self.required(obj, &p, "amount_vnd") {
                self.whole(&join(&p, "amount_vnd"), a, 0, u64::MAX);
            }
        }
    }

    fn result(&mut self, v: &Value, online: Option<&str>) {
        let Some(obj) = self.object("result", v) else {
            return;
        };
        self.required_text(obj, "result", "name");
        let Some(delivery) = self.required(obj, "result", "delivery") else {
            return;
        };
        let Some(items) = self.array(
            "result.delivery",
            delivery,
            Some("must list at least one way to return the result"),
        ) else {
            return;
        };
        let mut seen: Vec<&str> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let p = index("result.delivery", i);
            if let Some(d) = self.choice(&p, item, DELIVERY) {
                if seen.contains(&d) {
                    self.push(&p, format!("\"{d}\" is listed twice"));
                }
                seen.push(d);
            }
        }
        if online == Some("full")
            && seen.len() == items.len()
            && !seen.is_empty()
            && !seen.iter().any(|d| *d == "post" || *d == "online")
        {
            self.push(
                "result.delivery",
                "a \"full\" online procedure returns the result online or by post: list \"online\" or \"post\"",
            );
        }
    }

    // ---------------------------------------------------------------- documents

    fn document(&mut self, path: &str, v: &Value, seen: &mut HashMap<String, String>) {
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
        self.required_text(obj, path, "name");
        if let Some(copy) = self.required(obj, path, "copy") {
            self.choice(&join(path, "copy"), copy, COPY);
        }
        if let Some(q) = self.required(obj, path, "quantity") {
            self.whole_u32(&join(path, "quantity"), q, 1);
        }
        if let Some(r) = self.required(obj, path, "required") {
            self.boolean(&join(path, "required"), r);
        }
        if let Some(c) = obj.get("visible_if") {
            self.condition(&join(path, "visible_if"), c, &Owner::Document);
        }
        if let Some(accept) = obj.get("accept") {
            let p = join(path, "accept");
            if let Some(kinds) = self.array(&p, accept, Some("must list at least one file kind")) {
                let mut seen: Vec<&str> = Vec::new();
                for (i, k) in kinds.iter().enumerate() {
                    let pk = index(&p, i);
                    if let Some(k) = self.choice(&pk, k, FILE_KINDS) {
                        if seen.contains(&k) {
                            self.push(&pk, format!("\"{k}\" is listed twice"));
                        }
                        seen.push(k);
                    }
                }
            }
        }
        if let Some(size) = obj.get("max_size_mb") {
            self.positive(&join(path, "max_size_mb"), size);
        }
    }

    // ---------------------------------------------------------------- form

    fn step(&mut self, path: &str, v: &Value, seen: &mut HashMap<String, String>) {
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

    // ---------------------------------------------------------------- conditions

    fn condition(&mut self, path: &str, v: &Value, owner: &Owner<'_>) {
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

    // ---------------------------------------------------------------- process

    fn process(&mut self, v: &Value, duration: Option<Duration>) {
        let Some(steps) = self.array("process", v, Some("must have at least one step")) else {
            return;
        };
        let mut seen = HashMap::new();
        let mut total = Some(0.0);
        for (i, step) in steps.iter().enumerate() {
            let path = index("process", i);
            let Some(obj) = self.object(&path, step) else {
                total = None;
                continue;
            };
            if let Some(id) = self.required(obj, &path, "id") {
                let p = join(&path, "id");
                if let Some(id) = self.identifier(&p, id)
                    && let Some(m) = Self::unique(&mut seen, id, &p)
                {
                    self.push(&p, m);
                }
            }
            self.required_text(obj, &path, "title");
            if let Some(role) = self.required(obj, &path, "role") {
                self.choice(&join(&path, "role"), role, ROLES);
            }
            let hours = self.required(obj, &path, "duration_hours").and_then(|h| {
                self.positive_at_most(&join(&path, "duration_hours"), h, MAX_WORKING_HOURS)
            });
            total = total.zip(hours).map(|(t, h)| t + h);
        }
        if let (Some(total), Some(duration)) = (total, duration) {
            let limit = working_hours(&duration);
            if total > limit + 1e-9 {
                let unit = match duration.unit {
                    DurationUnit::WorkingDays => "working_days",
                    DurationUnit::WorkingHours => "working_hours",
                    DurationUnit::CalendarDays => "calendar_days",
                };
                self.push(
                    "process",
                    format!(
                        "the steps take {total} working hours in total, more than the statutory duration allows ({} {unit} = {limit} working hours)",
                        duration.amount
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests;
