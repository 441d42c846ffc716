//! What the slips need from the web application: who may read a dossier's slips (a
//! session, or the applicant's ID number or phone as in the public lookup), the address
//! their QR code opens, and the Vietnamese words and unit names the core's slips print.
//! The slips themselves are built by `motcua_core::slips`. Server only.

use motcua_core::slips::{Reader, SlipNames};
use motcua_domain::ids::DossierCode;
use motcua_domain::procedure::{CopyKind, Delivery};
use motcua_domain::text::Lang;
use motcua_domain::workflow::Status;

use crate::api::state::Units;

/// The unit catalogue and the translation layer's Vietnamese words, as the slips need them.
pub struct VietnameseNames<'a>(pub &'a Units);

impl SlipNames for VietnameseNames<'_> {
    fn unit(&self, code: &str) -> Option<String> {
        self.0.name(code).map(str::to_string)
    }
    fn status(&self, status: Status) -> &'static str {
        crate::i18n::status_name(Lang::Vi, status)
    }
    fn copy_kind(&self, copy: CopyKind) -> &'static str {
        crate::api::filing_copy_name(Lang::Vi, copy)
    }
    fn delivery(&self, delivery: Delivery) -> &'static str {
        crate::i18n::delivery_name(Lang::Vi, delivery)
    }
}

/// Who may see a dossier's slips, and which: staff of the dossier's agency see all; the
/// citizen who owns it (signed in) or who gives the applicant's ID number or phone
/// (`id_or_phone`, as in the public lookup, and rate-limited the same way) see the slips
/// addressed to them. `None` for anybody else, exactly as for an unknown dossier.
pub async fn access(
    state: &crate::api::AppState,
    headers: &http::HeaderMap,
    code: &DossierCode,
    id_or_phone: &str,
    ip: std::net::IpAddr,
) -> Result<Option<(motcua_core::workflow::Loaded, Reader)>, motcua_store::StoreError> {
    use motcua_core::citizen_access::proven_under_limit;
    use motcua_core::workflow::{Who, load_if_visible};
    let store = &state.store;
    if let Some(account) = crate::auth::account_for(state, headers).await {
        let staff = account.kind == motcua_store::AccountKind::Staff;
        let (who, reader) = if staff {
            (Who::Staff(account), Reader::Staff)
        } else {
            (Who::Citizen(Some(account)), Reader::Citizen)
        };
        if let Some(l) = load_if_visible(store, &who, code).await? {
            return Ok(Some((l, reader)));
        }
    }
    let limiter = &state.lookup_limiter;
    if proven_under_limit(store, limiter.as_ref(), code, id_or_phone, ip)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    Ok(load_if_visible(store, &Who::Citizen(None), code)
        .await?
        .map(|l| (l, Reader::Citizen)))
}

/// The public lookup address of a dossier: on the configured public address, or on the
/// site this request came to when none is configured.
pub fn lookup_url(site: &crate::auth::PublicUrl, headers: &http::HeaderMap, code: &str) -> String {
    format!("{}/tra-cuu?ma={code}", site.base(headers))
}
