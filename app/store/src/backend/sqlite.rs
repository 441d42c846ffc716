//! SQLite: one file, one writer at a time.

use std::str::FromStr;
use std::time::Duration;

use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{Any, ConnectOptions, Connection, Executor, Transaction};

use super::catalogue::{Column, ColumnKind};
use crate::{Result, StoreError};

pub(super) static MIGRATOR: Migrator = sqlx::migrate!("migrations/sqlite");

/// How long a connection waits for another writer (another request, another server on the
/// same file, the command-line import) before giving up with "database is locked": as long as
/// a request waits for a pooled connection (sqlx's 30 s), since both are waiting in line.
/// SQLite's waiters poll rather than queue, so with two servers' connections all writing
/// (`server/tests/cluster.rs`, 200 filings at once on a loaded 2-core machine) a write
/// waited more than the 5 s this was, and the citizen got an error page.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Per-connection settings: `synchronous=FULL` so a committed filing survives a power cut
/// before the citizen sees the receipt; foreign keys on (SQLite's default is off); the busy
/// timeout above. WAL is a property of the file, set once when the file is created.
fn connection_settings() -> String {
    format!(
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {};",
        BUSY_TIMEOUT.as_millis()
    )
}

/// The options of a `sqlite:` URL that names a file: an in-memory database is refused (it
/// would lose every dossier at the next restart). Read first by [`setup_lock_file`], so a
/// refused URL leaves nothing behind, not even the lock file.
fn file_options(database_url: &str) -> Result<SqliteConnectOptions> {
    let options = SqliteConnectOptions::from_str(database_url)?;
    if options
        .get_filename()
        .to_string_lossy()
        .starts_with("file:sqlx-in-memory")
        || database_url.contains("mode=memory")
    {
        return Err(StoreError::Invalid(
            "in-memory databases are not supported; use a file path".into(),
        ));
    }
    Ok(options)
}

pub(super) async fn connect(database_url: &str) -> Result<AnyPool> {
    let options = file_options(database_url)?;
    // Create the file and its folder (and switch it to WAL, which then stays) with the native
    // driver: the `Any` driver opens existing files only.
    if let Some(parent) = options.get_filename().parent()
        && !parent.as_os_str().is_empty()
    {
        tokio::fs::create_dir_all(parent).await?;
    }
    options
        .clone()
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(BUSY_TIMEOUT)
        .connect()
        .await?
        .close()
        .await?;
    Ok(AnyPoolOptions::new()
        .max_connections(8)
        .after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(connection_settings().as_str()).await?;
                Ok(())
            })
        })
        .connect(database_url)
        .await?)
}

/// `BEGIN IMMEDIATE` takes SQLite's write lock up front. That is what makes filing
/// idempotent under double submits and the per-agency sequence gap-free: a deferred
/// transaction could instead fail with `SQLITE_BUSY` when upgrading to a writer.
pub(super) async fn begin_write(pool: &AnyPool) -> Result<Transaction<'static, Any>> {
    Ok(pool.begin_with("BEGIN IMMEDIATE").await?)
}

/// The file whose lock is the database's setup lock ([`crate::SetupLock`]): beside the
/// database, `motcua.db.setup-lock`. Not the database file itself: SQLite's own locks on it
/// are POSIX record locks, which closing any other handle on the file would drop.
pub(super) fn setup_lock_file(database_url: &str) -> Result<std::path::PathBuf> {
    let options = file_options(database_url)?;
    let mut name = options.get_filename().as_os_str().to_owned();
    name.push(".setup-lock");
    Ok(name.into())
}

/// Waits for and takes the exclusive lock on `path` (an OS file lock, so a server that dies
/// holding it releases it with its last handle).
pub(super) async fn lock_file(path: std::path::PathBuf) -> Result<std::fs::File> {
    let locked = tokio::task::spawn_blocking(move || {
        // Taken before the database is created, so its folder may not be there yet.
        if let Some(parent) = path.parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent)?;
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        file.lock()?;
        Ok::<_, std::io::Error>(file)
    })
    .await
    .map_err(std::io::Error::other)??;
    Ok(locked)
}

/// The database file a `sqlite:` URL names.
pub(super) fn file_of(database_url: &str) -> Result<std::path::PathBuf> {
    Ok(SqliteConnectOptions::from_str(database_url)?
        .get_filename()
        .to_path_buf())
}

/// The directory uploaded files go to when none is configured: `files/` beside the database.
pub(crate) fn default_files_dir(database_url: &str) -> Result<std::path::PathBuf> {
    let options = SqliteConnectOptions::from_str(database_url)?;
    Ok(match options.get_filename().parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join("files"),
        _ => std::path::PathBuf::from("files"),
    })
}

/// The application's tables: SQLite's own (`sqlite_…`) and sqlx's migration table left out.
pub(super) async fn tables(conn: &mut sqlx::AnyConnection) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table'
           AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_sqlx_migrations'
         ORDER BY name",
    )
    .fetch_all(conn)
    .await?)
}

/// A table's columns from `pragma_table_info` (whose `pk` is the key position, 0 if none).
pub(super) async fn columns(conn: &mut sqlx::AnyConnection, table: &str) -> Result<Vec<Column>> {
    let rows: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT name, type, pk FROM pragma_table_info($1) ORDER BY cid")
            .bind(table)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(name, declared, pk)| Column {
            name,
            kind: kind_of(&declared),
            key_position: (pk > 0).then_some(pk),
            declared,
        })
        .collect())
}

/// SQLite's type affinity rules (in their order) for a declared type; NUMERIC affinity,
/// which may hold any kind of value, has no kind.
fn kind_of(declared: &str) -> Option<ColumnKind> {
    let t = declared.to_ascii_uppercase();
    if t.contains("INT") {
        Some(ColumnKind::Integer)
    } else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") {
        Some(ColumnKind::Text)
    } else if t.contains("BLOB") || t.is_empty() {
        Some(ColumnKind::Blob)
    } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
        Some(ColumnKind::Real)
    } else {
        None
    }
}
