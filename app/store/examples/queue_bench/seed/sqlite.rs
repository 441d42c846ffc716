//! SQLite: multi-row `INSERT`s, 50,000 rows a transaction, on a connection with durability
//! off (a lost benchmark database is rebuilt) and a large page cache, so that index
//! maintenance stays in memory.

use std::str::FromStr;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool};

use super::{Batches, COLUMNS, Value, values};
use crate::BoxResult;

/// Batches per transaction (of 500 rows each).
const BATCHES_PER_TRANSACTION: usize = 100;

async fn bulk_pool(url: &str) -> BoxResult<SqlitePool> {
    let options = SqliteConnectOptions::from_str(url)?
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Off)
        .foreign_keys(true)
        .pragma("cache_size", "-1000000");
    Ok(SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?)
}

pub async fn write(url: &str, batches: &mut Batches) -> BoxResult<()> {
    let pool = bulk_pool(url).await?;
    let one = format!("({})", vec!["?"; COLUMNS.len()].join(", "));
    let mut more = true;
    while more {
        let mut tx = pool.begin().await?;
        for _ in 0..BATCHES_PER_TRANSACTION {
            let Some(rows) = batches.next_batch() else {
                more = false;
                break;
            };
            let sql = format!(
                "INSERT INTO dossiers ({}) VALUES {}",
                COLUMNS.join(", "),
                vec![one.as_str(); rows.len()].join(", ")
            );
            let mut q = sqlx::query::<Sqlite>(&sql);
            for r in &rows {
                for v in values(r, batches.procedure_id, batches.agency_of(r)) {
                    q = match v {
                        Value::Text(t) => q.bind(t),
                        Value::Int(i) => q.bind(i),
                    };
                }
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
    }
    pool.close().await;
    Ok(())
}

/// Statistics for the planner, and the WAL folded into the file (so its size is the
/// database's).
pub async fn analyze(url: &str) -> BoxResult<()> {
    let pool = bulk_pool(url).await?;
    sqlx::query("ANALYZE").execute(&pool).await?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&pool)
        .await?;
    pool.close().await;
    Ok(())
}
