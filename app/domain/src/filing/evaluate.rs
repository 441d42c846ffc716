//! Every page of a draft re-validated in order from what the citizen typed: the basis of the
//! check-your-answers page and of the final submit, so a change on an early page that hides
//! or shows later fields never files stale answers.

use crate::answers::{Answers, RawForm};
use crate::procedure::{Field, Procedure};
use crate::validate::{Context, validate_fields};

use super::draft::DraftState;
use super::pages::APPLICANT;

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

/// The draft's pages, each validated with the answers of the pages before it.
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
/// A page never posted is incomplete.
pub fn evaluate(
    procedure: &Procedure,
    applicant_fields: &[Field],
    draft: &DraftState,
    ctx: &Context,
) -> Evaluated {
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
    use crate::procedure::Prefill;
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
    crate::validate::raw_from_answers(fields, &seeded)
}
