//! The filing flow: which pages a filing has, in which order, and what is kept between them.
//!
//! A filing is the applicant page, one page per form Step, a documents page (when the
//! procedure lists documents), a check-your-answers page, then the receipt. Progress lives
//! server-side in a draft under an unguessable token, as a [`DraftState`].

use std::collections::{BTreeMap, BTreeSet};

use motcua_domain::answers::{Answers, RawForm};
use motcua_domain::procedure::{Choice, Field, FieldKind, Level, Procedure};
use motcua_domain::text::Text;
use motcua_domain::upload::UploadProblemKind;
use motcua_domain::validate::FieldError;
use serde::{Deserialize, Serialize};

use crate::i18n::{Key, Lang, t};

/// Page slug of the applicant page.
pub const APPLICANT: &str = "nguoi-nop";
/// Page slug of the documents page.
pub const DOCUMENTS: &str = "giay-to";
/// Page slug of the check-your-answers page.
pub const REVIEW: &str = "kiem-tra";
/// Page slug of the receipt.
pub const RECEIPT: &str = "bien-nhan";

/// Field id of the receiving agency choice on the applicant page.
pub const AGENCY_FIELD: &str = "receiving_agency";

/// What a page of the flow is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Applicant,
    /// The form Step at this index.
    Step(usize),
    Documents,
    Review,
}

/// The pages of a filing, in order, as `(slug, kind)`. Step pages use the Step id as slug.
pub fn pages(procedure: &Procedure) -> Vec<(String, PageKind)> {
    let mut pages = vec![(APPLICANT.to_string(), PageKind::Applicant)];
    for (i, step) in procedure.form.iter().enumerate() {
        pages.push((step.id.clone(), PageKind::Step(i)));
    }
    if !procedure.documents.is_empty() {
        pages.push((DOCUMENTS.to_string(), PageKind::Documents));
    }
    pages.push((REVIEW.to_string(), PageKind::Review));
    pages
}

/// The kind of the page with this slug, if the procedure has it.
pub fn page_kind(procedure: &Procedure, slug: &str) -> Option<PageKind> {
    pages(procedure)
        .into_iter()
        .find(|(s, _)| s == slug)
        .map(|(_, k)| k)
}

/// The slug of the page after `slug`.
pub fn next_page(procedure: &Procedure, slug: &str) -> Option<String> {
    let pages = pages(procedure);
    let i = pages.iter().position(|(s, _)| s == slug)?;
    pages.get(i + 1).map(|(s, _)| s.clone())
}

/// The slug of the page before `slug`.
pub fn previous_page(procedure: &Procedure, slug: &str) -> Option<String> {
    let pages = pages(procedure);
    let i = pages.iter().position(|(s, _)| s == slug)?;
    i.checked_sub(1).map(|j| pages[j].0.clone())
}

/// Text in both UI languages, for fields the product defines itself.
fn both(key: Key) -> Text {
    Text::Localized(BTreeMap::from([
        ("vi".to_string(), t(Lang::Vi, key).to_string()),
        ("en".to_string(), t(Lang::En, key).to_string()),
    ]))
}

fn field(id: &str, key: Key, required: bool, kind: FieldKind) -> Field {
    Field {
        id: id.into(),
        label: both(key),
        hint: None,
        required,
        visible_if: None,
        prefill: None,
        kind,
    }
}

/// The applicant page, written as an ordinary form step so that it is rendered and validated
/// by the same code as the procedure's own pages. `agencies` are the desks that may receive
/// this procedure; the choice is asked only for commune-level procedures with several.
pub fn applicant_fields(procedure: &Procedure, agencies: &[(String, String)]) -> Vec<Field> {
    let mut fields = vec![
        field(
            "full_name",
            Key::ApplicantFullName,
            true,
            FieldKind::Text {
                min_length: None,
                max_length: Some(100),
                pattern: None,
            },
        ),
        field(
            "id_number",
            Key::ApplicantIdNumber,
            true,
            FieldKind::IdNumber,
        ),
        field("phone", Key::ApplicantPhone, true, FieldKind::Phone),
        field("email", Key::ApplicantEmail, false, FieldKind::Email),
        field(
            "birth_date",
            Key::ApplicantBirthDate,
            false,
            FieldKind::Date {
                min: None,
                max: Some("today".into()),
            },
        ),
        field("address", Key::ApplicantAddress, false, FieldKind::Address),
    ];
    if procedure.level == Level::Commune && agencies.len() > 1 {
        let mut f = field(
            AGENCY_FIELD,
            Key::ReceivingAgency,
            true,
            FieldKind::Select {
                options: agencies
                    .iter()
                    .map(|(code, name)| Choice {
                        value: code.clone(),
                        label: Text::Plain(name.clone()),
                    })
                    .collect(),
            },
        );
        f.hint = Some(both(Key::ReceivingAgencyHint));
        fields.push(f);
    }
    fields
}

/// A rejected upload, kept to show at its document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadProblem {
    pub document_id: String,
    pub problem: UploadProblemKind,
}

/// Everything a draft keeps between pages. Stored as JSON by the store, opaque to it.
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

