-- motcua schema, version 1.
--
-- Conventions (see also the crate documentation of motcua-store):
-- * Every moment is UTC text in one fixed-width form, `YYYY-MM-DDTHH:MM:SS.ffffffZ`, so text
--   order is time order and `<` comparisons work in SQL. Calendar dates are `YYYY-MM-DD`.
-- * JSON documents (procedure definitions, answers, draft data, addresses) are TEXT holding
--   JSON; PostgreSQL will use `jsonb` for the same columns.
-- * `INTEGER PRIMARY KEY` is SQLite's row id; PostgreSQL will use
--   `BIGINT GENERATED ALWAYS AS IDENTITY`. Everything else is portable SQL.
-- * Records of what happened (dossier events, their attachments, filed procedure versions)
--   are never updated or deleted; triggers below enforce it.

-- Administrative units (đơn vị hành chính): provinces and communes, no district tier since
-- 7/2025. Loaded from the list the deployment ships; upserted by code.
CREATE TABLE admin_units (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('province', 'commune')),
    -- Deferred so that one import may list communes before their province.
    parent_code TEXT REFERENCES admin_units (code) DEFERRABLE INITIALLY DEFERRED,
    CHECK ((level = 'commune') = (parent_code IS NOT NULL))
);
CREATE INDEX admin_units_parent ON admin_units (parent_code);

-- Receiving agencies, keyed by their identifier code (mã định danh, e.g. 000.00.06.H56),
-- which is also the first part of every dossier code they issue.
CREATE TABLE agencies (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    level     TEXT NOT NULL,
    unit_code TEXT REFERENCES admin_units (code)
);

-- Procedure definitions, one row per (code, version). A filed dossier points at the exact row
-- it was filed under, so rows are immutable: a new version is a new row.
CREATE TABLE procedures (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL,
    version     TEXT NOT NULL,          -- YYYY-MM-DD, the date it takes effect
    name_vi     TEXT NOT NULL,
    sector_vi   TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('province', 'commune')),
    online      TEXT NOT NULL CHECK (online IN ('full', 'partial')),
    definition  TEXT NOT NULL,          -- canonical JSON of the whole file
    imported_at TEXT NOT NULL,
    UNIQUE (code, version)
);

CREATE TRIGGER procedures_immutable BEFORE UPDATE ON procedures
BEGIN
    SELECT RAISE(ABORT, 'procedure versions are immutable; import a new version instead');
END;

-- Which agencies receive which procedure. Keyed by procedure code, not version: the mapping
-- is organisational and survives new versions of the rules.
CREATE TABLE procedure_receivers (
    procedure_code TEXT NOT NULL,
    agency_code    TEXT NOT NULL REFERENCES agencies (code),
    PRIMARY KEY (procedure_code, agency_code)
);
CREATE INDEX procedure_receivers_agency ON procedure_receivers (agency_code);

-- Uploaded file contents, content-addressed: the bytes live in `files/<aa>/<sha256>` beside
-- the database; this row records that they were written (and fsynced) before any row
-- referencing them was committed.
CREATE TABLE files (
    sha256     TEXT PRIMARY KEY,        -- lowercase hex
    size       INTEGER NOT NULL CHECK (size >= 0),
    created_at TEXT NOT NULL
);

-- Dossiers (hồ sơ). The applicant is copied into columns (not a reference to an account)
-- because the dossier must keep what was filed even if an account changes later.
CREATE TABLE dossiers (
    code                 TEXT PRIMARY KEY,   -- {agency}-{YYMMDD}-{NNNN}
    procedure_id         INTEGER NOT NULL REFERENCES procedures (id),
    agency_code          TEXT NOT NULL REFERENCES agencies (code),
    status               INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
    applicant_full_name  TEXT NOT NULL,
    applicant_id_number  TEXT NOT NULL,
    applicant_phone      TEXT NOT NULL,
    applicant_email      TEXT,
    applicant_address    TEXT,               -- JSON { province, commune, street }
    applicant_birth_date TEXT,               -- YYYY-MM-DD
    answers              TEXT NOT NULL,      -- JSON object, canonical answers
    filed_at             TEXT NOT NULL,
    -- Derived from the events and kept here only so lists and statistics need no replay;
    -- the events stay the record. Set by the workflow (acceptance, steps, pauses).
    accepted_at          TEXT,
    due_at               TEXT,
    current_step         TEXT,
    finished_at          TEXT,               -- status 9 reached
    updated_at           TEXT NOT NULL
);
CREATE INDEX dossiers_agency_status ON dossiers (agency_code, status);
CREATE INDEX dossiers_applicant_id ON dossiers (applicant_id_number);
CREATE INDEX dossiers_applicant_phone ON dossiers (applicant_phone);

