//! The standard slips (mẫu phiếu 01–07) of a dossier, built from the dossier, its procedure
//! version and its append-only events, so a slip printed again later says exactly what it
//! said the first time. The print page (`app/src/pages/slip.rs`) and the PDF
//! (`motcua-slip`) render the same [`SlipDoc`].
//!
//! `context.rs` holds what every slip shares, `applicant.rs` the slips of reception
//! (01–03), `workflow.rs` those of processing (04–06), `tracking_book.rs` slip 07.

mod applicant;
mod context;
mod tracking_book;
mod workflow;

use std::collections::HashMap;

use motcua_domain::ids::AgencyCode;
use motcua_domain::workflow::Slip;
use motcua_slip::{Paper, SlipDoc};
use motcua_store::{AccountStore, DossierStore, StoreError, UnitStore};
use time::OffsetDateTime;

use crate::workflow::Loaded;
pub use context::{SlipContext, SlipNames, class_vi, duration_vi};
pub use tracking_book::{Period, tracking_book, tracking_book_for};

/// The slips a dossier has, with the event that issued each (slip 06 is made from the
/// whole history once the dossier has been accepted).
pub fn issued(
    d: &motcua_store::Dossier,
    events: &[motcua_store::Event],
) -> Vec<(Slip, Option<i64>)> {
    let mut out: Vec<(Slip, Option<i64>)> = events
        .iter()
        .filter_map(|e| Some((e.details.slip()?, Some(e.id))))
        .collect();
    if d.state.accepted_at.is_some() {
        out.push((Slip::S06, None));
    }
    out
}

/// Whether the citizen receives this slip (06 and 07 are the agency's records).
pub fn for_citizen(slip: Slip) -> bool {
    !matches!(slip, Slip::S06 | Slip::S07)
}

/// Who reads a dossier's slips: staff of its agency read all of them, the citizen only
/// those addressed to them ([`for_citizen`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    Staff,
    Citizen,
}

/// Why a slip could not be made; ours, never the reader's.
#[derive(Debug, thiserror::Error)]
pub enum SlipError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The dossier names an agency that is not in the database.
    #[error("agency {0} of the dossier is missing")]
    AgencyMissing(AgencyCode),
}

/// Builds slip `slip` of a dossier. `event` names the event that issued it (for slips
/// 01–05; the latest such event when `None`). `None` when the dossier has no such slip.
pub fn build(c: &SlipContext, slip: Slip, event: Option<i64>) -> Option<SlipDoc> {
    let issued = issued(c.dossier, c.events);
    let event = if slip == Slip::S06 {
        None
    } else {
        let id = match event {
            Some(id) => {
                issued
                    .iter()
                    .find(|(s, e)| *s == slip && *e == Some(id))?
                    .1?
            }
            None => issued.iter().rev().find(|(s, _)| *s == slip)?.1?,
        };
        Some(c.events.iter().find(|e| e.id == id)?)
    };
    let body = match (slip, event) {
        (Slip::S01, Some(e)) => applicant::receipt(c, e),
        (Slip::S02, Some(e)) => applicant::supplement_request(c, e),
        (Slip::S03, Some(e)) => applicant::refusal(c, e),
        (Slip::S04, Some(e)) => workflow::apology(c, e)?,
        (Slip::S05, Some(e)) => workflow::stop(c, e),
        (Slip::S06, None) => workflow::control_sheet(c),
        _ => return None,
    };
    let at = event.map(|e| e.at).unwrap_or(c.now);
    Some(SlipDoc {
        paper: if matches!(slip, Slip::S06 | Slip::S07) {
            Paper::A4
        } else {
            Paper::A5
        },
        agency: c.agency.name.clone(),
        form_number: format!("Mẫu số {}", slip.number()),
        title: slip.title_vi().to_uppercase(),
        dossier_code: Some(c.dossier.code.to_string()),
        qr_url: Some(c.lookup_url.clone()),
        blocks: body.blocks,
        place_date: context::place_date(c.names, c.agency, at),
        signer: body.signer,
    })
}

/// What [`slip_for`] is asked: the slip by its number (`01`…`06`), and the event that
/// issued it when there are several.
pub struct SlipRequest<'a> {
    pub number: &'a str,
    pub event: Option<i64>,
    /// The public lookup address of the dossier, for the QR code.
    pub lookup_url: String,
    pub now: OffsetDateTime,
}

/// Slip `request.number` of a dossier `reader` may see, or `None` when there is no such
/// slip or it is not addressed to them (the same answer, so nothing leaks). Loads what the
/// slip needs: the events, the agency, the officers' names and the files received.
pub async fn slip_for(
    store: &(impl UnitStore + DossierStore + AccountStore),
    names: &dyn SlipNames,
    loaded: &Loaded,
    reader: Reader,
    request: SlipRequest<'_>,
) -> Result<Option<SlipDoc>, SlipError> {
    let Some(slip) = Slip::ALL.into_iter().find(|s| s.number() == request.number) else {
        return Ok(None);
    };
    if reader == Reader::Citizen && !for_citizen(slip) {
        return Ok(None);
    }
    let dossier = &loaded.dossier;
    let events = store.events(&dossier.code).await?;
    let agency = store
        .agency(&dossier.agency_code)
        .await?
        .ok_or_else(|| SlipError::AgencyMissing(dossier.agency_code.clone()))?;
    let mut staff = HashMap::new();
    for id in events.iter().filter_map(|x| x.actor_account_id) {
        if let Some(a) = store.account(id).await? {
            staff.insert(id, (a.full_name, a.phone.map(String::from)));
        }
    }
    let staff = |id: i64| staff.get(&id).cloned();
    let received = store.dossier_documents(&dossier.code).await?;
    let access_code = match slip {
        Slip::S01 => store.receipt_access_code(&dossier.code).await?,
        _ => None,
    };
    let c = SlipContext {
        dossier,
        procedure: &loaded.procedure,
        agency: &agency,
        events: &events,
        names,
        lookup_url: request.lookup_url,
        staff: &staff,
        received: &received,
        now: request.now,
        access_code,
    };
    Ok(build(&c, slip, request.event))
}
