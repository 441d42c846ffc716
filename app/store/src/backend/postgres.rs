//! PostgreSQL: several servers on one database.

use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyConnection, Transaction};

use super::catalogue::{Column, ColumnKind, quoted};
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

/// The application's tables in the schema the connection uses, sqlx's migration table left
/// out.
pub(super) async fn tables(conn: &mut sqlx::AnyConnection) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
           AND table_name <> '_sqlx_migrations'
         ORDER BY table_name",
    )
    .fetch_all(conn)
    .await?)
}

/// A table's columns with their place in its primary key, from `information_schema`.
pub(super) async fn columns(conn: &mut sqlx::AnyConnection, table: &str) -> Result<Vec<Column>> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT c.column_name::text, c.data_type::text, COALESCE(k.ordinal_position, 0)::bigint
         FROM information_schema.columns c
         LEFT JOIN information_schema.table_constraints t
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          AND t.constraint_type = 'PRIMARY KEY'
         LEFT JOIN information_schema.key_column_usage k
           ON k.constraint_schema = t.constraint_schema AND k.constraint_name = t.constraint_name
          AND k.table_name = c.table_name AND k.column_name = c.column_name
         WHERE c.table_schema = current_schema() AND c.table_name = $1
         ORDER BY c.ordinal_position",
    )
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

/// The kinds the `Any` driver reads and writes, by `information_schema`'s type names.
fn kind_of(declared: &str) -> Option<ColumnKind> {
    match declared {
        "bigint" | "integer" | "smallint" => Some(ColumnKind::Integer),
        "double precision" | "real" => Some(ColumnKind::Real),
        "text" | "character varying" | "character" => Some(ColumnKind::Text),
        "bytea" => Some(ColumnKind::Blob),
        _ => None,
    }
}

/// Moves each identity column of `table` past its largest value (see the note in
/// `migrations/postgres/20251122000001_init.sql`): ids copied as they are do not advance
/// the identity, so the next insert would otherwise take id 1 again.
pub(super) async fn reset_identities(conn: &mut sqlx::AnyConnection, table: &str) -> Result<()> {
    let identities: Vec<String> = sqlx::query_scalar(
        "SELECT column_name::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 AND is_identity = 'YES'",
    )
    .bind(table)
    .fetch_all(&mut *conn)
    .await?;
    for column in identities {
        let sql = format!(
            "SELECT setval(pg_get_serial_sequence($1, $2),
                           (SELECT COALESCE(MAX({c}), 0) + 1 FROM {t}), false)",
            c = quoted(&column),
            t = quoted(table),
        );
        sqlx::query(&sql)
            .bind(quoted(table))
            .bind(&column)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
