//! Wording the staff dossier page model from what the core loaded
//! (`motcua_core::dossier_view`): labels, formats and links in the page's language. Server
//! only.

use motcua_core::dossier_view::{ActionChoice, DocumentFile, StaffDossier};
use motcua_domain::calendar::walk_lines;
use motcua_domain::format::format_datetime_vn;
use motcua_domain::procedure::Procedure;
use motcua_domain::workflow::{Action, EventDetails, StepEntered, StepLeft};
use motcua_store::{Event, RecordedActor};
use serde_json::Value;
use time::OffsetDateTime;

use crate::api::staff::{
    ActionOffer, AnswerLine, AnswerSection, AssigneeOption, DocumentLine, Officer,
    StaffDossierView, TimelineLine,
};
use crate::api::state::Units;
use crate::components::answer_rows::{AnswerRow, answer_rows};
use crate::i18n::{Key, Lang, t};

/// One action button with what its form asks for.
fn offer(choice: ActionChoice) -> ActionOffer {
    let needs = choice.action.needs();
    ActionOffer {
        action: choice.action,
        reason: needs.reason,
        items: needs.items,
        result_document: needs.result_document,
        new_due: needs.new_due,
        assignees: choice
            .assignees
            .into_iter()
            .map(|a| AssigneeOption {
                account_id: a.account_id,
                name: a.name,
                open_steps: a.open_steps,
            })
            .collect(),
    }
}

