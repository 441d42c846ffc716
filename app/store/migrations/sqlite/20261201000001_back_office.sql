-- motcua schema, version 2: the back office (accounts, sessions, the working calendar, the
-- workflow state of a dossier, supplement rounds). Conventions as in version 1.

-- The working calendar's exceptions: public holidays and make-up working days. Every other
-- date follows the weekly rule (Monday to Friday). Replaced row by row by
-- `motcua calendar import`.
CREATE TABLE calendar_days (
    date TEXT PRIMARY KEY,                        -- YYYY-MM-DD
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name TEXT NOT NULL
);

-- Accounts of staff (of one agency) and of citizens. A citizen signs in with their phone; a
-- staff member with a user name. Passwords are argon2id PHC strings, never the password.
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('staff', 'citizen')),
    login         TEXT NOT NULL UNIQUE,           -- staff: lower-case user name; citizen: 0xxxxxxxxx
    full_name     TEXT NOT NULL,
    phone         TEXT,
    email         TEXT,
    agency_code   TEXT REFERENCES agencies (code),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL,
    CHECK ((kind = 'staff') = (agency_code IS NOT NULL))
);
CREATE INDEX accounts_agency ON accounts (agency_code);

CREATE TABLE account_roles (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role       TEXT NOT NULL
               CHECK (role IN ('reception', 'specialist', 'leader', 'clerk', 'admin')),
    PRIMARY KEY (account_id, role)
);

-- Server-side sessions. Only the SHA-256 of the session id is stored, so a copy of the
-- database does not let anyone sign in as somebody else.
CREATE TABLE sessions (
    id_sha256    TEXT PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

-- The workflow state of a dossier, derived from its events and kept here so that queues and
-- statistics need no replay. Written only together with the event that explains it.
ALTER TABLE dossiers ADD COLUMN citizen_account_id INTEGER REFERENCES accounts (id);
ALTER TABLE dossiers ADD COLUMN assignee_id INTEGER REFERENCES accounts (id);
ALTER TABLE dossiers ADD COLUMN step_started_at TEXT;
ALTER TABLE dossiers ADD COLUMN step_due_at TEXT;
-- The statutory due moment (pauses included, apologies not): what statistics judge against,
-- while `due_at` is the moment promised to the citizen (an apology's new date replaces it).
ALTER TABLE dossiers ADD COLUMN statutory_due_at TEXT;
ALTER TABLE dossiers ADD COLUMN paused_at TEXT;
-- Where a dossier returns when the citizen answers a supplement request (1 or 4).
ALTER TABLE dossiers ADD COLUMN resume_status INTEGER CHECK (resume_status IN (1, 4));
-- The applicant's name folded (lower case, no diacritics, đ→d) for staff search.
ALTER TABLE dossiers ADD COLUMN search_name TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN supplement_round INTEGER NOT NULL DEFAULT 0;

-- One index per queue order, each starting with the agency (see Store::queue): a queue page
-- reads index entries in order instead of sorting the agency's whole history.
CREATE INDEX dossiers_agency_status_filed ON dossiers (agency_code, status, filed_at, code);
CREATE INDEX dossiers_agency_status_step ON dossiers (agency_code, status, step_due_at, code);
CREATE INDEX dossiers_agency_status_due ON dossiers (agency_code, status, due_at, code);
CREATE INDEX dossiers_assignee ON dossiers (assignee_id, status, step_due_at, code);
-- "All dossiers" in filing order; it also holds every column a search or the procedure filter
-- tests, so a search that matches little scans only the index, not the rows.
CREATE INDEX dossiers_agency_filed
    ON dossiers (agency_code, filed_at, code, procedure_id, applicant_id_number, search_name);
CREATE INDEX dossiers_citizen ON dossiers (citizen_account_id, filed_at);

-- Who moved the dossier (the account; `actor` keeps its readable name) and what the move
-- carried: the items of a supplement request, an apology's new date and responsible unit,
-- the assignee of the next step, the due moments computed at that moment.
ALTER TABLE dossier_events ADD COLUMN actor_account_id INTEGER REFERENCES accounts (id);
ALTER TABLE dossier_events ADD COLUMN details TEXT;

-- Answers replaced by a supplement round: the answers as they were before round `round`.
-- Append-only like the events.
CREATE TABLE dossier_answer_versions (
    id           INTEGER PRIMARY KEY,
    dossier_code TEXT NOT NULL REFERENCES dossiers (code),
    round        INTEGER NOT NULL CHECK (round >= 1),
    answers      TEXT NOT NULL,
    replaced_at  TEXT NOT NULL,
    UNIQUE (dossier_code, round)
);
CREATE TRIGGER dossier_answer_versions_no_update BEFORE UPDATE ON dossier_answer_versions
BEGIN
    SELECT RAISE(ABORT, 'dossier_answer_versions is append-only');
END;
CREATE TRIGGER dossier_answer_versions_no_delete BEFORE DELETE ON dossier_answer_versions
BEGIN
    SELECT RAISE(ABORT, 'dossier_answer_versions is append-only');
END;
