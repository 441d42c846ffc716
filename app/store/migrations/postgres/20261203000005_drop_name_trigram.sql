-- Drops the trigram index of 20261203000003_name_search. Measured at 1,000,000 dossiers
-- (docs/performance.md, "Name search on PostgreSQL"), it made the staff queues' search for a
-- common name slower, not faster: 65–70 ms with it against 28 ms without, because a common
-- Vietnamese name is made of trigrams that most of the table shares, and the planner then
-- prefers the index over the agency's rows. The extension stays: it is harmless, and a later
-- index (on rarer columns) may use it.
DROP INDEX IF EXISTS dossiers_search_name_trgm;