/// A step's title by id.
pub fn step_title(p: &Procedure, id: &str, lang: Lang) -> String {
    p.process
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.title.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn rows_by_label(rows: Vec<AnswerRow>) -> Vec<(String, String)> {
    rows.into_iter()
        .filter(|r| !r.heading)
        .map(|r| (r.label, r.value))
        .collect()
}

/// The answers by form page, each with the values earlier supplement rounds replaced.
pub fn answer_sections(
    p: &Procedure,
    current: &Value,
    versions: &[(i64, Value)],
    units: &Units,
    lang: Lang,
) -> Vec<AnswerSection> {
    let unit_name = |c: &str| units.name(c).map(str::to_string);
    let empty = serde_json::Map::new();
    let as_map = |v: &Value| v.as_object().cloned().unwrap_or_else(|| empty.clone());
    p.form
        .iter()
        .map(|step| {
            let now = answer_rows(&step.fields, &as_map(current), lang, &unit_name);
            let earlier: Vec<(i64, Vec<(String, String)>)> = versions
                .iter()
                .map(|(round, v)| {
                    (
                        *round,
                        rows_by_label(answer_rows(&step.fields, &as_map(v), lang, &unit_name)),
                    )
                })
                .collect();
            AnswerSection {
                title: step.title.get(lang).to_string(),
                lines: now
                    .into_iter()
                    .map(|r| {
                        let before = earlier
                            .iter()
                            .filter_map(|(round, rows)| {
                                rows.iter()
                                    .find(|(l, _)| *l == r.label)
                                    .filter(|(_, v)| *v != r.value)
                                    .map(|(_, v)| (*round, v.clone()))
                            })
                            .collect();
                        AnswerLine {
                            label: r.label,
                            value: r.value,
                            earlier: before,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Worded facts of an event's details, for the timeline.
pub fn event_notes(e: &Event, p: &Procedure, lang: Lang) -> Vec<String> {
    let moment =
        |key: Key, at: OffsetDateTime| format!("{}: {}", t(lang, key), format_datetime_vn(at));
    let entered = |s: &StepEntered| {
        let assignee = s
            .assignee
            .as_ref()
            .map(|a| format!("{}: {}", t(lang, Key::AssignedTo), a.name));
        assignee
            .into_iter()
            .chain([moment(Key::StepDue, s.step_due)])
    };
    let left = |l: &Option<StepLeft>| {
        l.iter()
            .map(|l| {
                format!(
                    "{}: {}",
                    t(lang, Key::StepDone),
                    step_title(p, &l.step, lang)
                )
            })
            .collect::<Vec<_>>()
    };
    match &e.details {
        EventDetails::RequestSupplement { items } => items
            .iter()
            .enumerate()
            .map(|(i, item)| format!("{}. {}", i + 1, item.label))
            .collect(),
        EventDetails::Accept { due, .. } => vec![moment(Key::DueMoment, *due)],
        EventDetails::StartProcessing { entered: s } => entered(s).collect(),
        EventDetails::NextStep {
            left: l,
            entered: s,
        } => entered(s).chain(left(l)).collect(),
        EventDetails::Finish { left: l } => left(l),
        EventDetails::Apologize {
            new_due,
            responsible_unit,
            ..
        } => vec![
            moment(Key::NewDueMoment, *new_due),
            format!("{}: {responsible_unit}", t(lang, Key::ResponsibleUnit)),
        ],
        EventDetails::FeePaid { pause } | EventDetails::Resupply { pause } => pause
            .iter()
            .map(|pause| {
                format!(
                    "{}: {} {}",
                    t(lang, Key::PausedFor),
                    motcua_domain::format::format_decimal(pause.minutes as f64 / 60.0),
                    t(lang, Key::UnitWorkingHours)
                )
            })
            .collect(),
        EventDetails::Unreadable => vec![t(lang, Key::EventUnreadable).to_string()],
        EventDetails::ApproveStop => {
            vec![crate::i18n::action_name(lang, Action::ApproveStop).to_string()]
        }
        EventDetails::Filed
        | EventDetails::Refuse
        | EventDetails::Withdraw
        | EventDetails::RequestFee
        | EventDetails::Stop { .. }
        | EventDetails::ReturnResult => vec![],
    }
}

/// The staff dossier page model, in `lang`.
pub fn dossier_view(
    units: &Units,
    officer: Officer,
    found: StaffDossier,
    lang: Lang,
) -> StaffDossierView {
    let StaffDossier {
        loaded,
        events,
        answer_versions: versions,
        attachments,
        documents,
        due_walk: walk,
        assignee,
        actions,
        slips,
        overdue,
        step_overdue,
    } = found;
    let d = &loaded.dossier;
    let p = &loaded.procedure;
    let a = &d.applicant;
    let mut applicant = vec![
        (
            t(lang, Key::ApplicantFullName).to_string(),
            a.full_name.clone(),
        ),
        (
            t(lang, Key::ApplicantIdNumber).to_string(),
            a.id_number.to_string(),
        ),
        (
            t(lang, Key::ApplicantPhone).to_string(),
            a.phone.to_string(),
        ),
    ];
    if let Some(email) = &a.email {
        applicant.push((t(lang, Key::ApplicantEmail).to_string(), email.clone()));
    }
    let slips = slips
        .into_iter()
        .map(|(slip, event_id)| {
            let href = match event_id {
                Some(id) => format!("/phieu/{}/{}?su-kien={id}", d.code, slip.number()),
                None => format!("/phieu/{}/{}", d.code, slip.number()),
            };
            (slip.number().to_string(), slip.title_vi().to_string(), href)
        })
        .collect();
    let timeline = events
        .iter()
        .map(|e| TimelineLine {
            at: format_datetime_vn(e.at),
            from: e.from_status,
            to: e.to_status,
            actor: match e.recorded_actor() {
                RecordedActor::Citizen => t(lang, Key::Citizen).to_string(),
                RecordedActor::Staff(name) => name.to_string(),
            },
            step: e.step.as_deref().map(|s| step_title(p, s, lang)),
            reason: e.reason.clone(),
            notes: event_notes(e, p, lang),
            attachments: attachments
                .iter()
                .filter(|x| x.event_id == e.id)
                .map(|x| {
                    (
                        x.original_name.clone(),
                        format!("/can-bo/ho-so/{}/dinh-kem/{}", d.code, x.id),
                    )
                })
                .collect(),
        })
        .collect();
    let doc_name = |id: &str| {
        p.documents
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let item_choices = p
        .form
        .iter()
        .flat_map(|s| &s.fields)
        .map(|f| (format!("field:{}", f.id), f.label.get(lang).to_string()))
        .chain(
            p.documents
                .iter()
                .map(|x| (format!("document:{}", x.id), x.name.get(lang).to_string())),
        )
        .collect();
    StaffDossierView {
        officer,
        code: d.code.clone(),
        procedure: p.name.get(lang).to_string(),
        procedure_version: p.version.clone(),
        status: d.status,
        applicant,
        filed_at: format_datetime_vn(d.filed_at),
        accepted_at: d.state.accepted_at.map(format_datetime_vn),
        due: d.state.due_at.map(format_datetime_vn),
        statutory_due: d
            .state
            .statutory_due_at
            .filter(|s| Some(*s) != d.state.due_at)
            .map(format_datetime_vn),
        overdue,
        step: d
            .state
            .current_step
            .as_deref()
            .map(|s| step_title(p, s, lang)),
        step_due: d.state.step_due_at.map(format_datetime_vn),
        step_overdue,
        assignee,
        due_walk: walk.as_ref().map(walk_lines).unwrap_or_default(),
        answers: answer_sections(p, &d.answers, &versions, units, lang),
        documents: documents
            .into_iter()
            .map(
                |DocumentFile {
                     file: f,
                     round,
                     superseded,
                 }| DocumentLine {
                    href: format!("/can-bo/ho-so/{}/tep/{}", d.code, f.id),
                    id: f.id,
                    document: doc_name(&f.document_id),
                    name: f.original_name,
                    size: motcua_domain::format::format_file_size(f.size),
                    round,
                    superseded,
                },
            )
            .collect(),
        timeline,
        actions: actions.into_iter().map(offer).collect(),
        item_choices,
        slips,
    }
}
