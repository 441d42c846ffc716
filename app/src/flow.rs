//! The filing flow as the pages see it. Its rules (the pages and their order, what a draft
//! keeps, re-validating every page in order) are the domain's (`motcua_domain::filing`),
//! re-exported here; what is left is text: the applicant page's labels and the upload
//! messages, both through the translation layer.

use std::collections::BTreeMap;

use motcua_domain::procedure::{Field, Procedure};
use motcua_domain::text::Text;
use motcua_domain::upload::UploadProblemKind;

use motcua_domain::filing::ApplicantText;
pub use motcua_domain::filing::{
    AGENCY_FIELD, APPLICANT, DOCUMENTS, DraftState, Evaluated, PageKind, RECEIPT, REVIEW,
    UploadProblem, evaluate, merge, next_page, page_kind, pages, prefilled, previous_page,
};

use crate::i18n::{Key, Lang, t};

/// Text in both UI languages, for fields the product defines itself.
fn both(key: Key) -> Text {
    Text::Localized(BTreeMap::from([
        ("vi".to_string(), t(Lang::Vi, key).to_string()),
        ("en".to_string(), t(Lang::En, key).to_string()),
    ]))
}

/// The translation of each applicant-page text.
fn applicant_text(text: ApplicantText) -> Text {
    both(match text {
        ApplicantText::FullName => Key::ApplicantFullName,
        ApplicantText::IdNumber => Key::ApplicantIdNumber,
        ApplicantText::Phone => Key::ApplicantPhone,
        ApplicantText::Email => Key::ApplicantEmail,
        ApplicantText::BirthDate => Key::ApplicantBirthDate,
        ApplicantText::Address => Key::ApplicantAddress,
        ApplicantText::ReceivingAgency => Key::ReceivingAgency,
        ApplicantText::ReceivingAgencyHint => Key::ReceivingAgencyHint,
    })
}

/// The applicant page's fields, labelled in both languages (see
/// [`motcua_domain::filing::applicant_fields`]).
pub fn applicant_fields(procedure: &Procedure, agencies: &[(String, String)]) -> Vec<Field> {
    motcua_domain::filing::applicant_fields(procedure, agencies, &applicant_text)
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
        (Lang::Vi, UploadProblemKind::DraftFull) => format!(
            "Chưa giữ được tệp cho {document}: hồ sơ đã có đủ {} tệp hoặc {} MB. Hãy gỡ bớt \
             tệp không cần rồi tải lại",
            motcua_domain::upload::MAX_FILES_PER_DRAFT,
            motcua_domain::format::format_decimal(motcua_domain::upload::MAX_DRAFT_MB)
        ),
        (Lang::Vi, UploadProblemKind::TooManyPixels) => format!(
            "Ảnh chọn cho {document} quá lớn (hơn {} triệu điểm ảnh) hoặc không đọc được: hãy \
             chụp lại ảnh",
            motcua_domain::upload::MAX_MEGAPIXELS
        ),
        (Lang::Vi, UploadProblemKind::Malware) => format!(
            "Tệp chọn cho {document} bị phần mềm diệt virus chặn: hãy quét virus trên máy của \
             bạn, hoặc chụp hoặc quét lại giấy tờ rồi tải tệp mới"
        ),
        (Lang::Vi, UploadProblemKind::ScanUnavailable) => format!(
            "Chưa kiểm tra được tệp chọn cho {document}, nên tệp chưa được giữ: hãy tải lại \
             sau vài phút. Những gì bạn đã nhập vẫn được giữ"
        ),
        (Lang::Vi, UploadProblemKind::TooLargeToScan) => format!(
            "Tệp chọn cho {document} lớn hơn mức phần mềm diệt virus kiểm tra được, nên tệp \
             chưa được giữ: hãy chọn tệp nhỏ hơn (chụp ảnh với độ phân giải thấp hơn hoặc tách \
             tệp PDF)"
        ),
        (Lang::En, UploadProblemKind::Missing) => format!("Upload {document}"),
        (Lang::En, UploadProblemKind::TooLargeToScan) => format!(
            "The file chosen for {document} is larger than the virus check takes, so it was not \
             kept: choose a smaller file (a lower-resolution photo, or split the PDF)"
        ),
        (Lang::En, UploadProblemKind::Malware) => format!(
            "The file chosen for {document} was stopped by the virus check: scan your device, \
             or photograph or scan the document again and upload the new file"
        ),
        (Lang::En, UploadProblemKind::ScanUnavailable) => format!(
            "The file chosen for {document} could not be checked yet, so it was not kept: \
             upload it again in a few minutes. What you typed is kept"
        ),
        (Lang::En, UploadProblemKind::Empty) => {
            format!("The file chosen for {document} is empty: choose it again")
        }
        (Lang::En, UploadProblemKind::TooLarge { max_mb }) => format!(
            "The file chosen for {document} is larger than {max_mb} MB: choose a smaller file \
             or take the photo again"
        ),
        (Lang::En, UploadProblemKind::TooManyPixels) => format!(
            "The photo chosen for {document} is too large (over {} megapixels) or cannot be \
             read: take the photo again",
            motcua_domain::upload::MAX_MEGAPIXELS
        ),
        (Lang::En, UploadProblemKind::DraftFull) => format!(
            "The file for {document} was not kept: the dossier already holds {} files or {} MB. \
             Remove files you do not need, then upload it again",
            motcua_domain::upload::MAX_FILES_PER_DRAFT,
            motcua_domain::upload::MAX_DRAFT_MB
        ),
        (Lang::En, UploadProblemKind::WrongType { accepted }) => format!(
            "The file chosen for {document} must be a {} file",
            formats(accepted)
        ),
    }
}