/// The message for an upload problem in `lang`: it names the document (`document`, its
/// name as the page shows it) and says what to do, like the field messages.
pub fn upload_message(lang: Lang, document: &str, p: &UploadProblemKind) -> String {
    let formats = |accepted: &[String]| accepted.join(", ").to_uppercase();
    match (lang, p) {
        (Lang::Vi, UploadProblemKind::Missing) => format!("Tải lên {document}"),
        (Lang::Vi, UploadProblemKind::Empty) => {
            format!("Tệp chọn cho {document} bị rỗng: hãy chọn lại tệp")
        }
        (Lang::Vi, UploadProblemKind::TooLarge { max_mb }) => format!(
            "Tệp chọn cho {document} lớn hơn {} MB: chọn tệp nhỏ hơn hoặc chụp lại ảnh",
            motcua_domain::format::format_decimal(*max_mb)
        ),
        (Lang::Vi, UploadProblemKind::WrongType { accepted }) => {
            format!("Tệp chọn cho {document} phải là tệp {}", formats(accepted))
        }
        (Lang::En, UploadProblemKind::Missing) => format!("Upload {document}"),
        (Lang::En, UploadProblemKind::Empty) => {
            format!("The file chosen for {document} is empty: choose it again")
        }
        (Lang::En, UploadProblemKind::TooLarge { max_mb }) => format!(
            "The file chosen for {document} is larger than {max_mb} MB: choose a smaller file \
             or take the photo again"
        ),
        (Lang::En, UploadProblemKind::WrongType { accepted }) => format!(
            "The file chosen for {document} must be a {} file",
            formats(accepted)
        ),
    }
}

/// Answers collected so far: every page's canonical answers merged, in page order.
/// (Field ids are unique across a form, so merging cannot collide.)
pub fn merge(pages: &[Answers]) -> Answers {
    let mut all = Answers::new();
    for p in pages {
        for (k, v) in p {
            all.insert(k.clone(), v.clone());
        }
    }
    all
}

/// Every page re-validated in order from what the citizen typed: the basis of the
/// check-your-answers page and of the final submit, so nothing stale is ever filed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluated {
    pub applicant: Answers,
    /// Canonical answers of each Step page, in order, keyed by slug.
    pub steps: Vec<(String, Answers)>,
    /// The first page that is not complete and valid, if any.
    pub first_invalid: Option<String>,
}

impl Evaluated {
    /// All Step answers merged.
    pub fn answers(&self) -> Answers {
        merge(
            &self
                .steps
                .iter()
                .map(|(_, a)| a.clone())
                .collect::<Vec<_>>(),
        )
    }

    /// The merged answers of the Step pages before `slug` (the scope of its conditions).
    pub fn before(&self, slug: &str) -> Answers {
        merge(
            &self
                .steps
                .iter()
                .take_while(|(s, _)| s != slug)
                .map(|(_, a)| a.clone())
                .collect::<Vec<_>>(),
        )
    }
}

/// Validates every form page of the draft in order (documents are checked by the caller).
pub fn evaluate(
    procedure: &Procedure,
    applicant_fields: &[Field],
    draft: &DraftState,
    ctx: &motcua_domain::validate::Context,
) -> Evaluated {
    use motcua_domain::validate::validate_fields;
    let mut out = Evaluated::default();
    let empty = RawForm::new();
    let mark = |out: &mut Evaluated, slug: &str, ok: bool| {
        if !ok && out.first_invalid.is_none() {
            out.first_invalid = Some(slug.to_string());
        }
    };
    let raw = draft.raw.get(APPLICANT);
    let outcome = validate_fields(
        applicant_fields,
        raw.unwrap_or(&empty),
        &Answers::new(),
        ctx,
    );
    mark(
        &mut out,
        APPLICANT,
        raw.is_some() && outcome.errors.is_empty(),
    );
    out.applicant = outcome.answers;
    let mut earlier = Answers::new();
    for step in &procedure.form {
        let raw = draft.raw.get(&step.id);
        let outcome = validate_fields(&step.fields, raw.unwrap_or(&empty), &earlier, ctx);
        mark(
            &mut out,
            &step.id,
            raw.is_some() && outcome.errors.is_empty(),
        );
        earlier.extend(outcome.answers.clone());
        out.steps.push((step.id.clone(), outcome.answers));
    }
    out
}

/// Starting values for a page never posted: fields with `prefill` take the applicant's.
pub fn prefilled(fields: &[Field], applicant: &Answers) -> RawForm {
    use motcua_domain::procedure::Prefill;
    let mut seeded = Answers::new();
    for f in fields {
        let key = match f.prefill {
            Some(Prefill::FullName) => "full_name",
            Some(Prefill::IdNumber) => "id_number",
            Some(Prefill::Phone) => "phone",
            Some(Prefill::Email) => "email",
            Some(Prefill::Address) => "address",
            Some(Prefill::BirthDate) => "birth_date",
            None => continue,
        };
        if let Some(v) = applicant.get(key) {
            seeded.insert(f.id.clone(), v.clone());
        }
    }
    motcua_domain::validate::raw_from_answers(fields, &seeded)
}
