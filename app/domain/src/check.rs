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
mod tests {
    use super::*;
    use crate::condition::Condition;
    use crate::procedure::FieldKind;
    use serde_json::json;

    /// The example from the format specification, verbatim.
    const SPEC_EXAMPLE: &str = r#"{
  "format": "motcua.procedure/1",
  "code": "1.000894.000.00.00.H56",
  "version": "2025-07-01",
  "name": { "vi": "Đăng ký kết hôn", "en": "Marriage registration" },
  "sector": { "vi": "Hộ tịch", "en": "Civil status" },
  "level": "commune",
  "online": "partial",
  "duration": { "amount": 1, "unit": "working_days" },
  "fees": [],
  "legal_basis": ["Luật Hộ tịch số 60/2014/QH13"],
  "result": { "name": "Giấy chứng nhận kết hôn", "delivery": ["counter"] },
  "documents": [
    { "id": "to_khai", "name": "Tờ khai đăng ký kết hôn", "copy": "original", "quantity": 1, "required": true }
  ],
  "form": [
    { "id": "ben_chong", "title": { "vi": "Thông tin bên chồng", "en": "Husband" }, "fields": [
      { "id": "chong_ho_ten", "type": "text", "label": "Họ, chữ đệm, tên", "required": true, "max_length": 100 },
      { "id": "chong_ngay_sinh", "type": "date", "label": "Ngày sinh", "required": true, "max": "today" },
      { "id": "chong_cccd", "type": "id_number", "label": "Số định danh cá nhân", "required": true }
    ]},
    { "id": "ben_vo", "title": { "vi": "Thông tin bên vợ", "en": "Wife" }, "fields": [
      { "id": "vo_ho_ten", "type": "text", "label": "Họ, chữ đệm, tên", "required": true, "max_length": 100 },
      { "id": "vo_ngay_sinh", "type": "date", "label": "Ngày sinh", "required": true, "max": "today" },
      { "id": "vo_cccd", "type": "id_number", "label": "Số định danh cá nhân", "required": true },
      { "id": "da_tung_ket_hon", "type": "radio", "label": "Đã từng kết hôn?", "required": true,
        "options": [ { "value": "khong", "label": "Chưa" }, { "value": "co", "label": "Đã từng" } ] },
      { "id": "giay_ly_hon_so", "type": "text", "label": "Số bản án/quyết định ly hôn",
        "required": true, "visible_if": { "field": "da_tung_ket_hon", "equals": "co" } }
    ]},
    { "id": "cam_doan", "title": "Cam đoan", "fields": [
      { "id": "cam_doan", "type": "declaration", "label": "Chúng tôi cam đoan những thông tin trên là đúng sự thật." }
    ]}
  ],
  "process": [
    { "id": "tiep_nhan", "title": "Tiếp nhận hồ sơ", "role": "reception", "duration_hours": 1 },
    { "id": "tham_dinh", "title": "Thẩm định", "role": "specialist", "duration_hours": 4 },
    { "id": "ky_duyet", "title": "Ký duyệt", "role": "leader", "duration_hours": 2 },
    { "id": "tra_ket_qua", "title": "Trả kết quả", "role": "clerk", "duration_hours": 1 }
  ]
}"#;

    /// Every field type, groups, a repeating group, conditions of every shape, optional keys
    /// and unknown extra keys. Process steps use exactly the 24 hours of 3 working days.
    const FULL: &str = r#"{
      "format": "motcua.procedure/1",
      "code": "1.001193.000.00.00.H56",
      "version": "2025-07-01",
      "name": "Đăng ký khai sinh",
      "sector": { "vi": "Hộ tịch", "en": "Civil status" },
      "level": "commune",
      "online": "full",
      "duration": { "amount": 3, "unit": "working_days" },
      "fees": [ { "label": "Lệ phí", "amount_vnd": 8000 } ],
      "legal_basis": [ "Luật Hộ tịch 2014" ],
      "result": { "name": "Giấy khai sinh", "delivery": [ "online", "post" ] },
      "x_agency_note": "extra keys are allowed",
      "documents": [
        { "id": "to_khai", "name": "Tờ khai", "copy": "original", "quantity": 1,
          "required": true, "accept": [ "pdf" ], "max_size_mb": 5 },
        { "id": "giay_chung_sinh", "name": "Giấy chứng sinh", "copy": "certified_copy",
          "quantity": 1, "required": false,
          "visible_if": { "field": "noi_sinh", "equals": "benh_vien" } }
      ],
      "form": [
        { "id": "tre", "title": "Thông tin trẻ", "fields": [
          { "id": "ho_ten", "type": "text", "label": "Họ tên", "required": true,
            "min_length": 2, "max_length": 100, "pattern": "[^0-9]+", "placeholder": "extra" },
          { "id": "ghi_chu", "type": "textarea", "label": "Ghi chú", "max_length": 500 },
          { "id": "can_nang", "type": "number", "label": "Cân nặng (kg)", "min": 0.5, "max": 8, "integer": false },
          { "id": "ngay_sinh", "type": "date", "label": "Ngày sinh", "min": "2000-01-01", "max": "today" },
          { "id": "noi_sinh", "type": "select", "label": "Nơi sinh", "options": [
            { "value": "benh_vien", "label": "Bệnh viện" },
            { "value": "nha", "label": { "vi": "Tại nhà", "en": "At home" } } ] },
          { "id": "gioi_tinh", "type": "radio", "label": "Giới tính", "options": [
            { "value": "nam", "label": "Nam" }, { "value": "nu", "label": "Nữ" } ] },
          { "id": "dang_ky_kem", "type": "checkboxes", "label": "Đăng ký kèm",
            "options": [ { "value": "bhyt", "label": "Thẻ BHYT" }, { "value": "thuong_tru", "label": "Thường trú" } ],
            "min_selected": 1, "max_selected": 2,
            "visible_if": { "any": [ { "field": "noi_sinh", "in": [ "nha" ] },
                                     { "not": { "field": "gioi_tinh", "filled": true } } ] } },
          { "id": "so_tien", "type": "money", "label": "Số tiền", "min": 0, "max": 1000000 }
        ]},
        { "id": "nguoi_khai", "title": { "vi": "Người đi khai", "en": "Declarant" }, "fields": [
          { "id": "nguoi_khai_ten", "type": "text", "label": "Họ tên", "prefill": "applicant.full_name" },
          { "id": "dien_thoai", "type": "phone", "label": "Điện thoại", "prefill": "applicant.phone" },
          { "id": "thu", "type": "email", "label": "E-mail", "prefill": "applicant.email" },
          { "id": "cccd", "type": "id_number", "label": "CCCD", "prefill": "applicant.id_number" },
          { "id": "mst", "type": "tax_code", "label": "Mã số thuế" },
          { "id": "dia_chi", "type": "address", "label": "Địa chỉ", "prefill": "applicant.address" },
          { "id": "co_uy_quyen", "type": "checkbox", "label": "Khai thay", "hint": "Nếu được ủy quyền" },
          { "id": "uy_quyen", "type": "group", "label": "Ủy quyền",
            "visible_if": { "field": "co_uy_quyen", "equals": true }, "fields": [
            { "id": "nguoi_uy_quyen", "type": "text", "label": "Người ủy quyền", "required": true }
          ]},
          { "id": "anh_chi_em", "type": "group", "label": "Anh chị em", "repeat": { "min": 0, "max": 5 }, "fields": [
            { "id": "ae_ho_ten", "type": "text", "label": "Họ tên", "required": true },
            { "id": "ae_ngay_sinh", "type": "date", "label": "Ngày sinh" },
            { "id": "ae_ghi_chu", "type": "text", "label": "Ghi chú",
              "visible_if": { "all": [ { "field": "ae_ho_ten", "filled": true },
                                       { "field": "noi_sinh", "equals": "nha" } ] } }
          ]},
          { "id": "co_anh_chi_em", "type": "text", "label": "Ghi chú anh chị em",
            "visible_if": { "field": "anh_chi_em", "filled": true } }
        ]},
        { "id": "cam_doan", "title": "Cam đoan", "fields": [
          { "id": "cam_doan", "type": "declaration", "label": "Tôi cam đoan" }
        ]}
      ],
      "process": [
        { "id": "tiep_nhan", "title": "Tiếp nhận", "role": "reception", "duration_hours": 2 },
        { "id": "tham_dinh", "title": "Thẩm định", "role": "specialist", "duration_hours": 14 },
        { "id": "ky", "title": "Ký", "role": "leader", "duration_hours": 4 },
        { "id": "tra", "title": "Trả", "role": "clerk", "duration_hours": 4 }
      ]
    }"#;

    fn full() -> Value {
        serde_json::from_str(FULL).unwrap()
    }

    fn set(v: &mut Value, pointer: &str, new: Value) {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let parent = v
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no {parent}"));
        match parent {
            Value::Object(m) => {
                m.insert(key.to_string(), new);
            }
            Value::Array(a) => a[key.parse::<usize>().unwrap()] = new,
            _ => panic!("{pointer}"),
        }
    }

    fn remove(v: &mut Value, pointer: &str) {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        match v.pointer_mut(parent).unwrap() {
            Value::Object(m) => {
                m.remove(key).unwrap_or_else(|| panic!("no {pointer}"));
            }
            Value::Array(a) => {
                a.remove(key.parse::<usize>().unwrap());
            }
            _ => panic!("{pointer}"),
        }
    }

    /// The problems of the full fixture after applying `edits` (JSON pointer → new value;
    /// `Value::Null`... no: use [`remove`] for deletions).
    fn problems(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
        let mut v = full();
        edit(&mut v);
        check_value(&v)
    }

    /// Asserts exactly one problem, at `path`, whose message contains `needle`.
    #[track_caller]
    fn only(problems: Vec<Problem>, path: &str, needle: &str) {
        assert_eq!(
            problems.len(),
            1,
            "expected one problem at {path}, got {problems:#?}"
        );
        assert_eq!(problems[0].path, path, "{problems:#?}");
        assert!(
            problems[0].message.contains(needle),
            "message {:?} should contain {needle:?}",
            problems[0].message
        );
    }

    #[track_caller]
    fn one(pointer: &str, new: Value, path: &str, needle: &str) {
        only(problems(|v| set(v, pointer, new)), path, needle);
    }

    #[track_caller]
    fn missing(pointer: &str, path: &str) {
        only(problems(|v| remove(v, pointer)), path, "required");
    }

    // ------------------------------------------------------------ valid files

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

    // ------------------------------------------------------------ top level

    #[test]
    fn format() {
        missing("/format", "format");
        one(
            "/format",
            json!("motcua.procedure/2"),
            "format",
            "must be \"motcua.procedure/1\"",
        );
        one("/format", json!(1), "format", "must be the string");
    }

    #[test]
    fn code() {
        missing("/code", "code");
        one("/code", json!(""), "code", "must not be empty");
        one("/code", json!("1.001 193"), "code", "spaces");
        one("/code", json!(12), "code", "must be a string");
    }

    #[test]
    fn version() {
        missing("/version", "version");
        one("/version", json!("2025-13-01"), "version", "YYYY-MM-DD");
        one("/version", json!("2025-02-29"), "version", "real date");
        one("/version", json!("01/07/2025"), "version", "YYYY-MM-DD");
        one("/version", json!("2025-7-1"), "version", "YYYY-MM-DD");
        assert!(problems(|v| set(v, "/version", json!("2024-02-29"))).is_empty());
    }

    #[test]
    fn text_values() {
        missing("/name", "name");
        one("/name", json!(5), "name", "must be a string or an object");
        one("/name", json!("  "), "name", "must not be empty");
        one(
            "/sector",
            json!({ "en": "Civil status" }),
            "sector.vi",
            "required",
        );
        one(
            "/sector",
            json!({ "vi": "" }),
            "sector.vi",
            "must not be empty",
        );
        one(
            "/sector",
            json!({ "vi": "Hộ tịch", "en": 1 }),
            "sector.en",
            "must be a string",
        );
        one(
            "/form/0/fields/4/options/1/label",
            json!({ "en": "At home" }),
            "form[0].fields[4].options[1].label.vi",
            "required",
        );
    }

    #[test]
    fn level_and_online() {
        missing("/level", "level");
        one(
            "/level",
            json!("district"),
            "level",
            "\"province\", \"commune\"",
        );
        missing("/online", "online");
        one(
            "/online",
            json!(true),
            "online",
            "must be one of \"full\", \"partial\"",
        );
    }

    #[test]
    fn duration() {
        missing("/duration", "duration");
        one("/duration", json!(3), "duration", "must be an object");
        one(
            "/duration/amount",
            json!(0),
            "duration.amount",
            "greater than 0",
        );
        one(
            "/duration/amount",
            json!("3"),
            "duration.amount",
            "number greater than 0",
        );
        // Bounded, so that the due-moment walk stays finite.
        one(
            "/duration/amount",
            json!(1e12),
            "duration.amount",
            "must be at most 365 (a year)",
        );
        missing("/duration/unit", "duration.unit");
        one(
            "/duration/unit",
            json!("days"),
            "duration.unit",
            "working_days",
        );
    }

    #[test]
    fn fees() {
        one("/fees", json!({}), "fees", "must be an array");
        one(
            "/fees/0/amount_vnd",
            json!(-1),
            "fees[0].amount_vnd",
            "at least 0",
        );
        one(
            "/fees/0/amount_vnd",
            json!(1.5),
            "fees[0].amount_vnd",
            "whole number",
        );
        missing("/fees/0/amount_vnd", "fees[0].amount_vnd");
        missing("/fees/0/label", "fees[0].label");
        assert!(problems(|v| set(v, "/fees/0/amount_vnd", json!(0))).is_empty());
    }

    #[test]
    fn legal_basis() {
        one(
            "/legal_basis",
            json!("Luật"),
            "legal_basis",
            "must be an array",
        );
        one(
            "/legal_basis/0",
            json!(1),
            "legal_basis[0]",
            "must be a string",
        );
    }

    #[test]
    fn result() {
        missing("/result", "result");
        missing("/result/name", "result.name");
        missing("/result/delivery", "result.delivery");
        one(
            "/result/delivery",
            json!([]),
            "result.delivery",
            "at least one",
        );
        one(
            "/result/delivery/1",
            json!("email"),
            "result.delivery[1]",
            "\"counter\", \"post\", \"online\"",
        );
        one(
            "/result/delivery/1",
            json!("online"),
            "result.delivery[1]",
            "listed twice",
        );
        one(
            "/result/delivery",
            json!(["counter"]),
            "result.delivery",
            "\"full\" online procedure",
        );
        assert!(
            problems(|v| {
                set(v, "/online", json!("partial"));
                set(v, "/result/delivery", json!(["counter"]));
            })
            .is_empty()
        );
    }

    // ------------------------------------------------------------ documents

    #[test]
    fn documents() {
        one("/documents", json!({}), "documents", "must be an array");
        one(
            "/documents/0",
            json!("to_khai"),
            "documents[0]",
            "must be an object",
        );
        missing("/documents/0/id", "documents[0].id");
        one(
            "/documents/0/id",
            json!("To-khai"),
            "documents[0].id",
            "identifier",
        );
        one(
            "/documents/1/id",
            json!("to_khai"),
            "documents[1].id",
            "duplicate id \"to_khai\" (already used at documents[0].id)",
        );
        missing("/documents/0/name", "documents[0].name");
        one(
            "/documents/0/copy",
            json!("photocopy"),
            "documents[0].copy",
            "\"certified_copy\"",
        );
        missing("/documents/0/quantity", "documents[0].quantity");
        one(
            "/documents/0/quantity",
            json!(0),
            "documents[0].quantity",
            "at least 1",
        );
        one(
            "/documents/0/quantity",
            json!(1.5),
            "documents[0].quantity",
            "whole number ≥ 1",
        );
        one(
            "/documents/0/required",
            json!("yes"),
            "documents[0].required",
            "true or false",
        );
        missing("/documents/0/required", "documents[0].required");
        one(
            "/documents/0/accept/0",
            json!("docx"),
            "documents[0].accept[0]",
            "\"pdf\", \"jpg\", \"png\"",
        );
        one(
            "/documents/0/accept",
            json!([]),
            "documents[0].accept",
            "at least one",
        );
        one(
            "/documents/0/accept",
            json!(["pdf", "pdf"]),
            "documents[0].accept[1]",
            "twice",
        );
        one(
            "/documents/0/max_size_mb",
            json!(0),
            "documents[0].max_size_mb",
            "greater than 0",
        );
    }

    #[test]
    fn document_conditions() {
        one(
            "/documents/1/visible_if/field",
            json!("khong_co"),
            "documents[1].visible_if.field",
            "unknown field \"khong_co\"",
        );
        one(
            "/documents/1/visible_if",
            json!({ "field": "ae_ho_ten", "filled": true }),
            "documents[1].visible_if.field",
            "inside a repeating group",
        );
        // Any field outside repeating groups, also from the last page, and the repeating
        // group itself.
        assert!(
            problems(|v| set(
                v,
                "/documents/1/visible_if",
                json!({ "field": "cam_doan", "equals": true })
            ))
            .is_empty()
        );
        assert!(
            problems(|v| set(
                v,
                "/documents/1/visible_if",
                json!({ "field": "anh_chi_em", "filled": true })
            ))
            .is_empty()
        );
    }

    // ------------------------------------------------------------ form and steps

    #[test]
    fn form_and_steps() {
        missing("/form", "form");
        one("/form", json!([]), "form", "at least one step");
        one(
            "/form/1/id",
            json!("tre"),
            "form[1].id",
            "duplicate id \"tre\" (already used at form[0].id)",
        );
        one("/form/1/id", json!("Nguoi"), "form[1].id", "identifier");
        missing("/form/1/title", "form[1].title");
        one(
            "/form/2/fields",
            json!([]),
            "form[2].fields",
            "at least one field",
        );
        missing("/form/2/fields", "form[2].fields");
        // A step may share its id with a field (the specification's example does).
        assert!(problems(|v| set(v, "/form/0/id", json!("ho_ten"))).is_empty());
    }

    #[test]
    fn field_ids() {
        missing("/form/0/fields/1/id", "form[0].fields[1].id");
        one(
            "/form/0/fields/1/id",
            json!("1ghi_chu"),
            "form[0].fields[1].id",
            "identifier",
        );
        one(
            "/form/0/fields/1/id",
            json!("ghiChu"),
            "form[0].fields[1].id",
            "identifier",
        );
        one(
            "/form/1/fields/0/id",
            json!("ho_ten"),
            "form[1].fields[0].id",
            "duplicate field id \"ho_ten\" (already used at form[0].fields[0].id)",
        );
        // Unique across groups too.
        one(
            "/form/1/fields/8/fields/1/id",
            json!("cccd"),
            "form[1].fields[8].fields[1].id",
            "duplicate field id \"cccd\"",
        );
    }

    #[test]
    fn field_common_keys() {
        missing("/form/0/fields/1/type", "form[0].fields[1].type");
        one(
            "/form/0/fields/1/type",
            json!("richtext"),
            "form[0].fields[1].type",
            "unknown field type \"richtext\"",
        );
        missing("/form/0/fields/1/label", "form[0].fields[1].label");
        one(
            "/form/1/fields/6/hint",
            json!(""),
            "form[1].fields[6].hint",
            "must not be empty",
        );
        one(
            "/form/0/fields/0/required",
            json!(1),
            "form[0].fields[0].required",
            "true or false",
        );
        one(
            "/form/0/fields/1",
            json!(null),
            "form[0].fields[1]",
            "must be an object",
        );
    }

    #[test]
    fn prefill() {
        one(
            "/form/1/fields/0/prefill",
            json!("applicant.name"),
            "form[1].fields[0].prefill",
            "applicant.full_name",
        );
        one(
            "/form/1/fields/5/prefill",
            json!("applicant.birth_date"),
            "form[1].fields[5].prefill",
            "cannot start a field of type \"address\"",
        );
        one(
            "/form/1/fields/1/prefill",
            json!("applicant.email"),
            "form[1].fields[1].prefill",
            "type \"phone\"",
        );
    }

    #[test]
    fn text_and_textarea() {
        one(
            "/form/0/fields/0/min_length",
            json!(101),
            "form[0].fields[0].min_length",
            "must not exceed max_length (100)",
        );
        one(
            "/form/0/fields/0/min_length",
            json!(-1),
            "form[0].fields[0].min_length",
            "at least 0",
        );
        one(
            "/form/0/fields/0/max_length",
            json!(0),
            "form[0].fields[0].max_length",
            "at least 1",
        );
        only(
            problems(|v| {
                remove(v, "/form/0/fields/0/max_length");
                set(v, "/form/0/fields/0/min_length", json!(201));
            }),
            "form[0].fields[0].min_length",
            "default max_length (200)",
        );
        one(
            "/form/0/fields/1/min_length",
            json!(501),
            "form[0].fields[1].min_length",
            "max_length (500)",
        );
        only(
            problems(|v| {
                remove(v, "/form/0/fields/1/max_length");
                set(v, "/form/0/fields/1/min_length", json!(2001));
            }),
            "form[0].fields[1].min_length",
            "default max_length (2000)",
        );
        one(
            "/form/0/fields/1/max_length",
            json!("500"),
            "form[0].fields[1].max_length",
            "whole number",
        );
    }

    #[test]
    fn text_pattern() {
        one(
            "/form/0/fields/0/pattern",
            json!("[0-9"),
            "form[0].fields[0].pattern",
            "not a valid regular expression",
        );
        one(
            "/form/0/fields/0/pattern",
            json!("a)|(b"),
            "form[0].fields[0].pattern",
            "not a valid regular expression",
        );
        one(
            "/form/0/fields/0/pattern",
            json!(7),
            "form[0].fields[0].pattern",
            "must be a string",
        );
    }

    #[test]
    fn pattern_is_anchored() {
        let re = pattern_regex("[0-9]{3}").unwrap();
        assert!(re.is_match("123"));
        assert!(!re.is_match("1234"));
        assert!(!re.is_match("x123"));
        let alt = pattern_regex("ab|cd").unwrap();
        assert!(alt.is_match("cd") && !alt.is_match("abcd"));
    }

    #[test]
    fn number() {
        one(
            "/form/0/fields/2/min",
            json!(9),
            "form[0].fields[2].min",
            "must not exceed max (8)",
        );
        one(
            "/form/0/fields/2/max",
            json!("8"),
            "form[0].fields[2].max",
            "must be a number",
        );
        one(
            "/form/0/fields/2/integer",
            json!("no"),
            "form[0].fields[2].integer",
            "true or false",
        );
        assert!(problems(|v| set(v, "/form/0/fields/2/min", json!(-3.5))).is_empty());
    }

    #[test]
    fn money() {
        one(
            "/form/0/fields/7/min",
            json!(-1),
            "form[0].fields[7].min",
            "at least 0",
        );
        one(
            "/form/0/fields/7/max",
            json!(10.5),
            "form[0].fields[7].max",
            "whole number",
        );
        one(
            "/form/0/fields/7/min",
            json!(2000000),
            "form[0].fields[7].min",
            "must not exceed max (1000000)",
        );
    }

    #[test]
    fn date() {
        one(
            "/form/0/fields/3/min",
            json!("01/01/2000"),
            "form[0].fields[3].min",
            "YYYY-MM-DD or \"today\"",
        );
        one(
            "/form/0/fields/3/max",
            json!("yesterday"),
            "form[0].fields[3].max",
            "\"today\"",
        );
        one(
            "/form/0/fields/3/min",
            json!("2000-02-30"),
            "form[0].fields[3].min",
            "real date",
        );
        only(
            problems(|v| {
                set(v, "/form/0/fields/3/min", json!("2020-01-01"));
                set(v, "/form/0/fields/3/max", json!("2019-12-31"));
            }),
            "form[0].fields[3].min",
            "must not be after max (2019-12-31)",
        );
        assert!(problems(|v| set(v, "/form/0/fields/3/min", json!("today"))).is_empty());
    }

    #[test]
    fn options() {
        only(
            problems(|v| remove(v, "/form/0/fields/4/options")),
            "form[0].fields[4].options",
            "required for type \"select\"",
        );
        only(
            problems(|v| remove(v, "/form/0/fields/5/options")),
            "form[0].fields[5].options",
            "required for type \"radio\"",
        );
        one(
            "/form/0/fields/5/options",
            json!([]),
            "form[0].fields[5].options",
            "at least one option",
        );
        one(
            "/form/0/fields/5/options",
            json!("nam,nu"),
            "form[0].fields[5].options",
            "must be an array",
        );
        one(
            "/form/0/fields/5/options/1/value",
            json!("Nữ"),
            "form[0].fields[5].options[1].value",
            "identifier",
        );
        one(
            "/form/0/fields/5/options/1/value",
            json!("nam"),
            "form[0].fields[5].options[1].value",
            "duplicate option value \"nam\"",
        );
        missing(
            "/form/0/fields/5/options/1/label",
            "form[0].fields[5].options[1].label",
        );
        one(
            "/form/0/fields/5/options/1",
            json!("nu"),
            "form[0].fields[5].options[1]",
            "must be an object",
        );
    }

    #[test]
    fn checkboxes() {
        only(
            problems(|v| {
                remove(v, "/form/0/fields/6/options");
                remove(v, "/form/0/fields/6/min_selected");
                remove(v, "/form/0/fields/6/max_selected");
            }),
            "form[0].fields[6].options",
            "required for type \"checkboxes\"",
        );
        one(
            "/form/0/fields/6/min_selected",
            json!(3),
            "form[0].fields[6].min_selected",
            "must not exceed max_selected (2)",
        );
        only(
            problems(|v| {
                set(v, "/form/0/fields/6/max_selected", json!(3));
            }),
            "form[0].fields[6].max_selected",
            "must not exceed the number of options (2)",
        );
        one(
            "/form/0/fields/6/max_selected",
            json!(0),
            "form[0].fields[6].max_selected",
            "at least 1",
        );
        one(
            "/form/0/fields/6/min_selected",
            json!(-1),
            "form[0].fields[6].min_selected",
            "at least 0",
        );
    }

    #[test]
    fn groups() {
        one(
            "/form/1/fields/7/fields",
            json!([]),
            "form[1].fields[7].fields",
            "at least one field",
        );
        missing("/form/1/fields/7/fields", "form[1].fields[7].fields");
        one(
            "/form/1/fields/8/repeat/min",
            json!(6),
            "form[1].fields[8].repeat.min",
            "must not exceed max (5)",
        );
        one(
            "/form/1/fields/8/repeat/max",
            json!(0),
            "form[1].fields[8].repeat.max",
            "at least 1",
        );
        missing(
            "/form/1/fields/8/repeat/max",
            "form[1].fields[8].repeat.max",
        );
        one(
            "/form/1/fields/8/repeat",
            json!(true),
            "form[1].fields[8].repeat",
            "must be an object",
        );
        // A field of a group is checked like any other.
        one(
            "/form/1/fields/8/fields/1/type",
            json!("datum"),
            "form[1].fields[8].fields[1].type",
            "unknown field type",
        );
    }

    #[test]
    fn repeating_groups_do_not_nest() {
        let nested = json!({ "id": "con", "type": "group", "label": "Con", "repeat": { "min": 0, "max": 3 },
                             "fields": [ { "id": "con_ten", "type": "text", "label": "Tên" } ] });
        one(
            "/form/1/fields/8/fields/1",
            nested.clone(),
            "form[1].fields[8].fields[1].repeat",
            "cannot be inside another repeating group (form[1].fields[8])",
        );
        // Also through a plain group in between.
        let plain = json!({ "id": "nhom", "type": "group", "label": "Nhóm", "fields": [ nested ] });
        one(
            "/form/1/fields/8/fields/1",
            plain.clone(),
            "form[1].fields[8].fields[1].fields[0].repeat",
            "keep one level",
        );
        // A repeating group inside a plain group is fine.
        assert!(
            problems(|v| set(v, "/form/1/fields/7/fields/0", plain["fields"][0].clone()))
                .is_empty()
        );
    }

    // ------------------------------------------------------------ conditions

    const COND: &str = "/form/1/fields/4/visible_if";
    const COND_PATH: &str = "form[1].fields[4].visible_if";

    #[test]
    fn condition_shape() {
        one(COND, json!("ho_ten"), COND_PATH, "must be a condition");
        one(
            COND,
            json!({ "field": "ho_ten" }),
            COND_PATH,
            "needs one of \"equals\"",
        );
        one(
            COND,
            json!({ "field": "ho_ten", "equals": "a", "in": ["a"] }),
            COND_PATH,
            "exactly one of",
        );
        one(
            COND,
            json!({ "all": [], "any": [] }),
            COND_PATH,
            "exactly one of",
        );
        one(
            COND,
            json!({ "equals": "a" }),
            &format!("{COND_PATH}.field"),
            "required",
        );
        one(
            COND,
            json!({ "field": 3, "equals": "a" }),
            &format!("{COND_PATH}.field"),
            "must be a string",
        );
        one(
            COND,
            json!({ "all": [], "comment": "ok" }),
            &format!("{COND_PATH}.all"),
            "at least one condition",
        );
        one(
            COND,
            json!({ "any": {} }),
            &format!("{COND_PATH}.any"),
            "must be an array",
        );
        one(
            COND,
            json!({ "all": [ { "field": "ho_ten", "filled": true } ], "field": "ho_ten" }),
            &format!("{COND_PATH}.field"),
            "not used with \"all\"",
        );
        one(
            COND,
            json!({ "not": [] }),
            &format!("{COND_PATH}.not"),
            "must be a condition",
        );
        one(
            COND,
            json!({ "field": "ho_ten", "filled": "yes" }),
            &format!("{COND_PATH}.filled"),
            "true or false",
        );
        // Filled may be false.
        assert!(
            problems(|v| set(v, COND, json!({ "field": "ho_ten", "filled": false }))).is_empty()
        );
    }

    #[test]
    fn condition_values() {
        one(
            COND,
            json!({ "field": "ho_ten", "equals": ["a"] }),
            &format!("{COND_PATH}.equals"),
            "string, a number, true or false",
        );
        one(
            COND,
            json!({ "field": "ho_ten", "equals": null }),
            &format!("{COND_PATH}.equals"),
            "string, a number",
        );
        one(
            COND,
            json!({ "field": "ho_ten", "in": [] }),
            &format!("{COND_PATH}.in"),
            "at least one value",
        );
        one(
            COND,
            json!({ "field": "ho_ten", "in": "a" }),
            &format!("{COND_PATH}.in"),
            "must be an array",
        );
        one(
            COND,
            json!({ "field": "ho_ten", "in": ["a", { "b": 1 }] }),
            &format!("{COND_PATH}.in[1]"),
            "string, a number",
        );
        one(
            COND,
            json!({ "field": "noi_sinh", "equals": "Nha" }),
            &format!("{COND_PATH}.equals"),
            "not an option of field \"noi_sinh\" (\"benh_vien\", \"nha\")",
        );
        one(
            COND,
            json!({ "field": "dang_ky_kem", "in": ["bhyt", "cmnd"] }),
            &format!("{COND_PATH}.in[1]"),
            "not an option",
        );
        one(
            "/form/1/fields/9/visible_if",
            json!({ "field": "co_uy_quyen", "equals": "true" }),
            "form[1].fields[9].visible_if.equals",
            "must be true or false",
        );
        one(
            COND,
            json!({ "field": "can_nang", "equals": "3" }),
            &format!("{COND_PATH}.equals"),
            "must be a number",
        );
        one(
            COND,
            json!({ "field": "so_tien", "equals": 1.5 }),
            &format!("{COND_PATH}.equals"),
            "whole number",
        );
        one(
            COND,
            json!({ "field": "ngay_sinh", "equals": "1/1/2020" }),
            &format!("{COND_PATH}.equals"),
            "YYYY-MM-DD",
        );
        one(
            COND,
            json!({ "field": "ho_ten", "equals": 1 }),
            &format!("{COND_PATH}.equals"),
            "must be a string",
        );
        one(
            COND,
            json!({ "field": "dien_thoai", "in": ["0912345678", 1] }),
            &format!("{COND_PATH}.in[1]"),
            "must be a string",
        );
        let later = "/form/1/fields/9/visible_if";
        one(
            later,
            json!({ "field": "dia_chi", "equals": "x" }),
            "form[1].fields[9].visible_if.equals",
            "use \"filled\"",
        );
        one(
            later,
            json!({ "field": "uy_quyen", "equals": "x" }),
            "form[1].fields[9].visible_if.equals",
            "is a group",
        );
        assert!(
            problems(|v| set(v, later, json!({ "field": "can_nang", "in": [1, 2.5] }))).is_empty()
        );
    }

    #[test]
    fn conditions_name_earlier_fields_only() {
        let field = format!("{COND_PATH}.field");
        one(
            COND,
            json!({ "field": "khong_co", "filled": true }),
            &field,
            "unknown field \"khong_co\"",
        );
        one(
            COND,
            json!({ "field": "mst", "filled": true }),
            &field,
            "a field cannot depend on itself",
        );
        one(
            COND,
            json!({ "field": "dia_chi", "filled": true }),
            &field,
            "comes later in the form",
        );
        one(
            COND,
            json!({ "field": "cam_doan", "equals": true }),
            &field,
            "comes later",
        );
        // Nested inside all/any/not: the path follows.
        one(
            COND,
            json!({ "all": [ { "field": "ho_ten", "filled": true }, { "not": { "field": "dia_chi", "filled": true } } ] }),
            &format!("{COND_PATH}.all[1].not.field"),
            "comes later",
        );
        // Earlier step and earlier in the same step are fine.
        assert!(problems(|v| set(v, COND, json!({ "any": [ { "field": "ho_ten", "filled": true }, { "field": "cccd", "filled": true } ] }))).is_empty());
    }

    #[test]
    fn conditions_and_groups() {
        // A field of a group may not name that group.
        one(
            "/form/1/fields/7/fields/0/visible_if",
            json!({ "field": "uy_quyen", "filled": true }),
            "form[1].fields[7].fields[0].visible_if.field",
            "a group that contains this field",
        );
        // A group may not name its own fields (they come after it).
        one(
            "/form/1/fields/7/visible_if",
            json!({ "field": "nguoi_uy_quyen", "filled": true }),
            "form[1].fields[7].visible_if.field",
            "comes later",
        );
        // After a plain group, its fields are ordinary earlier fields.
        assert!(
            problems(|v| set(
                v,
                "/form/1/fields/9/visible_if",
                json!({ "field": "nguoi_uy_quyen", "filled": true })
            ))
            .is_empty()
        );
        // Outside a repeating group, its fields cannot be named.
        one(
            "/form/1/fields/9/visible_if",
            json!({ "field": "ae_ho_ten", "filled": true }),
            "form[1].fields[9].visible_if.field",
            "inside a repeating group; only fields of the same group",
        );
        // Inside: an earlier field of the same entry, not a later one.
        one(
            "/form/1/fields/8/fields/0/visible_if",
            json!({ "field": "ae_ngay_sinh", "filled": true }),
            "form[1].fields[8].fields[0].visible_if.field",
            "comes later",
        );
        // Another repeating group's fields are out of reach.
        let other = json!({ "id": "con", "type": "group", "label": "Con", "repeat": { "min": 0, "max": 3 },
            "fields": [ { "id": "con_ten", "type": "text", "label": "Tên",
                          "visible_if": { "field": "ae_ho_ten", "filled": true } } ] });
        one(
            "/form/1/fields/9",
            other,
            "form[1].fields[9].fields[0].visible_if.field",
            "inside another repeating group",
        );
    }

    // ------------------------------------------------------------ process

    #[test]
    fn process() {
        missing("/process", "process");
        one("/process", json!([]), "process", "at least one step");
        one(
            "/process/1/id",
            json!("tiep_nhan"),
            "process[1].id",
            "duplicate id \"tiep_nhan\" (already used at process[0].id)",
        );
        one(
            "/process/1/id",
            json!("Tham dinh"),
            "process[1].id",
            "identifier",
        );
        missing("/process/1/title", "process[1].title");
        one(
            "/process/1/role",
            json!("boss"),
            "process[1].role",
            "\"reception\", \"specialist\", \"leader\", \"clerk\"",
        );
        one(
            "/process/1/duration_hours",
            json!(0),
            "process[1].duration_hours",
            "greater than 0",
        );
        one(
            "/process/1/duration_hours",
            json!(-2),
            "process[1].duration_hours",
            "greater than 0",
        );
        missing("/process/1/duration_hours", "process[1].duration_hours");
    }

    #[test]
    fn process_fits_in_the_statutory_duration() {
        one(
            "/process/1/duration_hours",
            json!(14.5),
            "process",
            "the steps take 24.5 working hours in total, more than the statutory duration allows (3 working_days = 24 working hours)",
        );
        one(
            "/duration",
            json!({ "amount": 20, "unit": "working_hours" }),
            "process",
            "20 working_hours = 20 working hours",
        );
        one(
            "/duration",
            json!({ "amount": 2, "unit": "calendar_days" }),
            "process",
            "2 calendar_days = 16 working hours",
        );
        assert!(
            problems(|v| set(
                v,
                "/duration",
                json!({ "amount": 3, "unit": "calendar_days" })
            ))
            .is_empty()
        );
        assert!(
            problems(|v| set(
                v,
                "/duration",
                json!({ "amount": 24, "unit": "working_hours" })
            ))
            .is_empty()
        );
        // Fractions are fine: 3.5 working days are 28 working hours.
        assert!(
            problems(|v| set(
                v,
                "/duration",
                json!({ "amount": 3.5, "unit": "working_days" })
            ))
            .is_empty()
        );
    }

    #[test]
    fn working_hours_of_each_unit() {
        let d = |amount, unit| Duration { amount, unit };
        assert_eq!(working_hours(&d(3.0, DurationUnit::WorkingDays)), 24.0);
        assert_eq!(working_hours(&d(5.0, DurationUnit::WorkingHours)), 5.0);
        assert_eq!(working_hours(&d(15.0, DurationUnit::CalendarDays)), 120.0);
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
        assert!(
            is_iso_date("2024-02-29") && !is_iso_date("2023-02-29") && !is_iso_date("2024-00-10")
        );
        assert!(
            !is_iso_date("+202-01-01")
                && !is_iso_date("2024-1-01 ")
                && !is_iso_date("２０２４-01-01")
        );
    }

    const FORMAT_DOC: &str = include_str!("../../../docs/procedure-format.md");

    /// The first ```json block of docs/procedure-format.md.
    fn doc_example() -> Value {
        let start = FORMAT_DOC.find("```json\n").unwrap() + "```json\n".len();
        let len = FORMAT_DOC[start..].find("```").unwrap();
        serde_json::from_str(&FORMAT_DOC[start..start + len]).unwrap()
    }

    #[test]
    fn documentation_example_parses() {
        let p = parse_procedure(&doc_example().to_string()).unwrap_or_else(|e| panic!("{e:#?}"));
        assert_eq!(p.form.len(), 2);
    }

    #[test]
    fn documentation_sample_messages_are_real() {
        let mut v = doc_example();
        set(&mut v, "/level", json!("district"));
        set(
            &mut v,
            "/documents/1/visible_if/field",
            json!("tinh_trang_hn"),
        );
        remove(&mut v, "/form/0/fields/0/options");
        set(
            &mut v,
            "/form/0/fields/3/options/2/value",
            json!("da_ly_hon"),
        );
        set(
            &mut v,
            "/form/0/fields/1/visible_if",
            json!({ "field": "tinh_trang", "equals": "da_ly_hon" }),
        );
        set(&mut v, "/process/0/duration_hours", json!(4));
        // The condition of muc_dich_khac names the select that lost its options: not reported.
        let shown: Vec<String> = check_value(&v).iter().map(ToString::to_string).collect();
        for line in shown.iter() {
            assert!(
                FORMAT_DOC.contains(&format!("{line}\n")),
                "not in the doc: {line}"
            );
        }
        assert_eq!(shown.len(), 6, "{shown:#?}");
    }

    #[test]
    fn schema_file_is_valid_json() {
        let schema: Value =
            serde_json::from_str(include_str!("../../../docs/procedure.schema.json")).unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
    }
}
