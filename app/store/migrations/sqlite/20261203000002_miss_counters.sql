-- Failed guesses per client (the public lookup, claims, sign-in), so that every server of a
-- deployment counts the same misses: kept in a server's memory, a guesser behind a proxy
-- that spreads requests over N servers would get N times the tries.
CREATE TABLE miss_counters (
    scope        TEXT NOT NULL,            -- which limit: 'lookup' or 'sign-in'
    client       TEXT NOT NULL,            -- the client's address
    misses       INTEGER NOT NULL CHECK (misses >= 0),
    window_start TEXT NOT NULL,            -- UTC moment of the first miss of the window
    PRIMARY KEY (scope, client)
);
CREATE INDEX miss_counters_window ON miss_counters (window_start);
