-- PostgreSQL twin of migrations/sqlite/20261203000001_dossier_version.sql (BIGINT, as every
-- integer column here).
-- The optimistic lock of a dossier: a counter raised by every move, which a move names to
-- be written only over the state it was decided on.
ALTER TABLE dossiers ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
