//! Creating staff accounts from the command line and for the demo.

use motcua_domain::workflow::StaffRole;
use motcua_store::{AccountKind, NewAccount, Store};

/// Creates a staff account of `agency` with `roles` and the given password. The agency must
/// exist; every role must be one of reception, specialist, leader, clerk, admin.
pub async fn add_staff(
    store: &Store,
    login: &str,
    name: &str,
    agency: &str,
    roles: &[String],
    phone: Option<String>,
    password: &str,
) -> Result<i64, String> {
    let roles = parse_roles(roles)?;
    if password.chars().count() < app::auth::MIN_PASSWORD_LEN {
        return Err(format!(
            "the password needs at least {} characters",
            app::auth::MIN_PASSWORD_LEN
        ));
    }
    let hash = app::auth::hash_password(password)?;
    create(store, login, name, agency, roles, phone, hash).await
}

/// Parses role names, refusing unknown ones.
pub fn parse_roles(roles: &[String]) -> Result<Vec<StaffRole>, String> {
    roles
        .iter()
        .map(|r| {
            StaffRole::parse(r.trim()).ok_or_else(|| {
                format!("unknown role {r:?}: use reception, specialist, leader, clerk or admin")
            })
        })
        .collect()
}

/// Creates the account with an already computed password hash.
pub async fn create(
    store: &Store,
    login: &str,
    name: &str,
    agency: &str,
    roles: Vec<StaffRole>,
    phone: Option<String>,
    password_hash: String,
) -> Result<i64, String> {
    let login = login.trim().to_lowercase();
    if login.is_empty() || login.chars().any(char::is_whitespace) {
        return Err("the login must be one word".into());
    }
    if store
        .agency(agency)
        .await
        .map_err(|e| e.to_string())?
        .is_none()
    {
        return Err(format!("no agency {agency}"));
    }
    store
        .create_account(
            &NewAccount {
                kind: AccountKind::Staff,
                login,
                full_name: name.trim().to_string(),
                phone,
                email: None,
                agency_code: Some(agency.to_string()),
                password_hash,
                roles,
            },
            app::api::state::now_utc(),
        )
        .await
        .map_err(|e| e.to_string())
}
