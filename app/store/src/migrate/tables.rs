//! Every table of the schema, in foreign-key order: each table comes after the tables its
//! foreign keys name, so that a copy inserts parents before their children on both backends
//! (PostgreSQL checks most of its foreign keys at each statement, SQLite all of them).
//!
//! A migration that adds a table must add it here: the copy refuses a database with a table
//! this list does not name, and the test below fails on a fresh database first.

/// What a table holds, which decides what the target may already have in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Holds {
    /// The deployment's own data: a target with any row here is not empty, and is refused.
    Data,
    /// What every open of a database writes by itself, before anyone uses it: the reference
    /// lists the product ships (the national administrative units) and the marks recording
    /// which versions of them and which one-time backfills were applied (`reference_data`).
    /// A fresh target has these rows; the source's rows replace them in the copy's
    /// transaction, so the target ends as the source's exact copy (an administrator's own
    /// unit corrections included) and its next start re-applies nothing.
    Reference,
}

/// A table the copy knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Table {
    pub name: &'static str,
    pub holds: Holds,
}

const fn data(name: &'static str) -> Table {
    Table {
        name,
        holds: Holds::Data,
    }
}

const fn reference(name: &'static str) -> Table {
    Table {
        name,
        holds: Holds::Reference,
    }
}

/// Every table, parents first.
pub(super) const TABLES: &[Table] = &[
    // `parent_code` refers to the table itself; the key is deferred on both backends.
    reference("admin_units"),
    reference("reference_data"),
    data("agencies"),
    data("procedures"),
    data("procedure_receivers"),
    data("files"),
    data("calendar_days"),
    data("calendar_version"),
    data("accounts"),
    data("account_roles"),
    data("sessions"),
    data("dossiers"),
    data("dossier_sequences"),
    data("dossier_documents"),
    data("dossier_events"),
    data("ratings"),
    data("dossier_event_attachments"),
    data("dossier_answer_versions"),
    data("drafts"),
    data("draft_uploads"),
    data("miss_counters"),
    data("audit_log"),
];

/// The listed table of this name.
pub(super) fn known(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

#[cfg(all(test, feature = "testing"))]
mod tests {
    use super::*;
    use crate::testing::TestDatabase;

    /// On the run's backend: a table a migration adds without adding it to [`TABLES`] fails
    /// here, rather than at a deployment's migration.
    #[tokio::test]
    async fn the_list_names_every_table_of_a_migrated_database_once() {
        let db = TestDatabase::new().await;
        let store = db.open().await;
        let mut conn = store.pool.acquire().await.unwrap();
        let tables = store.backend.tables(&mut conn).await.unwrap();
        let mut listed: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
        listed.sort_unstable();
        let before = listed.len();
        listed.dedup();
        assert_eq!(listed.len(), before, "a table is listed twice");
        assert_eq!(tables, listed);
    }

    /// On SQLite, whose catalogue lists foreign keys simply: every table comes after the
    /// tables it refers to (other than itself).
    #[tokio::test]
    async fn parents_come_before_their_children() {
        let dir = tempfile::TempDir::new().unwrap();
        let url = format!("sqlite://{}/motcua.db", dir.path().display());
        let store = crate::Store::open(&url).await.unwrap();
        for (i, table) in TABLES.iter().enumerate() {
            let parents: Vec<String> =
                sqlx::query_scalar("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list($1)")
                    .bind(table.name)
                    .fetch_all(&store.pool)
                    .await
                    .unwrap();
            for parent in parents.iter().filter(|p| *p != table.name) {
                let at = TABLES.iter().position(|t| t.name == parent).unwrap();
                assert!(at < i, "{} refers to {parent}, listed after it", table.name);
            }
        }
    }
}
