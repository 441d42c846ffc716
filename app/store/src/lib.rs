//! The one place in motcua that knows SQL.
//!
//! Everything persistent goes through [`Store`]: administrative units, agencies, procedure
//! versions, filing drafts with their uploads, and dossiers with their append-only events.
//! Callers see plain async functions and plain structs; no SQL, row or pool type leaks out, so
//! the backend (SQLite today, PostgreSQL later) can change behind this API.
//!
//! ## Decisions
//! - **Runtime-checked queries** (`sqlx::query` with bind parameters, never string-built SQL):
//!   the project builds without a database at compile time. The schema lives in
//!   `migrations/`, applied by [`Store::open`].
//! - **Time**: every moment is stored as UTC text in one fixed-width form,
//!   `YYYY-MM-DDTHH:MM:SS.ffffffZ` (valid RFC 3339). Fixed width makes text order equal time
//!   order, so SQL can compare and sort moments, and the value reads the same in any tool.
//!   Calendar dates (procedure versions, the sequence day) are `YYYY-MM-DD`.
//! - **Durability**: WAL journal with `synchronous=FULL`, so a committed filing survives a power
//!   cut before the citizen sees the receipt. Uploaded bytes are written to a temporary file,
//!   fsynced, renamed into place and the directory fsynced (or, on S3, acknowledged) *before*
//!   the row pointing at them is committed, so a committed row never points at missing bytes.
//!   Where bytes live is behind [`BlobStore`] (see `blob.rs`).
//! - **Concurrency**: every multi-statement write runs in `BEGIN IMMEDIATE`, taking SQLite's
//!   write lock up front. That is what makes [`DossierStore::file_dossier`] idempotent under double
//!   submits and the per-agency, per-day sequence gap-free and unique under concurrent filing;
//!   a deferred transaction could instead fail with `SQLITE_BUSY` when upgrading to a writer.
//! - **Append-only history**: dossier events (and their attachments) are never updated or
//!   deleted; triggers refuse it. Procedure versions are immutable for the same reason: a
//!   dossier keeps the rules it was filed under.

mod accounts;
mod audit;
mod backend;
pub mod blob;
mod calendar;
mod dossiers;
mod drafts;
mod limits;
pub mod migrate;
mod procedures;
mod ratings;
#[cfg(feature = "testing")]
pub mod testing;
mod units;
mod workflow;

use sha2::{Digest, Sha256};
use sqlx::AnyPool;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, UtcOffset};

pub use accounts::{Account, AccountKind, AccountStore, NewAccount, StaffLoad};
pub use audit::{AuditActor, AuditEntry, AuditQuery, AuditRecord, AuditStore};
pub use backend::{Backend, SetupLock};
pub use blob::{BlobKey, BlobLocation, BlobStore, Blobs, S3Location};
pub use calendar::{CalendarStore, CalendarVersion};
pub use dossiers::{
    Applicant, CITIZEN_ACTOR, Dossier, DossierStore, Event, FiledDossier, NewDossier, RecordedActor,
};
pub use drafts::{Draft, DraftData, DraftStore, UploadedFile};
pub use limits::{LimitStore, Misses};
pub use motcua_domain::workflow::WorkflowState;
pub use procedures::{ImportOutcome, ProcedureStore, StoredProcedure};
pub use ratings::{RatingStore, StoredRating};
pub use units::{Agency, Unit, UnitStore};
pub use workflow::{
    Attachment, NewAttachment, NewDocument, QueueKind, QueueQuery, QueueRow, SupplementAnswer,
    Transition, WorkflowStore,
};

/// Every area of the storage interface at once: what a complete implementation provides (it
/// says so with an empty `impl Storage for …`), and a bound for code that needs a whole
/// store. A use case names only the areas it needs instead, so its signature says what it
/// reads and writes.
pub trait Storage:
    UnitStore
    + ProcedureStore
    + DraftStore
    + DossierStore
    + WorkflowStore
    + AccountStore
    + CalendarStore
    + LimitStore
    + RatingStore
    + AuditStore
{
}

impl Storage for Store {}

