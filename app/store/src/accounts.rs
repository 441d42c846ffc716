//! Accounts (staff of an agency, citizens), their roles, and server-side sessions.
//!
//! Password hashing is the caller's (the store keeps the argon2 PHC string it is given and
//! hands it back for verification); the store never sees a password.

use motcua_domain::ids::{AccessCode, AgencyCode, DossierCode, Phone};
use motcua_domain::workflow::StaffRole;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::dossiers::access_digest;
use crate::drafts::{random_hex, token_hash};
use crate::{Result, Store, StoreError, parse_id, parse_ts, ts};

/// Staff of one agency, or a citizen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    Staff,
    Citizen,
}

impl AccountKind {
    fn as_str(self) -> &'static str {
        match self {
            AccountKind::Staff => "staff",
            AccountKind::Citizen => "citizen",
        }
    }
}

/// An account as the application sees it (without its password hash).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub kind: AccountKind,
    /// Staff: lower-case user name. Citizen: phone `0xxxxxxxxx`.
    pub login: String,
    pub full_name: String,
    pub phone: Option<Phone>,
    pub email: Option<String>,
    /// The agency a staff member belongs to; `None` for citizens.
    pub agency_code: Option<AgencyCode>,
    pub roles: Vec<StaffRole>,
    pub active: bool,
}

impl Account {
    pub fn has_role(&self, role: StaffRole) -> bool {
        self.roles.contains(&role)
    }
}

/// What [`AccountStore::create_account`] needs.
#[derive(Clone, Debug)]
pub struct NewAccount {
    pub kind: AccountKind,
    pub login: String,
    pub full_name: String,
    pub phone: Option<Phone>,
    pub email: Option<String>,
    pub agency_code: Option<AgencyCode>,
    /// argon2id PHC string.
    pub password_hash: String,
    pub roles: Vec<StaffRole>,
}

/// A staff member with how many dossiers they currently hold (status 4 steps assigned to
/// them), for choosing the least loaded by default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffLoad {
    pub account: Account,
    pub open_steps: i64,
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    kind: String,
    login: String,
    full_name: String,
    phone: Option<String>,
    email: Option<String>,
    agency_code: Option<String>,
    /// 0 or 1 (an integer on both backends).
    active: i64,
    roles: Option<String>,
}

/// The columns of an [`AccountRow`] from `accounts a` (a macro, so that `concat!` can build
/// the statements that extend it at compile time).
macro_rules! account_columns {
    () => {
        "SELECT a.id, a.kind, a.login, a.full_name, a.phone, a.email, a.agency_code, a.active,
           (SELECT string_agg(role, ',') FROM account_roles r WHERE r.account_id = a.id)
             AS roles"
    };
}

const ACCOUNT_SELECT: &str = concat!(account_columns!(), " FROM accounts a");

/// [`AccountStore::staff_with_role`]: accounts holding a role, with their open steps.
const STAFF_LOAD_SELECT: &str = concat!(
    account_columns!(),
    ",
       (SELECT count(*) FROM dossiers d WHERE d.assignee_id = a.id AND d.status = 4) AS open_steps
     FROM accounts a JOIN account_roles held ON held.account_id = a.id
     WHERE a.kind = 'staff' AND a.active = 1 AND a.agency_code = $1 AND held.role = $2
     ORDER BY open_steps, a.full_name, a.id"
);

/// An account with its number of open steps.
#[derive(sqlx::FromRow)]
struct LoadRow {
    #[sqlx(flatten)]
    account: AccountRow,
    open_steps: i64,
}

impl TryFrom<AccountRow> for Account {
    type Error = StoreError;
    fn try_from(r: AccountRow) -> Result<Account> {
        let kind = match r.kind.as_str() {
            "staff" => AccountKind::Staff,
            "citizen" => AccountKind::Citizen,
            other => return Err(StoreError::Corrupt(format!("account kind {other:?}"))),
        };
        let roles = parse_roles(r.roles.as_deref().unwrap_or(""))?;
        let what = format!("account {}", r.id);
        Ok(Account {
            id: r.id,
            kind,
            login: r.login,
            full_name: r.full_name,
            phone: (r.phone.as_deref())
                .map(|p| parse_id(&format!("{what} phone"), p))
                .transpose()?,
            email: r.email,
            agency_code: (r.agency_code.as_deref())
                .map(|a| parse_id(&format!("{what} agency"), a))
                .transpose()?,
            roles,
            active: r.active != 0,
        })
    }
}

