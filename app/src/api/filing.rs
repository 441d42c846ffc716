//! Page models for the filing flow (`/thu-tuc/{code}/nop/{token}/{page}`). Posts to those
//! pages are handled by the server's form handlers, which save and redirect back here.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::answer_rows::AnswerRow;
use crate::components::fields::FormModel;
use crate::i18n::Lang;
#[cfg(feature = "ssr")]
use motcua_store::prelude::*;

/// Where the citizen is in the flow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub procedure_code: String,
    pub procedure_name: String,
    /// 1-based page number and page count (the receipt is not counted).
    pub number: usize,
    pub count: usize,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: String,
    pub name: String,
    pub copy: String,
    pub quantity: u32,
    pub required: bool,
    /// `accept` attribute value, e.g. `.pdf,.jpg,.jpeg,.png`.
    pub accept: String,
    pub formats: String,
    pub max_mb: f64,
    pub files: Vec<FileView>,
    pub problem: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileView {
    pub id: i64,
    pub name: String,
    pub size: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewSection {
    pub title: String,
    pub change_href: String,
    pub rows: Vec<AnswerRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    pub code: motcua_domain::ids::DossierCode,
    pub procedure_name: String,
    pub agency_name: String,
    pub applicant_name: String,
    pub status: motcua_domain::workflow::Status,
    pub filed_at: String,
    pub documents: Vec<(String, Vec<String>)>,
    pub lookup_href: String,
    /// The dossier's access code in groups of four, from the draft it was filed from: only
    /// the holder of the filing token sees it (`None` for a dossier filed before codes).
    pub access_code: Option<String>,
}

/// What the filing page at a URL shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FilingView {
    NotFound,
    /// The page cannot be shown now; go there instead (e.g. a filed draft → its receipt).
    Redirect(String),
    Form {
        progress: Progress,
        intro: Option<String>,
        model: FormModel,
    },
    Documents {
        progress: Progress,
        action: String,
        back_href: String,
        documents: Vec<DocumentView>,
    },
    Review {
        progress: Progress,
        action: String,
        sections: Vec<ReviewSection>,
        documents: Vec<(String, Vec<String>)>,
        /// The documents page, when the procedure has one (it comes right before this one).
        documents_href: Option<String>,
    },
    Receipt(Receipt),
}