/// The storage interface's traits, for `use motcua_store::prelude::*;` where a caller calls
/// the store's methods (a trait's methods need the trait in scope).
pub mod prelude {
    pub use crate::{
        AccountStore, AuditStore, CalendarStore, DossierStore, DraftStore, LimitStore,
        ProcedureStore, RatingStore, Storage, UnitStore, WorkflowStore,
    };
}

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The thing asked for (draft, agency, procedure version, file) does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// The request contradicts what is already stored (e.g. the same procedure version with
    /// different content, or changing a draft that has been filed).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The input breaks a rule the store enforces (unknown parent unit, agency that does not
    /// receive the procedure, malformed version date, ...).
    #[error("invalid: {0}")]
    Invalid(String),
    /// The draft has no room for another file (`motcua_domain::upload::draft_has_room`):
    /// the citizen's to resolve by removing one.
    #[error("the draft has no room for another file")]
    DraftFull,
    /// Stored data no longer reads back as expected (bad JSON, file bytes not matching their
    /// hash). Means corruption or a manual edit, never a user mistake.
    #[error("corrupt store: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("file storage error: {0}")]
    Io(#[from] std::io::Error),
    /// The S3-compatible file store refused or could not be reached.
    #[error("file storage {store}: {source}")]
    ObjectStore {
        store: String,
        #[source]
        source: object_store::Error,
    },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Handle to the database and the uploaded files. Cheap to clone (the pool is shared).
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    blobs: Blobs,
    setup: backend::Setup,
}

impl Store {
    /// Opens the database at `database_url` (`sqlite://data/motcua.db`, creating the file if
    /// missing, or `postgres://USER@HOST/DATABASE`) and applies pending migrations, with
    /// uploaded files in a `files/` directory beside a SQLite file.
    ///
    /// PostgreSQL has no "beside": use [`Store::open_with_files`]. In-memory SQLite databases
    /// are refused: uploads need a directory and every pooled connection would otherwise see
    /// its own empty database.
    pub async fn open(database_url: &str) -> Result<Store> {
        Store::open_with_files(database_url, None).await
    }

    /// As [`Store::open`], with uploaded files where `files` says (required for PostgreSQL:
    /// every server must see the same files, so it is a shared directory or bucket the
    /// deployment names).
    pub async fn open_with_files(
        database_url: &str,
        files: Option<&BlobLocation>,
    ) -> Result<Store> {
        let backend = Backend::of_url(database_url)?;
        let files = match (files, backend) {
            (Some(files), _) => files.clone(),
            (None, Backend::Sqlite) => {
                BlobLocation::LocalDir(backend::default_files_dir(database_url)?)
            }
            (None, Backend::Postgres) => {
                return Err(StoreError::Invalid(
                    "a PostgreSQL database needs a place for uploaded files shared by every \
                     server: set MOTCUA_FILES_DIR (a directory) or MOTCUA_FILES_URL \
                     (s3://BUCKET/PREFIX)"
                        .into(),
                ));
            }
        };
        let setup = backend::Setup::of(backend, database_url)?;
        // The files first: a bucket that does not answer stops the start before a database
        // file is created.
        let blobs = files.open().await?;
        // Two servers starting at once on a new database would both create the tables (sqlx
        // locks PostgreSQL's migrations, not SQLite's). SQLite's lock is a file, taken before
        // connecting: two servers creating the same new file and switching it to WAL at once
        // had one of them stop with "database is locked" (SQLite gives up on that switch
        // without waiting); PostgreSQL's needs a connection.
        let early = setup.lock_without_pool().await?;
        let pool = backend.connect(database_url).await?;
        let store = Store {
            pool,
            backend,
            blobs,
            setup,
        };
        let lock = match early {
            Some(lock) => lock,
            None => store.lock_setup().await?,
        };
        store.backend.migrator().run(&store.pool).await?;
        store.backfill_search_names().await?;
        lock.release().await;
        Ok(store)
    }

    /// Waits for and takes the database's setup lock ([`SetupLock`]): what a server loads
    /// into the database at start, it loads holding this, so that a server starting at the
    /// same moment waits and then finds it loaded.
    pub async fn lock_setup(&self) -> Result<SetupLock> {
        self.setup.lock(&self.pool).await
    }

