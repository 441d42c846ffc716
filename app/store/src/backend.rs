//! The two databases the store runs on, and everything that differs between them.
//!
//! The store's queries are one SQL text for both: portable SQL with `$1, $2, …` placeholders,
//! run through sqlx's `Any` driver, so a rule about dossiers is written and tested once. What
//! cannot be portable lives here, one module per backend:
//! - how to connect and which settings every connection needs;
//! - the migrations (each backend has its own folder under `migrations/`, with the same
//!   versions, so a schema change is two files with one name);
//! - how a write transaction keeps concurrent writers apart, and how servers starting at
//!   once take turns setting the database up ([`SetupLock`]);
//! - the query-plan statement.
//!
//! Adding a backend means a variant here, a module beside `sqlite.rs` and `postgres.rs`, and
//! a migrations folder (see `docs/architecture.md`).

pub(crate) mod catalogue;
mod postgres;
mod sqlite;

pub(crate) use sqlite::default_files_dir;

use std::path::PathBuf;

use sqlx::migrate::Migrator;
use sqlx::{Any, AnyConnection, AnyPool, Connection, Transaction};

use crate::{Result, StoreError};

/// Which database a [`crate::Store`] is on, chosen by the scheme of its URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// `sqlite://PATH`: one file, one machine (the default).
    Sqlite,
    /// `postgres://…` or `postgresql://…`: PostgreSQL 15 or newer, for several servers.
    Postgres,
}

impl Backend {
    /// The backend a database URL names; any other URL is refused before anything is
    /// created (sqlx would otherwise read `mysql://x` as a relative SQLite path and quietly
    /// create a folder named `mysql:` with an empty database in it).
    pub fn of_url(database_url: &str) -> Result<Backend> {
        let scheme = database_url
            .split_once(':')
            .map(|(s, _)| s.to_ascii_lowercase());
        match scheme.as_deref() {
            Some("sqlite") => Ok(Backend::Sqlite),
            Some("postgres" | "postgresql") => Ok(Backend::Postgres),
            _ => Err(StoreError::Invalid(format!(
                "database URL {:?} is not supported: use sqlite://PATH (for example \
                 sqlite://data/motcua.db) or postgres://USER@HOST/DATABASE",
                redact(database_url)
            ))),
        }
    }

    /// Whether the database a URL names is there already, for a command that must not
    /// create the one it reads from (`motcua migrate-data --from`). A SQLite file is looked
    /// for; a PostgreSQL database is never created by connecting, so it counts as there (a
    /// missing one fails to connect, saying so).
    pub fn database_exists(self, database_url: &str) -> Result<bool> {
        match self {
            Backend::Sqlite => Ok(sqlite::file_of(database_url)?.is_file()),
            Backend::Postgres => Ok(true),
        }
    }

    /// Connects a pool with the settings every connection of this backend needs.
    pub(crate) async fn connect(self, database_url: &str) -> Result<AnyPool> {
        sqlx::any::install_default_drivers();
        match self {
            Backend::Sqlite => sqlite::connect(database_url).await,
            Backend::Postgres => postgres::connect(database_url).await,
        }
    }

    /// This backend's migrations.
    pub(crate) fn migrator(self) -> &'static Migrator {
        match self {
            Backend::Sqlite => &sqlite::MIGRATOR,
            Backend::Postgres => &postgres::MIGRATOR,
        }
    }

    /// A transaction that runs alone among the store's writers: for the rare writes that
    /// read a whole table before deciding (imports, roles, the one-time backfills), where no
    /// single row could be locked instead.
    pub(crate) async fn begin_serialised(
        self,
        pool: &AnyPool,
    ) -> Result<Transaction<'static, Any>> {
        match self {
            Backend::Sqlite => sqlite::begin_write(pool).await,
            Backend::Postgres => postgres::begin_serialised(pool).await,
        }
    }

    /// A transaction whose statements lock the rows they decide on (see
    /// [`Backend::for_update`]): the hot paths (filing, uploads, staff moves), which must not
    /// wait for each other when they touch different dossiers.
    pub(crate) async fn begin_rows(self, pool: &AnyPool) -> Result<Transaction<'static, Any>> {
        match self {
            // SQLite has one writer at a time anyway; taking the lock up front is what keeps a
            // reader-turned-writer from failing with SQLITE_BUSY.
            Backend::Sqlite => sqlite::begin_write(pool).await,
            Backend::Postgres => Ok(pool.begin().await?),
        }
    }

    /// A read-only transaction that sees one consistent state of the whole database from
    /// its first statement to its end, whatever is written meanwhile: what a copy of every
    /// table must read from. SQLite in WAL mode gives a deferred transaction's reads one
    /// snapshot; PostgreSQL needs `REPEATABLE READ` for it (its default, `READ COMMITTED`,
    /// sees each statement's own moment).
    pub(crate) async fn begin_snapshot(self, pool: &AnyPool) -> Result<Transaction<'static, Any>> {
        Ok(match self {
            Backend::Sqlite => pool.begin_with("BEGIN DEFERRED").await?,
            Backend::Postgres => {
                pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    .await?
            }
        })
    }

    /// The clause that locks a selected row until the transaction ends, appended to the
    /// `SELECT` a write transaction decides on (the draft being filed, the dossier being
    /// moved). SQLite needs none: [`Backend::begin_rows`] already holds its write lock.
    pub(crate) fn for_update(self) -> &'static str {
        match self {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE",
        }
    }

    /// The statement that shows a query's plan, and the column of its rows holding the text.
    pub(crate) fn explain(self) -> (&'static str, usize) {
        match self {
            Backend::Sqlite => ("EXPLAIN QUERY PLAN ", 3),
            Backend::Postgres => ("EXPLAIN ", 0),
        }
    }
}