/// The model of page `page` of the filing under `token` for procedure `code`.
#[server(endpoint = "nop-ho-so")]
pub async fn get_filing_page(
    code: String,
    token: String,
    page: String,
    review: bool,
    lang: Lang,
) -> Result<FilingView, crate::api::ApiError> {
    let state = crate::api::AppState::get()?;
    ssr::filing_view(&state, &code, &token, &page, review, lang)
        .await
        .map_err(crate::api::ApiError::internal)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    //! Server-only: loading a draft and building page models.

    use crate::api::filing_copy_name as copy_name;
    use motcua_core::filing::{Filing, FilingToken};
    use motcua_domain::answers::Answers;
    use motcua_domain::ids::DossierCode;
    use motcua_domain::procedure::Procedure;
    use motcua_domain::upload::FileRule;
    use motcua_domain::validate::Context;
    use motcua_store::StoreError;

    use super::*;
    use crate::api::AppState;
    use crate::components::answer_rows::answer_rows;
    use crate::flow::{self, PageKind};
    use crate::i18n::{Key, t};

    /// The address of page `page` of the filing under `token` of procedure `code`.
    pub fn page_href(code: &str, token: &FilingToken, page: &str) -> String {
        format!("/thu-tuc/{code}/nop/{}/{page}", token.as_str())
    }

    /// The address of page `page` of `filing`.
    pub fn href(filing: &Filing, page: &str) -> String {
        page_href(&filing.procedure.code, &filing.token, page)
    }

    /// The applicant page's fields of `filing`, labelled for the pages.
    fn applicant_fields(l: &Filing) -> Vec<motcua_domain::procedure::Field> {
        flow::applicant_fields(&l.procedure, &l.agencies)
    }

    /// The validation context of this deployment, today by its clock (as the posts check).
    fn context(state: &AppState) -> Context<'_> {
        Context {
            today: motcua_domain::format::today_vn(state.clock.now()),
            units: Some(state.units.as_ref()),
        }
    }

    fn progress(l: &Filing, page: &str, lang: Lang, title: String) -> Progress {
        let pages = flow::pages(&l.procedure);
        Progress {
            procedure_code: l.procedure.code.clone(),
            procedure_name: l.procedure.name.get(lang).to_string(),
            number: pages.iter().position(|(s, _)| s == page).unwrap_or(0) + 1,
            count: pages.len(),
            title,
        }
    }

    pub fn human_size(bytes: u64) -> String {
        if bytes >= 1024 * 1024 {
            format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0)).replace('.', ",")
        } else {
            format!("{} KB", bytes.div_ceil(1024))
        }
    }

    async fn documents_received(
        state: &AppState,
        l: &Filing,
        answers: &Answers,
        lang: Lang,
    ) -> Result<Vec<(String, Vec<String>)>, StoreError> {
        let uploads = state.store.uploads(&l.draft.token).await?;
        Ok(documents_with_files(&l.procedure, answers, &uploads, lang))
    }

    /// Each applicable document's name with the names of the files received for it.
    fn documents_with_files(
        procedure: &Procedure,
        answers: &Answers,
        uploads: &[motcua_store::UploadedFile],
        lang: Lang,
    ) -> Vec<(String, Vec<String>)> {
        motcua_domain::condition::applicable_documents(procedure, answers)
            .into_iter()
            .map(|d| {
                let files = uploads
                    .iter()
                    .filter(|u| u.document_id == d.id)
                    .map(|u| u.original_name.clone())
                    .collect();
                (d.name.get(lang).to_string(), files)
            })
            .collect()
    }

    pub async fn receipt(
        state: &AppState,
        dossier_code: &DossierCode,
        access_code: Option<&motcua_domain::ids::AccessCode>,
        lang: Lang,
    ) -> Result<Option<Receipt>, StoreError> {
        let Some(d) = state.store.dossier(dossier_code).await? else {
            return Ok(None);
        };
        let procedure = state.store.procedure_version(d.procedure_id).await?;
        let agency = state.store.agency(&d.agency_code).await?;
        let uploads = state.store.dossier_documents(dossier_code).await?;
        let answers = d.answers.as_object().cloned().unwrap_or_default();
        let documents = procedure
            .as_ref()
            .map(|p| documents_with_files(&p.procedure, &answers, &uploads, lang))
            .unwrap_or_default();
        Ok(Some(Receipt {
            code: d.code.clone(),
            procedure_name: procedure
                .map(|p| p.procedure.name.get(lang).to_string())
                .unwrap_or_default(),
            agency_name: agency
                .map(|a| a.name)
                .unwrap_or_else(|| d.agency_code.to_string()),
            applicant_name: d.applicant.full_name.clone(),
            status: d.status,
            filed_at: motcua_domain::format::format_datetime_vn(d.filed_at),
            documents,
            lookup_href: format!("/tra-cuu?ma={}", d.code),
            access_code: access_code.map(|c| c.grouped()),
        }))
    }

    pub async fn filing_view(
        state: &AppState,
        code: &str,
        token: &str,
        page: &str,
        review: bool,
        lang: Lang,
    ) -> Result<FilingView, StoreError> {
        let Some(token) = FilingToken::parse(token) else {
            return Ok(FilingView::NotFound);
        };
        let Some(l) = Filing::open(&state.store, code, &token).await? else {
            return Ok(FilingView::NotFound);
        };
        if let Some(dossier_code) = &l.draft.dossier_code {
            if page != flow::RECEIPT {
                return Ok(FilingView::Redirect(href(&l, flow::RECEIPT)));
            }
            let access = l.draft.access_code.as_ref();
            return Ok(match receipt(state, dossier_code, access, lang).await? {
                Some(r) => FilingView::Receipt(r),
                None => FilingView::NotFound,
            });
        }
        let Some(kind) = flow::page_kind(&l.procedure, page) else {
            return Ok(FilingView::NotFound);
        };
        let ctx = context(state);
        let applicant_fields = applicant_fields(&l);
        let eval = flow::evaluate(&l.procedure, &applicant_fields, &l.state, &ctx);
        let back_href = flow::previous_page(&l.procedure, page).map(|p| href(&l, &p));
        match kind {
            PageKind::Applicant | PageKind::Step(_) => {
                let (fields, earlier, title, intro) = match kind {
                    PageKind::Step(i) => {
                        let step = &l.procedure.form[i];
                        (
                            step.fields.clone(),
                            eval.before(page),
                            step.title.get(lang).to_string(),
                            None,
                        )
                    }
                    _ => (
                        applicant_fields.clone(),
                        Answers::new(),
                        t(lang, Key::ApplicantStepTitle).to_string(),
                        Some(t(lang, Key::ApplicantIntro).to_string()),
                    ),
                };
                let raw = match l.state.raw.get(page) {
                    Some(raw) => raw.clone(),
                    None => flow::prefilled(&fields, &eval.applicant),
                };
                let mut communes = std::collections::BTreeMap::new();
                for (name, values) in &raw {
                    if name.ends_with(".province") {
                        for p in values {
                            if let Some(list) = state.units.communes.get(p) {
                                communes.insert(p.clone(), list.clone());
                            }
                        }
                    }
                }
                let model = FormModel {
                    lang,
                    action: href(&l, page),
                    fields,
                    raw,
                    errors: l.state.errors.get(page).cloned().unwrap_or_default(),
                    earlier,
                    today: ctx.today.to_string(),
                    provinces: state.units.provinces.clone(),
                    communes,
                    back_href,
                    return_to_review: review,
                    files: vec![],
                    multipart: false,
                };
                Ok(FilingView::Form {
                    progress: progress(&l, page, lang, title),
                    intro,
                    model,
                })
            }
            PageKind::Documents => {
                let answers = eval.answers();
                let uploads = state.store.uploads(&l.draft.token).await?;
                let documents =
                    motcua_domain::condition::applicable_documents(&l.procedure, &answers)
                        .into_iter()
                        .map(|d| {
                            let rule = FileRule::of(d);
                            let names = rule.accepted_names();
                            let mut accept: Vec<String> =
                                names.iter().map(|n| format!(".{n}")).collect();
                            if names.iter().any(|n| n == "jpg") {
                                accept.push(".jpeg".into());
                                accept.push("image/jpeg".into());
                            }
                            if names.iter().any(|n| n == "png") {
                                accept.push("image/png".into());
                            }
                            if names.iter().any(|n| n == "pdf") {
                                accept.push("application/pdf".into());
                            }
                            DocumentView {
                                id: d.id.clone(),
                                name: d.name.get(lang).to_string(),
                                copy: copy_name(lang, d.copy).to_string(),
                                quantity: d.quantity,
                                required: d.required,
                                accept: accept.join(","),
                                formats: names.join(", ").to_uppercase(),
                                max_mb: rule.max_mb,
                                files: uploads
                                    .iter()
                                    .filter(|u| u.document_id == d.id)
                                    .map(|u| FileView {
                                        id: u.id,
                                        name: u.original_name.clone(),
                                        size: human_size(u.size),
                                    })
                                    .collect(),
                                problem: l
                                    .state
                                    .upload_problems
                                    .iter()
                                    .find(|p| p.document_id == d.id)
                                    .map(|p| {
                                        flow::upload_message(lang, d.name.get(lang), &p.problem)
                                    }),
                            }
                        })
                        .collect();
                Ok(FilingView::Documents {
                    progress: progress(
                        &l,
                        page,
                        lang,
                        t(lang, Key::DocumentsStepTitle).to_string(),
                    ),
                    action: href(&l, page),
                    back_href: back_href.unwrap_or_default(),
                    documents,
                })
            }
            PageKind::Review => {
                let eval = match motcua_core::filing::review(
                    &l,
                    state.units.as_ref(),
                    state.clock.now(),
                ) {
                    Ok(eval) => eval,
                    Err(incomplete) => {
                        return Ok(FilingView::Redirect(href(&l, &incomplete.page)));
                    }
                };
                let units = |code: &str| state.units.name(code).map(str::to_string);
                let mut sections = vec![ReviewSection {
                    title: t(lang, Key::ApplicantStepTitle).to_string(),
                    change_href: format!("{}?sua=1", href(&l, flow::APPLICANT)),
                    rows: answer_rows(&applicant_fields, &eval.applicant, lang, &units),
                }];
                for (step, (slug, answers)) in l.procedure.form.iter().zip(&eval.steps) {
                    sections.push(ReviewSection {
                        title: step.title.get(lang).to_string(),
                        change_href: format!("{}?sua=1", href(&l, slug)),
                        rows: answer_rows(&step.fields, answers, lang, &units),
                    });
                }
                let documents = documents_received(state, &l, &eval.answers(), lang).await?;
                Ok(FilingView::Review {
                    progress: progress(&l, page, lang, t(lang, Key::ReviewTitle).to_string()),
                    action: href(&l, page),
                    sections,
                    documents,
                    documents_href: (!l.procedure.documents.is_empty())
                        .then(|| href(&l, flow::DOCUMENTS)),
                })
            }
        }
    }
}
