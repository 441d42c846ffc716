//! What a filing's draft keeps between pages. Stored as JSON by the store (opaque to it), so
//! the serialised shape is kept stable: a draft started before an upgrade still opens.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::answers::RawForm;
use crate::upload::UploadProblemKind;
use crate::validate::FieldError;

/// A rejected upload, kept to show at its document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadProblem {
    pub document_id: String,
    pub problem: UploadProblemKind,
}

/// Everything a draft keeps between pages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftState {
    /// The inputs last posted on each page, exactly as typed, so nothing is lost.
    #[serde(default)]
    pub raw: BTreeMap<String, RawForm>,
    /// Problems found on each page at its last post.
    #[serde(default)]
    pub errors: BTreeMap<String, Vec<FieldError>>,
    /// Pages whose last post was valid.
    #[serde(default)]
    pub done: BTreeSet<String>,
    /// Problems with uploads, shown on the documents page.
    #[serde(default)]
    pub upload_problems: Vec<UploadProblem>,
}
