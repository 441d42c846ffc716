//! Fresh databases for tests, on the backend the test run asks for, so that one suite runs
//! against both (the storage contract, and every HTTP test above it).
//!
//! `MOTCUA_TEST_DATABASE` chooses: unset or `sqlite` gives a SQLite file in a temporary
//! directory; a PostgreSQL server URL without a database (`postgres://postgres@127.0.0.1:PORT`,
//! as `scripts/postgres.sh` prints) gives a new, empty database on that server for each
//! [`TestDatabase::new`]. Anything else fails loudly rather than quietly testing SQLite.
//!
//! Uploaded files are in a directory beside the database. `MOTCUA_TEST_S3`, the URL of a
//! local S3-compatible server (`scripts/s3.sh` starts `moto`), additionally asks for the
//! tests that run on an S3 store ([`s3_location`]); when it is set and the server does not
//! answer, those tests fail rather than skip.

use std::path::{Path, PathBuf};

use sqlx::{Connection, Executor};
use tempfile::TempDir;

use crate::{Backend, BlobLocation, S3Location, Store};

/// The variable that chooses the backend of a test run.
pub const BACKEND_VARIABLE: &str = "MOTCUA_TEST_DATABASE";

/// One test's own database (and its uploaded-files directory).
pub struct TestDatabase {
    dir: TempDir,
    url: String,
}

impl TestDatabase {
    /// A new empty database on the run's backend.
    pub async fn new() -> TestDatabase {
        let dir = TempDir::new().expect("temporary directory");
        let url = match std::env::var(BACKEND_VARIABLE).ok().as_deref() {
            None | Some("") | Some("sqlite") => sqlite_url(dir.path()),
            Some(server) if Backend::of_url(server).ok() == Some(Backend::Postgres) => {
                create_postgres_database(server).await
            }
            Some(other) => panic!(
                "{BACKEND_VARIABLE}={other:?}: expected `sqlite` or a postgres:// server URL"
            ),
        };
        TestDatabase { dir, url }
    }

    /// A new empty SQLite database whatever the run's backend: the other side of a test
    /// that moves data between two databases (`motcua migrate-data`).
    pub fn sqlite() -> TestDatabase {
        let dir = TempDir::new().expect("temporary directory");
        let url = sqlite_url(dir.path());
        TestDatabase { dir, url }
    }

    /// The backend of this run.
    pub fn backend(&self) -> Backend {
        Backend::of_url(&self.url).expect("test database URL")
    }

    /// The database URL, for code that opens the store itself (the server binary).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The uploaded-files directory (beside the SQLite file, as the default would be).
    pub fn files_dir(&self) -> PathBuf {
        self.dir.path().join("data").join("files")
    }

    /// A temporary directory that lives as long as the database, for the test's other files.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The uploaded-files directory as a location.
    pub fn files(&self) -> BlobLocation {
        BlobLocation::LocalDir(self.files_dir())
    }

    /// Opens the store (migrating it on first open).
    pub async fn open(&self) -> Store {
        self.open_with_files(&self.files()).await
    }

    /// Opens the store with its files elsewhere (an S3 bucket, see [`s3_location`]).
    pub async fn open_with_files(&self, files: &BlobLocation) -> Store {
        Store::open_with_files(&self.url, Some(files))
            .await
            .expect("open the test store")
    }
}

/// The SQLite file of a test database in `dir` (its files beside it, in `data/files`).
fn sqlite_url(dir: &Path) -> String {
    format!("sqlite://{}/data/motcua.db", dir.display())
}

/// The variable that asks for the S3 tests: the URL of a local S3-compatible server, e.g.
/// `http://127.0.0.1:PORT` as `scripts/s3.sh` prints.
pub const S3_VARIABLE: &str = "MOTCUA_TEST_S3";

/// The bucket the tests share on that server, each under a prefix of its own.
const S3_BUCKET: &str = "motcua-test";

/// A fresh, empty place for files on the run's S3 server (a random prefix in a test
/// bucket, created when missing), or `None` when the run does not ask for S3. Panics when
/// the server does not answer: a run that asked for S3 must not quietly pass without it.
pub async fn s3_location() -> Option<BlobLocation> {
    let endpoint = std::env::var(S3_VARIABLE).ok().filter(|v| !v.is_empty())?;
    let endpoint = endpoint.trim_end_matches('/').to_string();
    // A test server (moto) accepts an unsigned bucket creation; an existing bucket is
    // answered with 200 or 409, both fine.
    let created = reqwest::Client::new()
        .put(format!("{endpoint}/{S3_BUCKET}"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{S3_VARIABLE}={endpoint}: the S3 server does not answer: {e}"));
    let status = created.status();
    assert!(
        status.is_success() || status == reqwest::StatusCode::CONFLICT,
        "{S3_VARIABLE}={endpoint}: creating bucket {S3_BUCKET} answered {status}"
    );
    let mut prefix = [0u8; 8];
    getrandom::fill(&mut prefix).expect("random prefix");
    let location = S3Location {
        bucket: S3_BUCKET.into(),
        prefix: format!("test-{}", hex::encode(prefix)),
        options: Vec::new(),
    }
    .with_option("aws_endpoint", &endpoint)
    .with_option("aws_access_key_id", "testing")
    .with_option("aws_secret_access_key", "testing")
    .with_option("aws_region", "us-east-1");
    Some(BlobLocation::S3(location))
}

/// Creates a database with a random name on the server and returns its URL.
async fn create_postgres_database(server: &str) -> String {
    let server = server.trim_end_matches('/');
    let mut name_bytes = [0u8; 8];
    getrandom::fill(&mut name_bytes).expect("random name");
    let name = format!("motcua_test_{}", hex::encode(name_bytes));
    let mut conn = sqlx::PgConnection::connect(&format!("{server}/postgres"))
        .await
        .unwrap_or_else(|e| panic!("{BACKEND_VARIABLE}: cannot reach {server}: {e}"));
    conn.execute(
        format!(
            "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' \
             LC_CTYPE 'C.UTF-8'"
        )
        .as_str(),
    )
    .await
    .expect("create the test database");
    conn.close().await.ok();
    format!("{server}/{name}")
}
