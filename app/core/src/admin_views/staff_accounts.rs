//! The staff accounts an admin manages: those of their own agency.

use motcua_store::{Account, AccountStore, StoreError};

/// One staff account of the admin's agency.
pub struct StaffAccount {
    pub account: Account,
    /// The signed-in admin's own account, which cannot lose its admin role or be locked
    /// (`accounts::admin_staff`).
    pub me: bool,
}

/// The staff accounts of `admin`'s agency, by name.
pub async fn staff_accounts(
    store: &impl AccountStore,
    admin: &Account,
) -> Result<Vec<StaffAccount>, StoreError> {
    let Some(agency) = &admin.agency_code else {
        return Ok(vec![]);
    };
    Ok(store
        .staff_of_agency(agency)
        .await?
        .into_iter()
        .map(|account| StaffAccount {
            me: account.id == admin.id,
            account,
        })
        .collect())
}
