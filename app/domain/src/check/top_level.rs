//! The top level of a definition: format, code, version, names, level, duration, fees,
//! result, and the walk into documents, form and process.

use std::collections::HashMap;

use serde_json::Value;

use crate::procedure::{Duration, DurationUnit, FORMAT, MAX_WORKING_HOURS};

use super::{
    Checker, is_iso_date,
    values::{index, join},
};

const LEVELS: &[&str] = &["province", "commune"];
const ONLINE: &[&str] = &["full", "partial"];
const UNITS: &[&str] = &["working_days", "working_hours", "calendar_days"];
const DELIVERY: &[&str] = &["counter", "post", "online"];

impl Checker {
    pub(super) fn root(&mut self, v: &Value) {
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
}
