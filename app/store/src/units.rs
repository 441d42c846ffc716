//! Administrative units (provinces, communes) and receiving agencies.

use motcua_domain::ids::AgencyCode;
use serde::{Deserialize, Serialize};

use crate::{Result, Store, StoreError, parse_id};

/// An administrative unit (đơn vị hành chính). Since 7/2025 there are two tiers only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Unit {
    pub code: String,
    pub name: String,
    /// `"province"` or `"commune"`.
    pub level: String,
    /// The province of a commune; `None` for a province.
    pub parent_code: Option<String>,
}

/// A receiving agency (cơ quan tiếp nhận), identified by its mã định danh, which starts
/// every dossier code it issues.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    pub code: AgencyCode,
    pub name: String,
    /// Free text, typically `"province"` or `"commune"` (the tier it serves).
    pub level: String,
    /// The administrative unit it serves, if recorded; must be an imported unit.
    pub unit_code: Option<String>,
}

/// An agency as stored, its code still text.
#[derive(sqlx::FromRow)]
struct AgencyRow {
    code: String,
    name: String,
    level: String,
    unit_code: Option<String>,
}

impl TryFrom<AgencyRow> for Agency {
    type Error = StoreError;
    fn try_from(r: AgencyRow) -> Result<Agency> {
        Ok(Agency {
            code: parse_id("agency code", &r.code)?,
            name: r.name,
            level: r.level,
            unit_code: r.unit_code,
        })
    }
}

/// Administrative units, agencies and which agencies receive a procedure.
pub trait UnitStore: Send + Sync {
    /// Inserts or updates (by code) every row, all in one transaction: either the whole list
    /// is applied or nothing is. A commune must name a province as parent, either already
    /// stored or in the same list (in any order). Returns the number of rows written.
    fn import_units(&self, rows: &[Unit]) -> impl Future<Output = Result<usize>> + Send;

    /// Applies a list of units the product ships (see `reference_data` in the migrations)
    /// unless this `version` of list `name` was applied before: the rows are upserted as by
    /// [`UnitStore::import_units`] and the version recorded, in one transaction. Returns whether
    /// anything was written. A newer version of the list applies over an older one; units an
    /// administrator imported that the list does not name are kept.
    ///
    /// `retired` are codes an earlier list had wrong and this one replaces: they are deleted
    /// in the same transaction unless an agency still serves that unit, so that no commune
    /// is offered twice under two codes.
    fn import_reference_units(
        &self,
        name: &str,
        version: &str,
        rows: &[Unit],
        retired: &[&str],
        now: time::OffsetDateTime,
    ) -> impl Future<Output = Result<bool>> + Send;

    /// All provinces, ordered by code (callers sort by name with a Vietnamese collation if
    /// they need to; SQL byte order would misplace accented letters).
    fn provinces(&self) -> impl Future<Output = Result<Vec<Unit>>> + Send;

    /// The communes of a province, ordered by code; empty for an unknown province.
    fn communes_of(&self, province_code: &str) -> impl Future<Output = Result<Vec<Unit>>> + Send;

    /// One unit by code.
    fn unit(&self, code: &str) -> impl Future<Output = Result<Option<Unit>>> + Send;

    /// Inserts or updates an agency by code. Its `unit_code`, if any, must be an imported unit.
    fn upsert_agency(&self, agency: &Agency) -> impl Future<Output = Result<()>> + Send;

    /// All agencies, ordered by code.
    fn agencies(&self) -> impl Future<Output = Result<Vec<Agency>>> + Send;

    /// One agency by code.
    fn agency(&self, code: &AgencyCode) -> impl Future<Output = Result<Option<Agency>>> + Send;

    /// Replaces the set of agencies that receive `procedure_code` (all versions of it), in one
    /// transaction. Every agency must exist. An empty list means nobody receives it, so it
    /// cannot be filed.
    fn set_receivers(
        &self,
        procedure_code: &str,
        agency_codes: &[AgencyCode],
    ) -> impl Future<Output = Result<()>> + Send;

