//! Adding and removing an entry of a repeating group on a page posted without JavaScript
//! ("Add another", "Remove"): the page's raw inputs are edited and shown again.

use crate::answers::RawForm;
use crate::validate::entry_indices;

/// Adds an empty entry to repeating group `group`, after the last one.
pub fn add_entry(raw: &mut RawForm, group: &str) {
    let next = entry_indices(raw, group).last().map(|i| i + 1).unwrap_or(0);
    raw.insert(format!("{group}[{next}]._new"), vec![String::new()]);
}

/// Removes entry `index` of repeating group `group` (its inputs; the others keep their
/// indices, so what the citizen typed in them stays where it was).
pub fn remove_entry(raw: &mut RawForm, group: &str, index: usize) {
    let prefix = format!("{group}[{index}].");
    raw.retain(|k, _| !k.starts_with(&prefix));
}
