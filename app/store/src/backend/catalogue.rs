//! What a database says about its own schema (its tables, their columns and primary keys,
//! the migrations applied), read from each backend's own catalogue, for the data migration
//! between backends (`crate::migrate`), which copies columns by name without knowing them.

use sqlx::AnyConnection;

use super::{Backend, postgres, sqlite};
use crate::Result;

/// How a column's values are read and written through sqlx's `Any` driver.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum ColumnKind {
    Integer,
    Real,
    Text,
    Blob,
}

/// A column as the catalogue describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Column {
    pub name: String,
    /// `None` when the backend's declared type is none of the four kinds (a boolean, a
    /// date): the migration refuses such a table rather than guess.
    pub kind: Option<ColumnKind>,
    /// Its place in the primary key (1 for the first key column), if it is part of it.
    pub key_position: Option<i64>,
    /// The declared type, for messages.
    pub declared: String,
}

impl Backend {
    /// The application's tables (not the backend's own, not sqlx's migration table), sorted.
    pub(crate) async fn tables(self, conn: &mut AnyConnection) -> Result<Vec<String>> {
        match self {
            Backend::Sqlite => sqlite::tables(conn).await,
            Backend::Postgres => postgres::tables(conn).await,
        }
    }

    /// The columns of `table`, in their declared order.
    pub(crate) async fn columns(
        self,
        conn: &mut AnyConnection,
        table: &str,
    ) -> Result<Vec<Column>> {
        match self {
            Backend::Sqlite => sqlite::columns(conn, table).await,
            Backend::Postgres => postgres::columns(conn, table).await,
        }
    }

    /// After rows were inserted with their ids given, moves each of `table`'s id generators
    /// past the largest id, so that the next insert does not collide. SQLite's row ids need
    /// nothing: a new row takes the largest id plus one anyway.
    pub(crate) async fn reset_identities(
        self,
        conn: &mut AnyConnection,
        table: &str,
    ) -> Result<()> {
        match self {
            Backend::Sqlite => Ok(()),
            Backend::Postgres => postgres::reset_identities(conn, table).await,
        }
    }
}

/// The migrations applied to a database, by version (the same on both backends: the twins
/// have one name), in order.
pub(crate) async fn applied_migrations(conn: &mut AnyConnection) -> Result<Vec<i64>> {
    Ok(
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
            .fetch_all(conn)
            .await?,
    )
}

/// `name` as an SQL identifier, quoted (both backends quote with double quotes), for the
/// statements built from catalogue names, which cannot be bound as parameters.
pub(crate) fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
