//! The receipt shown after filing: the dossier code, large and easy to copy, and what was
//! received. Laid out to print on one page.

use leptos::prelude::*;

use crate::api::filing::Receipt;
use crate::components::layout::Layout;
use crate::components::print_button::PrintButton;
use crate::i18n::{Key, Lang, status_name, t};
use crate::pages::review::DocumentList;

#[component]
pub fn ReceiptPage(lang: Lang, receipt: Receipt) -> impl IntoView {
    let r = receipt;
    view! {
        <Layout title=t(lang, Key::ReceiptTitle)>
            <div class="panel success">
                <h1>{t(lang, Key::ReceiptTitle)}</h1>
                <p>{t(lang, Key::DossierCode)}</p>
                <p class="dossier-code" id="ma-ho-so">{r.code.to_string()}</p>
                <p>{t(lang, Key::ReceiptIntro)}</p>
                {r.access_code.map(|code| view! {
                    <p>{t(lang, Key::AccessCode)}</p>
                    <p class="dossier-code" id="ma-truy-cap">{code}</p>
                    <p class="hint">{t(lang, Key::AccessCodeKeep)}</p>
                })}
            </div>
            <dl class="facts">
                <dt>{t(lang, Key::Procedure)}</dt><dd>{r.procedure_name}</dd>
                <dt>{t(lang, Key::ReceivingAgencyLabel)}</dt><dd>{r.agency_name}</dd>
                <dt>{t(lang, Key::Applicant)}</dt><dd>{r.applicant_name}</dd>
                <dt>{t(lang, Key::FiledAt)}</dt><dd>{r.filed_at}</dd>
                <dt>{t(lang, Key::Status)}</dt><dd>{status_name(lang, r.status)}</dd>
            </dl>
            <h2>{t(lang, Key::Documents)}</h2>
            <DocumentList documents=r.documents/>
            <h2>{t(lang, Key::WhatNext)}</h2>
            <p>{t(lang, Key::WhatNextBody)}</p>
            <p class="no-print">
                <a href=r.lookup_href>{t(lang, Key::NavLookup)}</a>
                " "
                <PrintButton label=t(lang, Key::Print) class="secondary"/>
            </p>
        </Layout>
    }
}
