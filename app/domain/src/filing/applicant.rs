//! The applicant page, written as an ordinary list of fields so that it is rendered and
//! validated by the same code as the procedure's own pages.
//!
//! Its labels are the product's own texts, which live in the app's translation layer, so
//! the caller names them ([`ApplicantText`] → [`Text`]); validation reads only ids and kinds.

use crate::procedure::{Choice, Field, FieldKind, Level, Procedure};
use crate::text::Text;

/// Field id of the receiving agency choice on the applicant page.
pub const AGENCY_FIELD: &str = "receiving_agency";

/// The texts the applicant page needs from the translation layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplicantText {
    FullName,
    IdNumber,
    Phone,
    Email,
    BirthDate,
    Address,
    ReceivingAgency,
    ReceivingAgencyHint,
}

/// The applicant page's fields. `agencies` are the desks that may receive this procedure,
/// `(code, name)`; the choice is asked only for commune-level procedures with several.
/// `text` gives each label in every UI language.
pub fn applicant_fields(
    procedure: &Procedure,
    agencies: &[(String, String)],
    text: &dyn Fn(ApplicantText) -> Text,
) -> Vec<Field> {
    let field = |id: &str, label: ApplicantText, required: bool, kind: FieldKind| Field {
        id: id.into(),
        label: text(label),
        hint: None,
        required,
        visible_if: None,
        prefill: None,
        kind,
    };
    let mut fields = vec![
        field(
            "full_name",
            ApplicantText::FullName,
            true,
            FieldKind::Text {
                min_length: None,
                max_length: Some(100),
                pattern: None,
            },
        ),
        field(
            "id_number",
            ApplicantText::IdNumber,
            true,
            FieldKind::IdNumber,
        ),
        field("phone", ApplicantText::Phone, true, FieldKind::Phone),
        field("email", ApplicantText::Email, false, FieldKind::Email),
        field(
            "birth_date",
            ApplicantText::BirthDate,
            false,
            FieldKind::Date {
                min: None,
                max: Some("today".into()),
            },
        ),
        field("address", ApplicantText::Address, false, FieldKind::Address),
    ];
    if procedure.level == Level::Commune && agencies.len() > 1 {
        let mut f = field(
            AGENCY_FIELD,
            ApplicantText::ReceivingAgency,
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
        f.hint = Some(text(ApplicantText::ReceivingAgencyHint));
        fields.push(f);
    }
    fields
}
