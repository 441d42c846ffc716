//! Form answers: what the browser sends ([`RawForm`]) and what we keep ([`Answers`]).
//!
//! ## Input names (the contract between the HTML form and the validator)
//! Field ids match `[a-z][a-z0-9_]*`, so names starting with `_` are free for control inputs
//! (`_action`, `_csrf`, ...). A field's input name is:
//! - its id for one-value fields (`ho_ten`), and for `checkboxes` (one input per ticked value,
//!   all with the same name);
//! - `{id}.province`, `{id}.commune`, `{id}.street` for an `address`;
//! - `{group}[{i}].{sub}` for field `sub` of entry `i` (from 0) of a repeating group, and
//!   `{group}[{i}].{sub}.province` etc. for an address inside it;
//! - a non-repeating group adds nothing: its fields use their own ids.
//!
//! A `checkbox`/`declaration` is ticked when its input is present with any non-empty value.
//!
//! ## Canonical answer values ([`Answers`], field id → JSON)
//! text, textarea, email, phone (`0xxxxxxxxx`), id_number, tax_code, select, radio: string;
//! number: JSON number; money: integer đồng; date: string `YYYY-MM-DD`; checkboxes: array of
//! strings; checkbox, declaration: bool; address: `{ "province", "commune", "street" }`;
//! repeating group: array of objects (one [`Answers`] per entry); a non-repeating group's
//! fields are stored at top level under their own ids. A hidden or absent field has no key.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// Parsed, canonical answers: field id → value (see the module doc).
pub type Answers = Map<String, Value>;

/// Raw values as an HTML form posted them: input name → values, in order.
pub type RawForm = BTreeMap<String, Vec<String>>;

/// The input name of field `sub` in entry `index` of repeating group `group`.
pub fn entry_name(group: &str, index: usize, sub: &str) -> String {
    format!("{group}[{index}].{sub}")
}

/// Builds a [`RawForm`] from `(name, value)` pairs such as a decoded form body.
pub fn raw_from_pairs<I, K, V>(pairs: I) -> RawForm
where
    I: IntoIterator<Item = (K, V)>,
    K: Into<String>,
    V: Into<String>,
{
    let mut raw = RawForm::new();
    for (k, v) in pairs {
        raw.entry(k.into()).or_default().push(v.into());
    }
    raw
}

/// The first value posted under `name`, if any.
pub fn first<'a>(raw: &'a RawForm, name: &str) -> Option<&'a str> {
    raw.get(name).and_then(|v| v.first()).map(String::as_str)
}