    /// The database this store is on.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Fills `search_name` (the folded applicant name the staff search matches) for the
    /// dossiers filed before the column existed, once: the folding is Rust code, so no SQL
    /// migration can do it. Recorded in `reference_data` so later starts skip the scan.
    async fn backfill_search_names(&self) -> Result<()> {
        const MARK: &str = "backfill:search_name";
        let mut tx = self.begin_write().await?;
        if units::applied_reference(&mut tx, MARK).await?.is_some() {
            return Ok(());
        }
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT code, applicant_full_name FROM dossiers WHERE search_name = ''")
                .fetch_all(&mut *tx)
                .await?;
        for (code, name) in &rows {
            sqlx::query("UPDATE dossiers SET search_name = $1 WHERE code = $2")
                .bind(motcua_domain::search::fold(name))
                .bind(code)
                .execute(&mut *tx)
                .await?;
        }
        units::record_reference(
            &mut tx,
            MARK,
            &rows.len().to_string(),
            OffsetDateTime::now_utc(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Where uploaded file contents are kept (`files/` beside a SQLite database unless
    /// configured).
    pub fn blobs(&self) -> &Blobs {
        &self.blobs
    }

    /// Closes the pool, waiting for connections to finish. A SQLite file may still have its
    /// write-ahead log beside it afterwards (the last connection's checkpoint can finish
    /// after this returns): see [`Store::write_single_file`] where the file must stand
    /// alone.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// What the database's own consistency checks find wrong, one line each; empty when all
    /// is well. SQLite: `integrity_check` (every page, index and constraint) and the rows
    /// `foreign_key_check` finds. PostgreSQL has no whole-database check of that kind (its
    /// write-ahead log brings it back consistent after a crash): nothing is checked there.
    pub async fn integrity_problems(&self) -> Result<Vec<String>> {
        if self.backend != Backend::Sqlite {
            return Ok(vec![]);
        }
        let mut problems: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(&self.pool)
            .await?;
        problems.retain(|p| p != "ok");
        let orphans: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pragma_foreign_key_check")
            .fetch_one(&self.pool)
            .await?;
        if orphans > 0 {
            problems.push(format!(
                "{orphans} row(s) refer to a row that does not exist"
            ));
        }
        Ok(problems)
    }

    /// Writes a SQLite database, as one consistent moment of it, into the new file `path`,
    /// which then alone holds the whole database (no write-ahead log beside it: a backup's
    /// copy is hashed and moved as one file). Other backends are refused.
    pub async fn write_single_file(&self, path: &std::path::Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::Invalid(
                "only a SQLite database is written into a single file".into(),
            ));
        }
        let path = path
            .to_str()
            .ok_or_else(|| StoreError::Invalid(format!("{} is not UTF-8", path.display())))?;
        sqlx::query("VACUUM INTO $1")
            .bind(path)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A write transaction that runs alone among the store's writers (see
    /// [`Backend::begin_serialised`]).
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        self.backend.begin_serialised(&self.pool).await
    }

    /// A write transaction that locks the rows it decides on (see [`Backend::begin_rows`]).
    async fn begin_rows(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        self.backend.begin_rows(&self.pool).await
    }
}

// ---- shared helpers -------------------------------------------------------------------------

/// Formats a moment as stored: fixed-width UTC, microseconds.
pub(crate) fn ts(t: OffsetDateTime) -> Result<String> {
    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");
    t.to_offset(UtcOffset::UTC)
        .format(FORMAT)
        .map_err(|e| StoreError::Invalid(format!("moment {t} cannot be stored: {e}")))
}

/// Parses a stored moment.
pub(crate) fn parse_ts(s: &str) -> Result<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339)
        .map_err(|e| StoreError::Corrupt(format!("stored moment {s:?}: {e}")))
}

const DATE_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

/// Formats a calendar date as `YYYY-MM-DD`.
pub(crate) fn date_text(d: Date) -> Result<String> {
    d.format(DATE_FORMAT)
        .map_err(|e| StoreError::Invalid(format!("date {d} cannot be stored: {e}")))
}

/// Parses a strict `YYYY-MM-DD` date (a real calendar date, zero-padded), as procedure versions
/// must be for text comparison to be date comparison: the domain's one ISO-date parser.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    motcua_domain::format::parse_iso_date(s)
}

