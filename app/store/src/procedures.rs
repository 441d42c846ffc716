//! Procedure definitions, versioned by the date each version takes effect.

use motcua_domain::ids::AgencyCode;
use motcua_domain::procedure::{Level, Online, Procedure};
use time::{Date, OffsetDateTime};

use crate::{Result, Store, StoreError, date_text, parse_date, parse_json, ts};

/// What [`ProcedureStore::import_procedure`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new version was stored.
    Inserted,
    /// This exact version (same code, version and canonical JSON) was already stored.
    Unchanged,
}

/// A stored procedure version. `id` identifies this exact version: drafts and dossiers point
/// at it so they keep the rules they were started or filed under.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredProcedure {
    pub id: i64,
    pub procedure: Procedure,
}

fn level_text(level: Level) -> &'static str {
    match level {
        Level::Province => "province",
        Level::Commune => "commune",
    }
}

fn online_text(online: Online) -> &'static str {
    match online {
        Online::Full => "full",
        Online::Partial => "partial",
    }
}

fn stored(id: i64, definition: &str) -> Result<StoredProcedure> {
    Ok(StoredProcedure {
        id,
        procedure: parse_json(&format!("procedure version {id}"), definition)?,
    })
}

/// Procedure versions: imported once, never changed, looked up by date.
pub trait ProcedureStore: Send + Sync {
    /// Stores a checked procedure version.
    ///
    /// `canonical_json` is the definition in the caller's canonical form (the same file always
    /// gives the same text); it is what is stored and what "identical" means. It must describe
    /// `procedure` (checked by parsing it back), so the indexed columns can never disagree with
    /// the stored definition.
    ///
    /// The same `code` + `version` again gives [`ImportOutcome::Unchanged`] when the text is
    /// identical and [`StoreError::Conflict`] when it differs: a version others may have filed
    /// under is never changed in place; publish a new version date instead.
    fn import_procedure(
        &self,
        procedure: &Procedure,
        canonical_json: &str,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<ImportOutcome>> + Send;

    /// The version of `code` in effect on `today`: the newest whose `version` date is on or
    /// before `today`. `None` if the code is unknown *or* only has versions taking effect
    /// later: nobody may file under rules that are not in force yet, and falling back to a
    /// future version would do exactly that.
    fn current_procedure(
        &self,
        code: &str,
        today: Date,
    ) -> impl Future<Output = Result<Option<StoredProcedure>>> + Send;

    /// One exact version by id, whether or not it is still in effect (a dossier's rules).
    fn procedure_version(
        &self,
        id: i64,
    ) -> impl Future<Output = Result<Option<StoredProcedure>>> + Send;

    /// The catalogue: for every code, the version in effect on `today` (as
    /// [`ProcedureStore::current_procedure`]), ordered by code. Codes with no version in effect yet are
    /// left out.
    fn current_procedures(
        &self,
        today: Date,
    ) -> impl Future<Output = Result<Vec<StoredProcedure>>> + Send;

    /// The current versions of the procedures `agency_code` receives, by code: one statement
    /// for the staff queue's procedure filter.
    fn procedures_received_by(
        &self,
        agency_code: &AgencyCode,
        today: Date,
    ) -> impl Future<Output = Result<Vec<StoredProcedure>>> + Send;
}

impl ProcedureStore for Store {
    async fn import_procedure(
        &self,
        procedure: &Procedure,
        canonical_json: &str,
        now: OffsetDateTime,
    ) -> Result<ImportOutcome> {
        let what = format!("procedure {} version {}", procedure.code, procedure.version);
        if parse_date(&procedure.version).is_none() {
            return Err(StoreError::Invalid(format!(
                "{what}: version must be a date YYYY-MM-DD"
            )));
        }
        let parsed: Procedure = serde_json::from_str(canonical_json)
            .map_err(|e| StoreError::Invalid(format!("{what}: canonical JSON: {e}")))?;
        if parsed != *procedure {
            return Err(StoreError::Invalid(format!(
                "{what}: the canonical JSON does not describe the given procedure"
            )));
        }
        let inserted = sqlx::query(
            "INSERT INTO procedures
               (code, version, name_vi, sector_vi, level, online, definition, imported_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (code, version) DO NOTHING",
        )
        .bind(&procedure.code)
        .bind(&procedure.version)
        .bind(procedure.name.vi())
        .bind(procedure.sector.vi())
        .bind(level_text(procedure.level))
        .bind(online_text(procedure.online))
        .bind(canonical_json)
        .bind(ts(now)?)
        .execute(&self.pool)
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(ImportOutcome::Inserted);
        }
        // Rows are immutable, so this read cannot race with a change of the existing row.
        let existing: String = sqlx::query_scalar(
            "SELECT definition FROM procedures WHERE code = $1 AND version = $2",
        )
        .bind(&procedure.code)
        .bind(&procedure.version)
        .fetch_one(&self.pool)
        .await?;
        if existing == canonical_json {
            Ok(ImportOutcome::Unchanged)
        } else {
            Err(StoreError::Conflict(format!(
                "{what} is already imported with different content; \
                 a changed procedure needs a new version date"
            )))
        }
    }

    async fn current_procedure(&self, code: &str, today: Date) -> Result<Option<StoredProcedure>> {
        let row: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, definition FROM procedures
             WHERE code = $1 AND version <= $2 ORDER BY version DESC LIMIT 1",
        )
        .bind(code)
        .bind(date_text(today)?)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(id, def)| stored(id, &def)).transpose()
    }

    async fn procedure_version(&self, id: i64) -> Result<Option<StoredProcedure>> {
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT id, definition FROM procedures WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(id, def)| stored(id, &def)).transpose()
    }

    async fn current_procedures(&self, today: Date) -> Result<Vec<StoredProcedure>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT p.id, p.definition FROM procedures p
             WHERE p.version = (SELECT MAX(q.version) FROM procedures q
                                WHERE q.code = p.code AND q.version <= $1)
             ORDER BY p.code",
        )
        .bind(date_text(today)?)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|(id, def)| stored(*id, def)).collect()
    }

    async fn procedures_received_by(
        &self,
        agency_code: &AgencyCode,
        today: Date,
    ) -> Result<Vec<StoredProcedure>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT p.id, p.definition FROM procedures p
             JOIN procedure_receivers r ON r.procedure_code = p.code AND r.agency_code = $1
             WHERE p.version = (SELECT MAX(q.version) FROM procedures q
                                WHERE q.code = p.code AND q.version <= $2)
             ORDER BY p.code",
        )
        .bind(agency_code.as_str())
        .bind(date_text(today)?)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|(id, def)| stored(*id, def)).collect()
    }
}
