//! `POST /rut-ho-so/{code}`: the citizen withdraws a dossier that is new (1) or waiting for
//! their supplement (5), signed in or with the dossier code and access code of the lookup
//! (`motcua_core::withdraw`). The move (→7) is final; the reason is optional.

use std::net::SocketAddr;

use axum::Form;
use axum::extract::{ConnectInfo, Path, State};
use axum::response::Response;
use http::HeaderMap;
use motcua_core::citizen_access::ActingCitizen;
use motcua_core::withdraw::withdraw;
use motcua_core::workflow::{ActionError, Who};
use motcua_domain::ids::DossierCode;
use serde::Deserialize;

use crate::error::AppError;
use crate::extract::RequestOrigin;
use crate::not_found::not_found;
use crate::router::ServerState;
use crate::routes::see_other;

#[derive(Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    giay_to: String,
    #[serde(default)]
    ly_do: String,
}

pub async fn post(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    RequestOrigin(origin): RequestOrigin,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<WithdrawForm>,
) -> Result<Response, AppError> {
    let app = &state.app;
    let Ok(code) = DossierCode::parse(&code) else {
        return Ok(not_found());
    };
    let found = app::auth::citizen_dossier(app, &headers, &code, &form.giay_to, addr.ip()).await?;
    let Some(ActingCitizen { dossier, who }) = found else {
        return Ok(not_found());
    };
    let signed_in = matches!(who, Who::Citizen(Some(_)));
    let withdrawn = withdraw(
        &app.store,
        &app.calendar_cache,
        &who,
        &dossier.code,
        form.ly_do,
        &origin,
        app.clock.now(),
    );
    let done = match withdrawn.await {
        Ok(()) => true,
        Err(ActionError::Store(e)) => {
            // Ours: the citizen is told it did not happen, the operator finds why.
            tracing::error!(error = %e, "withdrawing a dossier failed");
            false
        }
        Err(_) => false,
    };
    let flag = if done { "rut=1" } else { "rut=0" };
    Ok(if signed_in {
        see_other(&format!("/ho-so-cua-toi?{flag}"))
    } else {
        // The code only: the access code stays out of the URL; the citizen types it again
        // to see the dossier.
        see_other(&format!(
            "/tra-cuu?ma={}&{flag}",
            motcua_domain::url::urlencode(&dossier.code)
        ))
    })
}
