//! The audit trail (`audit_log`): appended to, searched, never changed. The database's
//! triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL), so this module has no
//! statement that could.

use motcua_domain::audit::AuditAction;
use motcua_domain::ids::{AgencyCode, DossierCode};
use motcua_domain::workflow::StaffRole;
use time::OffsetDateTime;

use crate::accounts::parse_roles;
use crate::{Result, Store, StoreError, parse_id, parse_ts, ts};

/// Who acted, as they were at the time: the account (none for an unknown login or the
/// operator's command line), its agency and its roles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditActor {
    pub account_id: Option<i64>,
    pub agency: Option<AgencyCode>,
    /// Empty for a citizen.
    pub roles: Vec<StaffRole>,
}

/// One entry of the trail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: OffsetDateTime,
    pub action: AuditAction,
    pub actor: AuditActor,
    /// The dossier it concerns, if any.
    pub dossier: Option<DossierCode>,
    /// The other object it concerns: `account:12`, `document:5`, a calendar date.
    pub object: Option<String>,
    /// What else the action needs said: the move's action, the new roles.
    pub detail: String,
    /// The client's address, when the act came over HTTP.
    pub client: Option<String>,
    /// The request's id (`x-request-id`), which names its log lines too.
    pub request_id: String,
}

/// An entry as an admin reads it: with the actor's login and name as they are now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRecord {
    pub id: i64,
    pub entry: AuditEntry,
    pub actor_login: Option<String>,
    pub actor_name: Option<String>,
}

/// What an admin searches the trail for. An agency's admin sees what its staff did and what
/// was done to its dossiers.
#[derive(Clone, Debug)]
pub struct AuditQuery {
    pub agency: AgencyCode,
    pub dossier: Option<DossierCode>,
    /// The actor's login (a staff user name or a citizen's phone).
    pub actor_login: Option<String>,
    /// From this moment (inclusive) …
    pub from: Option<OffsetDateTime>,
    /// … until this one (exclusive).
    pub until: Option<OffsetDateTime>,
    /// The newest first, at most this many.
    pub limit: u32,
}

/// The audit trail.
pub trait AuditStore: Send + Sync {
    /// Appends `entry`.
    fn append_audit(&self, entry: &AuditEntry) -> impl Future<Output = Result<()>> + Send;

    /// The entries `query` asks for, the newest first.
    fn search_audit(
        &self,
        query: &AuditQuery,
    ) -> impl Future<Output = Result<Vec<AuditRecord>>> + Send;

    /// Every entry about dossier `code`, the oldest first.
    fn dossier_audit(
        &self,
        code: &DossierCode,
    ) -> impl Future<Output = Result<Vec<AuditEntry>>> + Send;
}

/// An `audit_log` row as read, with the actor's login and name.
type AuditRow = (
    i64,
    String,
    String,
    Option<i64>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

const COLUMNS: &str = "l.id, l.at, l.action, l.actor_account_id, l.actor_agency, l.actor_roles,
     l.dossier_code, l.object, l.detail, l.client, l.request_id, a.login, a.full_name";

/// Appends `e` on `conn`: the pool's, or a transaction that writes the act it records.
pub(crate) async fn insert_entry(conn: &mut sqlx::AnyConnection, e: &AuditEntry) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, action, actor_account_id, actor_agency, actor_roles,
                                dossier_code, object, detail, client, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(ts(e.at)?)
    .bind(e.action.as_str())
    .bind(e.actor.account_id)
    .bind(e.actor.agency.as_ref().map(|a| a.to_string()))
    .bind(StaffRole::codes(&e.actor.roles))
    .bind(e.dossier.as_ref().map(|d| d.to_string()))
    .bind(&e.object)
    .bind(&e.detail)
    .bind(&e.client)
    .bind(&e.request_id)
    .execute(conn)
    .await?;
    Ok(())
}

impl AuditStore for Store {
    async fn append_audit(&self, e: &AuditEntry) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        insert_entry(&mut conn, e).await
    }

    async fn search_audit(&self, q: &AuditQuery) -> Result<Vec<AuditRecord>> {
        let sql = format!(
            "SELECT {COLUMNS}
             FROM audit_log l
             LEFT JOIN accounts a ON a.id = l.actor_account_id
             LEFT JOIN dossiers d ON d.code = l.dossier_code
             WHERE (l.actor_agency = $1 OR d.agency_code = $1)
               AND ($2 IS NULL OR l.dossier_code = $3)
               AND ($4 IS NULL OR a.login = $5)
               AND ($6 IS NULL OR l.at >= $7)
               AND ($8 IS NULL OR l.at < $9)
             ORDER BY l.at DESC, l.id DESC
             LIMIT $10"
        );
        let dossier = q.dossier.as_ref().map(|d| d.to_string());
        let from = q.from.map(ts).transpose()?;
        let until = q.until.map(ts).transpose()?;
        let rows: Vec<AuditRow> = sqlx::query_as(&sql)
            .bind(q.agency.to_string())
            .bind(dossier.clone())
            .bind(dossier)
            .bind(q.actor_login.clone())
            .bind(q.actor_login.clone())
            .bind(from.clone())
            .bind(from)
            .bind(until.clone())
            .bind(until)
            .bind(i64::from(q.limit))
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter().map(read_row).collect()
    }

    async fn dossier_audit(&self, code: &DossierCode) -> Result<Vec<AuditEntry>> {
        let sql = format!(
            "SELECT {COLUMNS}
             FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_account_id
             WHERE l.dossier_code = $1
             ORDER BY l.at, l.id"
        );
        let rows: Vec<AuditRow> = sqlx::query_as(&sql)
            .bind(code.as_str())
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter()
            .map(|row| read_row(row).map(|r| r.entry))
            .collect()
    }
}

fn read_row(row: AuditRow) -> Result<AuditRecord> {
    let (id, at, action, account_id, agency, roles, dossier, object, detail, client, request_id) = (
        row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9, row.10,
    );
    let (actor_login, actor_name) = (row.11, row.12);
    let action = AuditAction::parse(&action)
        .ok_or_else(|| StoreError::Corrupt(format!("audit action {action:?}")))?;
    Ok(AuditRecord {
        id,
        entry: AuditEntry {
            at: parse_ts(&at)?,
            action,
            actor: AuditActor {
                account_id,
                agency: agency
                    .as_deref()
                    .map(|a| parse_id("audit_log.actor_agency", a))
                    .transpose()?,
                roles: parse_roles(&roles)?,
            },
            dossier: dossier
                .as_deref()
                .map(|d| parse_id("audit_log.dossier_code", d))
                .transpose()?,
            object,
            detail,
            client,
            request_id,
        },
        actor_login,
        actor_name,
    })
}
