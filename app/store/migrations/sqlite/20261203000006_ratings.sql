-- The citizen's rating of a returned dossier (motcua_domain::rating): one row per dossier,
-- replaced when the citizen changes it within the window, which runs from `first_rated_at`.
-- The answers are the domain's stable codes; the CHECKs keep a manual edit from storing
-- one the indicators cannot read.
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
