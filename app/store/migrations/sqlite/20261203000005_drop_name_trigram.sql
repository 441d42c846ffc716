-- Twin of migrations/postgres/20261203000005_drop_name_trigram.sql, which drops PostgreSQL's
-- trigram index of the name search. SQLite never had one. Nothing to do; the version keeps
-- the two folders twins.
SELECT 1;
