//! `motcua backup DIR` and `motcua restore DIR`: a consistent copy of a running deployment
//! (every table and every uploaded file) into a folder, and back into a new database.
//!
//! ## Decisions
//! - **One format for both backends.** A backup is a SQLite file (`motcua.db`), the files
//!   folder (`files/`, named by their SHA-256) and `manifest.json`. It is taken with the
//!   copy of `motcua migrate-data` ([`copy_all`]): one read snapshot of the live database,
//!   so the server keeps serving and the backup is one moment of it, whatever the backend;
//!   and a backup of PostgreSQL restores into SQLite or the other way round.
//! - **Checked twice.** The manifest holds the database file's SHA-256 and each table's row
//!   count and content hash (as the copy computed them). Restoring checks the file's hash,
//!   then the tables and files of the backup against the manifest, *before* writing
//!   anything; the copy into the new database verifies again before it commits.
//! - **Into an empty database only**, as `migrate-data`: restoring never merges.
//! - **The backup folder is not changed** by a restore: it opens a working copy of the
//!   database file in the folder (`work.db`, removed afterwards), since opening runs the
//!   migrations. Taking a backup copies into such a working file too, then writes it out as
//!   one file (SQLite's `VACUUM INTO`), so `motcua.db` needs no log beside it.

use std::path::{Path, PathBuf};

use motcua_store::migrate::{MigrateError, MigrationReport, TableReport, copy_all, verify};
use motcua_store::{BlobLocation, Store};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What a backup folder's `manifest.json` says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// `motcua-backup/1`.
    pub format: String,
    /// When the snapshot was read, RFC 3339 UTC.
    pub taken_at: String,
    /// The version of motcua that took it.
    pub motcua_version: String,
    /// The database file's name in the folder and its SHA-256.
    pub database_file: String,
    pub database_sha256: String,
    pub tables: Vec<TableEntry>,
    pub files: u64,
    pub file_bytes: u64,
}

/// One table of the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableEntry {
    pub table: String,
    pub rows: u64,
    pub sha256: String,
}

const FORMAT: &str = "motcua-backup/1";
const DATABASE_FILE: &str = "motcua.db";
const MANIFEST_FILE: &str = "manifest.json";
const WORK_FILE: &str = "work.db";

/// Takes a backup of `live` into `dir`, which must not exist or be empty. Returns the
/// manifest written.
pub async fn take(live: &Store, dir: &Path) -> Result<Manifest, String> {
    refuse_unless_empty(dir)?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let dir = dir
        .canonicalize()
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    let taken_at = time::OffsetDateTime::now_utc();
    let copied = async {
        // Copied into a working file, then written as one file without its log.
        let work = dir.join(WORK_FILE);
        let copy = open_folder(&dir, &work).await?;
        let copied = match copy_all(live, &copy).await {
            Ok(report) => copy
                .write_single_file(&dir.join(DATABASE_FILE))
                .await
                .map(|()| report)
                .map_err(MigrateError::from),
            Err(e) => Err(e),
        };
        copy.close().await;
        remove_working_copy(&work);
        copied.map_err(|e| format!("backup failed, nothing kept: {e}"))
    }
    .await;
    let report = match copied {
        Ok(report) => report,
        Err(e) => {
            // The folder was new or empty: what is in it now is this failed attempt's.
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e);
        }
    };
    let database_sha256 = sha256_of(&dir.join(DATABASE_FILE))?;
    let manifest = Manifest {
        format: FORMAT.into(),
        taken_at: taken_at
            .format(&time::format_description::well_known::Rfc3339)
            .map_err(|e| e.to_string())?,
        motcua_version: env!("CARGO_PKG_VERSION").into(),
        database_file: DATABASE_FILE.into(),
        database_sha256,
        tables: entries(&report),
        files: report.files.files,
        file_bytes: report.files.bytes,
    };
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| e.to_string())?;
    write_durably(&dir.join(MANIFEST_FILE), &json)?;
    Ok(manifest)
}

