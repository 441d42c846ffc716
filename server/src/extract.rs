//! Who is signed in, and may they be here: one extractor per kind of signed-in person, so a
//! handler states its guard in its signature and cannot forget it.
//!
//! - [`SignedInStaff`]: a staff member of any role;
//! - [`SignedInAdmin`]: a staff member with the admin role;
//! - [`SignedInCitizen`]: a citizen;
//! - [`SignedIn`]: anyone signed in (their own account: the password change).
//!
//! Nobody, or an account of the other kind, is answered 303 to the sign-in page, which comes
//! back afterwards: to this page for a `GET`, and for a form post to the page the form was
//! on (its same-site `Referer`; the post's own address shows nothing). Staff without the
//! admin role get 404 from [`SignedInAdmin`], as for a page that does not exist.

use axum::extract::{FromRequestParts, OriginalUri};
use axum::response::Response;
use http::request::Parts;
use http::{Method, header};
use motcua_core::audit::Origin;
use motcua_domain::workflow::StaffRole;
use motcua_store::{Account, AccountKind};

use crate::not_found::not_found;
use crate::router::ServerState;
use crate::routes::{local_path, see_other};

/// The signed-in staff member (any role).
pub struct SignedInStaff(pub Account);

/// The signed-in staff member with the admin role.
pub struct SignedInAdmin(pub Account);

/// The signed-in citizen.
pub struct SignedInCitizen(pub Account);

/// Anyone signed in, citizen or officer (their own account's pages).
pub struct SignedIn(pub Account);

/// Where the request came from (its id and the client's address), for the audit trail.
pub struct RequestOrigin(pub Origin);

impl<S: Send + Sync> FromRequestParts<S> for RequestOrigin {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestOrigin(app::api::origin::origin_of(parts)))
    }
}

impl FromRequestParts<ServerState> for SignedInStaff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &ServerState) -> Result<Self, Response> {
        signed_in(parts, state, Some(AccountKind::Staff))
            .await
            .map(SignedInStaff)
    }
}

impl FromRequestParts<ServerState> for SignedInAdmin {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &ServerState) -> Result<Self, Response> {
        let SignedInStaff(account) = SignedInStaff::from_request_parts(parts, state).await?;
        if !account.has_role(StaffRole::Admin) {
            return Err(not_found());
        }
        Ok(SignedInAdmin(account))
    }
}

impl FromRequestParts<ServerState> for SignedInCitizen {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &ServerState) -> Result<Self, Response> {
        signed_in(parts, state, Some(AccountKind::Citizen))
            .await
            .map(SignedInCitizen)
    }
}

/// The account of `kind` signed in on this request, or the answer "sign in first".
impl FromRequestParts<ServerState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &ServerState) -> Result<Self, Response> {
        signed_in(parts, state, None).await.map(SignedIn)
    }
}

/// The account signed in, if it is of `kind` (any kind for `None`); otherwise the answer
/// that sends the browser to sign in and come back.
async fn signed_in(
    parts: &Parts,
    state: &ServerState,
    kind: Option<AccountKind>,
) -> Result<Account, Response> {
    match app::auth::account_for(&state.app, &parts.headers).await {
        Some(account) if kind.is_none_or(|k| account.kind == k) => Ok(account),
        _ => Err(match come_back_to(parts, state) {
            Some(page) => see_other(&format!(
                "/dang-nhap?tiep={}",
                motcua_domain::url::urlencode(&page)
            )),
            None => see_other("/dang-nhap"),
        }),
    }
}

/// The page to come back to after signing in (see the module doc), if any.
fn come_back_to(parts: &Parts, state: &ServerState) -> Option<String> {
    let here = if matches!(parts.method, Method::GET | Method::HEAD) {
        let uri = parts
            .extensions
            .get::<OriginalUri>()
            .map_or(&parts.uri, |o| &o.0);
        uri.path_and_query()?.as_str().to_string()
    } else {
        let referer = parts.headers.get(header::REFERER)?.to_str().ok()?;
        let site = state.app.settings.public_url.base(&parts.headers);
        referer.strip_prefix(&site)?.to_string()
    };
    local_path(&here).map(str::to_string)
}
