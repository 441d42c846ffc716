-- PostgreSQL twin of migrations/sqlite/20261203000002_miss_counters.sql (BIGINT, as every
-- integer column here).
-- Failed guesses per client (the public lookup, claims, sign-in), so that every server of a
-- deployment counts the same misses.
CREATE TABLE miss_counters (
    scope        TEXT NOT NULL,
    client       TEXT NOT NULL,
    misses       BIGINT NOT NULL CHECK (misses >= 0),
    window_start TEXT NOT NULL,
    PRIMARY KEY (scope, client)
);
CREATE INDEX miss_counters_window ON miss_counters (window_start);
