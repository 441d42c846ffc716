//! The procedure definition (thủ tục hành chính), format `motcua.procedure/1`.
//!
//! These are the typed shapes of a *valid* definition. Raw JSON is first checked by
//! [`crate::check`] (which reports every problem with its JSON path) and only then
//! deserialised into these types, so code that holds a [`Procedure`] may rely on every rule of
//! the format: unique ids, conditions naming earlier fields, options present, and so on.

use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::text::Text;

/// The only value accepted in the `format` key.
pub const FORMAT: &str = "motcua.procedure/1";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    pub format: String,
    /// National procedure code, e.g. `1.001193.000.00.00.H56`.
    pub code: String,
    /// `YYYY-MM-DD`: the date this version takes effect.
    pub version: String,
    pub name: Text,
    /// Lĩnh vực (sector), used to group the catalogue.
    pub sector: Text,
    pub level: Level,
    pub online: Online,
    pub duration: Duration,
    #[serde(default)]
    pub fees: Vec<Fee>,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    pub result: ResultSpec,
    #[serde(default)]
    pub documents: Vec<Document>,
    pub form: Vec<Step>,
    pub process: Vec<ProcessStep>,
}

/// Which tier handles the procedure (no district tier since 7/2025).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    Commune,
}

/// Toàn trình (`full`) or một phần (`partial`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Online {
    Full,
    Partial,
}

/// Statutory processing time (thời hạn giải quyết).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    pub amount: f64,
    pub unit: DurationUnit,
}

/// Working hours in one working day (07:00–11:30 and 13:30–17:00).
pub const HOURS_PER_WORKING_DAY: f64 = 8.0;

/// The longest statutory duration a procedure may state: a year of working days (365 days,
/// 2,920 working hours). No administrative procedure comes near it. The format check refuses
/// more, and the due-moment walk counts no further whatever a stored file says (a huge
/// amount made acceptance panic before).
pub const MAX_WORKING_HOURS: f64 = 365.0 * HOURS_PER_WORKING_DAY;

impl Duration {
    /// This duration, shortened to [`MAX_WORKING_HOURS`] (or as many days) if longer.
    pub fn bounded(&self) -> Duration {
        let max = match self.unit {
            DurationUnit::WorkingHours => MAX_WORKING_HOURS,
            DurationUnit::WorkingDays | DurationUnit::CalendarDays => {
                MAX_WORKING_HOURS / HOURS_PER_WORKING_DAY
            }
        };
        Duration {
            amount: if self.amount.is_finite() {
                self.amount.min(max)
            } else {
                0.0
            },
            unit: self.unit,
        }
    }
}

/// The statutory duration expressed in working hours, the unit of
/// [`ProcessStep::duration_hours`]; the sum of a procedure's process steps may not exceed it.
///
/// - `working_hours`: the amount as is;
/// - `working_days`: amount × 8;
/// - `calendar_days`: amount × 8, i.e. every calendar day counted as if it were a working
///   day. A period of N calendar days never holds more than N whole working days after the
///   day of acceptance, so this is the most the internal steps can be planned for without
///   knowing the acceptance date, weekends and holidays. (The real due moment of a
///   calendar-day procedure is computed from the calendar, not from this number.)
pub fn working_hours(d: &Duration) -> f64 {
    match d.unit {
        DurationUnit::WorkingHours => d.amount,
        DurationUnit::WorkingDays | DurationUnit::CalendarDays => d.amount * HOURS_PER_WORKING_DAY,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    WorkingDays,
    WorkingHours,
    CalendarDays,
}

/// Phí, lệ phí.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fee {
    pub label: Text,
    pub amount_vnd: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultSpec {
    pub name: Text,
    pub delivery: Vec<Delivery>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    Counter,
    Post,
    Online,
}

/// One component of the dossier (thành phần hồ sơ).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub name: Text,
    pub copy: CopyKind,
    pub quantity: u32,
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Condition>,
    /// Accepted file kinds; `None` means all three.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept: Option<Vec<FileKind>>,
    /// Default 10 MB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size_mb: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyKind {
    Original,
    CertifiedCopy,
    Copy,
    Any,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Jpg,
    Png,
}

/// One page of the online form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub title: Text,
    pub fields: Vec<Field>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "FieldRepr")]
pub struct Field {
    pub id: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefill: Option<Prefill>,
    #[serde(flatten)]
    pub kind: FieldKind,
}

/// The field type with its type-specific keys (`"type": "..."` in JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    Text {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_length: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
        /// A regular expression (`regex-lite` syntax) that must match the *whole* value: it is
        /// anchored as `^(?:pattern)$`, see [`crate::check::pattern_regex`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pattern: Option<String>,
    },
    Textarea {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_length: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
    },
    Number {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        #[serde(default)]
        integer: bool,
    },
    Money {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u64>,
    },
    Date {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<String>,
    },
    Select {
        options: Vec<Choice>,
    },
    Radio {
        options: Vec<Choice>,
    },
    Checkboxes {
        options: Vec<Choice>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_selected: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_selected: Option<u32>,
    },
    Checkbox,
    Email,
    Phone,
    IdNumber,
    TaxCode,
    Address,
    Group {
        fields: Vec<Field>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        repeat: Option<Repeat>,
    },
    Declaration,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repeat {
    pub min: u32,
    pub max: u32,
}

