//! What the copy will do, decided from both databases' catalogues before anything is
//! written: the same migrations applied, no table the copy does not know, and for each table
//! the columns both sides have (by name, with the same kinds) and its primary key.

use sha2::Sha256;
use sqlx::AnyConnection;
use sqlx::any::AnyRow;

use super::tables::{TABLES, Table, known};
use super::value::Value;
use super::{MigrateError, Side};
use crate::Backend;
use crate::backend::catalogue::{self, Column, ColumnKind, quoted};

/// The most parameters one insert binds: under SQLite's limit (32,766) and PostgreSQL's
/// (65,535).
const MAX_PARAMETERS: usize = 30_000;

/// Rows per insert statement (fewer for a table so wide that they would bind too many).
const BATCH_ROWS: usize = 500;

/// One table's copy.
#[derive(Debug)]
pub(super) struct TablePlan {
    pub table: &'static Table,
    /// The columns, by name and kind, in the source's order.
    columns: Vec<(String, ColumnKind)>,
    /// The primary key's columns, in key order: the order rows are read and hashed in.
    key: Vec<String>,
}

/// A database seen through one connection.
pub(super) struct Db<'a> {
    pub side: Side,
    pub backend: Backend,
    pub conn: &'a mut AnyConnection,
}

/// Checks that the two databases can be copied one into the other and plans each table.
pub(super) async fn plan(
    source: &mut Db<'_>,
    target: &mut Db<'_>,
) -> Result<Vec<TablePlan>, MigrateError> {
    let from_versions = catalogue::applied_migrations(source.conn).await?;
    let to_versions = catalogue::applied_migrations(target.conn).await?;
    if from_versions != to_versions {
        return Err(MigrateError::VersionMismatch {
            from_versions: versions_text(&from_versions),
            to_versions: versions_text(&to_versions),
        });
    }
    refuse_unknown_tables(source).await?;
    refuse_unknown_tables(target).await?;
    let mut plans = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let from = source.backend.columns(source.conn, table.name).await?;
        let to = target.backend.columns(target.conn, table.name).await?;
        plans.push(TablePlan::new(table, &from, &to)?);
    }
    Ok(plans)
}

/// Refuses a database with a table the copy does not know: it would be left behind.
async fn refuse_unknown_tables(db: &mut Db<'_>) -> Result<(), MigrateError> {
    let unknown: Vec<String> = db
        .backend
        .tables(db.conn)
        .await?
        .into_iter()
        .filter(|t| known(t).is_none())
        .collect();
    if unknown.is_empty() {
        return Ok(());
    }
    Err(MigrateError::UnknownTables {
        side: db.side,
        tables: unknown.join(", "),
    })
}

fn versions_text(versions: &[i64]) -> String {
    match versions.last() {
        Some(last) => format!("{} migrations, the last {last}", versions.len()),
        None => "no migrations".into(),
    }
}

/// The key columns of a catalogue's table, in key order.
fn key_of(columns: &[Column]) -> Vec<String> {
    let mut key: Vec<&Column> = columns
        .iter()
        .filter(|c| c.key_position.is_some())
        .collect();
    key.sort_by_key(|c| c.key_position);
    key.into_iter().map(|c| c.name.clone()).collect()
}

/// The columns as (name, kind), refusing a type the copy cannot carry.
fn kinds(
    table: &str,
    side: Side,
    columns: &[Column],
) -> Result<Vec<(String, ColumnKind)>, MigrateError> {
    columns
        .iter()
        .map(|c| match c.kind {
            Some(kind) => Ok((c.name.clone(), kind)),
            None => Err(MigrateError::Schema {
                table: table.into(),
                detail: format!(
                    "column {} of the {side} has type {}, which the migration cannot copy",
                    c.name, c.declared
                ),
            }),
        })
        .collect()
}

impl TablePlan {
    fn new(
        table: &'static Table,
        from: &[Column],
        to: &[Column],
    ) -> Result<TablePlan, MigrateError> {
        let schema = |detail: String| MigrateError::Schema {
            table: table.name.into(),
            detail,
        };
        if from.is_empty() || to.is_empty() {
            let side = if from.is_empty() {
                Side::Source
            } else {
                Side::Target
            };
            return Err(schema(format!("the {side} has no such table")));
        }
        let columns = kinds(table.name, Side::Source, from)?;
        let mut theirs = kinds(table.name, Side::Target, to)?;
        let mut ours = columns.clone();
        ours.sort();
        theirs.sort();
        if ours != theirs {
            return Err(schema(format!(
                "the source has columns {ours:?}, the target {theirs:?}"
            )));
        }
        let key = key_of(from);
        if key.is_empty() || key != key_of(to) {
            return Err(schema("the primary keys differ or are missing".into()));
        }
        Ok(TablePlan {
            table,
            columns,
            key,
        })
    }

    /// Every row, every column, in primary-key order (text keys compare byte by byte on
    /// both backends: PostgreSQL databases are checked to use the C collation).
    pub fn select_sql(&self) -> String {
        let list = |names: &mut dyn Iterator<Item = &String>| {
            names.map(|n| quoted(n)).collect::<Vec<_>>().join(", ")
        };
        format!(
            "SELECT {} FROM {} ORDER BY {}",
            list(&mut self.columns.iter().map(|(n, _)| n)),
            quoted(self.table.name),
            list(&mut self.key.iter())
        )
    }

    /// How many rows one insert carries.
    pub fn batch_rows(&self) -> usize {
        BATCH_ROWS.min(MAX_PARAMETERS / self.columns.len()).max(1)
    }

    /// An insert of `rows` rows with every column named.
    pub fn insert_sql(&self, rows: usize) -> String {
        let width = self.columns.len();
        let names: Vec<String> = self.columns.iter().map(|(n, _)| quoted(n)).collect();
        let tuples: Vec<String> = (0..rows)
            .map(|r| {
                let params: Vec<String> =
                    (1..=width).map(|c| format!("${}", r * width + c)).collect();
                format!("({})", params.join(", "))
            })
            .collect();
        format!(
            "INSERT INTO {} ({}) VALUES {}",
            quoted(self.table.name),
            names.join(", "),
            tuples.join(", ")
        )
    }

    /// A row as read by [`TablePlan::select_sql`].
    pub fn read_row(&self, row: &AnyRow) -> Result<Vec<Value>, MigrateError> {
        self.columns
            .iter()
            .enumerate()
            .map(|(i, (name, kind))| {
                Value::read(row, i, *kind).map_err(|e| MigrateError::Schema {
                    table: self.table.name.into(),
                    detail: format!("a value of column {name} cannot be read: {e}"),
                })
            })
            .collect()
    }

    /// Inserts the rows (at most [`TablePlan::batch_rows`]) in one statement.
    pub async fn insert(
        &self,
        conn: &mut AnyConnection,
        rows: Vec<Vec<Value>>,
    ) -> Result<(), MigrateError> {
        if rows.is_empty() {
            return Ok(());
        }
        let sql = self.insert_sql(rows.len());
        let mut query = sqlx::query(&sql);
        for row in rows {
            for (value, (_, kind)) in row.into_iter().zip(&self.columns) {
                query = value.bind(query, *kind);
            }
        }
        query.execute(conn).await?;
        Ok(())
    }

    /// Feeds a row to the table's hash.
    pub fn hash_row(row: &[Value], hasher: &mut Sha256) {
        for value in row {
            value.hash_into(hasher);
        }
    }
}
