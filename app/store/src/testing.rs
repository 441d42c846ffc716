//! Fresh databases for tests, on the backend the test run asks for, so that one suite runs
//! against both (the storage contract, and every HTTP test above it).
//!
//! `MOTCUA_TEST_DATABASE` chooses: unset or `sqlite` gives a SQLite file in a temporary
//! directory; a PostgreSQL server URL without a database (`postgres://postgres@127.0.0.1:PORT`,
//! as `scripts/postgres.sh` prints) gives a new, empty database on that server for each
//! [`TestDatabase::new`]. Anything else fails loudly rather than quietly testing SQLite.

use std::path::{Path, PathBuf};

use sqlx::{Connection, Executor};
use tempfile::TempDir;

use crate::{Backend, Store};

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

    /// Opens the store (migrating it on first open).
    pub async fn open(&self) -> Store {
        Store::open_with_files(&self.url, Some(&self.files_dir()))
            .await
            .expect("open the test store")
    }
}

/// The SQLite file of a test database in `dir` (its files beside it, in `data/files`).
fn sqlite_url(dir: &Path) -> String {
    format!("sqlite://{}/data/motcua.db", dir.display())
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
