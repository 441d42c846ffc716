//! An admin adds a staff member to their own agency.

use motcua_domain::audit::AuditAction;
use motcua_domain::ids::Phone;
use motcua_store::{Account, AccountKind, AccountStore, AuditStore, NewAccount, StoreError};
use time::OffsetDateTime;

use super::Problem;
use super::admin_staff::{AdminError, admins_agency, record};
use super::password::NewPassword;
use super::staff_input::{parse_full_name, parse_roles, parse_typed_login};
use crate::audit::{Act, Origin};

/// What the admin's form sends, as typed.
pub struct NewStaffForm<'a> {
    pub login: &'a str,
    pub full_name: &'a str,
    /// Optional: empty for none.
    pub phone: &'a str,
    /// The role names ticked.
    pub roles: &'a [String],
    pub password: &'a str,
    pub confirmation: &'a str,
}

/// Creates the staff account of `form` in `admin`'s agency at `now`: its id. Every problem
/// of the form is reported at once (a login already taken first), before the slow hashing.
pub async fn add_staff(
    store: &(impl AccountStore + AuditStore),
    admin: &Account,
    form: &NewStaffForm<'_>,
    origin: &Origin,
    now: OffsetDateTime,
) -> Result<i64, AdminError> {
    let agency = admins_agency(admin)?.clone();
    let mut problems = vec![];
    let login = noted(&mut problems, parse_typed_login(form.login));
    let full_name = noted(&mut problems, parse_full_name(form.full_name));
    let phone_text = form.phone.trim();
    let phone = Phone::parse(phone_text).ok();
    if !phone_text.is_empty() && phone.is_none() {
        problems.push(Problem::PhoneInvalid);
    }
    let roles = noted(&mut problems, parse_roles(form.roles));
    let password = noted(
        &mut problems,
        NewPassword::parse(form.password, form.confirmation),
    );
    if let Some(login) = &login
        && store.account_for_sign_in(login).await?.is_some()
    {
        problems.insert(0, Problem::LoginTaken);
    }
    let (Some(login), Some(full_name), Some(roles), Some(password), true) =
        (login, full_name, roles, password, problems.is_empty())
    else {
        return Err(AdminError::Invalid(problems));
    };
    let act =
        Act::new(AuditAction::StaffAdded).saying(motcua_domain::workflow::StaffRole::codes(&roles));
    let new = NewAccount {
        kind: AccountKind::Staff,
        login,
        full_name,
        phone,
        email: None,
        agency_code: Some(agency),
        password_hash: password.hash().await?,
        roles,
    };
    let id = match store.create_account(&new, now).await {
        Ok(id) => id,
        Err(StoreError::Conflict(_)) => return Err(Problem::LoginTaken.into()),
        Err(e) => return Err(e.into()),
    };
    record(store, origin, admin, act, id, now).await?;
    Ok(id)
}

/// The value of `checked`, or `None` with its problem added to `problems`.
fn noted<T>(problems: &mut Vec<Problem>, checked: Result<T, Problem>) -> Option<T> {
    checked.map_err(|p| problems.push(p)).ok()
}