    /// The agencies that receive `procedure_code`, ordered by code.
    fn receivers(&self, procedure_code: &str) -> impl Future<Output = Result<Vec<Agency>>> + Send;
}

impl UnitStore for Store {
    async fn import_units(&self, rows: &[Unit]) -> Result<usize> {
        check_levels(rows)?;
        let mut tx = self.begin_write().await?;
        write_units(&mut tx, rows).await?;
        tx.commit().await?;
        Ok(rows.len())
    }

    async fn import_reference_units(
        &self,
        name: &str,
        version: &str,
        rows: &[Unit],
        retired: &[&str],
        now: time::OffsetDateTime,
    ) -> Result<bool> {
        check_levels(rows)?;
        let mut tx = self.begin_write().await?;
        if applied_reference(&mut tx, name).await?.as_deref() == Some(version) {
            return Ok(false);
        }
        write_units(&mut tx, rows).await?;
        for code in retired {
            sqlx::query(
                "DELETE FROM admin_units WHERE code = $1
                   AND NOT EXISTS (SELECT 1 FROM agencies WHERE unit_code = admin_units.code)
                   AND NOT EXISTS (SELECT 1 FROM admin_units c WHERE c.parent_code = admin_units.code)",
            )
            .bind(code)
            .execute(&mut *tx)
            .await?;
        }
        record_reference(&mut tx, name, version, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn provinces(&self) -> Result<Vec<Unit>> {
        Ok(sqlx::query_as(
            "SELECT code, name, level, parent_code FROM admin_units
             WHERE level = 'province' ORDER BY code",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    async fn communes_of(&self, province_code: &str) -> Result<Vec<Unit>> {
        Ok(sqlx::query_as(
            "SELECT code, name, level, parent_code FROM admin_units
             WHERE level = 'commune' AND parent_code = $1 ORDER BY code",
        )
        .bind(province_code)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn unit(&self, code: &str) -> Result<Option<Unit>> {
        Ok(
            sqlx::query_as(
                "SELECT code, name, level, parent_code FROM admin_units WHERE code = $1",
            )
            .bind(code)
            .fetch_optional(&self.pool)
            .await?,
        )
    }

    async fn upsert_agency(&self, agency: &Agency) -> Result<()> {
        if let Some(unit) = &agency.unit_code
            && self.unit(unit).await?.is_none()
        {
            return Err(StoreError::Invalid(format!(
                "agency {}: unit {unit} is not an imported administrative unit",
                agency.code
            )));
        }
        sqlx::query(
            "INSERT INTO agencies (code, name, level, unit_code) VALUES ($1, $2, $3, $4)
             ON CONFLICT (code) DO UPDATE SET
               name = excluded.name, level = excluded.level, unit_code = excluded.unit_code",
        )
        .bind(agency.code.as_str())
        .bind(&agency.name)
        .bind(&agency.level)
        .bind(&agency.unit_code)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn agencies(&self) -> Result<Vec<Agency>> {
        let rows: Vec<AgencyRow> =
            sqlx::query_as("SELECT code, name, level, unit_code FROM agencies ORDER BY code")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter().map(Agency::try_from).collect()
    }

    async fn agency(&self, code: &AgencyCode) -> Result<Option<Agency>> {
        let row: Option<AgencyRow> =
            sqlx::query_as("SELECT code, name, level, unit_code FROM agencies WHERE code = $1")
                .bind(code.as_str())
                .fetch_optional(&self.pool)
                .await?;
        row.map(Agency::try_from).transpose()
    }

    async fn set_receivers(&self, procedure_code: &str, agency_codes: &[AgencyCode]) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM procedure_receivers WHERE procedure_code = $1")
            .bind(procedure_code)
            .execute(&mut *tx)
            .await?;
        for agency in agency_codes {
            let agency = agency.as_str();
            let known: Option<i64> = sqlx::query_scalar("SELECT 1 FROM agencies WHERE code = $1")
                .bind(agency)
                .fetch_optional(&mut *tx)
                .await?;
            if known.is_none() {
                return Err(StoreError::NotFound(format!("agency {agency}")));
            }
            sqlx::query(
                "INSERT INTO procedure_receivers (procedure_code, agency_code) VALUES ($1, $2)
                 ON CONFLICT DO NOTHING",
            )
            .bind(procedure_code)
            .bind(agency)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn receivers(&self, procedure_code: &str) -> Result<Vec<Agency>> {
        let rows: Vec<AgencyRow> = sqlx::query_as(
            "SELECT a.code, a.name, a.level, a.unit_code
             FROM procedure_receivers r JOIN agencies a ON a.code = r.agency_code
             WHERE r.procedure_code = $1 ORDER BY a.code",
        )
        .bind(procedure_code)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Agency::try_from).collect()
    }
}

/// Refuses a list with a unit whose level and parent do not go together, naming it.
fn check_levels(rows: &[Unit]) -> Result<()> {
    for u in rows {
        match (u.level.as_str(), &u.parent_code) {
            ("province", None) | ("commune", Some(_)) => {}
            ("province", Some(_)) => {
                return Err(StoreError::Invalid(format!(
                    "unit {}: a province has no parent",
                    u.code
                )));
            }
            ("commune", None) => {
                return Err(StoreError::Invalid(format!(
                    "unit {}: a commune needs its province as parent_code",
                    u.code
                )));
            }
            (other, _) => {
                return Err(StoreError::Invalid(format!(
                    "unit {}: level {other:?} is not \"province\" or \"commune\"",
                    u.code
                )));
            }
        }
    }
    Ok(())
}

/// Upserts `rows` inside `tx`, then checks that every commune's parent is a stored province.
async fn write_units(tx: &mut sqlx::Transaction<'static, sqlx::Any>, rows: &[Unit]) -> Result<()> {
    for u in rows {
        sqlx::query(
            "INSERT INTO admin_units (code, name, level, parent_code) VALUES ($1, $2, $3, $4)
             ON CONFLICT (code) DO UPDATE SET
               name = excluded.name, level = excluded.level,
               parent_code = excluded.parent_code",
        )
        .bind(&u.code)
        .bind(&u.name)
        .bind(&u.level)
        .bind(&u.parent_code)
        .execute(&mut **tx)
        .await?;
    }
    // The foreign key is deferred (so order within the list does not matter) and SQLite
    // would only say "FOREIGN KEY constraint failed" at commit; find the culprit first.
    let orphan: Option<(String, String)> = sqlx::query_as(
        "SELECT c.code, c.parent_code FROM admin_units c
         LEFT JOIN admin_units p ON p.code = c.parent_code
         WHERE c.parent_code IS NOT NULL AND (p.code IS NULL OR p.level <> 'province')
         LIMIT 1",
    )
    .fetch_optional(&mut **tx)
    .await?;
    if let Some((code, parent)) = orphan {
        return Err(StoreError::Invalid(format!(
            "unit {code}: parent {parent} is not a known province"
        )));
    }
    Ok(())
}

/// The version of reference list (or one-time data change) `name` applied to this database.
pub(crate) async fn applied_reference(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    name: &str,
) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT version FROM reference_data WHERE name = $1")
            .bind(name)
            .fetch_optional(&mut **tx)
            .await?,
    )
}

/// Records that `version` of `name` is applied, replacing an earlier version.
pub(crate) async fn record_reference(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    name: &str,
    version: &str,
    now: time::OffsetDateTime,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO reference_data (name, version, applied_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET
           version = excluded.version, applied_at = excluded.applied_at",
    )
    .bind(name)
    .bind(version)
    .bind(crate::ts(now)?)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