-- Per-agency, per-day sequence for dossier codes. `day` is the Asia/Ho_Chi_Minh date.
-- Rows are only ever incremented, never deleted, so a code is never issued twice.
CREATE TABLE dossier_sequences (
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    day         TEXT NOT NULL,
    last        INTEGER NOT NULL CHECK (last >= 1),
    PRIMARY KEY (agency_code, day)
);

-- The documents of a dossier. Round 0 is what was filed; a supplement (status 5) adds a
-- later round and marks the replaced rows superseded, so every earlier version is kept.
CREATE TABLE dossier_documents (
    id            INTEGER PRIMARY KEY,
    dossier_code  TEXT NOT NULL REFERENCES dossiers (code),
    document_id   TEXT NOT NULL,             -- the procedure's document id
    original_name TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL REFERENCES files (sha256),
    round         INTEGER NOT NULL DEFAULT 0,
    added_at      TEXT NOT NULL,
    added_by      TEXT NOT NULL,             -- 'citizen' or a staff actor
    superseded_at TEXT
);
CREATE INDEX dossier_documents_dossier ON dossier_documents (dossier_code);

-- Every status move of a dossier: append-only. Nothing in motcua updates or deletes a row
-- here, and the triggers below refuse it (which also makes a dossier with events
-- undeletable, as it should be).
CREATE TABLE dossier_events (
    id           INTEGER PRIMARY KEY,
    dossier_code TEXT NOT NULL REFERENCES dossiers (code),
    at           TEXT NOT NULL,
    from_status  INTEGER CHECK (from_status BETWEEN 1 AND 10),
    to_status    INTEGER NOT NULL CHECK (to_status BETWEEN 1 AND 10),
    actor        TEXT NOT NULL,              -- 'citizen' or the staff account
    step         TEXT,                       -- process step id, for moves within status 4
    reason       TEXT
);
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_code, id);

CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
BEGIN
    SELECT RAISE(ABORT, 'dossier_events is append-only');
END;
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
BEGIN
    SELECT RAISE(ABORT, 'dossier_events is append-only');
END;

-- Files attached to an event (a slip, a result document, a refusal letter): append-only too.
CREATE TABLE dossier_event_attachments (
    id            INTEGER PRIMARY KEY,
    event_id      INTEGER NOT NULL REFERENCES dossier_events (id),
    kind          TEXT NOT NULL,             -- e.g. 'slip_01', 'result'
    original_name TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL REFERENCES files (sha256)
);
CREATE INDEX dossier_event_attachments_event ON dossier_event_attachments (event_id);

CREATE TRIGGER dossier_event_attachments_no_update BEFORE UPDATE ON dossier_event_attachments
BEGIN
    SELECT RAISE(ABORT, 'dossier_event_attachments is append-only');
END;
CREATE TRIGGER dossier_event_attachments_no_delete BEFORE DELETE ON dossier_event_attachments
BEGIN
    SELECT RAISE(ABORT, 'dossier_event_attachments is append-only');
END;

-- Filing drafts: the citizen's progress through the form, kept server-side. The bearer token
-- is never stored, only its SHA-256, so a copy of the database does not let anyone resume
-- or file someone else's draft. `data` is owned by the web layer.
CREATE TABLE drafts (
    id           INTEGER PRIMARY KEY,
    token_sha256 TEXT NOT NULL UNIQUE,
    procedure_id INTEGER NOT NULL REFERENCES procedures (id),
    data         TEXT NOT NULL,
    dossier_code TEXT UNIQUE REFERENCES dossiers (code),   -- set once, when filed
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX drafts_updated ON drafts (updated_at);

-- Files attached to a draft, several per document allowed. Copied (by reference to the same
-- content) into dossier_documents when filed, so deleting a stale draft loses nothing filed.
CREATE TABLE draft_uploads (
    id            INTEGER PRIMARY KEY,
    draft_id      INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    document_id   TEXT NOT NULL,
    original_name TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL REFERENCES files (sha256),
    uploaded_at   TEXT NOT NULL
);
CREATE INDEX draft_uploads_draft ON draft_uploads (draft_id);
