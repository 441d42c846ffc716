//! PostgreSQL: one `COPY … FROM STDIN` in text format, the rows streamed as they are
//! generated, into the table with all its indexes (as a running deployment has them).

use sqlx::{Connection, Executor, PgConnection};

use super::{Batches, COLUMNS, Value, values};
use crate::BoxResult;

pub async fn write(url: &str, batches: &mut Batches) -> BoxResult<()> {
    let mut conn = PgConnection::connect(url).await?;
    // A lost benchmark database is rebuilt: no need to wait for the WAL at commit.
    conn.execute("SET synchronous_commit = off").await?;
    let mut copy = conn
        .copy_in_raw(&format!(
            "COPY dossiers ({}) FROM STDIN",
            COLUMNS.join(", ")
        ))
        .await?;
    let mut text = String::new();
    while let Some(rows) = batches.next_batch() {
        text.clear();
        for r in &rows {
            for (i, v) in values(r, batches.procedure_id, batches.agency_of(r))
                .into_iter()
                .enumerate()
            {
                if i > 0 {
                    text.push('\t');
                }
                match v {
                    Value::Text(Some(t)) => escape_into(&mut text, t),
                    Value::Int(Some(n)) => text.push_str(&n.to_string()),
                    Value::Text(None) | Value::Int(None) => text.push_str("\\N"),
                }
            }
            text.push('\n');
        }
        copy.send(text.as_bytes()).await?;
    }
    copy.finish().await?;
    conn.close().await?;
    Ok(())
}

/// A value in `COPY`'s text format: backslash, tab, newline and carriage return escaped.
fn escape_into(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// Statistics for the planner, and the visibility map that lets index-only scans skip the
/// table (what autovacuum would have done by the time a table holds a million rows).
pub async fn analyze(url: &str) -> BoxResult<()> {
    let mut conn = PgConnection::connect(url).await?;
    conn.execute("VACUUM ANALYZE").await?;
    conn.close().await?;
    Ok(())
}
