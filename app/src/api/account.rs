//! The page model of the signed-in person's own account page (the password change), for
//! citizens and staff alike.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::ApiError;
use crate::api::staff::Guarded;

/// Who is signed in, and the page they come from and go back to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnAccount {
    pub name: String,
    /// `/can-bo` for staff, `/ho-so-cua-toi` for a citizen.
    pub home: String,
}

#[server(endpoint = "tai-khoan")]
pub async fn get_own_account() -> Result<Guarded<OwnAccount>, ApiError> {
    use motcua_store::AccountKind;
    let Some(account) = crate::auth::current_account().await else {
        return Ok(Guarded::SignInFirst);
    };
    let home = match account.kind {
        AccountKind::Staff => "/can-bo",
        AccountKind::Citizen => "/ho-so-cua-toi",
    };
    Ok(Guarded::Ok(OwnAccount {
        name: account.full_name,
        home: home.to_string(),
    }))
}
