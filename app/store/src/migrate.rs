//! Moving a deployment from one database to another (SQLite to PostgreSQL, back, or to a
//! new SQLite file) with its uploaded files: `motcua migrate-data`.
//!
//! ## Decisions
//! - **Generic, by name.** Each table's columns are read from the catalogues of both
//!   databases and copied by name, as integers, reals, text, blobs or NULL through sqlx's
//!   `Any` driver; no per-table code, so a new column is copied without a change here. A new
//!   table must be named in [`tables::TABLES`] (in foreign-key order); a database with a
//!   table the list does not name is refused, and a test fails on a fresh database first.
//! - **One snapshot, one transaction.** The source is read in one read transaction (a
//!   consistent state even if it is still serving); the target is written in one write
//!   transaction, in batches of up to 500 rows an insert, and verified *before* it commits:
//!   any refusal or failure rolls everything back, so the target is never half-written.
//! - **Only into an empty database.** A target with any row in a table of deployment data is
//!   refused before anything is written. The rows every open writes by itself (the shipped
//!   unit list and the `reference_data` marks, see [`tables::Holds::Reference`]) are replaced
//!   by the source's. Both databases must have the same migrations applied.
//! - **Ids as they are.** Rows keep their ids (every reference to them stays right);
//!   PostgreSQL's identities are then moved past the copied ids. The append-only tables'
//!   triggers refuse updates and deletes only: the copy only inserts.
//! - **Verified.** Per table, the row count and a SHA-256 over every row in primary-key
//!   order (each value tagged with its kind and length-prefixed) must be equal on both
//!   sides, and every file the target lists must be in its files with the right hash.

mod files;
mod plan;
mod tables;
mod value;

use futures_util::TryStreamExt;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

pub use files::FilesCopied;
use plan::{Db, TablePlan};
use tables::Holds;

use crate::backend::catalogue::quoted;
use crate::{Store, StoreError};

/// Which of the two databases a message is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Source,
    Target,
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Side::Source => "source",
            Side::Target => "target",
        })
    }
}

/// What is wrong with a file the source lists.
#[derive(Debug, thiserror::Error)]
pub enum FileProblem {
    /// Not in the source's files (named as its location reads, e.g. a directory).
    #[error("it is missing from {0}")]
    Missing(String),
    #[error("its content does not match its SHA-256 (the file is damaged)")]
    Corrupt,
    #[error("it has {found} bytes, the database says {listed}")]
    Size { listed: i64, found: u64 },
}

/// Why a migration was refused or failed. In every case the target is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error(
        "the target database is not empty: table {table} has {rows} row(s); \
         migrate into a new, empty database"
    )]
    TargetNotEmpty { table: String, rows: i64 },
    #[error(
        "the databases are at different schema versions (source: {from_versions}; target: \
         {to_versions}); open both with the same version of motcua"
    )]
    VersionMismatch {
        from_versions: String,
        to_versions: String,
    },
    #[error("the {side} database has tables this version of motcua does not know: {tables}")]
    UnknownTables { side: Side, tables: String },
    #[error("table {table}: {detail}")]
    Schema { table: String, detail: String },
    #[error("uploaded file {sha256} cannot be copied: {problem}")]
    File {
        sha256: String,
        problem: FileProblem,
    },
    #[error("verification failed for table {table}: {detail}")]
    Mismatch { table: String, detail: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for MigrateError {
    fn from(e: sqlx::Error) -> Self {
        MigrateError::Store(StoreError::Database(e))
    }
}

/// One table as verified on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableReport {
    pub table: &'static str,
    pub rows: u64,
    /// Lowercase hex SHA-256 over the table's rows in primary-key order.
    pub sha256: String,
}

/// What a migration copied, and verified equal on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationReport {
    /// Every table, in the order copied.
    pub tables: Vec<TableReport>,
    pub files: FilesCopied,
}

/// Copies every row of `from` and every uploaded file it lists into `to`, which must be
/// empty (see the module's decisions), then verifies the copy; all in one transaction on
/// `to`, committed only once verified.
pub async fn copy_all(from: &Store, to: &Store) -> Result<MigrationReport, MigrateError> {
    let mut source = from.backend.begin_snapshot(&from.pool).await?;
    let mut target = to.begin_write().await?;
    let plans = plan_both(from, &mut source, to, &mut target).await?;
    refuse_unless_empty(&mut target, &plans).await?;
    for plan in &plans {
        if plan.table.holds == Holds::Reference {
            let delete = format!("DELETE FROM {}", quoted(plan.table.name));
            sqlx::query(&delete).execute(&mut *target).await?;
        }
        copy_table(&mut source, &mut target, plan).await?;
        to.backend
            .reset_identities(&mut target, plan.table.name)
            .await?;
    }
    let copied = files::copy(&mut source, from, to).await?;
    let report = compare(&mut source, &mut target, &plans, to).await?;
    if report.files != copied {
        return Err(MigrateError::Mismatch {
            table: "files".into(),
            detail: format!("{copied:?} copied, {:?} found", report.files),
        });
    }
    target.commit().await?;
    source.rollback().await?;
    Ok(report)
}

