-- The staff queues' name search (`Store::queue`: `search_name LIKE '%…%'`, a part of the
-- folded name) through a trigram index: without one, PostgreSQL tests the agency's dossiers
-- one table row at a time (0.1 s at 200,000 dossiers, see docs/performance.md). pg_trgm ships
-- with PostgreSQL and is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX dossiers_search_name_trgm ON dossiers USING GIN (search_name gin_trgm_ops);
