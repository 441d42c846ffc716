-- PostgreSQL twin of migrations/sqlite/20261203000006_ratings.sql (the same columns: text
-- answers, moments as fixed-width UTC text).
CREATE TABLE ratings (
    dossier_code   TEXT PRIMARY KEY REFERENCES dossiers (code),
    overall        TEXT NOT NULL CHECK (overall IN
                     ('very-dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'very-satisfied')),
    timeliness     TEXT NOT NULL CHECK (timeliness IN ('late', 'on-time', 'early')),
    contacts       TEXT NOT NULL CHECK (contacts IN ('three-or-more', 'two', 'one')),
    attitude       TEXT NOT NULL CHECK (attitude IN ('poor', 'acceptable', 'good')),
    transparency   TEXT NOT NULL CHECK (transparency IN ('poor', 'acceptable', 'good')),
    online_service TEXT CHECK (online_service IN ('poor', 'acceptable', 'good')),
    comment        TEXT NOT NULL,
    first_rated_at TEXT NOT NULL,
    rated_at       TEXT NOT NULL
);
