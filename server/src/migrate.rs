//! `motcua migrate-data --from URL --to URL`: moves a deployment (every table and every
//! uploaded file) into a new, empty database, on the same backend or the other, and reports
//! per table what was copied and verified (see `motcua_store::migrate`).
//!
//! It names both databases itself and never opens the configured one, so that moving off a
//! configuration does not create the database it names. Both are opened as every subcommand
//! opens its database (`startup::open_store`): migrations and the shipped reference data
//! applied the same way to both, which the copy then checks.

use std::path::{Path, PathBuf};

use motcua_store::migrate::{MigrationReport, copy_all};
use motcua_store::{Backend, BlobLocation, Store};

/// The two databases and their files directories, as given on the command line.
#[derive(Clone, Debug, clap::Args)]
pub struct MigrateArgs {
    /// The database to copy from: sqlite://PATH (it must exist) or postgres://….
    #[arg(long)]
    pub from: String,
    /// The new, empty database to copy into: sqlite://PATH (created) or postgres://… (an
    /// existing empty database).
    #[arg(long)]
    pub to: String,
    /// The source's uploaded files, a directory or s3://BUCKET/PREFIX; default: files/
    /// beside a SQLite source.
    #[arg(long)]
    pub from_files: Option<PathBuf>,
    /// Where the target's uploaded files go, a directory or s3://BUCKET/PREFIX; default:
    /// files/ beside a SQLite target.
    #[arg(long)]
    pub to_files: Option<PathBuf>,
}

/// Copies, verifies and returns the lines to print: one per table, then the files, then
/// "verified".
pub async fn migrate_data(args: &MigrateArgs) -> Result<Vec<String>, String> {
    if args.from.trim() == args.to.trim() {
        return Err("--from and --to name the same database".into());
    }
    let source = backend_of("--from", &args.from, &args.from_files)?;
    if !source
        .database_exists(&args.from)
        .map_err(|e| format!("--from: {e}"))?
    {
        return Err(format!("--from: there is no database at {}", args.from));
    }
    backend_of("--to", &args.to, &args.to_files)?;
    let from = open("--from", &args.from, &args.from_files).await?;
    let to = open("--to", &args.to, &args.to_files).await?;
    let copied = copy_all(&from, &to).await;
    from.close().await;
    to.close().await;
    let report = copied.map_err(|e| format!("migration refused, nothing written: {e}"))?;
    Ok(report_lines(&report))
}

/// The backend a URL names, refused before anything is opened when it is not one, or when it
/// is PostgreSQL and its files directory is not given (there is no "beside" it).
fn backend_of(flag: &str, url: &str, files: &Option<PathBuf>) -> Result<Backend, String> {
    let backend = Backend::of_url(url).map_err(|e| format!("{flag}: {e}"))?;
    if backend == Backend::Postgres && files.is_none() {
        return Err(format!(
            "{flag}: a PostgreSQL database needs its uploaded-files directory: give {flag}-files DIR"
        ));
    }
    Ok(backend)
}

async fn open(flag: &str, url: &str, files: &Option<PathBuf>) -> Result<Store, String> {
    let files = files
        .as_deref()
        .map(files_location)
        .transpose()
        .map_err(|e| format!("{flag}-files: {e}"))?;
    crate::startup::open_store(url, files.as_ref())
        .await
        .map_err(|e| format!("{flag}: {e}"))
}

/// `--from-files` / `--to-files`: a directory, or a files URL (`s3://BUCKET/PREFIX`, as
/// `MOTCUA_FILES_URL`), so files move between a directory and a bucket too.
fn files_location(files: &Path) -> Result<BlobLocation, motcua_store::StoreError> {
    match files.to_str() {
        Some(url) if url.contains("://") => BlobLocation::parse_url(url),
        _ => Ok(BlobLocation::LocalDir(files.to_path_buf())),
    }
}

/// The report as the operator reads it: a table's name and its rows, one a line.
fn report_lines(report: &MigrationReport) -> Vec<String> {
    let width = report
        .tables
        .iter()
        .map(|t| t.table.len())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<String> = report
        .tables
        .iter()
        .map(|t| format!("{:width$}  {:>8} rows", t.table, t.rows))
        .collect();
    lines.push(format!(
        "{:width$}  {:>8} files ({} bytes)",
        "uploaded files", report.files.files, report.files.bytes
    ));
    lines.push(format!(
        "verified: {} tables (row counts and content hashes) and {} files (SHA-256) equal in both databases",
        report.tables.len(),
        report.files.files
    ));
    lines
}
