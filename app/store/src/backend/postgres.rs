//! PostgreSQL: several servers on one database.

use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyConnection, Transaction};

use crate::{Result, StoreError};

pub(super) static MIGRATOR: Migrator = sqlx::migrate!("migrations/postgres");

/// Connections per server process. Filing holds a connection for a few milliseconds; the
/// database's own limit (100 by default) must exceed this times the number of servers.
const POOL_SIZE: u32 = 16;

/// The key of the advisory lock that [`begin_serialised`] takes: any constant will do, as
/// long as every motcua server uses the same one ("motcua" in ASCII).
const SERIAL_LOCK: i64 = 0x6d6f_7463_7561;

/// The key of the session advisory lock that is the setup lock ([`crate::SetupLock`]): not
/// [`SERIAL_LOCK`], which the setup's own writes take.
const SETUP_LOCK: i64 = SERIAL_LOCK + 1;

pub(super) async fn connect(database_url: &str) -> Result<AnyPool> {
    let pool = AnyPoolOptions::new()
        .max_connections(POOL_SIZE)
        .connect(database_url)
        .await?;
    check_collation(&pool).await?;
    Ok(pool)
}

/// Refuses a database whose text order is not byte order. The store compares and sorts
/// moments, codes and dates as text (as SQLite does, byte by byte); a linguistic collation
/// such as `vi_VN.UTF-8` orders punctuation differently and would make those comparisons
/// wrong in ways no error shows.
async fn check_collation(pool: &AnyPool) -> Result<()> {
    let collation: String = sqlx::query_scalar(
        "SELECT datcollate::text FROM pg_database WHERE datname = current_database()",
    )
    .fetch_one(pool)
    .await?;
    if matches!(collation.as_str(), "C" | "POSIX" | "C.UTF-8" | "C.utf8") {
        return Ok(());
    }
    Err(StoreError::Invalid(format!(
        "the PostgreSQL database has collation {collation:?}; motcua needs byte order: \
         create it with CREATE DATABASE motcua TEMPLATE template0 ENCODING 'UTF8' \
         LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'"
    )))
}

/// A transaction holding the store-wide advisory lock until it ends, so it runs alone
/// among the store's serialised writers on every server.
pub(super) async fn begin_serialised(pool: &AnyPool) -> Result<Transaction<'static, Any>> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT 1 FROM pg_advisory_xact_lock($1)")
        .bind(SERIAL_LOCK)
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}

/// A connection of its own (taken out of the pool, so it is closed rather than reused when
/// dropped) holding the setup lock: PostgreSQL releases a session lock when its connection
/// ends, also when the server holding it dies.
pub(super) async fn lock_setup(pool: &AnyPool) -> Result<AnyConnection> {
    let mut conn = pool.acquire().await?.detach();
    sqlx::query("SELECT 1 FROM pg_advisory_lock($1)")
        .bind(SETUP_LOCK)
        .execute(&mut conn)
        .await?;
    Ok(conn)
}
