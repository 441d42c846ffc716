//! A side connection through sqlx `Any` for what the store does not offer: the database's
//! version and size, and the dossiers the timed queries look for. The few statements that
//! differ between the backends are chosen here by [`Backend`].

use std::str::FromStr;

use motcua_store::Backend;
use sqlx::postgres::PgConnectOptions;
use sqlx::{AnyPool, ConnectOptions, Connection, Executor};

use crate::BoxResult;

/// What the timed queries look for, taken from the stored data (so a `--reuse` run asks the
/// same as the run that filled the database).
pub struct Targets {
    pub agency: String,
    /// An account holding process steps of that agency.
    pub account: i64,
    /// A dossier of that agency filed mid-way: its code and its applicant's ID number.
    pub code: String,
    pub id_number: String,
    pub procedure_code: String,
}

/// About the database, for the report's first line.
pub struct About {
    pub version: String,
    pub dossiers: i64,
    pub of_agency: i64,
    pub bytes: i64,
}

pub struct Side {
    pool: AnyPool,
    backend: Backend,
}

impl Side {
    pub async fn connect(url: &str, backend: Backend) -> BoxResult<Side> {
        sqlx::any::install_default_drivers();
        Ok(Side {
            pool: AnyPool::connect(url).await?,
            backend,
        })
    }

    pub async fn dossiers(&self) -> BoxResult<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM dossiers")
            .fetch_one(&self.pool)
            .await?)
    }

    pub async fn targets(&self) -> BoxResult<Targets> {
        let agency: String = sqlx::query_scalar("SELECT min(code) FROM agencies")
            .fetch_one(&self.pool)
            .await?;
        let account: i64 = sqlx::query_scalar(
            "SELECT min(assignee_id) FROM dossiers WHERE agency_code = $1 AND status = 4",
        )
        .bind(&agency)
        .fetch_one(&self.pool)
        .await?;
        let of_agency: i64 =
            sqlx::query_scalar("SELECT count(*) FROM dossiers WHERE agency_code = $1")
                .bind(&agency)
                .fetch_one(&self.pool)
                .await?;
        let (code, id_number): (String, String) = sqlx::query_as(
            "SELECT code, applicant_id_number FROM dossiers WHERE agency_code = $1
             ORDER BY filed_at, code LIMIT 1 OFFSET $2",
        )
        .bind(&agency)
        .bind(of_agency / 2)
        .fetch_one(&self.pool)
        .await?;
        let procedure_code: String = sqlx::query_scalar("SELECT min(code) FROM procedures")
            .fetch_one(&self.pool)
            .await?;
        Ok(Targets {
            agency,
            account,
            code,
            id_number,
            procedure_code,
        })
    }

    pub async fn about(&self, agency: &str) -> BoxResult<About> {
        let (version, size) = match self.backend {
            Backend::Sqlite => (
                "SELECT 'SQLite ' || sqlite_version()",
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
            ),
            Backend::Postgres => (
                "SELECT 'PostgreSQL ' || current_setting('server_version')",
                "SELECT pg_database_size(current_database())",
            ),
        };
        let (dossiers, of_agency): (i64, i64) = sqlx::query_as(
            "SELECT count(*), coalesce(sum(CASE WHEN agency_code = $1 THEN 1 ELSE 0 END), 0)
             FROM dossiers",
        )
        .bind(agency)
        .fetch_one(&self.pool)
        .await?;
        Ok(About {
            version: sqlx::query_scalar(version).fetch_one(&self.pool).await?,
            dossiers,
            of_agency,
            bytes: sqlx::query_scalar(size).fetch_one(&self.pool).await?,
        })
    }

    pub async fn close(self) {
        self.pool.close().await;
    }
}

/// Creates the database a `postgres://…/NAME` URL names when the server has none of that
/// name yet, with the byte-order collation the store requires.
pub async fn create_postgres_database(url: &str) -> BoxResult<()> {
    let options = PgConnectOptions::from_str(url)?;
    let name = options
        .get_database()
        .ok_or("the PostgreSQL URL names no database (postgres://USER@HOST:PORT/NAME)")?
        .to_string();
    let mut conn = options.database("postgres").connect().await?;
    let exists: Option<i32> = sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_optional(&mut conn)
        .await?;
    if exists.is_none() {
        let quoted = name.replace('"', "\"\"");
        conn.execute(
            format!(
                "CREATE DATABASE \"{quoted}\" TEMPLATE template0 ENCODING 'UTF8' \
                 LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'"
            )
            .as_str(),
        )
        .await?;
    }
    conn.close().await?;
    Ok(())
}
