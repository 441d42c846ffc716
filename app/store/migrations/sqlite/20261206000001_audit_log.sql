-- The audit trail (motcua_domain::audit): who did what, to which object, from where, when.
-- Append-only: the triggers refuse UPDATE and DELETE, so not even the application can
-- rewrite it. The actor's agency and roles are copied in as they were at the time (roles
-- change; what they were when the act happened is what the trail must say). No foreign keys:
-- an entry for an unknown login has no account, and the trail must outlive any other row.
CREATE TABLE audit_log (
    id               INTEGER PRIMARY KEY,
    at               TEXT NOT NULL,
    action           TEXT NOT NULL,
    actor_account_id INTEGER,
    actor_agency     TEXT,
    actor_roles      TEXT NOT NULL,             -- comma-separated role codes, '' for a citizen
    dossier_code     TEXT,
    object           TEXT,                      -- e.g. 'account:12', 'document:5', '2026-09-02'
    detail           TEXT NOT NULL,             -- e.g. the move's action, the new roles
    client           TEXT,                      -- the client address, when it came over HTTP
    request_id       TEXT NOT NULL
);
CREATE INDEX audit_log_dossier ON audit_log (dossier_code, at);
CREATE INDEX audit_log_actor ON audit_log (actor_account_id, at);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
