-- The PostgreSQL twin of migrations/sqlite/20261202000001_reference_data.sql: identical (it
-- has only TEXT columns and no trigger), kept as its own file so the versions line up.

-- Which version of each list of reference data the product ships (the national
-- administrative units, ...) has been applied to this database, so that a start applies a
-- newer list once and never re-applies the same one over an administrator's own import.
CREATE TABLE reference_data (
    name       TEXT PRIMARY KEY,
    version    TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
