//! The process: each ProcessStep, and whether the steps fit in the statutory duration.

use std::collections::HashMap;

use serde_json::Value;

use crate::procedure::{Duration, DurationUnit, MAX_WORKING_HOURS, working_hours};

use super::{
    Checker,
    values::{index, join},
};

const ROLES: &[&str] = &["reception", "specialist", "leader", "clerk"];

impl Checker {
    pub(super) fn process(&mut self, v: &Value, duration: Option<Duration>) {
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