/// Which applicant value a field starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Prefill {
    #[serde(rename = "applicant.full_name")]
    FullName,
    #[serde(rename = "applicant.id_number")]
    IdNumber,
    #[serde(rename = "applicant.phone")]
    Phone,
    #[serde(rename = "applicant.email")]
    Email,
    #[serde(rename = "applicant.address")]
    Address,
    #[serde(rename = "applicant.birth_date")]
    BirthDate,
}

/// One internal step (quy trình nội bộ).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcessStep {
    pub id: String,
    pub title: Text,
    pub role: Role,
    pub duration_hours: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Reception,
    Specialist,
    Leader,
    Clerk,
}

/// The flat shape of a field in JSON, decoded without serde's `flatten` and internally
/// tagged machinery: that machinery would add about 60 KB to the form island, which decodes
/// field definitions in the browser. Unknown keys are ignored, as the format allows.
#[derive(Deserialize)]
struct FieldRepr {
    id: String,
    label: Text,
    #[serde(default)]
    hint: Option<Text>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    visible_if: Option<Condition>,
    #[serde(default)]
    prefill: Option<Prefill>,
    #[serde(rename = "type")]
    kind: KindName,
    #[serde(default)]
    min_length: Option<u32>,
    #[serde(default)]
    max_length: Option<u32>,
    #[serde(default)]
    pattern: Option<String>,
    #[serde(default)]
    min: Option<serde_json::Value>,
    #[serde(default)]
    max: Option<serde_json::Value>,
    #[serde(default)]
    integer: bool,
    #[serde(default)]
    options: Option<Vec<Choice>>,
    #[serde(default)]
    min_selected: Option<u32>,
    #[serde(default)]
    max_selected: Option<u32>,
    #[serde(default)]
    fields: Option<Vec<Field>>,
    #[serde(default)]
    repeat: Option<Repeat>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum KindName {
    Text,
    Textarea,
    Number,
    Money,
    Date,
    Select,
    Radio,
    Checkboxes,
    Checkbox,
    Email,
    Phone,
    IdNumber,
    TaxCode,
    Address,
    Group,
    Declaration,
}

impl TryFrom<FieldRepr> for Field {
    type Error = String;

    fn try_from(r: FieldRepr) -> Result<Field, String> {
        let options =
            |o: Option<Vec<Choice>>| o.ok_or_else(|| format!("{}: options are required", r.id));
        let f64_of = |v: &Option<serde_json::Value>| v.as_ref().and_then(serde_json::Value::as_f64);
        let u64_of = |v: &Option<serde_json::Value>| v.as_ref().and_then(serde_json::Value::as_u64);
        let str_of =
            |v: &Option<serde_json::Value>| v.as_ref().and_then(|x| x.as_str().map(str::to_string));
        let kind = match r.kind {
            KindName::Text => FieldKind::Text {
                min_length: r.min_length,
                max_length: r.max_length,
                pattern: r.pattern,
            },
            KindName::Textarea => FieldKind::Textarea {
                min_length: r.min_length,
                max_length: r.max_length,
            },
            KindName::Number => FieldKind::Number {
                min: f64_of(&r.min),
                max: f64_of(&r.max),
                integer: r.integer,
            },
            KindName::Money => FieldKind::Money {
                min: u64_of(&r.min),
                max: u64_of(&r.max),
            },
            KindName::Date => FieldKind::Date {
                min: str_of(&r.min),
                max: str_of(&r.max),
            },
            KindName::Select => FieldKind::Select {
                options: options(r.options)?,
            },
            KindName::Radio => FieldKind::Radio {
                options: options(r.options)?,
            },
            KindName::Checkboxes => FieldKind::Checkboxes {
                options: options(r.options)?,
                min_selected: r.min_selected,
                max_selected: r.max_selected,
            },
            KindName::Checkbox => FieldKind::Checkbox,
            KindName::Email => FieldKind::Email,
            KindName::Phone => FieldKind::Phone,
            KindName::IdNumber => FieldKind::IdNumber,
            KindName::TaxCode => FieldKind::TaxCode,
            KindName::Address => FieldKind::Address,
            KindName::Group => FieldKind::Group {
                fields: r
                    .fields
                    .ok_or_else(|| format!("{}: fields are required", r.id))?,
                repeat: r.repeat,
            },
            KindName::Declaration => FieldKind::Declaration,
        };
        Ok(Field {
            id: r.id,
            label: r.label,
            hint: r.hint,
            required: r.required,
            visible_if: r.visible_if,
            prefill: r.prefill,
            kind,
        })
    }
}

/// The field with id `id` among `fields`, looking inside groups (ids are unique in a form).
pub fn find_field<'a>(fields: &'a [Field], id: &str) -> Option<&'a Field> {
    fields.iter().find_map(|f| {
        if f.id == id {
            return Some(f);
        }
        match &f.kind {
            FieldKind::Group { fields, .. } => find_field(fields, id),
            _ => None,
        }
    })
}