/// Where a database's setup lock is taken: what [`Setup::lock`] locks.
#[derive(Clone, Debug)]
pub(crate) enum Setup {
    /// An OS lock on this file beside the SQLite database.
    File(PathBuf),
    /// A PostgreSQL session advisory lock.
    Advisory,
}

impl Setup {
    pub(crate) fn of(backend: Backend, database_url: &str) -> Result<Setup> {
        Ok(match backend {
            Backend::Sqlite => Setup::File(sqlite::setup_lock_file(database_url)?),
            Backend::Postgres => Setup::Advisory,
        })
    }

    /// Takes the lock as [`Setup::lock`] does when it needs no connection (SQLite's file
    /// lock), for what must be done before connecting: creating the database file.
    pub(crate) async fn lock_without_pool(&self) -> Result<Option<SetupLock>> {
        Ok(match self {
            Setup::File(path) => Some(SetupLock(Held::File(
                sqlite::lock_file(path.clone()).await?,
            ))),
            Setup::Advisory => None,
        })
    }

    /// Waits until no other server (of any process or machine on this database) holds the
    /// setup lock, and takes it.
    pub(crate) async fn lock(&self, pool: &AnyPool) -> Result<SetupLock> {
        Ok(SetupLock(match self {
            Setup::File(path) => Held::File(sqlite::lock_file(path.clone()).await?),
            Setup::Advisory => Held::Session(postgres::lock_setup(pool).await?),
        }))
    }
}

/// The database's setup lock, held: one server at a time migrates the database and loads
/// what it loads at start (the reference data, the demo), so that servers started at the
/// same moment on an empty database do not each create the tables or load the demo; the
/// next one finds the work done. Released by [`SetupLock::release`], or when dropped.
///
/// Not a transaction: what runs under it writes through the store's ordinary transactions,
/// which it must not block. On SQLite it is an OS lock on a file beside the database, on
/// PostgreSQL a session advisory lock; both end with the process that holds them.
#[must_use = "the lock is released when dropped"]
pub struct SetupLock(Held);

enum Held {
    File(std::fs::File),
    Session(AnyConnection),
}

impl std::fmt::Debug for SetupLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SetupLock")
    }
}

impl SetupLock {
    /// Lets the next server in.
    pub async fn release(self) {
        match self.0 {
            Held::File(file) => drop(file),
            // Ending the session ends its locks; a failure to say goodbye closes the socket,
            // which does too.
            Held::Session(conn) => {
                let _ = conn.close().await;
            }
        }
    }
}

/// The URL without a password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(start), Some(at)) if at > start => {
            let userinfo = &url[start + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..start + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls_choose_a_backend_or_are_refused_with_the_password_hidden() {
        assert_eq!(
            Backend::of_url("sqlite://data/motcua.db").unwrap(),
            Backend::Sqlite
        );
        assert_eq!(
            Backend::of_url("sqlite:motcua.db").unwrap(),
            Backend::Sqlite
        );
        assert_eq!(
            Backend::of_url("postgres://motcua@db.local/motcua").unwrap(),
            Backend::Postgres
        );
        assert_eq!(
            Backend::of_url("PostgreSQL://db.local/motcua").unwrap(),
            Backend::Postgres
        );
        let err = Backend::of_url("mysql://motcua:secret@db.local/motcua").unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("sqlite://") && text.contains("postgres://"),
            "{text}"
        );
        assert!(
            !text.contains("secret") && text.contains("motcua:***@db.local"),
            "{text}"
        );
        for bad in ["data/motcua.db", "file:motcua.db", ""] {
            assert!(Backend::of_url(bad).is_err(), "{bad}");
        }
    }
}
