//! `POST /ho-so-cua-toi/nhan`: a signed-in citizen claims a dossier filed as a guest
//! ([`motcua_core::accounts::claim`]). Misses count against the lookup's rate limit.

use std::net::SocketAddr;

use axum::Form;
use axum::extract::{ConnectInfo, State};
use axum::response::Response;
use motcua_core::accounts::claim::{ClaimError, claim};

use crate::extract::SignedInCitizen;
use crate::router::ServerState;
use crate::routes::lookup::CodeAndProof;
use crate::routes::see_other;

pub async fn post(
    State(state): State<ServerState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    SignedInCitizen(account): SignedInCitizen,
    Form(form): Form<CodeAndProof>,
) -> Response {
    let app = &state.app;
    // Counted before the check and taken back on success, as in the lookup.
    if app.lookup_limiter.attempt(addr.ip()).await.is_err() {
        return see_other("/ho-so-cua-toi?nhan=sai#loi");
    }
    match claim(&app.store, &account, &form.ma, &form.giay_to).await {
        Ok(()) => {
            app.lookup_limiter.forgive(addr.ip()).await;
            see_other("/ho-so-cua-toi?nhan=ok")
        }
        Err(e) => {
            if let ClaimError::Store(e) = e {
                tracing::error!(error = %e, "claiming a dossier failed");
            }
            see_other("/ho-so-cua-toi?nhan=sai#loi")
        }
    }
}