/// Verifies, on the committed databases, that `to` holds what `from` holds: every table's
/// row count and content hash, and every file `to` lists in its files with the right hash.
pub async fn verify(from: &Store, to: &Store) -> Result<MigrationReport, MigrateError> {
    let mut source = from.backend.begin_snapshot(&from.pool).await?;
    let mut target = to.backend.begin_snapshot(&to.pool).await?;
    let plans = plan_both(from, &mut source, to, &mut target).await?;
    let report = compare(&mut source, &mut target, &plans, to).await?;
    source.rollback().await?;
    target.rollback().await?;
    Ok(report)
}

/// Plans the copy from `from` (read through `source`) into `to` (through `target`).
async fn plan_both(
    from: &Store,
    source: &mut AnyConnection,
    to: &Store,
    target: &mut AnyConnection,
) -> Result<Vec<TablePlan>, MigrateError> {
    plan::plan(
        &mut Db {
            side: Side::Source,
            backend: from.backend,
            conn: source,
        },
        &mut Db {
            side: Side::Target,
            backend: to.backend,
            conn: target,
        },
    )
    .await
}

/// Refuses a target with any row in a table of deployment data.
async fn refuse_unless_empty(
    target: &mut AnyConnection,
    plans: &[TablePlan],
) -> Result<(), MigrateError> {
    for plan in plans.iter().filter(|p| p.table.holds == Holds::Data) {
        let count = format!("SELECT COUNT(*) FROM {}", quoted(plan.table.name));
        let rows: i64 = sqlx::query_scalar(&count).fetch_one(&mut *target).await?;
        if rows > 0 {
            return Err(MigrateError::TargetNotEmpty {
                table: plan.table.name.into(),
                rows,
            });
        }
    }
    Ok(())
}

/// Streams the table's rows from the source into batched inserts on the target.
async fn copy_table(
    source: &mut AnyConnection,
    target: &mut AnyConnection,
    plan: &TablePlan,
) -> Result<(), MigrateError> {
    let select = plan.select_sql();
    let mut rows = sqlx::query(&select).fetch(source);
    let mut batch = Vec::with_capacity(plan.batch_rows());
    while let Some(row) = rows.try_next().await? {
        batch.push(plan.read_row(&row)?);
        if batch.len() == plan.batch_rows() {
            plan.insert(target, std::mem::take(&mut batch)).await?;
        }
    }
    plan.insert(target, batch).await
}

/// The row count and content hash of a table.
async fn digest(conn: &mut AnyConnection, plan: &TablePlan) -> Result<(u64, String), MigrateError> {
    let select = plan.select_sql();
    let mut rows = sqlx::query(&select).fetch(conn);
    let mut hasher = Sha256::new();
    let mut count = 0u64;
    while let Some(row) = rows.try_next().await? {
        TablePlan::hash_row(&plan.read_row(&row)?, &mut hasher);
        count += 1;
    }
    Ok((count, hex::encode(hasher.finalize())))
}

/// Every table's count and hash on both sides, which must be equal, and the target's files.
async fn compare(
    source: &mut AnyConnection,
    target: &mut AnyConnection,
    plans: &[TablePlan],
    to: &Store,
) -> Result<MigrationReport, MigrateError> {
    let mut tables = Vec::with_capacity(plans.len());
    for plan in plans {
        let (rows, sha256) = digest(source, plan).await?;
        let (their_rows, their_sha256) = digest(target, plan).await?;
        let table = plan.table.name;
        if rows != their_rows {
            return Err(MigrateError::Mismatch {
                table: table.into(),
                detail: format!("{rows} row(s) in the source, {their_rows} in the target"),
            });
        }
        if sha256 != their_sha256 {
            return Err(MigrateError::Mismatch {
                table: table.into(),
                detail: "the same number of rows, different contents".into(),
            });
        }
        tables.push(TableReport {
            table,
            rows,
            sha256,
        });
    }
    let files = files::check(target, to).await?;
    Ok(MigrationReport { tables, files })
}
