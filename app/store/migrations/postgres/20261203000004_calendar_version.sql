-- PostgreSQL twin of migrations/sqlite/20261203000004_calendar_version.sql (BIGINT, as every
-- integer column here).
-- The working calendar's version, raised in the same transaction as every change of
-- `calendar_days`, so that every server's cached calendar sees another server's change.
CREATE TABLE calendar_version (
    id      BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL CHECK (version > 0)
);
