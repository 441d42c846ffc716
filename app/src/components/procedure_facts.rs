//! A procedure's level-1 information: documents, time, fees, legal basis, results.

use leptos::prelude::*;
use motcua_domain::format::format_vnd;
use motcua_domain::procedure::{DurationUnit, Level, Online, Procedure};

use crate::i18n::{Key, Lang, t};

/// "15 ngày làm việc" and the like.
pub fn duration_text(p: &Procedure, lang: Lang) -> String {
    let unit = match p.duration.unit {
        DurationUnit::WorkingDays => Key::UnitWorkingDays,
        DurationUnit::WorkingHours => Key::UnitWorkingHours,
        DurationUnit::CalendarDays => Key::UnitCalendarDays,
    };
    let amount = p.duration.amount;
    let amount = if amount.fract() == 0.0 {
        format!("{amount:.0}")
    } else {
        amount.to_string().replace('.', ",")
    };
    format!("{amount} {}", t(lang, unit))
}

#[component]
pub fn ProcedureFacts(procedure: Procedure, lang: Lang) -> impl IntoView {
    let p = procedure;
    let level = t(
        lang,
        if p.level == Level::Commune {
            Key::ProcedureLevelCommune
        } else {
            Key::ProcedureLevelProvince
        },
    );
    let online = t(
        lang,
        if p.online == Online::Full {
            Key::OnlineFull
        } else {
            Key::OnlinePartial
        },
    );
    let fees = if p.fees.is_empty() {
        view! { <p>{t(lang, Key::NoFee)}</p> }.into_any()
    } else {
        view! {
            <ul>
                {p.fees.iter().map(|f| view! { <li>{f.label.get(lang).to_string()}": "<strong>{format_vnd(f.amount_vnd)}</strong></li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let delivery = p
        .result
        .delivery
        .iter()
        .map(|d| crate::i18n::delivery_name(lang, *d))
        .collect::<Vec<_>>()
        .join("; ");
    let documents = p
        .documents
        .iter()
        .map(|d| {
            let need = if d.visible_if.is_some() {
                Key::DocumentConditional
            } else if d.required {
                Key::DocumentRequired
            } else {
                Key::DocumentOptional
            };
            view! {
                <li>
                    {d.name.get(lang).to_string()}
                    <span class="meta">
                        {crate::api::filing_copy_name(lang, d.copy)}", "{t(lang, Key::Quantity).to_lowercase()}": "{d.quantity}" · "{t(lang, need)}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <dl class="facts">
            <dt>{t(lang, Key::Code)}</dt><dd>{p.code.clone()}</dd>
            <dt>{t(lang, Key::Sector)}</dt><dd>{p.sector.get(lang).to_string()}</dd>
            <dt>{t(lang, Key::Level)}</dt><dd>{level}</dd>
            <dt>{t(lang, Key::OnlineLevel)}</dt><dd>{online}</dd>
            <dt>{t(lang, Key::ProcessingTime)}</dt><dd>{duration_text(&p, lang)}</dd>
            <dt>{t(lang, Key::Result)}</dt><dd>{p.result.name.get(lang).to_string()}</dd>
            <dt>{t(lang, Key::ResultDelivery)}</dt><dd>{delivery}</dd>
        </dl>
        <h2>{t(lang, Key::Documents)}</h2>
        <ul class="documents">{documents}</ul>
        <h2>{t(lang, Key::Fees)}</h2>
        {fees}
        <h2>{t(lang, Key::LegalBasis)}</h2>
        <ul>{p.legal_basis.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
    }
}
