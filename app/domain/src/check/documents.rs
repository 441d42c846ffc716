//! A Document of the procedure (`documents[i]`): id, name, copy, quantity, accepted files.

use std::collections::HashMap;

use serde_json::Value;

use super::{
    Checker,
    conditions::Owner,
    values::{index, join},
};

const COPY: &[&str] = &["original", "certified_copy", "copy", "any"];
const FILE_KINDS: &[&str] = &["pdf", "jpg", "png"];

impl Checker {
    pub(super) fn document(&mut self, path: &str, v: &Value, seen: &mut HashMap<String, String>) {
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
}
