-- Twin of migrations/postgres/20261203000003_name_search.sql, which gives PostgreSQL a
-- trigram index for the staff queues' name search. SQLite needs none: it tests the name on
-- the agency's covering index `dossiers_agency_filed` (see docs/performance.md), and has no
-- index that serves `LIKE '%…%'`. Nothing to do; the version keeps the two folders twins.
SELECT 1;