/// Restores the backup in `dir` into `target`, which must be empty, after checking it
/// against its manifest. Returns the manifest restored.
pub async fn restore(dir: &Path, target: &Store) -> Result<Manifest, String> {
    let manifest = read_manifest(dir)?;
    let database = dir.join(&manifest.database_file);
    if sha256_of(&database)? != manifest.database_sha256 {
        return Err(format!(
            "{} does not match the SHA-256 in {MANIFEST_FILE}: the backup is damaged",
            database.display()
        ));
    }
    let work = dir.join(WORK_FILE);
    std::fs::copy(&database, &work).map_err(|e| format!("{}: {e}", work.display()))?;
    let restored = restore_from(&manifest, dir, &work, target).await;
    remove_working_copy(&work);
    restored.map(|()| manifest)
}

async fn restore_from(
    manifest: &Manifest,
    dir: &Path,
    work: &Path,
    target: &Store,
) -> Result<(), String> {
    let backup = open_folder(dir, work).await?;
    let restored = async {
        // The backup as it reads now, against what the manifest says it was.
        let found = verify(&backup, &backup)
            .await
            .map_err(|e| format!("the backup cannot be read: {e}"))?;
        agrees(manifest, &found, "the backup")?;
        let copied = copy_all(&backup, target)
            .await
            .map_err(|e| format!("restore refused, nothing written: {e}"))?;
        agrees(manifest, &copied, "the restored database")
    }
    .await;
    backup.close().await;
    restored
}

/// The backup's database file and files folder, opened as every subcommand opens a store.
async fn open_folder(dir: &Path, database: &Path) -> Result<Store, String> {
    let url = format!("sqlite://{}", database.display());
    let files = BlobLocation::LocalDir(dir.join("files"));
    crate::startup::open_store(&url, Some(&files)).await
}

/// Refuses `found` unless its tables and files are those of `manifest`.
fn agrees(manifest: &Manifest, found: &MigrationReport, what: &str) -> Result<(), String> {
    let tables = entries(found);
    if let Some(diff) = manifest.tables.iter().find(|t| !tables.contains(t)) {
        return Err(format!(
            "{what} does not match {MANIFEST_FILE} at table {} ({} rows listed); \
             was it taken by another version of motcua ({})?",
            diff.table, diff.rows, manifest.motcua_version
        ));
    }
    if tables.len() != manifest.tables.len() || found.files.files != manifest.files {
        return Err(format!(
            "{what} does not match {MANIFEST_FILE}: {} tables and {} files listed, {} and {} found",
            manifest.tables.len(),
            manifest.files,
            tables.len(),
            found.files.files
        ));
    }
    Ok(())
}

fn entries(report: &MigrationReport) -> Vec<TableEntry> {
    report
        .tables
        .iter()
        .map(
            |TableReport {
                 table,
                 rows,
                 sha256,
             }| TableEntry {
                table: table.to_string(),
                rows: *rows,
                sha256: sha256.clone(),
            },
        )
        .collect()
}

fn read_manifest(dir: &Path) -> Result<Manifest, String> {
    let path = dir.join(MANIFEST_FILE);
    let text = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let manifest: Manifest = serde_json::from_slice(&text)
        .map_err(|e| format!("{}: not a motcua backup manifest: {e}", path.display()))?;
    if manifest.format != FORMAT {
        return Err(format!(
            "{}: format {:?}, this motcua reads {FORMAT:?}",
            path.display(),
            manifest.format
        ));
    }
    // A name, never a path: a manifest cannot point the restore elsewhere.
    if Path::new(&manifest.database_file).file_name()
        != Some(std::ffi::OsStr::new(&manifest.database_file))
    {
        return Err(format!("{}: a bad database file name", path.display()));
    }
    Ok(manifest)
}

fn refuse_unless_empty(dir: &Path) -> Result<(), String> {
    match std::fs::read_dir(dir).map(|mut entries| entries.next().is_some()) {
        Ok(true) => Err(format!(
            "{} is not empty: back up into a new folder",
            dir.display()
        )),
        Ok(false) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{}: {e}", dir.display())),
    }
}

fn sha256_of(path: &Path) -> Result<String, String> {
    let mut file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(hex::encode(hasher.finalize()))
}

/// Writes `bytes` to `path` and syncs it, so a manifest that exists is whole.
fn write_durably(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let mut file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Removes the working database file and what SQLite and the store put beside it (its
/// `-wal` and `-shm`, the store's `.setup-lock`).
fn remove_working_copy(work: &Path) {
    let _ = std::fs::remove_file(work);
    for suffix in ["-wal", "-shm", ".setup-lock"] {
        let mut name = work.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}