/// Lowercase hex SHA-256.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Reads an identifier kept as text (a code, a phone, an ID number). One that does not parse
/// is corruption, and the message names the column, never the value: it may be personal data.
pub(crate) fn parse_id<T>(what: &str, s: &str) -> Result<T>
where
    T: for<'a> TryFrom<&'a str, Error = motcua_domain::ids::ParseError>,
{
    T::try_from(s).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

/// Reads a JSON text column.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(what: &str, s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

/// Serialises a value for a JSON text column.
pub(crate) fn to_json<T: serde::Serialize + ?Sized>(what: &str, v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Invalid(format!("{what}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn moments_are_fixed_width_utc() {
        let t = datetime!(2025-11-22 08:05:03.5 +07:00);
        let s = ts(t).unwrap();
        assert_eq!(s, "2025-11-22T01:05:03.500000Z");
        assert_eq!(parse_ts(&s).unwrap(), t);
    }

    #[test]
    fn version_dates_are_strict() {
        assert!(parse_date("2025-07-01").is_some());
        assert!(parse_date("2025-7-1").is_none());
        assert!(parse_date("2025-02-30").is_none());
        assert!(parse_date("2025-07-01x").is_none());
    }

    async fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::TempDir::new().unwrap();
        let url = format!("sqlite://{}/motcua.db", dir.path().display());
        let store = Store::open(&url).await.unwrap();
        (dir, store)
    }

    #[tokio::test]
    async fn connections_are_durable_and_checked() {
        let (_dir, store) = temp_store().await;
        let mut conn = store.pool.acquire().await.unwrap();
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(sync, 2, "synchronous=FULL");
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(fk, 1);
        let timeout: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(timeout, 30_000);
    }

    /// Writes, in raw SQL as an older version would have, an agency `000.00.06.H56`, a procedure
    /// `P` and dossier `000.00.06.H56-250101-0001` of `applicant` with its filing event and no search name.
    async fn raw_dossier(store: &Store, applicant: &str) {
        let now = ts(OffsetDateTime::now_utc()).unwrap();
        for sql in [
            "INSERT INTO agencies (code, name, level) VALUES ('000.00.06.H56', 'A', 'commune')".to_string(),
            format!(
                "INSERT INTO procedures (code, version, name_vi, sector_vi, level, online,
                   definition, imported_at)
                 VALUES ('P', '2025-01-01', 'P', 'S', 'commune', 'full', '{{}}', '{now}')"
            ),
            format!(
                "INSERT INTO dossiers (code, procedure_id, agency_code, status,
                   applicant_full_name, applicant_id_number, applicant_phone, answers,
                   filed_at, updated_at)
                 VALUES ('000.00.06.H56-250101-0001', 1, '000.00.06.H56', 1, '{applicant}', '001', '09', '{{}}',
                   '{now}', '{now}')"
            ),
            format!(
                "INSERT INTO dossier_events (dossier_code, at, to_status, actor)
                 VALUES ('000.00.06.H56-250101-0001', '{now}', 1, 'citizen')"
            ),
        ] {
            sqlx::query(&sql).execute(&store.pool).await.unwrap();
        }
    }

    #[tokio::test]
    async fn search_names_of_older_dossiers_are_filled_once() {
        let dir = tempfile::TempDir::new().unwrap();
        let url = format!("sqlite://{}/motcua.db", dir.path().display());
        let store = Store::open(&url).await.unwrap();
        raw_dossier(&store, "Nguyễn Thị Ánh").await;
        sqlx::query("DELETE FROM reference_data WHERE name = 'backfill:search_name'")
            .execute(&store.pool)
            .await
            .unwrap();
        store.close().await;
        let store = Store::open(&url).await.unwrap();
        let name: String = sqlx::query_scalar(
            "SELECT search_name FROM dossiers WHERE code = '000.00.06.H56-250101-0001'",
        )
        .fetch_one(&store.pool)
        .await
        .unwrap();
        assert_eq!(name, motcua_domain::search::fold("Nguyễn Thị Ánh"));
        assert!(!name.is_empty());
    }

    #[tokio::test]
    async fn history_cannot_be_rewritten() {
        let (_dir, store) = temp_store().await;
        raw_dossier(&store, "N").await;
        for sql in [
            "UPDATE dossier_events SET to_status = 2",
            "DELETE FROM dossier_events",
            "DELETE FROM dossiers",
            "UPDATE procedures SET definition = '[]'",
        ] {
            let err = sqlx::query(sql).execute(&store.pool).await;
            assert!(err.is_err(), "{sql} must be refused");
        }
        assert_eq!(
            store
                .events(&"000.00.06.H56-250101-0001".parse().unwrap())
                .await
                .unwrap()
                .len(),
            1
        );
    }
}
