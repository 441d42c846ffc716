-- Which version of each list of reference data the product ships (the national
-- administrative units, ...) has been applied to this database, so that a start applies a
-- newer list once and never re-applies the same one over an administrator's own import.
CREATE TABLE reference_data (
    name       TEXT PRIMARY KEY,
    version    TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