/// Accounts of citizens and staff, their sessions, and claiming a dossier.
pub trait AccountStore: Send + Sync {
    /// Creates an account with its roles. A login already taken is a `Conflict`.
    fn create_account(
        &self,
        new: &NewAccount,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<i64>> + Send;

    /// The account and its password hash, for signing in.
    fn account_for_sign_in(
        &self,
        login: &str,
    ) -> impl Future<Output = Result<Option<(Account, String)>>> + Send;

    fn account(&self, id: i64) -> impl Future<Output = Result<Option<Account>>> + Send;

    /// Every staff account of an agency, by name.
    fn staff_of_agency(
        &self,
        agency_code: &AgencyCode,
    ) -> impl Future<Output = Result<Vec<Account>>> + Send;

    /// Active staff of an agency holding `role`, least loaded first (then by name): the
    /// default assignee of a process step is the first.
    fn staff_with_role(
        &self,
        agency_code: &AgencyCode,
        role: StaffRole,
    ) -> impl Future<Output = Result<Vec<StaffLoad>>> + Send;

    /// Replaces an account's roles.
    fn set_roles(
        &self,
        account_id: i64,
        roles: &[StaffRole],
    ) -> impl Future<Output = Result<()>> + Send;

    /// Activates or deactivates an account; deactivating also ends its sessions.
    fn set_active(&self, account_id: i64, active: bool) -> impl Future<Output = Result<()>> + Send;

    /// Sets a new password hash and ends every session of the account.
    fn set_password_hash(
        &self,
        account_id: i64,
        hash: &str,
    ) -> impl Future<Output = Result<()>> + Send;

    /// Starts a session and returns its id (256 random bits, hex): the cookie value. Only its
    /// hash is stored.
    fn create_session(
        &self,
        account_id: i64,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<String>> + Send;

    /// The signed-in account of a session id, if the session exists, the account is active,
    /// and neither timeout has passed: `idle` since the last request, `absolute` since sign-in.
    /// An expired session is deleted. The last-seen moment is refreshed at most once a minute,
    /// so reading pages does not turn every request into a database write.
    fn session_account(
        &self,
        session_id: &str,
        now: OffsetDateTime,
        idle: time::Duration,
        absolute: time::Duration,
    ) -> impl Future<Output = Result<Option<Account>>> + Send;

    /// Deletes sessions idle since before `idle_cutoff` or started before `absolute_cutoff`:
    /// they can no longer sign anyone in, and would otherwise pile up (an expired session
    /// is only deleted when its cookie comes back). Returns how many were deleted.
    fn delete_expired_sessions(
        &self,
        idle_cutoff: OffsetDateTime,
        absolute_cutoff: OffsetDateTime,
    ) -> impl Future<Output = Result<u64>> + Send;

    /// Ends a session (sign-out).
    fn delete_session(&self, session_id: &str) -> impl Future<Output = Result<()>> + Send;

    /// Links a guest dossier to a citizen account, given its code and its access code (the
    /// ID number is known to too many to hand the dossier over). `false` when the pair does
    /// not match or the dossier already has an owner
    /// (the two are not told apart, as in the public lookup).
    fn claim_dossier(
        &self,
        code: &DossierCode,
        access: &AccessCode,
        account_id: i64,
    ) -> impl Future<Output = Result<bool>> + Send;
}

impl AccountStore for Store {
    async fn create_account(&self, new: &NewAccount, now: OffsetDateTime) -> Result<i64> {
        if (new.kind == AccountKind::Staff) != new.agency_code.is_some() {
            return Err(StoreError::Invalid(
                "a staff account belongs to exactly one agency; a citizen's to none".into(),
            ));
        }
        let mut tx = self.begin_write().await?;
        let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM accounts WHERE login = $1")
            .bind(&new.login)
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Err(StoreError::Conflict(format!(
                "login {} is taken",
                new.login
            )));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO accounts (kind, login, full_name, phone, email, agency_code,
               password_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(new.kind.as_str())
        .bind(&new.login)
        .bind(&new.full_name)
        .bind(new.phone.as_ref().map(Phone::as_str))
        .bind(&new.email)
        .bind(new.agency_code.as_ref().map(AgencyCode::as_str))
        .bind(&new.password_hash)
        .bind(ts(now)?)
        .fetch_one(&mut *tx)
        .await?;
        write_roles(&mut tx, id, &new.roles).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn account_for_sign_in(&self, login: &str) -> Result<Option<(Account, String)>> {
        let row: Option<AccountRow> =
            sqlx::query_as(&format!("{ACCOUNT_SELECT} WHERE a.login = $1"))
                .bind(login)
                .fetch_optional(&self.pool)
                .await?;
        let Some(row) = row else { return Ok(None) };
        let hash: String = sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1")
            .bind(row.id)
            .fetch_one(&self.pool)
            .await?;
        Ok(Some((Account::try_from(row)?, hash)))
    }

    async fn account(&self, id: i64) -> Result<Option<Account>> {
        let row: Option<AccountRow> = sqlx::query_as(&format!("{ACCOUNT_SELECT} WHERE a.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(Account::try_from).transpose()
    }

    async fn staff_of_agency(&self, agency_code: &AgencyCode) -> Result<Vec<Account>> {
        let rows: Vec<AccountRow> = sqlx::query_as(&format!(
            "{ACCOUNT_SELECT} WHERE a.kind = 'staff' AND a.agency_code = $1 ORDER BY a.full_name, a.id"
        ))
        .bind(agency_code.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Account::try_from).collect()
    }

    async fn staff_with_role(
        &self,
        agency_code: &AgencyCode,
        role: StaffRole,
    ) -> Result<Vec<StaffLoad>> {
        // One statement: the accounts with their roles and their open steps.
        let rows: Vec<LoadRow> = sqlx::query_as(STAFF_LOAD_SELECT)
            .bind(agency_code.as_str())
            .bind(role.as_str())
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter()
            .map(|r| {
                Ok(StaffLoad {
                    account: Account::try_from(r.account)?,
                    open_steps: r.open_steps,
                })
            })
            .collect()
    }

    async fn set_roles(&self, account_id: i64, roles: &[StaffRole]) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM account_roles WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        write_roles(&mut tx, account_id, roles).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_active(&self, account_id: i64, active: bool) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE accounts SET active = $1 WHERE id = $2")
            .bind(i64::from(active))
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        if !active {
            sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                .bind(account_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn set_password_hash(&self, account_id: i64, hash: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn create_session(&self, account_id: i64, now: OffsetDateTime) -> Result<String> {
        let id = random_hex(32)?;
        let now = ts(now)?;
        sqlx::query(
            "INSERT INTO sessions (id_sha256, account_id, created_at, last_seen_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash(&id))
        .bind(account_id)
        .bind(&now)
        .bind(&now)
        .execute(&self.pool)
        .await?;
        Ok(id)
    }

    async fn session_account(
        &self,
        session_id: &str,
        now: OffsetDateTime,
        idle: time::Duration,
        absolute: time::Duration,
    ) -> Result<Option<Account>> {
        let hash = token_hash(session_id);
        let row: Option<(i64, String, String)> = sqlx::query_as(
            "SELECT account_id, created_at, last_seen_at FROM sessions WHERE id_sha256 = $1",
        )
        .bind(&hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some((account_id, created, last_seen)) = row else {
            return Ok(None);
        };
        let (created, last_seen) = (parse_ts(&created)?, parse_ts(&last_seen)?);
        if now - last_seen > idle || now - created > absolute {
            self.delete_session(session_id).await?;
            return Ok(None);
        }
        let Some(account) = self.account(account_id).await?.filter(|a| a.active) else {
            return Ok(None);
        };
        if now - last_seen > time::Duration::minutes(1) {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_sha256 = $2")
                .bind(ts(now)?)
                .bind(&hash)
                .execute(&self.pool)
                .await?;
        }
        Ok(Some(account))
    }

    async fn delete_expired_sessions(
        &self,
        idle_cutoff: OffsetDateTime,
        absolute_cutoff: OffsetDateTime,
    ) -> Result<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
            .bind(ts(idle_cutoff)?)
            .bind(ts(absolute_cutoff)?)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn delete_session(&self, session_id: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id_sha256 = $1")
            .bind(token_hash(session_id))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn claim_dossier(
        &self,
        code: &DossierCode,
        access: &AccessCode,
        account_id: i64,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE dossiers SET citizen_account_id = $1
             WHERE code = $2 AND access_digest = $3 AND citizen_account_id IS NULL",
        )
        .bind(account_id)
        .bind(code.as_str())
        .bind(access_digest(code, access))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

async fn write_roles(
    conn: &mut sqlx::AnyConnection,
    account_id: i64,
    roles: &[StaffRole],
) -> Result<()> {
    for role in roles {
        sqlx::query(
            "INSERT INTO account_roles (account_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(account_id)
        .bind(role.as_str())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Reads roles stored as comma-separated codes, in [`StaffRole::ALL`]'s order.
pub(crate) fn parse_roles(text: &str) -> Result<Vec<StaffRole>> {
    let mut roles: Vec<StaffRole> = text
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| StaffRole::parse(s).ok_or_else(|| StoreError::Corrupt(format!("role {s:?}"))))
        .collect::<Result<_>>()?;
    roles.sort_by_key(|r| StaffRole::ALL.iter().position(|x| x == r));
    Ok(roles)
}
